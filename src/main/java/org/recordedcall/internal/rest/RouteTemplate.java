package org.recordedcall.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Jakarta REST path template ({@code /orders/{id: [0-9]+}/items}) read into its literal text
 * and its parameters: the one reading of templates, for routes and for matching paths.
 */
public final class RouteTemplate {

    /** Literal text, or a parameter with its regular expression ({@code null}: one path segment). */
    private record Part(String literal, String name, String pattern) {
    }

    private RouteTemplate() {
    }

    /**
     * The template with each parameter's regular expression left out, {@code {id: [0-9]{2}}}
     * as {@code {id}}: a route names its parameters, the patterns are the runtime's business.
     */
    public static String withoutPatterns(String template) {
        var route = new StringBuilder(template.length());
        for (var part : parts(template)) {
            route.append(part.literal() != null ? part.literal() : "{" + part.name() + "}");
        }
        return route.toString();
    }

    /** Whether the template matches a path (a trailing slash allowed), as the runtime matched it. */
    public static boolean matches(String template, String path) {
        var pattern = pattern(template);
        return pattern != null && pattern.matcher(path).matches();
    }

    /** The template as a pattern of the paths it matches (a trailing slash allowed); {@code null} if its patterns are invalid. */
    public static Pattern pattern(String template) {
        var regex = new StringBuilder();
        for (var part : parts(template)) {
            if (part.literal() != null) {
                regex.append(Pattern.quote(part.literal()));
            } else {
                regex.append(part.pattern() == null ? "[^/]+" : "(?:" + part.pattern() + ")");
            }
        }
        try {
            return Pattern.compile(regex + "/?");
        } catch (RuntimeException badPattern) {
            return null;
        }
    }

    /** How many literal characters the template has: of two that match a path, the runtime prefers the one with more. */
    public static int literalCharacters(String template) {
        var count = 0;
        for (var part : parts(template)) {
            count += part.literal() == null ? 0 : part.literal().length();
        }
        return count;
    }

    private static List<Part> parts(String template) {
        var parts = new ArrayList<Part>();
        var literal = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '{') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                parts.add(new Part(literal.toString(), null, null));
                literal.setLength(0);
            }
            int depth = 1;
            int j = i + 1;
            int colon = -1;
            for (; j < template.length() && depth > 0; j++) {
                char d = template.charAt(j);
                if (d == '{') {
                    depth++;
                } else if (d == '}') {
                    depth--;
                } else if (d == ':' && depth == 1 && colon < 0) {
                    colon = j;
                }
            }
            // an unclosed parameter runs to the end of the template
            int end = depth == 0 ? j - 1 : j;
            var name = template.substring(i + 1, colon < 0 ? end : colon).trim();
            var pattern = colon < 0 ? null : template.substring(colon + 1, end).trim();
            parts.add(new Part(null, name, pattern));
            i = j - 1;
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null, null));
        }
        return parts;
    }
}

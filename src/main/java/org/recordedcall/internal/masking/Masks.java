package org.recordedcall.internal.masking;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Masks the values of secret names in text as it is recorded: JSON (at any depth) and
 * {@code name=value&...} (query strings, form bodies). Works on the text itself, not on a
 * parsed tree, so that a body cut at the cap or malformed still has its secrets masked; what
 * it cannot make sense of it copies unchanged. Never throws.
 */
public final class Masks {

    public static final String MASK = "***";
    private static final String JSON_MASK = "\"" + MASK + "\"";

    private Masks() {
    }

    /**
     * The JSON text with the value of every member whose name is a secret replaced by
     * {@code "***"}; the very same string when there is none.
     */
    public static String json(String text, SecretNames secrets) {
        if (text == null || text.indexOf('"') < 0) {
            return text;
        }
        // made at the first secret: most texts have none, and are returned as they are
        StringBuilder out = null;
        var copied = 0; // the text before this index is in out
        var i = text.indexOf('"');
        var n = text.length();
        while (i >= 0 && i < n) {
            var end = stringEnd(text, i);
            var after = skipSpace(text, end);
            if (after < n && text.charAt(after) == ':' && secrets.isSecret(unescape(text, i + 1, Math.max(i + 1, end - 1)))) {
                var valueStart = skipSpace(text, after + 1);
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, valueStart).append(JSON_MASK);
                copied = valueEnd(text, valueStart);
                i = text.indexOf('"', copied);
            } else {
                i = text.indexOf('"', end);
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /**
     * The {@code name=value&...} text with the value of every secret name replaced by
     * {@code ***}; the very same string when there is none.
     */
    public static String form(String text, SecretNames secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        var out = new StringBuilder(text.length());
        var masked = false;
        var start = 0;
        while (start <= text.length()) {
            var amp = text.indexOf('&', start);
            var end = amp < 0 ? text.length() : amp;
            var pair = text.substring(start, end);
            var eq = pair.indexOf('=');
            var name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && secrets.isSecret(decode(name))) {
                out.append(name).append('=').append(MASK);
                masked = true;
            } else {
                out.append(pair);
            }
            if (amp < 0) {
                break;
            }
            out.append('&');
            start = amp + 1;
        }
        return masked ? out.toString() : text;
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    /** Index just past the string that opens at {@code start} (or the end of the text, if it never closes). */
    private static int stringEnd(String text, int start) {
        var i = start + 1;
        while (i < text.length()) {
            var c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static int skipSpace(String text, int from) {
        var i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just past the JSON value that starts at {@code start}: a string, an object or array (nested), or a literal. */
    private static int valueEnd(String text, int start) {
        var n = text.length();
        if (start >= n) {
            return n;
        }
        var c = text.charAt(start);
        if (c == '"') {
            return stringEnd(text, start);
        }
        if (c == '{' || c == '[') {
            var depth = 0;
            var i = start;
            while (i < n) {
                var d = text.charAt(i);
                if (d == '"') {
                    i = stringEnd(text, i);
                    continue;
                }
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return n;
        }
        var i = start;
        while (i < n && ",}]".indexOf(text.charAt(i)) < 0 && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The characters of a JSON string's content, with its escapes resolved (as far as they are well-formed). */
    private static String unescape(String text, int from, int to) {
        if (text.indexOf('\\', from) < 0 || text.indexOf('\\', from) >= to) {
            return text.substring(from, Math.max(from, to));
        }
        var out = new StringBuilder(to - from);
        var i = from;
        while (i < to) {
            var c = text.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                out.append(c);
                i++;
                continue;
            }
            var e = text.charAt(i + 1);
            if (e == 'u' && i + 6 <= to) {
                try {
                    out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                    i += 6;
                    continue;
                } catch (NumberFormatException malformed) {
                    // copied as it is
                }
            }
            out.append(e);
            i += 2;
        }
        return out.toString();
    }
}

package org.recordedcall.internal.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A raw query string read into its parameters, names and values decoded as UTF-8. */
final class QueryString {

    private QueryString() {
    }

    /**
     * Each name with its values, in the order given; an empty map for none.
     *
     * @throws IllegalArgumentException when a name or value is not valid percent-encoding
     */
    static Map<String, List<String>> parse(String raw) {
        var parameters = new LinkedHashMap<String, List<String>>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (var pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, any -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("the query string is not valid percent-encoding near '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
    }
}

package org.recordedcall.internal.lifecycle;

import org.recordedcall.CurrentCall;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The business attributes application code gives one call ({@link CurrentCall#attribute}),
 * within the limits the interface names: never an exception into the application, a marker
 * where something was cut. Not thread-safe: its {@link CallDraft} guards it.
 */
final class Attributes {

    private static final String ELLIPSIS = "…";

    private final Map<String, String> values = new LinkedHashMap<>();
    private int cut;

    /** A name as it is kept: allowed characters only, cut to the longest; {@code null} for a blank one. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        var stripped = name.strip();
        var kept = new StringBuilder(Math.min(stripped.length(), CurrentCall.MAX_ATTRIBUTE_NAME));
        for (int i = 0; i < stripped.length() && kept.length() < CurrentCall.MAX_ATTRIBUTE_NAME; i++) {
            var c = stripped.charAt(i);
            var allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            kept.append(allowed ? c : '_');
        }
        return kept.toString();
    }

    /**
     * A value as it is kept: its text, control characters made spaces, cut with a marker. A
     * {@code toString} that fails (a lazy entity's, say) gives a placeholder, never an exception.
     */
    static String value(Object value) {
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException | LinkageError failed) {
            text = "<toString failed: " + failed.getClass().getName() + ">";
        }
        var kept = new StringBuilder(Math.min(text.length(), CurrentCall.MAX_ATTRIBUTE_VALUE));
        for (int i = 0; i < text.length(); i++) {
            if (kept.length() == CurrentCall.MAX_ATTRIBUTE_VALUE - ELLIPSIS.length()
                    && text.length() - i > ELLIPSIS.length()) {
                if (Character.isHighSurrogate(kept.charAt(kept.length() - 1))) {
                    kept.setLength(kept.length() - 1); // never half a character
                }
                return kept.append(ELLIPSIS).toString();
            }
            var c = text.charAt(i);
            kept.append(Character.isISOControl(c) ? ' ' : c);
        }
        return kept.toString();
    }

    /**
     * Keeps the attribute (or removes it, for a {@code null} value).
     *
     * @param key   a name as {@link #name} made it, {@code null} to ignore
     * @param value a value as {@link #value} made it
     */
    void put(String key, String value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            values.remove(key);
        } else if (values.containsKey(key) || values.size() < CurrentCall.MAX_ATTRIBUTES) {
            values.put(key, value);
        } else {
            cut++;
        }
    }

    /** What the record holds: the attributes, and the count of those cut. */
    Map<String, String> snapshot() {
        if (cut == 0) {
            return values.isEmpty() ? Map.of() : Map.copyOf(values);
        }
        var all = new LinkedHashMap<>(values);
        all.put(CurrentCall.CUT_ATTRIBUTE, cut + " more not kept (at most " + CurrentCall.MAX_ATTRIBUTES + " a call)");
        return all;
    }
}

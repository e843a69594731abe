package org.recordedcall.internal.persistence;

import org.recordedcall.CallQuery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of calls ended, for the next to begin after it: the order, the last call's
 * sort key (start in epoch microseconds, or duration in nanoseconds) and its id. Opaque to
 * clients: base64url text.
 */
record Cursor(CallQuery.Order order, long key, String id) {

    String encode() {
        var text = order.name() + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of {@code text}, made for {@code order}; throws {@link IllegalArgumentException} for anything else. */
    static Cursor decode(String text, CallQuery.Order order) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length == 3 && parts[0].equals(order.name()) && !parts[2].isEmpty() && parts[2].length() <= 36) {
                return new Cursor(order, Long.parseLong(parts[1]), parts[2]);
            }
        } catch (IllegalArgumentException malformed) {
            // reported below (NumberFormatException is one too)
        }
        throw new IllegalArgumentException("after: not a cursor of a page in " + order + " order: '" + text + "'");
    }
}

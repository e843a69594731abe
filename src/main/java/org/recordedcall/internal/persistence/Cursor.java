package org.recordedcall.internal.persistence;

import org.recordedcall.CallQuery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of calls ended, for the next to begin after it: the order, the last call's
 * sort key (start in epoch microseconds, or duration in nanoseconds) and its id. Opaque to
 * clients: base64url text.
 */
record Cursor(CallQuery.Order order, long key, String id) {

    // ASCII digits only: Long.parseLong takes any Unicode digit
    private static final Pattern KEY = Pattern.compile("-?[0-9]{1,19}");

    /** The start of the call the cursor names, for the orders by start. */
    Instant instant() {
        return Instant.EPOCH.plus(key, ChronoUnit.MICROS);
    }

    String encode() {
        var text = order.name() + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of {@code text}, made for {@code order}; throws {@link IllegalArgumentException} for anything else. */
    static Cursor decode(String text, CallQuery.Order order) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length == 3 && parts[0].equals(order.name()) && KEY.matcher(parts[1]).matches()
                    && !parts[2].isEmpty() && parts[2].length() <= 36) {
                var cursor = new Cursor(order, Long.parseLong(parts[1]), parts[2]);
                if (order == CallQuery.Order.SLOWEST || !cursor.instant().isBefore(CallQuery.EARLIEST)
                        && !cursor.instant().isAfter(CallQuery.LATEST)) {
                    return cursor;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // reported below (NumberFormatException is one too)
        }
        throw new IllegalArgumentException("after: not a cursor of a page in " + order + " order: '" + text + "'");
    }
}

package org.recordedcall.internal.api;

import org.junit.jupiter.api.Test;
import org.recordedcall.CallQuery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's parameters at their types' edges: answered or refused naming the parameter, never overflowed. */
class FiltersTest {

    private static Filters filters(String name, String value) {
        return Filters.of(Map.of(name, List.of(value)), Filters.QUERY);
    }

    private static void refused(String name, String value) {
        var wrong = assertThrows(IllegalArgumentException.class, () -> filters(name, value).query(50),
                () -> name + "=" + value + " was taken");
        assertTrue(wrong.getMessage().startsWith(name), wrong::getMessage);
    }

    @Test
    void numbersInOtherScriptsThanAsciiAreRefused() {
        refused("status", "５００");
        refused("status", "٥٠٠");
        refused("minDurationMs", "٣");
        refused("minDurationMs", "+");
        assertEquals(500, filters("status", "500").query(50).status());
        assertEquals(500, filters("status", " +500 ").query(50).status(), "a sign and spaces around, as Java reads them");
    }

    @Test
    void aMinimumDurationBeyondWhatNanosecondsHoldIsRefused() {
        refused("minDurationMs", "9223372036855");
        refused("minDurationMs", String.valueOf(Long.MAX_VALUE));
        refused("minDurationMs", "99999999999999999999");
        assertEquals(CallQuery.MAX_DURATION_MILLIS,
                filters("minDurationMs", "9223372036854").query(50).minDurationMillis());
    }

    @Test
    void instantsOutsideYearsOneTo9999AreRefused() {
        refused("from", "+999999999-12-31T23:59:59Z");
        refused("to", "-999999999-01-01T00:00:00Z");
        refused("from", "0000-12-31T23:59:59.999Z");
        refused("to", "+10000-01-01T00:00:00Z");
        assertEquals(CallQuery.EARLIEST, filters("from", "0001-01-01T00:00:00Z").query(50).from());
        assertEquals(CallQuery.LATEST, filters("to", "9999-12-31T23:59:59.999999999Z").query(50).to());
    }

    @Test
    void theDefaultWindowBeforeAnEarlyEndStartsNoEarlierThanYearOne() {
        var window = filters("to", "0001-01-01T00:30:00Z").window();

        assertEquals(CallQuery.EARLIEST, window[0]);
        assertEquals(Instant.parse("0001-01-01T00:30:00Z"), window[1]);
        assertThrows(IllegalArgumentException.class, () -> filters("to", "0001-01-01T00:00:00Z").window());
    }

    @Test
    void aQueryStringIsDecodedAsUtf8AndMalformedEncodingRefused() {
        var parameters = QueryString.parse("route=%2Fapi%2Forders%2F%7Bid%7D&principal=J%C3%B6rg+M&flag&status=200&status=404");

        assertEquals(List.of("/api/orders/{id}"), parameters.get("route"));
        assertEquals(List.of("Jörg M"), parameters.get("principal"));
        assertEquals(List.of(""), parameters.get("flag"));
        assertEquals(List.of("200", "404"), parameters.get("status"));
        assertThrows(IllegalArgumentException.class, () -> Filters.of(parameters, Filters.QUERY), "given twice");
        assertThrows(IllegalArgumentException.class, () -> QueryString.parse("status=%ZZ"));
        assertEquals(Map.of(), QueryString.parse(null));
    }

    @Test
    void theJavaQueryTakesAnyInstantAsTheNearestOneADatabaseStores() {
        assertThrows(IllegalArgumentException.class, () -> CallQuery.builder().minDurationMillis(Long.MAX_VALUE).build());
        assertEquals(CallQuery.LATEST, CallQuery.builder().from(Instant.MAX).build().from());
        assertEquals(CallQuery.EARLIEST, CallQuery.builder().to(Instant.MIN).build().to());
        var unbounded = CallQuery.builder().from(Instant.MIN).to(Instant.MAX).build();
        assertEquals(CallQuery.EARLIEST, unbounded.from());
        assertEquals(CallQuery.LATEST, unbounded.to());
    }
}

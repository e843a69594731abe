package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallPage;
import org.recordedcall.CallQuery;
import org.recordedcall.CallRecord;
import org.recordedcall.it.app.QueryPlans;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filters, orders, keyset pages and statistics, on the library's unit and DDL in a real H2. */
class CallFinderTest {

    private final H2Unit unit = new H2Unit();
    private final Instant base = Instant.parse("2026-11-01T10:00:00Z");

    @AfterEach
    void close() {
        unit.close();
    }

    /** Call {@code i}: started i seconds after base, taking (i % 7 + 1) ms; every third one a 500, every fifth a 404. */
    private CallRecord call(int i) {
        var started = base.plusSeconds(i).truncatedTo(ChronoUnit.MICROS);
        var status = i % 3 == 0 ? 500 : i % 5 == 0 ? 404 : 200;
        var route = i % 2 == 0 ? "/api/orders/{id}" : "/api/items";
        var duration = (i % 7 + 1) * 1_000_000L;
        return CallRecord.builder().id(String.format("00000000-0000-0000-0000-%012d", i))
                .correlationId("corr-" + i).kind(org.recordedcall.CallKind.HTTP).operation("op")
                .httpMethod(i % 4 == 0 ? "POST" : "GET").path(route.replace("{id}", "" + i))
                .route(route).requestHeaders(Map.of()).resourceClass("C").resourceMethod("m")
                .status(status).responseHeaders(Map.of())
                .exceptionType(status == 500 ? "java.lang.IllegalStateException" : null)
                .principal(i % 2 == 0 ? "alice" : "bob").clientAddress("127.0.0.1")
                .startedAt(started).endedAt(started.plusNanos(duration)).durationNanos(duration)
                .outcome(CallOutcome.of(status, status == 500)).build();
    }

    private void insert(int count) {
        var calls = new ArrayList<CallRecord>();
        for (int i = 0; i < count; i++) {
            calls.add(call(i));
        }
        unit.insert(calls.toArray(CallRecord[]::new));
    }

    private CallPage find(CallQuery query) {
        return unit.read(entities -> CallFinder.find(entities, query));
    }

    private static List<String> correlations(CallPage page) {
        return page.calls().stream().map(CallRecord::correlationId).toList();
    }

    @Test
    void filtersApplyTogether() {
        insert(60);

        var page = find(CallQuery.builder().route("/api/orders/{id}").outcome(CallOutcome.SERVER_ERROR)
                .from(base.plusSeconds(10)).to(base.plusSeconds(40)).principal("alice").limit(100).build());

        assertEquals(List.of("corr-36", "corr-30", "corr-24", "corr-18", "corr-12"), correlations(page));
        assertNull(page.next());
        assertEquals(List.of("corr-20"), correlations(find(CallQuery.builder().pathPrefix("/api/orders/2").status(404)
                .httpMethod("POST").build())));
        assertEquals(List.of("corr-7"), correlations(find(CallQuery.builder().correlationId("corr-7").build())));
        assertEquals(20, find(CallQuery.builder().exceptionType("java.lang.IllegalStateException").limit(100).build())
                .calls().size());
        assertTrue(find(CallQuery.builder().minDurationMillis(7L).limit(100).build()).calls().stream()
                .allMatch(call -> call.durationNanos() >= 7_000_000L));
    }

    @Test
    void aPathPrefixIsLiteralNotAPattern() {
        insert(30);

        assertEquals(0, find(CallQuery.builder().pathPrefix("/api/%").build()).calls().size());
        assertEquals(0, find(CallQuery.builder().pathPrefix("/api/item_").build()).calls().size());
        assertEquals(15, find(CallQuery.builder().pathPrefix("/api/items").limit(100).build()).calls().size());
    }

    @Test
    void keysetPagesCoverEveryCallOnceInEachOrder() {
        insert(95);

        for (var order : CallQuery.Order.values()) {
            var seen = new ArrayList<CallRecord>();
            String after = null;
            do {
                var page = find(CallQuery.builder().order(order).limit(10).after(after).build());
                seen.addAll(page.calls());
                after = page.next();
            } while (after != null);

            assertEquals(95, seen.size(), order + ": every call");
            assertEquals(95, seen.stream().map(CallRecord::id).distinct().count(), order + ": each once");
            for (int i = 1; i < seen.size(); i++) {
                var before = seen.get(i - 1);
                var next = seen.get(i);
                switch (order) {
                    case NEWEST -> assertTrue(!next.startedAt().isAfter(before.startedAt()));
                    case OLDEST -> assertTrue(!next.startedAt().isBefore(before.startedAt()));
                    case SLOWEST -> assertTrue(next.durationNanos() <= before.durationNanos());
                }
            }
        }
    }

    /**
     * H2 sorts every matching row for each page (seconds on a million rows) unless an index gives
     * the page's order: the shipped DDL has one for each order in time the finder pages in, and
     * the keyset's range starts in it. Slowest first is sorted: an index on the duration cost
     * every insert more than it was worth (BENCHMARKS.md, session 19). (H2 2.2.224, which both
     * servers ship, reads an index in its own direction only, hence an index per direction; the
     * tests' 2.3 reads either way.)
     */
    @Test
    void h2PagesEachOrderInTimeFromAnIndexStartingAtTheCursor() throws SQLException {
        insert(40);
        List<String> plans;
        try (var connection = unit.database.getConnection()) {
            plans = QueryPlans.ofSortedReads(connection,
                    () -> QueryPlans.askForEachPage(this::find, "/api/items", 500, base.plusSeconds(10)));
        }
        assertEquals(QueryPlans.PAGES, plans.size(), "" + plans);
        var inTime = plans.stream().filter(plan -> !QueryPlans.isSlowestFirst(plan)).toList();
        assertEquals(QueryPlans.PAGES - QueryPlans.SLOWEST_PAGES, inTime.size(), "" + plans);
        for (var plan : inTime) {
            assertTrue(plan.contains("/* index sorted */"), plan);
        }
        // the two pages in time after a cursor and the one from a time start in the index, not at its end
        assertEquals(3, inTime.stream().filter(plan -> plan.matches("(?s).*/\\* PUBLIC\\.RECORDED_CALL_[A-Z]+: .*")).count(),
                "" + plans);
    }

    @Test
    void aCursorOfAnotherOrderOrMadeUpIsRefused() {
        insert(20);
        var newest = find(CallQuery.builder().limit(5).build()).next();

        var other = assertThrows(IllegalArgumentException.class,
                () -> find(CallQuery.builder().order(CallQuery.Order.SLOWEST).after(newest).build()));
        assertTrue(other.getMessage().startsWith("after: not a cursor"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> find(CallQuery.builder().after("%%%").build()));
        assertThrows(IllegalArgumentException.class, () -> find(CallQuery.builder().after("TkVXRVNUfHh8eQ").build()));
    }

    @Test
    void statisticsPerRouteAndOverall() {
        insert(60);

        var stats = unit.read(entities -> CallStatistics.stats(entities, base, base.plus(Duration.ofMinutes(1)), 3));

        assertEquals(60, stats.overall().count());
        assertEquals(20 + 8, stats.overall().errors(), "20 server errors and 8 not-found");
        assertEquals(20, stats.overall().serverErrors());
        assertEquals(28 / 60.0, stats.overall().errorRate(), 1e-9);
        assertEquals(7.0, stats.overall().maxMillis());
        assertEquals(4.0, stats.overall().p50Millis());
        assertTrue(stats.overall().p99Millis() > 6.9 && stats.overall().p99Millis() <= 7.0, "" + stats.overall());
        assertEquals(2, stats.routes().size());
        assertEquals(30, stats.routes().get(0).count());
        assertEquals(List.of(7_000_000L, 7_000_000L, 7_000_000L), stats.slowest().stream().map(CallRecord::durationNanos).toList());
        var empty = unit.read(entities -> CallStatistics.stats(entities, base.minusSeconds(100), base, 0));
        assertEquals(0, empty.overall().count());
        assertEquals(0.0, empty.overall().errorRate());
    }
}

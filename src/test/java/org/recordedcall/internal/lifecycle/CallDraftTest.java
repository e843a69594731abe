package org.recordedcall.internal.lifecycle;

import org.junit.jupiter.api.Test;
import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.internal.rest.Endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallDraftTest {

    static final class Orders {
        @jakarta.ws.rs.Path("{id}")
        public String find(String id) {
            return id;
        }
    }

    static final class Tenants {
        @org.recordedcall.RecordedCall(masked = "x-tenant")
        public String find(String id) {
            return id;
        }
    }

    private static HttpFacts facts(String requestId) {
        return new HttpFacts("GET", "/api/7", "/api", "a=1", Map.of("accept", List.of("*/*")), null, null,
                "127.0.0.1", "curl", requestId, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    private static CallDraft draft(String requestId) throws NoSuchMethodException {
        var endpoint = Endpoint.of(Orders.class, Orders.class.getMethod("find", String.class));
        return CallDraft.http(endpoint, facts(requestId), System.nanoTime(), Instant.now(), false);
    }

    @Test
    void snapshotCarriesTheHttpFactsAndTheEndpoint() throws Exception {
        var record = draft(null).snapshot();

        assertEquals(CallKind.HTTP, record.kind());
        assertEquals(record.id(), record.correlationId());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", record.traceId());
        assertEquals("/api/{id}", record.route());
        assertEquals("/api/7", record.path());
        assertEquals("Orders#find", record.operation());
        assertEquals(Orders.class.getName(), record.resourceClass());
        assertEquals("find", record.resourceMethod());
        assertNull(record.endedAt());
        assertNull(record.outcome(), "no outcome before the call ends");
    }

    @Test
    void theFinalRecordIsMadeOnceWhoeverAsksAndAnAttributeAfterTheEndIsNotInIt() throws Exception {
        var call = draft(null);
        call.attribute("order", 7);
        call.respond(201, Map.of());
        call.entity(new Object());
        assertTrue(call.end(System.nanoTime(), Instant.now()));
        assertNull(call.entity(), "the application's object is not kept while the call waits to be stored");
        call.attribute("late", "x"); // an application thread still holding the call

        var made = new java.util.concurrent.atomic.AtomicInteger();
        var threads = new java.util.ArrayList<Thread>();
        var seen = new java.util.concurrent.CopyOnWriteArrayList<org.recordedcall.CallRecord>();
        for (int i = 0; i < 4; i++) { // the writer's and the observers' threads, at once
            var thread = new Thread(() -> seen.add(call.finalRecord(draft -> {
                made.incrementAndGet();
                return draft.snapshot();
            })));
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }

        assertEquals(1, made.get());
        seen.forEach(record -> assertSame(seen.get(0), record));
        assertEquals(Map.of("order", "7"), seen.get(0).attributes());
        assertEquals(CallOutcome.SUCCESS, call.outcome());
        assertEquals(seen.get(0).durationNanos(), call.durationNanos());
        assertEquals("/api/7", call.path());
    }

    @Test
    void nothingChangesACallOnceItHasEndedSoItsLaterRecordIsWhatStoodAtTheEnd() throws Exception {
        var call = draft(null);
        call.respond(200, Map.of("content-type", List.of("text/event-stream")));
        call.responseBodyOmitted("<still open>");
        call.principal("alice");
        call.arguments("{\"a\":1}");
        assertTrue(call.end(System.nanoTime(), Instant.now()));

        // a stream's completion, or an application thread still holding the call, after its end
        call.respond(500, Map.of());
        call.responseBodyOmitted("<not recorded: server-sent events>");
        call.principal("mallory");
        call.arguments("{\"a\":2}");
        call.result("\"late\"");
        call.locatedTemplate("/elsewhere");
        var record = call.finalRecord(CallDraft::snapshot);

        assertEquals(200, record.status());
        assertEquals(List.of("text/event-stream"), record.responseHeaders().get("content-type"));
        assertEquals("<still open>", record.responseBody());
        assertEquals("alice", record.principal());
        assertEquals("{\"a\":1}", record.arguments());
        assertNull(record.result());
        assertEquals("/api/{id}", record.route());
        assertEquals(CallOutcome.SUCCESS, call.outcome());
    }

    @Test
    void incomingRequestIdBecomesTheCorrelationId() throws Exception {
        var record = draft("req-42").snapshot();

        assertEquals("req-42", record.correlationId());
        assertNotEquals("req-42", record.id());
    }

    @Test
    void aCallEndsExactlyOnce() throws Exception {
        var call = draft(null);
        call.respond(200, Map.of());

        assertTrue(call.end(System.nanoTime(), Instant.now()));
        var first = call.snapshot();
        assertFalse(call.end(System.nanoTime() + 1_000_000, Instant.now().plusSeconds(1)));

        assertEquals(first.endedAt(), call.snapshot().endedAt());
        assertEquals(CallOutcome.SUCCESS, first.outcome());
        assertTrue(first.durationNanos() >= 0);
    }

    @Test
    void theFirstFailureIsKept() throws Exception {
        var call = draft(null);

        assertTrue(call.fail(new Failure("First", "one", "stack")));
        assertFalse(call.fail(new Failure("Second", "two", "stack")));
        call.respond(500, Map.of());
        call.end(System.nanoTime(), Instant.now());

        assertEquals("First", call.snapshot().exceptionType());
        assertEquals(CallOutcome.SERVER_ERROR, call.snapshot().outcome());
    }

    @Test
    void theResourceMethodIsClaimedOnceOnly() throws Exception {
        var call = draft(null);
        var find = Orders.class.getMethod("find", String.class);

        assertTrue(call.claimInvocation(find));
        assertFalse(call.claimInvocation(find), "a second invocation is a nested call");
        assertFalse(draft(null).claimInvocation(Object.class.getMethod("toString")));
    }

    @Test
    void snapshotsAreImmutable() throws Exception {
        var record = draft(null).snapshot();

        assertThrows(UnsupportedOperationException.class, () -> record.requestHeaders().put("x", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> record.requestHeaders().get("accept").add("y"));
    }

    @Test
    void theRequestHeadersAreCopiedForTheFirstRecordAndSharedByTheNext() throws Exception {
        var call = draft(null);
        var started = call.snapshot();
        call.respond(201, Map.of("location", List.of("/api/7")));
        call.end(System.nanoTime(), Instant.now());
        var ended = call.snapshot();

        assertEquals(Map.of("accept", List.of("*/*")), ended.requestHeaders());
        assertSame(started.requestHeaders(), ended.requestHeaders(), "one unmodifiable copy per call, not one per record");
    }

    @Test
    void eachRecordOfACallIsMaskedWithItsEndpointsNamesThoughTheyShareTheHeaders() throws Exception {
        var endpoint = Endpoint.of(Tenants.class, Tenants.class.getMethod("find", String.class));
        var facts = new HttpFacts("GET", "/api/7", "/api", null, Map.of("x-tenant", List.of("acme"), "accept", List.of("*/*")),
                null, null, "127.0.0.1", "curl", null, null);
        var call = CallDraft.http(endpoint, facts, System.nanoTime(), Instant.now(), false);
        var masking = new org.recordedcall.internal.masking.Masking(org.recordedcall.internal.config.Settings.defaults());

        var started = masking.apply(call.snapshot(), endpoint.masked());
        call.end(System.nanoTime(), Instant.now());
        var ended = masking.apply(call.snapshot(), endpoint.masked());

        assertEquals(List.of("***"), started.requestHeaders().get("x-tenant"));
        assertEquals(List.of("***"), ended.requestHeaders().get("x-tenant"));
        assertEquals(List.of("acme"), call.snapshot().requestHeaders().get("x-tenant"), "the draft keeps what it was given");
    }

    @Test
    void stackTracesAreCapped() {
        var failure = Failure.of(new IllegalStateException("boom"), 40);

        assertEquals("java.lang.IllegalStateException", failure.type());
        assertEquals("boom", failure.message());
        assertTrue(failure.stackTrace().startsWith("java.lang.IllegalStateException: boom"));
        assertTrue(failure.stackTrace().contains("(truncated,"), failure.stackTrace());
    }
}

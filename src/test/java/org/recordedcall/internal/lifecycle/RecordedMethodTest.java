package org.recordedcall.internal.lifecycle;

import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallEnded;
import org.recordedcall.CallFailed;
import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallStarted;
import org.recordedcall.CurrentCall;
import org.recordedcall.internal.config.SettingsProducer;
import org.recordedcall.internal.json.JsonCapture;
import org.recordedcall.internal.lifecycle.beans.Audit;
import org.recordedcall.internal.lifecycle.beans.Billing;
import org.recordedcall.internal.lifecycle.beans.CollectingSink;
import org.recordedcall.internal.lifecycle.beans.Ledger;
import org.recordedcall.internal.lifecycle.beans.Observers;
import org.recordedcall.internal.masking.Masking;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interceptor and the recorder in a real CDI container (Weld SE), on plain bean methods. */
@EnableWeld
class RecordedMethodTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(SettingsProducer.class, JsonCapture.class, Recorder.class, Masking.class, StoragePolicy.class,
            RecordedCallInterceptor.class, CurrentCallView.class, CollectingSink.class, Observers.class,
            Billing.class, Ledger.class, Audit.class).build();

    @Inject
    Billing billing;

    @Inject
    CollectingSink sink;

    @Inject
    Audit audit;

    @Inject
    Observers observers;

    @Inject
    CurrentCall current;

    @Test
    void beanMethodIsRecordedAsACallOfKindMethod() {
        assertEquals("acct:5", billing.charge("acct", 5));

        var call = single();
        assertEquals(CallKind.METHOD, call.kind());
        assertEquals("charge", call.operation());
        assertEquals(Billing.class.getName(), call.resourceClass());
        assertEquals("charge", call.resourceMethod());
        assertEquals("{\"account\":\"acct\",\"amount\":5}", call.arguments());
        assertEquals("\"acct:5\"", call.result());
        assertEquals(CallOutcome.SUCCESS, call.outcome());
        assertNull(call.httpMethod());
        assertNull(call.status());
        assertTrue(call.durationNanos() >= 0);
    }

    @Test
    void aMethodMarkedNotRecordedInARecordedBeanIsNotRecorded() {
        assertEquals("pong", audit.ping());
        assertTrue(sink.calls.isEmpty(), "@NotRecorded on the method wins over the class: " + sink.calls);

        assertEquals("x", audit.note("x"));
        assertEquals("note", single().resourceMethod(), "the class's other methods are recorded");
    }

    @Test
    void eventsCarryTheSnapshotOfTheirMoment() {
        billing.charge("acct", 1);

        assertEquals(2, observers.events.size());
        var started = assertInstanceOf(CallStarted.class, observers.events.get(0));
        var ended = assertInstanceOf(CallEnded.class, observers.events.get(1));
        assertEquals(started.call().id(), ended.call().id());
        assertNull(started.call().endedAt());
        assertNull(started.call().result());
        assertEquals(single(), ended.call(), "CallEnded carries the stored record");
    }

    @Test
    void nestedRecordedMethodsAddNoCall() {
        var id = billing.chargeAndLog("acct");

        var call = single();
        assertEquals(id, call.id(), "CurrentCall names the outer call inside it");
        assertEquals("Billing#chargeAndLog", call.operation());
        assertEquals(java.util.Map.of("account", "acct"), call.attributes(), "the attribute the bean gave its call");
        var ended = assertInstanceOf(CallEnded.class, observers.events.get(observers.events.size() - 1));
        assertEquals(call.attributes(), ended.call().attributes(), "carried by the event");
    }

    @Test
    void theCurrentCallsSnapshotIsMaskedAsEverythingElseThatSeesIt() {
        var seen = billing.login("ann", "hunter2");

        assertEquals("{\"user\":\"ann\",\"password\":\"***\"}", seen.arguments());
        assertEquals(seen.arguments(), single().arguments());
    }

    @Test
    void currentCallIsEmptyOutsideACall() {
        current.attribute("tenant", "acme"); // nothing to add it to: nothing happens
        assertTrue(current.id().isEmpty());
        assertTrue(current.snapshot().isEmpty());
    }

    @Test
    void failureIsRecordedAndRethrownUnchanged() {
        var thrown = assertThrows(IllegalStateException.class, () -> billing.refuse("acct"));

        assertEquals("refused acct", thrown.getMessage());
        var call = single();
        assertEquals(IllegalStateException.class.getName(), call.exceptionType());
        assertEquals("refused acct", call.exceptionMessage());
        assertTrue(call.stackTrace().contains("Billing.refuse"));
        assertEquals(CallOutcome.SERVER_ERROR, call.outcome());
        assertEquals(List.of(CallStarted.class, CallFailed.class, CallEnded.class),
                observers.events.stream().map(Object::getClass).toList());
    }

    @Test
    void asynchronousObserversGetTheEventsTheyObserve() throws InterruptedException {
        billing.charge("acct", 2);

        var deadline = System.nanoTime() + 5_000_000_000L;
        while (observers.endedAsynchronously.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, observers.endedAsynchronously.size());
        assertEquals(sink.calls.get(0).id(), observers.endedAsynchronously.get(0).call().id());
        assertEquals(List.of(true), observers.requestContextActive, "a request context, as for any asynchronous observer");
    }

    @Test
    void aBrokenObserverNeitherLosesTheCallNorReachesTheCaller() {
        observers.failOn = "charge";

        assertEquals("acct:2", billing.charge("acct", 2));

        assertEquals(1, sink.calls.size(), "the sink gets the call before any observer runs");
    }

    @Test
    void aReturnedStageEndsTheCallWhenItCompletes() {
        var outcome = new CompletableFuture<String>();

        var returned = billing.later(outcome);

        assertTrue(sink.calls.isEmpty(), "still running");
        outcome.complete("done");
        assertEquals("done", returned.join());
        assertEquals("\"done\"", single().result());
        assertEquals("{\"outcome\":\"<CompletableFuture>\"}", single().arguments(), "a future is never waited on");
    }

    @Test
    void aFailedStageIsAFailedCall() {
        var outcome = new CompletableFuture<String>();
        var failure = new IllegalArgumentException("no funds");

        var returned = billing.later(outcome);
        outcome.completeExceptionally(failure);

        var thrown = assertThrows(java.util.concurrent.CompletionException.class, returned::join);
        assertSame(failure, thrown.getCause());
        assertEquals(IllegalArgumentException.class.getName(), single().exceptionType());
    }

    private org.recordedcall.CallRecord single() {
        assertEquals(1, sink.calls.size(), () -> "calls: " + sink.calls);
        return sink.calls.get(0);
    }
}

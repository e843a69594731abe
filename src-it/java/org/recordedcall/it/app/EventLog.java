package org.recordedcall.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.recordedcall.CallEnded;
import org.recordedcall.CallFailed;
import org.recordedcall.CallRecord;
import org.recordedcall.CallStarted;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Application code observing the recorder's events, synchronously and asynchronously. */
@ApplicationScoped
public class EventLog {

    /** One observed event. */
    public record Seen(String event, String delivery, String id, String correlationId, Integer status,
                       String outcome, String exceptionType, boolean hasEnd) {
        static Seen of(String event, String delivery, CallRecord call) {
            return new Seen(event, delivery, call.id(), call.correlationId(), call.status(),
                    call.outcome() == null ? null : call.outcome().name(), call.exceptionType(), call.endedAt() != null);
        }
    }

    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

    void started(@Observes CallStarted event) {
        seen.add(Seen.of("CallStarted", "sync", event.call()));
    }

    void failed(@Observes CallFailed event) {
        seen.add(Seen.of("CallFailed", "sync", event.call()));
    }

    void ended(@Observes CallEnded event) {
        seen.add(Seen.of("CallEnded", "sync", event.call()));
    }

    void startedAsync(@ObservesAsync CallStarted event) {
        seen.add(Seen.of("CallStarted", "async", event.call()));
    }

    void failedAsync(@ObservesAsync CallFailed event) {
        seen.add(Seen.of("CallFailed", "async", event.call()));
    }

    void endedAsync(@ObservesAsync CallEnded event) {
        seen.add(Seen.of("CallEnded", "async", event.call()));
    }

    public List<Seen> of(String correlationId) {
        return seen.stream().filter(s -> correlationId.equals(s.correlationId())).toList();
    }
}

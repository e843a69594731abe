package org.recordedcall.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import org.recordedcall.CallEnded;
import org.recordedcall.CallFailed;
import org.recordedcall.CallRecord;
import org.recordedcall.CallStarted;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Application code observing the recorder's events asynchronously, and the log of every event
 * seen ({@link SynchronousEvents} adds the synchronous ones where it is deployed: not in the
 * typical application, whose calls are therefore observed asynchronously only, the case where
 * the final record is made off the request thread). An asynchronous delivery counts as one only
 * with what the specification promises such an observer: an active request context, and the
 * event's metadata where the observer asks for it. Each entry notes the first value of the
 * record's {@code Authorization} header, which must be masked for whoever sees it, and its bodies.
 */
@ApplicationScoped
public class EventLog {

    /** One observed event. */
    public record Seen(String event, String delivery, String id, String correlationId, Integer status,
                       String outcome, String exceptionType, boolean hasEnd, String authorization,
                       String requestBody, String responseBody) {
        static Seen of(String event, String delivery, CallRecord call) {
            var authorization = call.requestHeaders() == null ? null : call.requestHeaders().get("authorization");
            return new Seen(event, delivery, call.id(), call.correlationId(), call.status(),
                    call.outcome() == null ? null : call.outcome().name(), call.exceptionType(), call.endedAt() != null,
                    authorization == null || authorization.isEmpty() ? null : authorization.get(0),
                    call.requestBody(), call.responseBody());
        }
    }

    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

    @Inject
    BeanManager beans;

    void startedAsync(@ObservesAsync CallStarted event) {
        seen.add(Seen.of("CallStarted", asynchronously(), event.call()));
    }

    void failedAsync(@ObservesAsync CallFailed event) {
        seen.add(Seen.of("CallFailed", asynchronously(), event.call()));
    }

    void endedAsync(@ObservesAsync CallEnded event, EventMetadata metadata) {
        var delivery = metadata != null && metadata.getType().equals(CallEnded.class) ? asynchronously()
                : "async without its metadata";
        seen.add(Seen.of("CallEnded", delivery, event.call()));
    }

    void add(Seen event) {
        seen.add(event);
    }

    private String asynchronously() {
        try {
            return beans.getContext(RequestScoped.class).isActive() ? "async" : "async without a request context";
        } catch (ContextNotActiveException none) {
            return "async without a request context";
        }
    }

    public List<Seen> of(String correlationId) {
        return seen.stream().filter(s -> correlationId.equals(s.correlationId())).toList();
    }
}

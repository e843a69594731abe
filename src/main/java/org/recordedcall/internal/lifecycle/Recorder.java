package org.recordedcall.internal.lifecycle;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.CallEnded;
import org.recordedcall.CallFailed;
import org.recordedcall.CallRecord;
import org.recordedcall.CallStarted;
import org.recordedcall.internal.RateLimitedLog;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.masking.Masking;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Moves a call through its life (started, failed, ended), hands the final record to the
 * {@link CallHandoff} and fires the matching events, synchronous and asynchronous. Never throws
 * into the application: an observer that fails is logged, and the call goes on. An event
 * nobody observes is not fired, nor is its snapshot of the call made; one nobody observes
 * asynchronously is not fired asynchronously (each asynchronous event costs a task on the
 * observer threads, and Weld's delivery).
 *
 * <p>The final record (the bodies decoded, the record built, its secrets masked) is made off
 * the request's thread unless a synchronous observer of {@link CallEnded} needs it there: by the
 * writer's thread as the record leaves the queue, or by an observer thread for the asynchronous
 * observers, whichever comes first, once. What a call captures from live objects (arguments
 * and result as JSON, the request's headers, the bodies' bytes) is taken while the call runs.
 */
@Singleton
public final class Recorder {

    private static final System.Logger LOG = System.getLogger(Recorder.class.getName());
    // observers that fall behind fail every event after: one warning per 10 s says how many
    private static final RateLimitedLog ASYNC_FAILURES = new RateLimitedLog(LOG, 10_000);

    private final Settings settings;
    private final Event<CallStarted> started;
    private final Event<CallFailed> failed;
    private final Event<CallEnded> ended;
    private final CallHandoff sink;
    private final BeanManager beans;
    private final Masking masking;
    private final StoragePolicy storage;
    private final Map<Class<?>, Observed> observed = new ConcurrentHashMap<>();
    private volatile Optional<ObserverThreads> observerThreads;

    /** Whether an event type has synchronous and asynchronous observers; fixed once the application is deployed. */
    private record Observed(boolean synchronously, boolean asynchronously) {
        boolean any() {
            return synchronously || asynchronously;
        }
    }

    // the observer threads run Weld's notification themselves: no second hand-over
    private static final NotificationOptions IN_THIS_THREAD = NotificationOptions.ofExecutor(Runnable::run);

    @Inject
    public Recorder(Settings settings, CallHandoff sink, BeanManager beans, Masking masking, StoragePolicy storage,
                    Event<CallStarted> started, Event<CallFailed> failed, Event<CallEnded> ended) {
        this.settings = settings;
        this.sink = sink;
        this.beans = beans;
        this.masking = masking;
        this.storage = storage;
        this.started = started;
        this.failed = failed;
        this.ended = ended;
    }

    void started(CallDraft call) {
        var observers = observers(CallStarted.class, () -> new CallStarted(null));
        if (observers.any()) {
            var event = new CallStarted(snapshot(call)); // what is known now: made now
            fire(started, observers, () -> event);
        }
    }

    /** Records the failure unless one is already recorded, and fires {@link CallFailed} for the first. */
    void failed(CallDraft call, Throwable thrown) {
        failed(call, Failure.of(thrown, settings.stackMaxChars()));
    }

    /** The same, for a failure the library knows only by its type and message. */
    void failed(CallDraft call, Failure failure) {
        if (call.fail(failure)) {
            var observers = observers(CallFailed.class, () -> new CallFailed(null));
            if (observers.any()) {
                var event = new CallFailed(snapshot(call));
                fire(failed, observers, () -> event);
            }
        }
    }

    /**
     * Ends the call once; later calls for the same call do nothing. The final record is made
     * here only for a synchronous observer; else by the writer's thread or an observer thread,
     * whichever needs it first: nothing in it changes once the call has ended.
     */
    void ended(CallDraft call) {
        if (!call.end(System.nanoTime(), Instant.now())) {
            return;
        }
        Supplier<CallRecord> record = () -> call.finalRecord(this::snapshot);
        var observers = observers(CallEnded.class, () -> new CallEnded(null));
        // the sink before any observer, so that no observer can keep a call from being stored
        try {
            if (storage.stores(call.path(), call.outcome(), call.durationNanos(), call.endpoint())) {
                sink.accept(record);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: call " + call.id()
                    + " could not be handed to the writer and is not stored.", e);
        }
        fire(ended, observers, () -> new CallEnded(record.get()));
    }

    /** What store, observers and the application's own {@code CurrentCall} see of the call: its secrets masked. */
    CallRecord snapshot(CallDraft call) {
        return masking.apply(call.snapshot(), call.endpoint().masked());
    }

    /**
     * Which observers an event type has, asked of the container the first time (with a blank
     * event: only its type matters), fixed once the application is deployed.
     */
    private Observed observers(Class<?> type, Supplier<Object> blank) {
        var known = observed.get(type);
        if (known == null) {
            var resolved = beans.resolveObserverMethods(blank.get());
            known = new Observed(resolved.stream().anyMatch(observer -> !observer.isAsync()),
                    resolved.stream().anyMatch(ObserverMethod::isAsync));
            observed.putIfAbsent(type, known);
        }
        return known;
    }

    /**
     * Fires the event to the observers it has. Its payload is made for synchronous observers
     * here, and for asynchronous ones on the thread that delivers it, where there are the
     * recorder's observer threads ({@link ObserverThreads}).
     */
    private <E> void fire(Event<E> event, Observed observers, Supplier<E> payload) {
        if (observers.synchronously()) {
            var made = payload.get();
            fireSynchronously(event, made);
            if (observers.asynchronously()) {
                fireAsynchronously(event, () -> made);
            }
        } else if (observers.asynchronously()) {
            fireAsynchronously(event, payload);
        }
    }

    private <E> void fireSynchronously(Event<E> event, E payload) {
        try {
            event.fire(payload);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: an observer of " + payload.getClass().getSimpleName()
                    + " threw; the call was not affected. Fix the observer or catch inside it.", e);
        }
    }

    /**
     * Hands the event to the observer threads, which make its payload and notify the
     * observers in the thread that takes it; without them (no managed thread factory), the
     * container's executor gets it from this thread.
     */
    private <E> void fireAsynchronously(Event<E> event, Supplier<E> payload) {
        try {
            var threads = observerThreads();
            if (threads.isPresent()) {
                threads.get().execute(() -> deliver(event, payload));
            } else {
                var made = payload.get();
                logFailures(made, event.fireAsync(made));
            }
        } catch (RuntimeException e) {
            ASYNC_FAILURES.warn("recorded-call: could not fire an event asynchronously; synchronous observers "
                    + "were notified.", e);
        }
    }

    /** On an observer thread: makes the payload, and notifies the asynchronous observers in this thread. */
    private <E> void deliver(Event<E> event, Supplier<E> payload) {
        E made;
        try {
            made = payload.get();
        } catch (RuntimeException e) {
            ASYNC_FAILURES.warn("recorded-call: an event could not be made for the asynchronous observers.", e);
            return;
        }
        logFailures(made, event.fireAsync(made, IN_THIS_THREAD));
    }

    private static <E> void logFailures(E payload, CompletionStage<E> delivered) {
        delivered.exceptionally(e -> {
            ASYNC_FAILURES.warn("recorded-call: an asynchronous observer of " + payload.getClass().getSimpleName()
                    + " failed, or observers fell too far behind. Fix the observer or catch inside it.", e);
            return payload;
        });
    }

    /** Looked up at the first asynchronous event, on the thread of a call: one with the application's context. */
    private Optional<ObserverThreads> observerThreads() {
        var known = observerThreads;
        if (known == null) {
            synchronized (this) {
                known = observerThreads;
                if (known == null) {
                    known = Optional.ofNullable(ObserverThreads.lookup());
                    observerThreads = known;
                }
            }
        }
        return known;
    }

    @PreDestroy
    void close() {
        var known = observerThreads;
        if (known != null) {
            known.ifPresent(ObserverThreads::close);
        }
    }
}

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Moves a call through its life (started, failed, ended), hands the final record to the
 * {@link CallHandoff} and fires the matching events, synchronous and asynchronous. Never throws
 * into the application: an observer that fails is logged, and the call goes on. An event
 * nobody observes is not fired, nor is its snapshot of the call made; one nobody observes
 * asynchronously is not fired asynchronously (each asynchronous event costs a task on the
 * observer threads, and Weld's delivery).
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
    }

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
        fire(started, CallStarted.class, () -> new CallStarted(snapshot(call)));
    }

    /** Records the failure unless one is already recorded, and fires {@link CallFailed} for the first. */
    void failed(CallDraft call, Throwable thrown) {
        failed(call, Failure.of(thrown, settings.stackMaxChars()));
    }

    /** The same, for a failure the library knows only by its type and message. */
    void failed(CallDraft call, Failure failure) {
        if (call.fail(failure)) {
            fire(failed, CallFailed.class, () -> new CallFailed(snapshot(call)));
        }
    }

    /** Ends the call once; later calls for the same call do nothing. */
    void ended(CallDraft call) {
        if (call.end(System.nanoTime(), Instant.now())) {
            var record = snapshot(call);
            // the sink before any observer, so that no observer can keep a call from being stored
            try {
                if (storage.stores(record, call.endpoint())) {
                    sink.accept(record);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "recorded-call: call " + record.id()
                        + " could not be handed to the writer and is not stored.", e);
            }
            fire(ended, CallEnded.class, () -> new CallEnded(record));
        }
    }

    /** What store, observers and the application's own {@code CurrentCall} see of the call: its secrets masked. */
    CallRecord snapshot(CallDraft call) {
        return masking.apply(call.snapshot(), call.endpoint().masked());
    }

    /**
     * Fires the event to its observers; the payload (a masked snapshot of the call) is made
     * only when the event type has any, or the first time, to ask the container which it has.
     */
    private <E> void fire(Event<E> event, Class<E> type, Supplier<E> payload) {
        var observers = observed.get(type);
        E made = null;
        if (observers == null) {
            made = payload.get();
            var resolved = beans.resolveObserverMethods(made);
            observers = new Observed(resolved.stream().anyMatch(observer -> !observer.isAsync()),
                    resolved.stream().anyMatch(ObserverMethod::isAsync));
            observed.putIfAbsent(type, observers);
        }
        if (!observers.synchronously() && !observers.asynchronously()) {
            return;
        }
        if (made == null) {
            made = payload.get();
        }
        if (observers.synchronously()) {
            fireSynchronously(event, made);
        }
        if (observers.asynchronously()) {
            fireAsynchronously(event, made);
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

    private <E> void fireAsynchronously(Event<E> event, E payload) {
        try {
            var threads = observerThreads();
            var delivered = threads.isPresent()
                    ? event.fireAsync(payload, NotificationOptions.ofExecutor(threads.get()))
                    : event.fireAsync(payload);
            delivered.exceptionally(e -> {
                ASYNC_FAILURES.warn("recorded-call: an asynchronous observer of " + payload.getClass().getSimpleName()
                        + " failed, or observers fell too far behind. Fix the observer or catch inside it.", e);
                return payload;
            });
        } catch (RuntimeException e) {
            ASYNC_FAILURES.warn("recorded-call: could not fire " + payload.getClass().getSimpleName()
                    + " asynchronously; synchronous observers were notified.", e);
        }
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

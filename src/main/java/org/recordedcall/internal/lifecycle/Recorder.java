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
import java.util.function.Function;
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
 * the request's thread unless a synchronous observer of {@link CallEnded} asks for it there: by
 * the writer's thread as the record leaves the queue, or by an observer thread when an
 * asynchronous observer asks for it ({@link CallEnded#call()}), whichever comes first, once.
 * What a call captures from live objects (arguments and result as JSON, the request's headers,
 * the bodies' bytes) is taken while the call runs.
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
            fire(started, observers, new CallStarted(snapshot(call))); // what is known now: made now
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
                fire(failed, observers, new CallFailed(snapshot(call)));
            }
        }
    }

    /**
     * Ends the call once; later calls for the same call do nothing. The final record is made
     * here only for a synchronous observer that asks for it; else by the writer's thread or an
     * observer thread, whichever needs it first: nothing in it changes once the call has ended.
     */
    void ended(CallDraft call) {
        if (!call.end(System.nanoTime(), Instant.now())) {
            return;
        }
        var record = new FinalRecord(call, this::snapshot);
        // the sink before any observer, so that no observer can keep a call from being stored
        try {
            if (storage.stores(call.path(), call.outcome(), call.durationNanos(), call.endpoint())) {
                sink.accept(record);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: call " + call.id()
                    + " could not be handed to the writer and is not stored.", e);
        }
        var observers = observers(CallEnded.class, () -> new CallEnded((CallRecord) null));
        if (observers.any()) {
            // the record made by whichever observer asks for it first: a synchronous one now, else on an observer thread
            fire(ended, observers, new CallEnded(record));
        }
    }

    /**
     * A finished call's record, made when first asked for (by the draft, once), after which it
     * holds the record alone: a call waiting in the writer's queue, whose record an observer
     * thread made, keeps no longer what the draft captured besides.
     */
    private static final class FinalRecord implements Supplier<CallRecord> {
        private final Function<CallDraft, CallRecord> make;
        private CallDraft draft;
        private CallRecord record;

        FinalRecord(CallDraft draft, Function<CallDraft, CallRecord> make) {
            this.draft = draft;
            this.make = make;
        }

        @Override
        public synchronized CallRecord get() {
            if (record == null) {
                record = draft.finalRecord(make);
                draft = null;
            }
            return record;
        }
    }

    /**
     * What store, observers and the application's own {@code CurrentCall} see of the call: its
     * secrets masked. Once the final record is made, that record (the draft keeps its bodies no longer).
     */
    CallRecord snapshot(CallDraft call) {
        var finished = call.finalRecordIfMade();
        return finished != null ? finished : masking.apply(call.snapshot(), call.endpoint().masked());
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

    /** Fires the event to the observers it has: synchronous ones first, then asynchronous ones. */
    private <E> void fire(Event<E> event, Observed observers, E payload) {
        if (observers.synchronously()) {
            fireSynchronously(event, payload);
        }
        if (observers.asynchronously()) {
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
     * Fired from the call's thread, so that the container gives the observers what it gives
     * asynchronous observers (the caller's security context, with Weld); delivered on the
     * observer threads ({@link ObserverThreads}), where there are any.
     */
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

package org.recordedcall.internal.capture;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.recordedcall.CallEnded;
import org.recordedcall.CallFailed;
import org.recordedcall.CallStarted;
import org.recordedcall.internal.config.Settings;

import java.time.Instant;

/**
 * Moves a call through its life (started, failed, ended), hands the final record to the
 * {@link CallSink} and fires the matching events, synchronous and asynchronous. Never throws
 * into the application: an observer that fails is logged, and the call goes on.
 */
@Singleton
public final class Recorder {

    private static final System.Logger LOG = System.getLogger(Recorder.class.getName());

    private final Settings settings;
    private final Event<CallStarted> started;
    private final Event<CallFailed> failed;
    private final Event<CallEnded> ended;
    private final CallSink sink;

    @Inject
    public Recorder(Settings settings, CallSink sink,
                    Event<CallStarted> started, Event<CallFailed> failed, Event<CallEnded> ended) {
        this.settings = settings;
        this.sink = sink;
        this.started = started;
        this.failed = failed;
        this.ended = ended;
    }

    void started(CallDraft call) {
        fire(started, new CallStarted(call.snapshot()));
    }

    /** Records the failure unless one is already recorded, and fires {@link CallFailed} for the first. */
    void failed(CallDraft call, Throwable thrown) {
        if (call.fail(Failure.of(thrown, settings.stackMaxChars()))) {
            fire(failed, new CallFailed(call.snapshot()));
        }
    }

    /** Ends the call once; later calls for the same call do nothing. */
    void ended(CallDraft call) {
        if (call.end(System.nanoTime(), Instant.now())) {
            var record = call.snapshot();
            // the sink before any observer, so that no observer can keep a call from being stored
            try {
                sink.accept(record);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "recorded-call: call " + record.id()
                        + " could not be handed to the writer and is not stored.", e);
            }
            fire(ended, new CallEnded(record));
        }
    }

    private <E> void fire(Event<E> event, E payload) {
        try {
            event.fire(payload);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: an observer of " + payload.getClass().getSimpleName()
                    + " threw; the call was not affected. Fix the observer or catch inside it.", e);
        }
        try {
            event.fireAsync(payload).exceptionally(e -> {
                LOG.log(System.Logger.Level.WARNING, "recorded-call: an asynchronous observer of "
                        + payload.getClass().getSimpleName() + " failed. Fix the observer or catch inside it.", e);
                return payload;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: could not fire " + payload.getClass().getSimpleName()
                    + " asynchronously; synchronous observers were notified.", e);
        }
    }
}

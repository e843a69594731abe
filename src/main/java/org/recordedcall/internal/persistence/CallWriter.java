package org.recordedcall.internal.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.RecorderStatus;
import org.recordedcall.SinkStatus;
import org.recordedcall.WriterStatus;
import org.recordedcall.internal.RateLimitedLog;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.config.WriterSettings;
import org.recordedcall.internal.lifecycle.CallHandoff;
import org.recordedcall.spi.CallSink;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Stores finished calls in batches, off the request thread: a {@link WriteQueue} emptied by a
 * task on a thread of the container's managed thread factory (its managed scheduler where there
 * is no thread factory), named {@code recorded-call-writer}. The task is scheduled when the first call after a
 * quiet spell arrives, one flush interval later, so that calls arriving meanwhile go in the same
 * batches; it writes what is queued, and calls arriving meanwhile wait for the next flush, one
 * flush interval after it ended, rather than each go in a small batch of its own. A backlog
 * (full batches, or a queue half full) does not wait: it is written in slices of
 * {@value #SLICE_MILLIS} ms with a rest as long as each slice took between them (at most the
 * flush interval, and none while the queue is half full), so that it is written in half the
 * time at most rather than in one burst that starves the requests of a small machine; and the
 * task is scheduled again while the database is down. When the application stops,
 * {@link #stop()} writes what is queued; calls finishing after that are written in their own
 * thread. Never throws into the request; every call it cannot store is counted and logged.
 */
@Singleton
public class CallWriter implements CallHandoff, RecorderStatus {

    private static final System.Logger LOG = System.getLogger(CallWriter.class.getName());

    // how long one run of the flush task writes before it rests
    static final long SLICE_MILLIS = 20;
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);

    private final WriterSettings settings;
    private final WriteQueue queue;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final RateLimitedLog scheduleLog = new RateLimitedLog(LOG, 10_000);
    private volatile ScheduledExecutorService scheduler;
    // the writer's own scheduler, shut down when it stops; null when it runs on the container's
    private volatile ScheduledExecutorService owned;
    private volatile Runnable flushTask;
    private volatile boolean stopped;

    // recordedcall.store.enabled=false: batches go to the sinks alone, and count as written once handed on
    private static final WriteQueue.Store NO_DATABASE = new WriteQueue.Store() {
        @Override
        public void write(List<CallRecord> batch) {
            // nothing: the sinks had the batch as it left the queue
        }

        @Override
        public boolean reachable() {
            return true;
        }

        @Override
        public boolean contains(String id) {
            return false;
        }
    };

    @Inject
    public CallWriter(Settings settings, CallStore store) {
        this.settings = settings.writer();
        this.queue = new WriteQueue(this.settings, settings.storeEnabled() ? new Database(store) : NO_DATABASE);
    }

    /**
     * The records' database, through the container's transaction interceptor. Once the writer
     * has stopped, a batch the container refused ({@link WriteFailure#refusedByTheContainer}) is
     * written again in a local transaction past that interceptor, where the thread is known to be
     * in no JTA transaction: a request that outlived the undeploy may hand its call over after
     * WildFly's CDI container has shut down, and its interceptor with it (WELD-000229).
     */
    private final class Database implements WriteQueue.Store {
        private final CallStore store;

        Database(CallStore store) {
            this.store = store;
        }

        @Override
        public void write(List<CallRecord> batch) {
            try {
                store.insertAll(batch);
            } catch (RuntimeException refused) {
                if (!stopped || !WriteFailure.refusedByTheContainer(refused) || !store.knownOutsideTransaction()) {
                    throw refused;
                }
                try {
                    store.insertAllLocally(batch);
                } catch (RuntimeException again) {
                    again.addSuppressed(refused);
                    throw again;
                }
            }
        }

        @Override
        public boolean reachable() {
            return store.reachable();
        }

        @Override
        public boolean contains(String id) {
            return store.contains(id);
        }
    }

    CallWriter(WriterSettings settings, WriteQueue.Store store) {
        this.settings = settings;
        this.queue = new WriteQueue(settings, store);
    }

    /**
     * Called as the application starts, with the container's scheduler: the flush task is made
     * to carry the application's context, whichever thread schedules it later (an asynchronous
     * call may finish on a thread of no application). Without one ({@code null}), calls are
     * written in the thread that finishes them.
     */
    public void start(ManagedScheduling scheduling) {
        if (scheduling != null) {
            // a thread of its own: the flush task schedules itself after every slice
            var own = scheduling.ownThread("recorded-call-writer");
            owned = own == scheduling.scheduler() ? null : own;
            start(own, scheduling.contextual());
        }
    }

    /**
     * The application's call sinks, found as it starts: looked up from its own context, since a
     * bean the library's extension added does not see the application's beans on every server
     * (WildFly's).
     */
    public void useSinks(List<CallSink> sinks) {
        queue.useSinks(new Sinks(sinks, WriterClock.SYSTEM));
    }

    /** Starts writing through this scheduler, with the flush task wrapped as given. */
    void start(ScheduledExecutorService scheduler, UnaryOperator<Runnable> contextual) {
        this.flushTask = contextual.apply(this::flush);
        this.scheduler = scheduler;
    }

    @Override
    public void accept(Supplier<CallRecord> call) {
        if (stopped || scheduler == null) {
            queue.writeNow(call);
            return;
        }
        queue.offer(call);
        if (stopped) {
            queue.drain(settings.drainTimeoutMillis()); // stopped meanwhile: not left in the queue
        } else {
            schedule(settings.flushIntervalMillis());
        }
    }

    @Override
    public WriterStatus writer() {
        return queue.status();
    }

    @Override
    public List<SinkStatus> sinks() {
        return queue.sinkStatus();
    }

    /** Counts calls the retention purge deleted, with the writer's other counters. */
    void purged(long count) {
        queue.purged(count);
    }

    private void schedule(long delayMillis) {
        if (!scheduled.compareAndSet(false, true)) {
            return; // a flush is due or running, and looks at the queue once more when it ends
        }
        try {
            scheduler.schedule(flushTask, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            scheduled.set(false);
            if (stopped) {
                return; // its scheduler ended with the writer, whose stop drained the queue
            }
            scheduleLog.warn("recorded-call: the writer's scheduler refused its task (" + e + "); "
                    + queue.status().queueDepth() + " call(s) wait for the next call or the shutdown.", e);
        }
    }

    private void flush() {
        var started = System.nanoTime();
        var sliceUsed = false;
        try {
            sliceUsed = queue.flush(SLICE_NANOS);
        } catch (RuntimeException | Error e) {
            // the writer must outlive any failure; an Error too, which the scheduler would swallow
            LOG.log(System.Logger.Level.WARNING, "recorded-call: the writer hit " + e + "; it goes on.", e);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            scheduled.set(false);
            // calls that came while this flush ran, or the ones the database refused for now
            if (queue.waiting() && !stopped) {
                var next = sliceUsed ? rest(System.nanoTime() - started) : settings.flushIntervalMillis();
                schedule(Math.max(queue.pauseLeftMillis(), next));
            }
        }
    }

    /**
     * The rest after a full slice: as long as the slice took, at most the flush interval, and
     * none while the queue is half full or more (then the backlog comes first).
     */
    private long rest(long sliceNanos) {
        if (queue.backlogged()) {
            return 0;
        }
        return Math.min(settings.flushIntervalMillis(), Math.max(1, TimeUnit.NANOSECONDS.toMillis(sliceNanos)));
    }

    /**
     * As the application stops: writes what is queued, within the drain timeout, and logs
     * what could not be. Calls finishing later are written in their own thread.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        var timeout = settings.drainTimeoutMillis();
        var left = queue.drain(timeout);
        var status = queue.status();
        if (left > 0) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: {0} queued call(s) could not be stored within {1} ms "
                    + "of the application stopping and are lost ({2}); raise " + "recordedcall.writer.drain-timeout-ms "
                    + "if the database was only slow. {3}", left, timeout, status.lastError(), status);
        } else {
            LOG.log(System.Logger.Level.INFO, "recorded-call: writer stopped, every accepted call handled: {0}", status);
        }
        var own = owned;
        if (own != null) {
            own.shutdown(); // a flush still due is cancelled: the queue was drained above
        }
    }

    @PreDestroy
    void destroyed() {
        stop();
    }
}

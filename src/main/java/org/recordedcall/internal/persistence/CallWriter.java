package org.recordedcall.internal.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.RecorderStatus;
import org.recordedcall.WriterStatus;
import org.recordedcall.internal.capture.CallSink;
import org.recordedcall.internal.config.Settings;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stores finished calls in batches, off the request thread: a {@link WriteQueue} emptied by
 * the container's managed scheduler, drained when the application stops. Never throws into
 * the request; every call it cannot store is counted and logged.
 */
@Singleton
public class CallWriter implements CallSink, RecorderStatus {

    static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    private static final System.Logger LOG = System.getLogger(CallWriter.class.getName());

    private final Settings settings;
    private final WriteQueue queue;
    private ScheduledFuture<?> flusher;

    @Inject
    public CallWriter(Settings settings, CallStore store) {
        this.settings = settings;
        this.queue = new WriteQueue(settings.writer(), new WriteQueue.Store() {
            @Override
            public void write(List<CallRecord> batch) {
                store.insertAll(batch);
            }

            @Override
            public boolean reachable() {
                return store.reachable();
            }
        });
    }

    @Override
    public void accept(CallRecord call) {
        startFlusher();
        queue.offer(call);
    }

    @Override
    public WriterStatus writer() {
        return queue.status();
    }

    // started by the first call, from a thread whose application context the scheduler captures
    private synchronized void startFlusher() {
        if (flusher != null) {
            return;
        }
        try {
            var scheduler = (ManagedScheduledExecutorService) new InitialContext().lookup(SCHEDULER);
            var interval = settings.writer().flushIntervalMillis();
            flusher = scheduler.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
        } catch (NamingException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: the managed scheduler " + SCHEDULER + " is not "
                    + "available (" + e + "); calls are queued but not stored until it is.", e);
        }
    }

    private void flush() {
        try {
            queue.flush();
        } catch (RuntimeException | Error e) {
            // a scheduled task that throws is never run again: the writer must outlive any failure
            LOG.log(System.Logger.Level.WARNING, "recorded-call: the writer hit " + e + "; it goes on.", e);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
    }

    /** At undeploy or shutdown: stores what is queued, within the drain timeout. */
    @PreDestroy
    synchronized void drain() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        var timeout = settings.writer().drainTimeoutMillis();
        var left = queue.drain(timeout);
        var status = queue.status();
        if (left > 0) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: {0} queued call(s) could not be stored within {1} ms "
                    + "of shutting down and are lost; raise recordedcall.writer.drain-timeout-ms. {2}", left, timeout, status);
        } else {
            LOG.log(System.Logger.Level.INFO, "recorded-call: writer stopped, every accepted call handled: {0}", status);
        }
    }
}

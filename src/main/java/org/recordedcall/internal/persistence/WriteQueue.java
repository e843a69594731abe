package org.recordedcall.internal.persistence;

import org.recordedcall.CallRecord;
import org.recordedcall.WriterStatus;
import org.recordedcall.internal.config.WriterSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded queue between finished calls and the database, and the batches that empty it.
 * Callers only ever offer (never block, except with the WAIT or WRITE_THROUGH overflow
 * policies they chose); one flusher at a time writes batches. A batch the database refuses
 * is split: if some calls go in, the others are set aside as unwritable; if none does and
 * the database does not answer, the batch is kept and retried with growing pauses.
 */
final class WriteQueue {

    /** Where batches go; each call is one transaction. */
    interface Store {
        /** Stores the calls in one transaction, or throws and stores none. */
        void write(List<CallRecord> batch);

        /** Whether the database answers at all. */
        boolean reachable();
    }

    private static final System.Logger LOG = System.getLogger(WriteQueue.class.getName());

    private final WriterSettings settings;
    private final Store store;
    private final ArrayBlockingQueue<CallRecord> queue;
    private final RateLimitedLog overflowLog = new RateLimitedLog(LOG, 10_000);
    private final RateLimitedLog errorLog = new RateLimitedLog(LOG, 10_000);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    // only the flusher changes these, under the lock of this object
    private volatile List<CallRecord> pending = List.of();
    private long backoffMillis;
    private long retryAtNanos;

    WriteQueue(WriterSettings settings, Store store) {
        this.settings = settings;
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** Takes a finished call; what happens when the queue is full is the overflow policy's. */
    void offer(CallRecord call) {
        if (queue.offer(call)) {
            accepted.incrementAndGet();
            return;
        }
        switch (settings.overflow()) {
            case WAIT -> offerWaiting(call);
            case WRITE_THROUGH -> writeThrough(call);
            default -> drop(call);
        }
    }

    private void offerWaiting(CallRecord call) {
        try {
            if (queue.offer(call, settings.overflowWaitMillis(), TimeUnit.MILLISECONDS)) {
                accepted.incrementAndGet();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drop(call);
    }

    private void writeThrough(CallRecord call) {
        accepted.incrementAndGet();
        try {
            store.write(List.of(call));
            written.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            error(e, "call " + call.id() + " could not be written in the caller's thread and is lost");
        }
    }

    private void drop(CallRecord call) {
        dropped.incrementAndGet();
        overflowLog.warn("recorded-call: the write queue is full (" + settings.queueCapacity() + " calls); call "
                + call.id() + " was dropped. Raise " + "recordedcall.writer.queue-capacity, or choose "
                + "recordedcall.writer.overflow=WAIT or WRITE_THROUGH.", null);
    }

    /**
     * Writes what is queued, batch by batch, unless the database is in a pause after failing.
     * Called by the scheduler; one call at a time.
     */
    synchronized void flush() {
        if (!pending.isEmpty() && System.nanoTime() - retryAtNanos < 0) {
            return;
        }
        while (writeNextBatch()) {
            // until the queue is empty or the database fails
        }
    }

    /**
     * Writes everything queued, ignoring pauses, until done or the deadline; returns how many
     * calls are left unwritten, which are counted as dropped.
     */
    synchronized int drain(long timeoutMillis) {
        var deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() - deadline < 0 && (!pending.isEmpty() || !queue.isEmpty())) {
            if (!writeNextBatch() && !pending.isEmpty()) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                pause(Math.min(backoffMillis, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
        var left = pending.size() + queue.size();
        dropped.addAndGet(left);
        pending = List.of();
        queue.clear();
        return left;
    }

    /** Writes one batch; returns whether there may be more to write right now. */
    private boolean writeNextBatch() {
        var batch = pending;
        var retry = !batch.isEmpty();
        if (!retry) {
            var next = new ArrayList<CallRecord>(Math.min(settings.batchSize(), queue.size()));
            queue.drainTo(next, settings.batchSize());
            if (next.isEmpty()) {
                return false;
            }
            batch = next;
        }
        if (write(batch, retry)) {
            pending = List.of();
            backoffMillis = 0;
            return true;
        }
        pending = batch;
        backoffMillis = backoffMillis == 0 ? Math.min(100, settings.maxBackoffMillis())
                : Math.min(backoffMillis * 2, settings.maxBackoffMillis());
        retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
        return false;
    }

    /** Returns {@code true} when the batch is done with: written, or its unwritable calls set aside. */
    private boolean write(List<CallRecord> batch, boolean retry) {
        if (retry) {
            retried.addAndGet(batch.size());
        }
        try {
            store.write(batch);
            written.addAndGet(batch.size());
            return true;
        } catch (RuntimeException whole) {
            return writeOneByOne(batch, whole);
        }
    }

    private boolean writeOneByOne(List<CallRecord> batch, RuntimeException whole) {
        var refused = new ArrayList<CallRecord>();
        RuntimeException last = whole;
        for (var call : batch) {
            try {
                store.write(List.of(call));
                written.incrementAndGet();
            } catch (RuntimeException e) {
                refused.add(call);
                last = e;
            }
        }
        if (refused.isEmpty()) {
            return true;
        }
        if (refused.size() < batch.size() || reachable()) {
            failed.addAndGet(refused.size());
            error(last, refused.size() + " call(s) could not be written and were set aside, the first "
                    + refused.get(0).id() + " (" + refused.get(0).operation() + ")");
            return true;
        }
        error(last, "the database is unavailable; " + (refused.size() + queue.size())
                + " call(s) wait, the next attempt in " + Math.max(100, backoffMillis * 2) + " ms at most");
        return false;
    }

    private boolean reachable() {
        try {
            return store.reachable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void error(RuntimeException e, String what) {
        lastError = e.toString();
        lastErrorAt = Instant.now();
        errorLog.warn("recorded-call: " + what + ": " + e + ". Check the RECORDED_CALL table and the datasource; "
                + "RecorderStatus.writer() shows the counts.", e);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    WriterStatus status() {
        return new WriterStatus(accepted.get(), written.get(), dropped.get(), failed.get(), retried.get(),
                queue.size() + pending.size(), lastError, lastErrorAt);
    }
}

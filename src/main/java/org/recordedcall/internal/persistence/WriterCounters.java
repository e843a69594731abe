package org.recordedcall.internal.persistence;

import org.recordedcall.WriterStatus;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the writer counts, for {@link WriterStatus}: calls accepted, written, dropped, failed,
 * retried and purged, its own CPU time, and the last error with its time. Safe for any thread.
 */
final class WriterCounters {

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong written = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong purged = new AtomicLong();
    final AtomicLong cpuNanos = new AtomicLong();
    private final WriterClock clock;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant failingSince;
    private volatile Instant lastDroppedAt;

    WriterCounters(WriterClock clock) {
        this.clock = clock;
    }

    /** Notes the last error, with the clock's time. */
    void error(String description) {
        lastError = description;
        lastErrorAt = clock.now();
    }

    /** A write failed: the outage begins now, unless it began already. */
    void writeFailed() {
        if (failingSince == null) {
            failingSince = clock.now();
        }
    }

    /** A write succeeded: no outage. */
    void writeSucceeded() {
        failingSince = null;
    }

    /** A call was dropped, now. */
    void dropped() {
        dropped.incrementAndGet();
        lastDroppedAt = clock.now();
    }

    /** The counts, with {@code queueDepth} calls accepted and not yet written or failed. */
    WriterStatus status(int queueDepth) {
        return new WriterStatus(accepted.get(), written.get(), dropped.get(), failed.get(), retried.get(), queueDepth,
                purged.get(), lastError, lastErrorAt, cpuNanos.get(), failingSince, lastDroppedAt);
    }
}

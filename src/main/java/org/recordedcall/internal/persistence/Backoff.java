package org.recordedcall.internal.persistence;

import java.util.concurrent.TimeUnit;

/**
 * When the database may be tried again after it failed: a pause that starts at
 * {@value #FIRST_MILLIS} ms and doubles with each failure in a row, up to the maximum; a
 * success ends it. Only the flusher uses it, under the queue's lock.
 */
final class Backoff {

    static final long FIRST_MILLIS = 100;

    private final long maxMillis;
    private final WriterClock clock;
    private long pauseMillis;
    private volatile long retryAtNanos;

    Backoff(long maxMillis, WriterClock clock) {
        this.maxMillis = maxMillis;
        this.clock = clock;
    }

    /** The database failed again: the next pause, twice the last one, starts now. */
    void failed() {
        pauseMillis = next();
        retryAtNanos = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
    }

    /** The database took a write: no pause. */
    void succeeded() {
        pauseMillis = 0;
    }

    /** The pause the next failure starts, for the message that reports this one. */
    long next() {
        return Math.min(pauseMillis == 0 ? FIRST_MILLIS : pauseMillis * 2, maxMillis);
    }

    /** Milliseconds left of the current pause; 0 when over. */
    long leftMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(retryAtNanos - clock.nanoTime()));
    }
}

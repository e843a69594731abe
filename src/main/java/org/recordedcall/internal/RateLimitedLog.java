package org.recordedcall.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A warning that repeats at most once per period, saying how many were held back, so that a
 * burst of failures neither floods the log nor goes unnoticed.
 */
public final class RateLimitedLog {

    private final System.Logger log;
    private final long periodNanos;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong heldBack = new AtomicLong();

    public RateLimitedLog(System.Logger log, long periodMillis) {
        this.log = log;
        this.periodNanos = periodMillis * 1_000_000L;
    }

    public void warn(String message, Throwable cause) {
        var now = System.nanoTime();
        var next = nextAt.get();
        if (next != Long.MIN_VALUE && now - next < 0 || !nextAt.compareAndSet(next, now + periodNanos)) {
            heldBack.incrementAndGet();
            return;
        }
        var skipped = heldBack.getAndSet(0);
        var text = skipped == 0 ? message : message + " (" + skipped + " similar warnings held back)";
        log.log(System.Logger.Level.WARNING, text, cause);
    }
}

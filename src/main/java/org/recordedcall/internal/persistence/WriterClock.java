package org.recordedcall.internal.persistence;

import java.time.Instant;

/** The time the writer reads and waits on: the system's, or a test's that moves only when told. */
interface WriterClock {

    /** The system's clock; {@link #sleep} sleeps the calling thread. */
    WriterClock SYSTEM = new WriterClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(Math.max(1, millis));
        }
    };

    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** The wall-clock time, for the last error's timestamp. */
    Instant now();

    /** Waits {@code millis} milliseconds (at least one). */
    void sleep(long millis) throws InterruptedException;
}

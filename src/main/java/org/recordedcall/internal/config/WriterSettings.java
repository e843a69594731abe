package org.recordedcall.internal.config;

/**
 * The background writer's settings; keys and defaults in
 * {@link org.recordedcall.RecordedCallSettings}.
 *
 * @param queueCapacity      calls that may wait at most
 * @param batchSize          calls per transaction at most
 * @param flushIntervalMillis pause between two flushes
 * @param overflow           what a full queue does to a call
 * @param overflowWaitMillis how long {@link Overflow#WAIT} waits
 * @param drainTimeoutMillis how long the drain at shutdown may take
 * @param maxBackoffMillis   longest pause between attempts while the database is down
 */
public record WriterSettings(int queueCapacity, int batchSize, long flushIntervalMillis, Overflow overflow,
                             long overflowWaitMillis, long drainTimeoutMillis, long maxBackoffMillis) {

    /** What happens to a finished call when the queue is full. */
    public enum Overflow {
        /** Drop the call and count it. */
        DROP,
        /** Wait a little for room, then drop it and count it. */
        WAIT,
        /** Store it in the caller's thread. */
        WRITE_THROUGH
    }
}

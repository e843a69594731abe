package org.recordedcall;

import java.time.Instant;

/**
 * What the background writer has done since the application started, for a health check or
 * a metrics endpoint: {@code @Inject RecorderStatus status; status.writer().dropped()}.
 *
 * Every finished call is either accepted or dropped, and
 * {@code accepted == written + failed + queueDepth}.
 *
 * @param accepted    calls taken for storing (queued, or written in the caller's thread)
 * @param written     calls stored in the database
 * @param dropped     calls not taken because the queue was full (overflow policy {@code DROP}, or
 *                    {@code WAIT} after its wait)
 * @param failed      calls accepted but never stored: rejected by the database for their values,
 *                    still unwritten when the application stopped and its drain timed out, or whose
 *                    record could not be made (a recorder's bug, logged)
 * @param retried     write attempts repeated after a failed one, counted per call
 * @param queueDepth  calls waiting to be written now
 * @param purged      calls deleted by the retention purge (by age or row cap)
 * @param lastError   the last write error, or {@code null}
 * @param lastErrorAt when it happened, or {@code null}
 * @param cpuNanos    CPU time the background writer's threads spent storing calls, in nanoseconds, making
 *                    the records of those whose record no observer had asked for yet included (what
 *                    recording costs besides the request threads and the observers; 0 where the JVM
 *                    cannot tell)
 * @param failingSince since when every write has failed (the database unreachable, say), or {@code null}
 *                    while the last write succeeded
 * @param lastDroppedAt when a call was last dropped, or {@code null} if none was
 */
public record WriterStatus(long accepted, long written, long dropped, long failed, long retried,
                           int queueDepth, long purged, String lastError, Instant lastErrorAt, long cpuNanos,
                           Instant failingSince, Instant lastDroppedAt) {
}

package org.recordedcall;

import java.time.Instant;

/**
 * What the background writer has done since the application started, for a health check or
 * a metrics endpoint: {@code @Inject RecorderStatus status; status.writer().dropped()}.
 *
 * @param accepted    calls taken for storing (queued, or written in the caller on overflow)
 * @param written     calls stored in the database
 * @param dropped     calls not stored because the queue was full (or left unwritten at shutdown)
 * @param failed      calls set aside because the database rejected them while it accepted others
 * @param retried     calls written again after a failed attempt
 * @param queueDepth  calls waiting to be written now
 * @param lastError   the last write error, or {@code null}
 * @param lastErrorAt when it happened, or {@code null}
 */
public record WriterStatus(long accepted, long written, long dropped, long failed, long retried,
                           int queueDepth, String lastError, Instant lastErrorAt) {
}

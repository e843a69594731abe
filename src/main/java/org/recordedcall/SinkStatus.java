package org.recordedcall;

import java.time.Instant;

/**
 * The counters of one {@link org.recordedcall.spi.CallSink}.
 *
 * @param name        the sink's {@link org.recordedcall.spi.CallSink#name()}
 * @param delivered   calls in the batches it took without throwing
 * @param failed      calls in the batches it threw on
 * @param lastError   the last exception it threw, as {@code Type: message}, or {@code null}
 * @param lastErrorAt when it threw it, or {@code null}
 */
public record SinkStatus(String name, long delivered, long failed, String lastError, Instant lastErrorAt) {
}

package org.recordedcall.spi;

import org.recordedcall.CallRecord;

import java.util.List;

/**
 * Receives the recorded calls that the storage policy keeps, in batches, beside the database
 * (or instead of it, with {@code recordedcall.store.enabled=false}): to send them to a log, a
 * message broker or a tracing backend as well. Make it a CDI bean of the application (any
 * scope; {@code @ApplicationScoped} is usual); every such bean is found when the application
 * starts, and each gets every batch.
 *
 * <ul>
 * <li><b>What it gets:</b> each stored call once, masked exactly as the database row and the
 * events are, after the storage policy ({@code sampleRate}, {@code onlyFailures},
 * {@code slowerThanMillis}, excluded paths) kept it; in batches of up to
 * {@code recordedcall.writer.batch-size} calls, in the order they were queued.</li>
 * <li><b>When:</b> as the writer takes a batch off its queue, before writing it to the database;
 * not again when the database write is retried. A call the queue dropped (overflow) reaches no
 * sink.</li>
 * <li><b>On which thread:</b> the writer's (a thread of the container's managed scheduler, with
 * the application's context); one batch at a time, sinks one after the other. Where the writer
 * writes in the caller instead (the overflow policy {@code WRITE_THROUGH} with a full queue, a
 * server without a managed scheduler, a call finishing after the application stopped), the
 * thread that finished the call hands its one-call batch on, still one batch at a time. At
 * shutdown, the drain delivers what is left from the thread that stops the application.</li>
 * <li><b>What it must not do:</b> block for long (the database write and the other sinks wait for
 * it, and a full queue applies the overflow policy to new calls); keep the list (copy what it
 * needs); rely on throwing. A sink that throws is isolated: the batch still goes to the database
 * and the other sinks, and the failure is counted for this sink in
 * {@link org.recordedcall.RecorderStatus#sinks()} and logged at most once every 10 seconds.</li>
 * </ul>
 */
public interface CallSink {

    /**
     * Takes a batch of recorded calls.
     *
     * @param calls the batch, unmodifiable; never empty
     */
    void accept(List<CallRecord> calls);

    /** The name this sink is counted under in {@link org.recordedcall.RecorderStatus#sinks()}: its class's, by default. */
    default String name() {
        return getClass().getName();
    }
}

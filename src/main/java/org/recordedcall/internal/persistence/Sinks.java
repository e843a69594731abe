package org.recordedcall.internal.persistence;

import org.recordedcall.CallRecord;
import org.recordedcall.SinkStatus;
import org.recordedcall.internal.RateLimitedLog;
import org.recordedcall.spi.CallSink;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's {@link CallSink}s: each batch goes to each in turn, and what one throws is
 * counted for it, logged at most every 10 s, and kept from the others and from the database.
 */
final class Sinks {

    private static final System.Logger LOG = System.getLogger(Sinks.class.getName());

    /** No sink: what an application without one has. */
    static final Sinks NONE = new Sinks(List.of(), WriterClock.SYSTEM);

    /** One sink and its counters. */
    private static final class Counted {
        final CallSink sink;
        final String name;
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final RateLimitedLog log = new RateLimitedLog(LOG, 10_000);
        volatile String lastError;
        volatile Instant lastErrorAt;

        Counted(CallSink sink) {
            this.sink = sink;
            String named;
            try {
                named = sink.name();
            } catch (RuntimeException broken) {
                named = null;
            }
            this.name = named == null ? sink.getClass().getName() : named;
        }
    }

    private final List<Counted> sinks;
    private final WriterClock clock;

    Sinks(List<CallSink> sinks, WriterClock clock) {
        this.sinks = sinks.stream().map(Counted::new).toList();
        this.clock = clock;
    }

    boolean isEmpty() {
        return sinks.isEmpty();
    }

    /** Hands the batch to every sink, one batch at a time; never throws but for the JVM's own failures. */
    synchronized void deliver(List<CallRecord> batch) {
        if (sinks.isEmpty() || batch.isEmpty()) {
            return;
        }
        var calls = List.copyOf(batch);
        for (var counted : sinks) {
            try {
                counted.sink.accept(calls);
                counted.delivered.addAndGet(calls.size());
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (RuntimeException | Error e) {
                counted.failed.addAndGet(calls.size());
                counted.lastError = WriteFailure.describe(e);
                counted.lastErrorAt = clock.now();
                counted.log.warn("recorded-call: the call sink " + counted.name + " threw on a batch of " + calls.size()
                        + " call(s), which still went to the database and the other sinks: " + e, e);
            }
        }
    }

    List<SinkStatus> status() {
        return sinks.stream().map(counted -> new SinkStatus(counted.name, counted.delivered.get(),
                counted.failed.get(), counted.lastError, counted.lastErrorAt)).toList();
    }
}

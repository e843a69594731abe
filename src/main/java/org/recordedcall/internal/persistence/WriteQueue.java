package org.recordedcall.internal.persistence;

import org.recordedcall.CallRecord;
import org.recordedcall.WriterStatus;
import org.recordedcall.internal.RateLimitedLog;
import org.recordedcall.internal.config.WriterSettings;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bounded queue between finished calls and the database, and the batches that empty it.
 * Callers only ever offer (never block, except with the WAIT or WRITE_THROUGH overflow
 * policies they chose); one flusher at a time writes batches, each in one transaction.
 * <p>
 * A batch the database refuses is written again call by call, and each refused call is judged
 * by its {@link WriteFailure}: a call the database cannot take as it is is set aside and
 * counted; calls refused because the database is down are kept and tried again after the
 * {@link Backoff}'s pause. A refusal with no clear cause counts as the call's
 * own when others of its batch went in, or when the database kept answering while it refused
 * the call {@value #REFUSALS_TO_SET_ASIDE} times.
 * <p>
 * Counts ({@link WriterCounters}) hold {@code accepted = written + failed + queueDepth}, and
 * every call offered is either accepted or dropped. Time is read from a {@link WriterClock}.
 */
final class WriteQueue {

    /** Where batches go. */
    interface Store {
        /** Stores the calls in one transaction, or throws and stores none. */
        void write(List<CallRecord> batch);

        /** Whether the database answers at all. */
        boolean reachable();

        /** Whether the call with this id is stored. */
        boolean contains(String id);
    }

    // a database that is starting up answers but refuses writes for a moment: try a few times first
    static final int REFUSALS_TO_SET_ASIDE = 3;
    private static final System.Logger LOG = System.getLogger(WriteQueue.class.getName());

    private final WriterSettings settings;
    private final Store store;
    // each call's record is made as its batch leaves the queue, on the writer's thread, unless made already
    private final ArrayBlockingQueue<Supplier<CallRecord>> queue;
    private final RateLimitedLog overflowLog = new RateLimitedLog(LOG, 10_000);
    private final RateLimitedLog errorLog = new RateLimitedLog(LOG, 10_000);
    private final WriterClock clock;
    private volatile Sinks sinks;
    private final WriterCounters counts;
    private final Backoff backoff;

    // only the flusher changes these, under the lock of this object
    private volatile List<CallRecord> pending = List.of();
    // calls taken off the queue whose records are being made: still in the queue's depth
    private volatile int making;
    // calls refused for no clear reason, and how often, while the database answered
    private final Map<String, Integer> unclearRefusals = new HashMap<>();

    WriteQueue(WriterSettings settings, Store store) {
        this(settings, store, WriterClock.SYSTEM, Sinks.NONE);
    }

    /**
     * The same, on {@code clock} (a test's moves only when told, so that no test sleeps), handing
     * each batch to {@code sinks} as it is taken off the queue.
     */
    WriteQueue(WriterSettings settings, Store store, WriterClock clock, Sinks sinks) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.sinks = sinks;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.counts = new WriterCounters(clock);
        this.backoff = new Backoff(settings.maxBackoffMillis(), clock);
    }

    /** Takes a finished call; what happens when the queue is full is the overflow policy's. */
    void offer(Supplier<CallRecord> call) {
        if (queue.offer(call)) {
            counts.accepted.incrementAndGet();
            return;
        }
        switch (settings.overflow()) {
            case WAIT -> offerWaiting(call);
            case WRITE_THROUGH -> writeThrough(call);
            default -> drop();
        }
    }

    private void offerWaiting(Supplier<CallRecord> call) {
        try {
            if (queue.offer(call, settings.overflowWaitMillis(), TimeUnit.MILLISECONDS)) {
                counts.accepted.incrementAndGet();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drop();
    }

    private void writeThrough(Supplier<CallRecord> call) {
        overflowLog.warn("recorded-call: the write queue is full (" + settings.queueCapacity() + " calls); calls are "
                + "written in the requests' threads (overflow WRITE_THROUGH), which slows the responses. Raise "
                + "recordedcall.writer.queue-capacity if this repeats.", null);
        writeNow(call);
    }

    /** Stores one call in the caller's thread, past the queue. */
    void writeNow(Supplier<CallRecord> finished) {
        counts.accepted.incrementAndGet();
        var made = records(List.of(finished));
        if (made.isEmpty()) {
            return;
        }
        var call = made.get(0);
        sinks.deliver(made);
        try {
            store.write(made);
            counts.written.incrementAndGet();
        } catch (RuntimeException e) {
            counts.failed.incrementAndGet();
            error(e, "call " + call.id() + " (" + call.operation() + ") could not be written in the caller's thread "
                    + "and is lost");
        }
    }

    private void drop() {
        // the call's record is not made: not for a log line, on the request's thread, while the recorder is overwhelmed
        counts.dropped();
        overflowLog.warn("recorded-call: the write queue is full (" + settings.queueCapacity() + " calls); calls are "
                + "dropped (" + counts.dropped.get() + " so far). Raise recordedcall.writer.queue-capacity, "
                + "or choose recordedcall.writer.overflow=WAIT or WRITE_THROUGH.", null);
    }

    /** Whether the queue is half full or more. */
    boolean backlogged() {
        return queue.size() >= settings.queueCapacity() / 2;
    }

    /** Whether calls wait to be written. */
    boolean waiting() {
        return !queue.isEmpty() || !pending.isEmpty();
    }

    /** Milliseconds until the database may be tried again: 0 unless it is in a pause after failing. */
    long pauseLeftMillis() {
        if (pending.isEmpty()) {
            return 0;
        }
        return backoff.leftMillis();
    }

    /**
     * Writes what is queued, batch by batch, until a batch smaller than the batch size (one that
     * emptied the queue as it was taken) is written with the queue less than half full again, or
     * the database fails; nothing while the database is in a pause after failing. Calls that
     * arrive while that last batch is written wait for the next flush: chasing them would write a
     * small batch after every batch, each paying a whole transaction. One flusher at a time.
     */
    void flush() {
        flush(Long.MAX_VALUE);
    }

    /**
     * The same, but stops after the batch that ends the slice of {@code sliceNanos}; returns
     * whether it stopped for that reason, with calls still queued.
     */
    synchronized boolean flush(long sliceNanos) {
        if (pauseLeftMillis() > 0) {
            return false;
        }
        var startedCpu = threadCpuNanos();
        var writtenBefore = counts.written.get();
        var event = FlushTiming.begin();
        var started = clock.nanoTime();
        try {
            while (writeNextBatch()) {
                if (clock.nanoTime() - started >= sliceNanos) {
                    return waiting();
                }
            }
            return false;
        } finally {
            if (startedCpu >= 0) {
                counts.cpuNanos.addAndGet(Math.max(0, threadCpuNanos() - startedCpu));
            }
            FlushTiming.end(event, counts.written.get() - writtenBefore);
        }
    }

    /** This thread's CPU time so far, or -1 where the JVM does not measure it. */
    private static long threadCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Writes everything queued, pausing between failed attempts as usual, until done or the
     * deadline; returns how many calls are left unwritten, which are counted as failed.
     */
    synchronized int drain(long timeoutMillis) {
        var deadline = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (waiting() && clock.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted()) {
            if (!writeNextBatch() && !pending.isEmpty()) {
                pause(Math.min(pauseLeftMillis(), TimeUnit.NANOSECONDS.toMillis(deadline - clock.nanoTime())));
            }
        }
        var left = pending.size() + queue.drainTo(new ArrayList<>());
        pending = List.of();
        unclearRefusals.clear();
        if (left > 0) {
            counts.failed.addAndGet(left);
            counts.error("left unwritten when the application stopped");
        }
        return left;
    }

    /**
     * Writes one batch; returns whether a backlog is left to write right now: the batch was a
     * full one, or one tried again after the database failed, or the queue is half full again
     * (a queue smaller than the batch size never gives a full batch).
     */
    private boolean writeNextBatch() {
        var batch = pending;
        var retry = !batch.isEmpty();
        var full = retry;
        if (!retry) {
            var taken = new ArrayList<Supplier<CallRecord>>(Math.min(settings.batchSize(), queue.size()));
            queue.drainTo(taken, settings.batchSize());
            if (taken.isEmpty()) {
                return false;
            }
            full = taken.size() >= settings.batchSize();
            making = taken.size();
            try {
                batch = records(taken);
            } finally {
                making = 0;
            }
            if (batch.isEmpty()) {
                return full || backlogged();
            }
            pending = batch; // still counted in the queue depth while it is written
            sinks.deliver(batch); // once, as it leaves the queue: not again on a retry
        }
        var left = write(batch, retry);
        if (left.isEmpty()) {
            pending = List.of();
            backoff.succeeded();
            counts.writeSucceeded();
            return full || backlogged();
        }
        pending = left;
        backoff.failed();
        counts.writeFailed();
        return false;
    }

    /**
     * The records of calls taken off the queue. One whose record cannot be made (a bug of the
     * recorder's, never expected) is counted as failed and logged; the others go on.
     */
    private List<CallRecord> records(List<Supplier<CallRecord>> taken) {
        var records = new ArrayList<CallRecord>(taken.size());
        var failed = 0;
        for (var call : taken) {
            try {
                records.add(call.get());
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError fatal) {
                    counts.failed.addAndGet(taken.size() - failed); // none of them will be written now
                    throw fatal;
                }
                failed++;
                counts.failed.incrementAndGet();
                error(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e),
                        "the record of a call could not be made, and it is not stored");
            }
        }
        return records;
    }

    /** Writes the batch; returns the calls to try again later (none when done with: written or set aside). */
    private List<CallRecord> write(List<CallRecord> batch, boolean retry) {
        if (retry) {
            counts.retried.addAndGet(batch.size());
        }
        try {
            store.write(batch);
            counts.written.addAndGet(batch.size());
            if (!unclearRefusals.isEmpty()) {
                batch.forEach(call -> unclearRefusals.remove(call.id()));
            }
            return List.of();
        } catch (RuntimeException whole) {
            if (WriteFailure.of(whole) == WriteFailure.DATABASE) {
                unavailable(whole, batch.size());
                return batch;
            }
            return writeOneByOne(batch, whole);
        }
    }

    private List<CallRecord> writeOneByOne(List<CallRecord> batch, RuntimeException whole) {
        var wentIn = 0;
        var setAside = new ArrayList<CallRecord>();
        var unclear = new ArrayList<CallRecord>();
        RuntimeException last = whole;
        for (int i = 0; i < batch.size(); i++) {
            var call = batch.get(i);
            try {
                store.write(List.of(call));
                counts.written.incrementAndGet();
                unclearRefusals.remove(call.id());
                wentIn++;
            } catch (RuntimeException e) {
                last = e;
                switch (WriteFailure.of(e)) {
                    case RECORD -> {
                        if (WriteFailure.isDuplicateKey(e) && store.contains(call.id())) {
                            // an earlier attempt was committed, but its answer was lost with the connection
                            counts.written.incrementAndGet();
                            unclearRefusals.remove(call.id());
                            wentIn++;
                        } else {
                            setAside.add(call);
                        }
                    }
                    case UNKNOWN -> unclear.add(call);
                    case DATABASE -> {
                        // the database went away while we wrote: keep this call and the rest for later
                        var keep = new ArrayList<>(unclear);
                        keep.addAll(batch.subList(i, batch.size()));
                        setAside(setAside, last);
                        unavailable(e, keep.size());
                        return keep;
                    }
                }
            }
        }
        if (!unclear.isEmpty()) {
            if (wentIn == 0 && !reachable()) {
                setAside(setAside, last);
                unavailable(last, unclear.size());
                return unclear;
            }
            // the database answers: a call it keeps refusing is its own problem; one refusal may
            // still be the database's (one bad connection, a database closing or starting)
            var again = new ArrayList<CallRecord>();
            for (var call : unclear) {
                if (unclearRefusals.merge(call.id(), 1, Integer::sum) >= REFUSALS_TO_SET_ASIDE) {
                    unclearRefusals.remove(call.id());
                    setAside.add(call);
                } else {
                    again.add(call);
                }
            }
            if (!again.isEmpty()) {
                setAside(setAside, last);
                error(last, "the database refused " + again.size() + " call(s); they are tried again");
                return again;
            }
        }
        setAside(setAside, last);
        return List.of();
    }

    private void setAside(List<CallRecord> calls, RuntimeException cause) {
        if (calls.isEmpty()) {
            return;
        }
        counts.failed.addAndGet(calls.size());
        error(cause, calls.size() + " call(s) could not be written and were set aside, the first " + calls.get(0).id()
                + " (" + calls.get(0).operation() + ")");
    }

    private void unavailable(RuntimeException cause, int waiting) {
        error(cause, "the database is unavailable; " + (waiting + queue.size()) + " call(s) wait, tried again in "
                + backoff.next() + " ms");
    }

    private boolean reachable() {
        try {
            return store.reachable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void error(RuntimeException e, String what) {
        var described = WriteFailure.describe(e);
        counts.error(described);
        errorLog.warn("recorded-call: " + what + ": " + described + ". Check the RECORDED_CALL table and the datasource; "
                + "RecorderStatus.writer() shows the counts.", e);
    }

    private void pause(long millis) {
        try {
            clock.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands each batch to these sinks from now on. */
    void useSinks(Sinks sinks) {
        this.sinks = sinks;
    }

    List<org.recordedcall.SinkStatus> sinkStatus() {
        return sinks.status();
    }

    WriterStatus status() {
        return counts.status(queue.size() + pending.size() + making);
    }

    /** Counts calls the retention purge deleted. */
    void purged(long count) {
        counts.purged.addAndGet(count);
    }
}

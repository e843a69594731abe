package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.Test;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.WriterSettings.Overflow;
import org.recordedcall.internal.config.WriterSettings;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The write queue against an in-memory store that can be switched off or made to refuse a call. */
class WriteQueueTest {

    /**
     * A database stand-in: batches it took, whether it is up, calls it refuses for their values
     * (SQLSTATE 22001) or with no SQLSTATE at all. Failures come wrapped, as from a JPA provider.
     */
    static final class FakeStore implements WriteQueue.Store {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<String> stored = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean up = true;
        volatile Set<String> refused = Set.of();
        volatile Set<String> refusedUnclearly = Set.of();
        /** Calls refused with no SQLSTATE this many more times, then taken. */
        final Map<String, Integer> refusedUnclearlyTimes = new ConcurrentHashMap<>();
        /**
         * A batch is refused for a value in it, and the database goes away after this many more
         * single-call writes.
         */
        volatile int singlesBeforeOutage = -1;
        /** Calls whose first write is committed, but whose answer the connection loses (SQLSTATE 08006). */
        volatile Set<String> answerLost = Set.of();
        /** How long each write takes, as a database's round trip would. */
        volatile long writeMillis;
        /** Run at each write: a test's clock moves with the writes so. */
        volatile Runnable eachWrite = () -> { };

        @Override
        public void write(List<CallRecord> batch) {
            attempts.incrementAndGet();
            eachWrite.run();
            if (writeMillis > 0) {
                try {
                    Thread.sleep(writeMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (singlesBeforeOutage >= 0) {
                if (batch.size() > 1) {
                    throw failure("22001", "value too long for column");
                }
                if (singlesBeforeOutage == 0) {
                    up = false;
                    throw failure("08006", "connection reset");
                }
                singlesBeforeOutage--;
            }
            if (!up) {
                throw failure("08001", "connection refused");
            }
            for (var call : batch) {
                if (stored.contains(call.id())) {
                    throw failure("23505", "duplicate key value violates unique constraint");
                }
            }
            if (batch.stream().anyMatch(call -> answerLost.contains(call.id()))) {
                answerLost = Set.of();
                batch.forEach(call -> stored.add(call.id()));
                throw failure("08006", "connection reset during commit");
            }
            for (var call : batch) {
                if (refused.contains(call.id())) {
                    throw failure("22001", "value too long for column");
                }
                if (refusedUnclearly.contains(call.id()) || refuseOnceMore(call.id())) {
                    throw new IllegalStateException("something went wrong");
                }
            }
            batches.add(batch.stream().map(CallRecord::id).toList());
            batch.forEach(call -> stored.add(call.id()));
        }

        private boolean refuseOnceMore(String id) {
            var left = refusedUnclearlyTimes.get(id);
            if (left == null) {
                return false;
            }
            if (left <= 1) {
                refusedUnclearlyTimes.remove(id);
            } else {
                refusedUnclearlyTimes.put(id, left - 1);
            }
            return true;
        }

        @Override
        public boolean reachable() {
            return up;
        }

        @Override
        public boolean contains(String id) {
            return stored.contains(id);
        }

        private static RuntimeException failure(String state, String message) {
            return new IllegalStateException("flush failed", new SQLException(message, state));
        }
    }

    /** Time that moves only when told (or when the queue waits on it): no test sleeps. */
    static final class FakeClock implements WriterClock {
        private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

        void advanceMillis(long millis) {
            nanos.addAndGet(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis));
        }

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public java.time.Instant now() {
            return java.time.Instant.EPOCH.plusNanos(nanos.get());
        }

        @Override
        public void sleep(long millis) {
            advanceMillis(Math.max(1, millis));
        }
    }

    private final FakeStore store = new FakeStore();
    private final FakeClock clock = new FakeClock();

    private WriteQueue queue(WriterSettings settings) {
        return new WriteQueue(settings, store, clock, Sinks.NONE);
    }

    /** A sink that keeps what it got, and one that throws on every batch. */
    static final class KeepingSink implements org.recordedcall.spi.CallSink {
        final List<String> got = new CopyOnWriteArrayList<>();

        @Override
        public void accept(List<CallRecord> calls) {
            calls.forEach(call -> got.add(call.id()));
        }
    }

    @Test
    void eachCallGoesToEverySinkOnceEvenWhenItsDatabaseWriteIsRetried() {
        var keeping = new KeepingSink();
        var queue = new WriteQueue(settings(100, 10, Overflow.DROP), store, clock, new Sinks(List.of(keeping), clock));
        store.up = false;
        var calls = calls(15);
        calls.forEach(call -> queue.offer(handed(call)));

        queue.flush();
        assertEquals(10, keeping.got.size(), "the first batch, as it left the queue");
        store.up = true;
        clock.advanceMillis(100);
        queue.flush();

        assertEquals(calls.stream().map(CallRecord::id).toList(), keeping.got, "each once, in order");
        assertEquals(15, queue.sinkStatus().get(0).delivered());
        assertEquals(15, queue.status().written());
    }

    @Test
    void aSinkThatThrowsIsCountedAndKeepsNothingFromTheOtherSinksOrTheDatabase() {
        var keeping = new KeepingSink();
        org.recordedcall.spi.CallSink broken = batch -> {
            throw new IllegalStateException("down");
        };
        var queue = new WriteQueue(settings(100, 10, Overflow.DROP), store, clock,
                new Sinks(List.of(broken, keeping), clock));
        calls(12).forEach(call -> queue.offer(handed(call)));
        var alone = calls(1).get(0);

        queue.flush();
        queue.writeNow(handed(alone));

        assertEquals(13, store.stored.size());
        assertEquals(13, keeping.got.size());
        var status = queue.sinkStatus();
        assertEquals(0, status.get(0).delivered());
        assertEquals(13, status.get(0).failed());
        assertTrue(status.get(0).lastError().contains("down"), status::toString);
        assertEquals(java.time.Instant.EPOCH, status.get(0).lastErrorAt());
        assertEquals(13, status.get(1).delivered());
        assertEquals(KeepingSink.class.getName(), status.get(1).name());
    }

    private static WriterSettings settings(int capacity, int batchSize, Overflow overflow) {
        return new WriterSettings(capacity, batchSize, 10, overflow, 20, 2_000, 50);
    }

    private static List<CallRecord> calls(int count) {
        var calls = new ArrayList<CallRecord>();
        IntStream.range(0, count).forEach(i -> calls.add(RecordedCallEntityTest.record(UUID.randomUUID().toString())));
        return calls;
    }

    @Test
    void queuedCallsAreWrittenInBatchesOfTheBatchSize() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        calls(25).forEach(call -> queue.offer(handed(call)));

        queue.flush();

        assertEquals(List.of(10, 10, 5), store.batches.stream().map(List::size).toList());
        var status = queue.status();
        assertEquals(25, status.accepted());
        assertEquals(25, status.written());
        assertEquals(0, status.queueDepth());
    }

    @Test
    void eachRecordIsMadeAsItsBatchLeavesTheQueueOnTheWritersThreadAndOneThatCannotBeIsCountedFailed() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        var madeOn = new CopyOnWriteArrayList<String>();
        var calls = calls(3);
        queue.offer(() -> {
            madeOn.add(Thread.currentThread().getName());
            return calls.get(0);
        });
        queue.offer(() -> {
            throw new IllegalStateException("a recorder's bug");
        });
        queue.offer(handed(calls.get(2)));
        assertEquals(List.of(), madeOn, "not made by the thread that handed the call over");

        var writer = new Thread(queue::flush, "the-writer");
        writer.start();
        assertDoesNotThrow(() -> writer.join());

        assertEquals(List.of("the-writer"), madeOn);
        assertEquals(List.of(List.of(calls.get(0).id(), calls.get(2).id())), store.batches);
        var status = queue.status();
        assertEquals(3, status.accepted());
        assertEquals(2, status.written());
        assertEquals(1, status.failed());
        assertEquals(0, status.queueDepth());
        assertTrue(status.lastError().contains("a recorder's bug"), status.lastError());
    }

    @Test
    void callsArrivingWhileTheLastBatchIsWrittenWaitForTheNextFlushButABacklogDoesNot() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        var arrivals = new ArrayList<>(calls(4));
        store.eachWrite = () -> {
            if (!arrivals.isEmpty()) {
                queue.offer(handed(arrivals.remove(0))); // a request finishing while the batch is written
            }
        };
        calls(5).forEach(call -> queue.offer(handed(call)));

        assertFalse(queue.flush(Long.MAX_VALUE), "a batch that emptied the queue ends the flush");
        assertEquals(List.of(5), store.batches.stream().map(List::size).toList(),
                "not one small batch (and transaction) per call that came meanwhile");
        assertEquals(1, queue.status().queueDepth());

        calls(21).forEach(call -> queue.offer(handed(call)));
        queue.flush();
        assertEquals(List.of(5, 10, 10, 4), store.batches.stream().map(List::size).toList(),
                "full batches go on at once: a backlog; the call that came during them waits");
        assertEquals(1, queue.status().queueDepth());
        queue.flush();
        assertEquals(List.of(5, 10, 10, 4, 1), store.batches.stream().map(List::size).toList());
        var status = queue.status();
        assertEquals(status.accepted(), status.written() + status.failed() + status.queueDepth());
        assertEquals(30, status.written());
    }

    @Test
    void aQueueSmallerThanTheBatchSizeIsWrittenOnWhileItIsHalfFullAgain() {
        var queue = queue(settings(10, 20, Overflow.DROP)); // no batch can be full
        var arrivals = new ArrayList<>(calls(6));
        store.eachWrite = () -> {
            while (arrivals.size() > 1) {
                queue.offer(handed(arrivals.remove(0))); // five calls during the first write: half the queue
            }
        };
        calls(10).forEach(call -> queue.offer(handed(call)));

        assertFalse(queue.flush(Long.MAX_VALUE));
        assertEquals(List.of(10, 5), store.batches.stream().map(List::size).toList(),
                "a half-full queue is a backlog, whatever the batch size");
        assertEquals(15, queue.status().written());
        assertEquals(0, queue.status().queueDepth());
    }

    @Test
    void aSlicedFlushStopsAfterTheBatchThatEndsItsSliceAndSaysWhetherCallsWait() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        calls(25).forEach(call -> queue.offer(handed(call)));
        store.eachWrite = () -> clock.advanceMillis(1);

        assertTrue(queue.flush(1), "a slice of 1 ns ends after its first batch, calls left");
        assertEquals(List.of(10), store.batches.stream().map(List::size).toList());
        assertTrue(queue.flush(1));
        assertFalse(queue.flush(1), "the last batch emptied the queue");

        assertEquals(List.of(10, 10, 5), store.batches.stream().map(List::size).toList());
        assertEquals(25, queue.status().written());
        assertEquals(0, queue.status().queueDepth());
    }

    @Test
    void aQueueHalfFullOrMoreIsBacklogged() {
        var queue = queue(settings(10, 10, Overflow.DROP));
        calls(4).forEach(call -> queue.offer(handed(call)));
        assertFalse(queue.backlogged());

        queue.offer(handed(calls(1).get(0)));

        assertTrue(queue.backlogged());
    }

    @Test
    void aFullQueueDropsAndCountsByDefault() {
        var queue = queue(settings(5, 10, Overflow.DROP));

        calls(8).forEach(call -> queue.offer(handed(call)));

        assertEquals(5, queue.status().accepted());
        assertEquals(3, queue.status().dropped());
        assertEquals(5, queue.status().queueDepth());
        assertEquals(clock.now(), queue.status().lastDroppedAt(), "when, for the readiness check");
    }

    @Test
    void waitingGivesUpAfterTheWaitAndCounts() {
        var queue = queue(settings(2, 10, Overflow.WAIT));

        var started = System.nanoTime();
        calls(3).forEach(call -> queue.offer(handed(call)));

        assertTrue(System.nanoTime() - started >= 15_000_000L, "waited for room");
        assertEquals(1, queue.status().dropped());
    }

    @Test
    void writeThroughStoresOverflowInTheCaller() {
        var queue = queue(settings(2, 10, Overflow.WRITE_THROUGH));
        var calls = calls(3);

        calls.forEach(call -> queue.offer(handed(call)));

        assertEquals(List.of(calls.get(2).id()), store.stored, "the third went straight to the store");
        assertEquals(3, queue.status().accepted());
        assertEquals(0, queue.status().dropped());
    }

    @Test
    void whileTheDatabaseIsDownNothingIsLostAndItResumesAfter() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        store.up = false;
        var calls = calls(15);
        calls.forEach(call -> queue.offer(handed(call)));

        assertNull(queue.status().failingSince());
        var down = clock.now();
        queue.flush();
        assertEquals(down, queue.status().failingSince(), "failing since the first write that failed");
        assertEquals(15, queue.status().queueDepth(), "kept while the database is down");
        assertEquals(1, store.attempts.get(), "a database that is down is not asked call by call");
        assertNotNull(queue.status().lastError());
        queue.flush();
        assertEquals(1, store.attempts.get(), "nor again before the pause is over");

        store.up = true;
        clock.advanceMillis(100); // the first pause is over
        queue.flush();

        assertEquals(calls.stream().map(CallRecord::id).toList(), store.stored);
        assertNull(queue.status().failingSince(), "no longer failing");
        assertEquals(15, queue.status().written());
        assertEquals(10, queue.status().retried(), "the batch that failed was written again");
        assertEquals(0, queue.status().failed());
        assertBalanced(queue);
    }

    @Test
    void anUnwritableCallIsSetAsideWithoutBlockingItsBatch() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        var calls = calls(5);
        store.refused = Set.of(calls.get(2).id());
        calls.forEach(call -> queue.offer(handed(call)));

        queue.flush();

        assertEquals(4, store.stored.size());
        assertEquals(1, queue.status().failed());
        assertEquals(0, queue.status().queueDepth());
        calls(3).forEach(call -> queue.offer(handed(call)));
        queue.flush();
        assertEquals(7, store.stored.size(), "the writer goes on after it");
        assertBalanced(queue);
    }

    @Test
    void aBatchStoredThoughItsCommitsAnswerWasLostIsCountedWrittenNotFailed() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        var calls = calls(5);
        store.answerLost = Set.of(calls.get(0).id());
        calls.forEach(call -> queue.offer(handed(call)));

        queue.flush();
        assertEquals(5, queue.status().queueDepth(), "kept: the database seemed to go away");
        clock.advanceMillis(100);
        queue.flush();

        assertEquals(5, store.stored.size());
        assertEquals(5, queue.status().written());
        assertEquals(0, queue.status().failed(), queue.status()::toString);
        assertBalanced(queue);
    }

    @Test
    void aCallTheDatabaseRejectsForItsValuesIsSetAsideAtOnceEvenAlone() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        var call = calls(1).get(0);
        store.refused = Set.of(call.id());

        queue.offer(handed(call));
        queue.flush();

        assertEquals(1, queue.status().failed());
        assertEquals(0, queue.status().queueDepth());
        assertTrue(queue.status().lastError().contains("value too long"), queue.status()::toString);
    }

    @Test
    void aCallRefusedForNoClearReasonIsSetAsideOnceTheAnsweringDatabaseKeptRefusingIt() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        var calls = calls(1);
        store.refusedUnclearly = Set.of(calls.get(0).id());
        calls.forEach(call -> queue.offer(handed(call)));

        for (int attempt = 1; attempt < WriteQueue.REFUSALS_TO_SET_ASIDE; attempt++) {
            queue.flush();
            assertEquals(1, queue.status().queueDepth(), "kept: a database starting up refuses for a moment");
            clock.advanceMillis(s(attempt));
        }
        queue.flush();

        assertEquals(1, queue.status().failed());
        assertEquals(0, queue.status().queueDepth());
    }

    @Test
    void aCallRefusedOnceForNoClearReasonBesideOthersIsTriedAgainNotSetAside() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        var calls = calls(5);
        store.refusedUnclearlyTimes.put(calls.get(0).id(), 2); // in its batch and alone, as a database closing does
        calls.forEach(call -> queue.offer(handed(call)));

        queue.flush();
        assertEquals(4, store.stored.size());
        assertEquals(1, queue.status().queueDepth(), "kept for another try");
        clock.advanceMillis(100);
        queue.flush();

        assertEquals(5, store.stored.size());
        assertEquals(0, queue.status().failed());
        assertBalanced(queue);
    }

    @Test
    void callsRefusedAsTheDatabaseGoesAwayAreKeptNotSetAside() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        store.singlesBeforeOutage = 4;
        var calls = calls(10);
        calls.forEach(call -> queue.offer(handed(call)));

        queue.flush();
        assertEquals(4, store.stored.size(), "written one by one until the outage");
        assertEquals(6, queue.status().queueDepth(), "the rest wait for the database");
        assertEquals(0, queue.status().failed());

        store.singlesBeforeOutage = -1;
        store.up = true;
        clock.advanceMillis(100);
        queue.flush();

        assertEquals(calls.stream().map(CallRecord::id).sorted().toList(), store.stored.stream().sorted().toList());
        assertEquals(10, queue.status().written(), "each call exactly once");
        assertBalanced(queue);
    }

    private static long s(int attempt) {
        return 100L << (attempt - 1); // the pause after the attempt-th failure in a row
    }

    @Test
    void thePauseDoublesUpToTheMaximumAndASuccessEndsIt() {
        var backoff = new Backoff(500, clock);
        assertEquals(0, backoff.leftMillis());

        backoff.failed();
        assertEquals(100, backoff.leftMillis());
        clock.advanceMillis(60);
        assertEquals(40, backoff.leftMillis());
        backoff.failed();
        assertEquals(200, backoff.leftMillis());
        backoff.failed();
        backoff.failed();
        assertEquals(500, backoff.leftMillis(), "capped at the maximum");
        assertEquals(500, backoff.next());

        backoff.succeeded();
        assertEquals(100, backoff.next(), "a success starts the doubling over");
    }

    @Test
    void aPauseIsKeptToTheMillisecondOnTheClock() {
        var queue = queue(settings(100, 10, Overflow.DROP));
        store.up = false;
        calls(3).forEach(call -> queue.offer(handed(call)));
        queue.flush();
        store.up = true;

        clock.advanceMillis(49); // these settings cap the pause at 50 ms
        queue.flush();
        assertEquals(0, store.stored.size(), "1 ms of the pause left");
        clock.advanceMillis(1);
        queue.flush();

        assertEquals(3, store.stored.size());
        assertEquals(java.time.Instant.EPOCH, queue.status().lastErrorAt(), "the error's time is the clock's");
    }

    @Test
    void drainWritesEverythingQueued() {
        var queue = queue(settings(1000, 10, Overflow.DROP));
        calls(95).forEach(call -> queue.offer(handed(call)));

        assertEquals(0, queue.drain(1_000));

        assertEquals(95, store.stored.size());
    }

    @Test
    void drainGivesUpAtItsTimeoutAndCountsWhatIsLeft() {
        var queue = queue(settings(1000, 10, Overflow.DROP));
        store.up = false;
        calls(12).forEach(call -> queue.offer(handed(call)));

        var left = queue.drain(150);

        assertEquals(12, left);
        assertEquals(12, queue.status().failed(), "accepted, then lost: failed, not dropped");
        assertEquals(0, queue.status().dropped());
        assertEquals(0, queue.status().queueDepth());
        assertBalanced(queue);
    }

    /** Every accepted call is written, set aside or still queued. */
    private static void assertBalanced(WriteQueue queue) {
        var status = queue.status();
        assertEquals(status.accepted(), status.written() + status.failed() + status.queueDepth(), status::toString);
    }

    /** A call handed over as the recorder hands it: its record made when first asked for, the same one after. */
    static Supplier<CallRecord> handed(CallRecord call) {
        return () -> call;
    }
}

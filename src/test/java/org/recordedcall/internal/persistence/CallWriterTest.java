package org.recordedcall.internal.persistence;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.config.WriterSettings.Overflow;
import org.recordedcall.internal.config.WriterSettings;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's scheduling on a real scheduler, against the in-memory store of {@link WriteQueueTest}. */
class CallWriterTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final WriteQueueTest.FakeStore store = new WriteQueueTest.FakeStore();
    private final CallWriter writer = new CallWriter(new WriterSettings(10_000, 50, 20, Overflow.DROP, 20, 2_000, 200), store);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private static CallRecord call() {
        return RecordedCallEntityTest.record(UUID.randomUUID().toString());
    }

    @Test
    void callsFromManyThreadsAreAllWrittenInBatches() throws InterruptedException {
        writer.start(scheduler, UnaryOperator.identity());
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 8; t++) {
            var thread = new Thread(() -> IntStream.range(0, 250).forEach(i -> writer.accept(WriteQueueTest.handed(call()))));
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }

        await(() -> store.stored.size() == 2_000);

        assertEquals(2_000, writer.writer().written());
        assertTrue(store.batches.size() < 2_000, "batched: " + store.batches.size() + " transactions");
        assertTrue(store.batches.stream().allMatch(batch -> batch.size() <= 50), "no batch above the batch size");
    }

    @Test
    void aCallArrivingWhileABatchIsWrittenIsWrittenByTheNextFlush() throws InterruptedException {
        writer.start(scheduler, UnaryOperator.identity());
        var writesStarted = new CopyOnWriteArrayList<Long>();
        store.eachWrite = () -> {
            writesStarted.add(System.nanoTime());
            if (writesStarted.size() == 1) {
                writer.accept(WriteQueueTest.handed(call())); // a request finishing during the write
            }
        };
        IntStream.range(0, 3).forEach(i -> writer.accept(WriteQueueTest.handed(call())));

        await(() -> store.stored.size() == 4);
        assertEquals(List.of(3, 1), store.batches.stream().map(List::size).toList(),
                "the late call in a batch of its own, not left behind");
        assertTrue(writesStarted.get(1) - writesStarted.get(0) >= TimeUnit.MILLISECONDS.toNanos(20),
                "written by the next flush, a flush interval (20 ms) after the one it missed, not chased at once");
        assertEquals(0, writer.writer().queueDepth());
    }

    @Test
    void theWriterComesBackByItselfWhenTheDatabaseReturns() throws InterruptedException {
        writer.start(scheduler, UnaryOperator.identity());
        store.up = false;
        IntStream.range(0, 30).forEach(i -> writer.accept(WriteQueueTest.handed(call())));
        await(() -> writer.writer().lastError() != null);

        store.up = true; // and no further call arrives to wake the writer

        await(() -> store.stored.size() == 30);
        assertEquals(0, writer.writer().queueDepth());
    }

    @Test
    void aBacklogLongerThanOneSliceIsWrittenWholeAcrossSlicesAndTheStopDrainsWhatARestLeft() throws InterruptedException {
        store.writeMillis = 8; // a few batches per slice of 20 ms
        writer.start(scheduler, UnaryOperator.identity());
        IntStream.range(0, 600).forEach(i -> writer.accept(WriteQueueTest.handed(call())));

        await(() -> store.stored.size() == 600);
        assertEquals(600, writer.writer().written());

        IntStream.range(0, 400).forEach(i -> writer.accept(WriteQueueTest.handed(call())));
        await(() -> store.stored.size() > 600); // a slice ran; the rest may be resting
        writer.stop();

        assertEquals(1_000, store.stored.size(), "the stop wrote what waited through the rests");
        assertEquals(0, writer.writer().queueDepth());
    }

    @Test
    void stopWritesWhatIsQueuedAndLaterCallsInTheirOwnThread() {
        writer.start(scheduler, UnaryOperator.identity());
        scheduler.shutdownNow(); // nothing flushes but the stop itself
        IntStream.range(0, 40).forEach(i -> writer.accept(WriteQueueTest.handed(call())));

        writer.stop();
        assertEquals(40, store.stored.size());

        writer.accept(WriteQueueTest.handed(call()));
        assertEquals(41, store.stored.size(), "written in the caller once stopped");
        assertEquals(41, writer.writer().written());
    }

    @Test
    void givenTheContainersThreadFactoryTheWriterRunsOnAThreadOfItsOwnNamedAndEndedWhenItStops() throws InterruptedException {
        var made = new CopyOnWriteArrayList<Thread>();
        ThreadFactory factory = task -> {
            var thread = new Thread(task);
            made.add(thread);
            return thread;
        };
        var wrapped = new AtomicInteger();
        writer.start(new ManagedScheduling(scheduler, factory, task -> {
            wrapped.incrementAndGet();
            return task;
        }));
        assertEquals(1, made.size(), "its thread is made as the writer starts, not by the first call");
        var on = ConcurrentHashMap.<String>newKeySet();
        store.eachWrite = () -> on.add(Thread.currentThread().getName());
        for (int wave = 1; wave <= 3; wave++) {
            IntStream.range(0, 40).forEach(i -> writer.accept(WriteQueueTest.handed(call())));
            var written = wave * 40;
            await(() -> store.stored.size() == written); // a flush for each wave: the task scheduled again
        }

        assertTrue(store.batches.size() >= 3, "batches: " + store.batches.size());
        assertEquals(Set.of("recorded-call-writer"), on, "written on the writer's own thread only");
        assertEquals(1, made.size(), "one thread, however often the task scheduled itself");
        assertEquals(1, wrapped.get(), "the task is given the application's context once");
        writer.stop();
        made.get(0).join(5_000);
        assertFalse(made.get(0).isAlive(), "the writer's thread ends when it stops");
        assertFalse(scheduler.isShutdown(), "the container's scheduler is not the writer's to stop");
    }

    @Test
    void withoutTheContainersThreadFactoryOrAThreadFromItTheWriterUsesItsScheduler() throws InterruptedException {
        for (ThreadFactory none : Arrays.<ThreadFactory>asList(null, task -> null)) {
            var writer = new CallWriter(new WriterSettings(10_000, 50, 20, Overflow.DROP, 20, 2_000, 200), store);
            var before = store.stored.size();
            var on = ConcurrentHashMap.<String>newKeySet();
            store.eachWrite = () -> on.add(Thread.currentThread().getName());
            writer.start(new ManagedScheduling(scheduler, none, UnaryOperator.identity()));
            IntStream.range(0, 30).forEach(i -> writer.accept(WriteQueueTest.handed(call())));
            await(() -> store.stored.size() == before + 30);
            writer.stop();
            assertTrue(on.stream().allMatch(name -> name.startsWith("pool-")), "written on the scheduler's threads: " + on);
            assertFalse(scheduler.isShutdown());
        }
    }

    @Test
    void withoutAStartCallsAreWrittenInTheirOwnThread() {
        writer.accept(WriteQueueTest.handed(call()));

        assertEquals(1, store.stored.size());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 10 s");
            Thread.sleep(10);
        }
    }
    /**
     * After the writer stopped, a call whose write the container refused (an
     * {@link IllegalStateException} with no SQLSTATE, as from WildFly's CDI container gone before
     * a request that outlived the undeploy, WELD-000229) is written in a local transaction; not
     * before the stop, not for the database's own refusals, and not on a thread in a JTA
     * transaction.
     */
    @Test
    void afterTheStopACallTheContainerRefusesIsWrittenLocally() {
        var local = new CopyOnWriteArrayList<String>();
        var refusal = new AtomicReference<RuntimeException>(new IllegalStateException("WELD-000229: container shut down"));
        var inTransaction = new AtomicBoolean();
        var settings = Settings.defaults();
        var store = new CallStore(new StoreUnit(settings), settings) {
            @Override
            public void insertAll(List<CallRecord> calls) {
                throw refusal.get();
            }

            @Override
            public void insertAllLocally(List<CallRecord> calls) {
                calls.forEach(call -> local.add(call.id()));
            }

            @Override
            public boolean knownOutsideTransaction() {
                return !inTransaction.get();
            }
        };
        var stopping = new CallWriter(settings, store);

        stopping.accept(WriteQueueTest.handed(call())); // not started: written in its own thread, through the interceptor
        assertEquals(1, stopping.writer().failed(), "before the stop, the container's refusal stands");
        assertTrue(local.isEmpty());

        stopping.stop();
        var late = call();
        stopping.accept(WriteQueueTest.handed(late));
        assertEquals(List.of(late.id()), local, "written past the interceptor");
        assertEquals(1, stopping.writer().written());

        inTransaction.set(true);
        stopping.accept(WriteQueueTest.handed(call()));
        refusal.set(new PersistenceException(new SQLException("taken", "23505")));
        inTransaction.set(false);
        stopping.accept(WriteQueueTest.handed(call()));
        refusal.set(new PersistenceException("no SQLSTATE, and no container's refusal"));
        stopping.accept(WriteQueueTest.handed(call()));
        assertEquals(1, local.size(), "in a transaction, a refusal with an SQLSTATE, or another failure: not written again");
        assertEquals(4, stopping.writer().failed());
    }

    @Test
    void aLocalWriteThatFailsTooIsCountedWithItsOwnCause() {
        var settings = Settings.defaults();
        var refused = new IllegalStateException("WELD-000229");
        var store = new CallStore(new StoreUnit(settings), settings) {
            @Override
            public void insertAll(List<CallRecord> calls) {
                throw refused;
            }

            @Override
            public void insertAllLocally(List<CallRecord> calls) {
                throw new PersistenceException(new SQLException("gone", "08006"));
            }

            @Override
            public boolean knownOutsideTransaction() {
                return true;
            }
        };
        var stopping = new CallWriter(settings, store);
        stopping.stop();

        stopping.accept(WriteQueueTest.handed(call()));

        assertEquals(1, stopping.writer().failed());
        assertTrue(stopping.writer().lastError().contains("08006"), stopping.writer().lastError());
    }
}

package org.recordedcall.internal.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObserverThreadsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A thread factory that remembers its threads, as the container's managed one would make them. */
    private static final class Threads implements ThreadFactory {
        final List<Thread> made = new CopyOnWriteArrayList<>();
        final List<Throwable> died = new CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable task) {
            var thread = new Thread(task, "observer-" + made.size());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((dead, e) -> died.add(e));
            made.add(thread);
            return thread;
        }

        boolean allEnded(long millis) throws InterruptedException {
            for (var thread : made) {
                thread.join(millis);
                if (thread.isAlive()) {
                    return false;
                }
            }
            return true;
        }
    }

    @Test
    void everyTaskRunsOnceWhileThreadsSleepEndAndAreMadeAgain() throws Exception {
        var threads = new Threads();
        // ticks, lingering and the keep-alive so short that workers sleep and end between the bursts
        var executor = new ObserverThreads(threads, 1_000_000, MS / 10, MS, 3 * MS);
        var producers = 4;
        var bursts = 100;
        var each = 200;
        var ran = new AtomicInteger();
        var stalls = new AtomicInteger();
        var ready = new CountDownLatch(1);
        var done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            new Thread(() -> {
                try {
                    ready.await();
                    for (int b = 0; b < bursts; b++) {
                        for (int i = 0; i < each - 1; i++) {
                            executor.execute(ran::incrementAndGet);
                        }
                        // the burst's last task must run by itself, with no later one to wake a worker for it
                        var last = new CountDownLatch(1);
                        executor.execute(() -> {
                            ran.incrementAndGet();
                            last.countDown();
                        });
                        if (!last.await(10, TimeUnit.SECONDS)) {
                            stalls.incrementAndGet();
                        }
                        Thread.sleep(b % 3 == 0 ? 10 : b % 3); // past the keep-alive, the lingering, or neither
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        ready.countDown();
        assertTrue(done.await(120, TimeUnit.SECONDS));
        assertEquals(0, stalls.get(), "bursts whose last task was left waiting");
        awaitCount(ran, producers * bursts * each);
        assertTrue(threads.made.size() > 2, "workers ended and were made again: " + threads.made.size());
        executor.close();
        assertTrue(threads.allEnded(5_000));
        assertEquals(producers * bursts * each, ran.get(), "no task ran twice");
        assertEquals(List.of(), threads.died);
    }

    @Test
    void anEventHandedOverWhileAThreadLooksWaitsForItsTickWakingNobody() throws Exception {
        var threads = new Threads();
        // a tick of a minute: the thread, looking, parks that long between looks
        var executor = new ObserverThreads(threads, 10, 60_000 * MS, 600_000 * MS, 600_000 * MS);
        var first = new CountDownLatch(1);
        executor.execute(first::countDown);
        assertTrue(first.await(5, TimeUnit.SECONDS));
        awaitState(threads.made.get(0), Thread.State.TIMED_WAITING);
        var second = new CountDownLatch(1);
        executor.execute(second::countDown);
        // a pool that wakes a thread for every event runs it at once
        assertFalse(second.await(1, TimeUnit.SECONDS), "no thread was woken for it");
        assertEquals(1, threads.made.size(), "and none made for it");
        executor.close(); // wakes the thread, which runs what waits before it ends
        assertTrue(second.await(5, TimeUnit.SECONDS));
        assertTrue(threads.allEnded(5_000));
    }

    @Test
    void aThreadAsleepIsWokenAtOnce() throws Exception {
        var threads = new Threads();
        // a thread that stopped lingering sleeps until its keep-alive of ten minutes ends: only a wake-up runs the second task in time
        var executor = new ObserverThreads(threads, 10, MS, MS, 600_000 * MS);
        var first = new CountDownLatch(1);
        executor.execute(first::countDown);
        assertTrue(first.await(5, TimeUnit.SECONDS));
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!executor.anyAsleep()) {
            assertTrue(System.nanoTime() < deadline, "the thread never stopped lingering");
            Thread.sleep(1);
        }
        var second = new CountDownLatch(1);
        executor.execute(second::countDown);
        assertTrue(second.await(5, TimeUnit.SECONDS));
        assertEquals(1, threads.made.size(), "woken, not made anew");
        executor.close();
        assertTrue(threads.allEnded(5_000));
    }

    @Test
    void aSlowObserverLeavesTheNextEventsToTheOtherThread() throws Exception {
        var threads = new Threads();
        var executor = new ObserverThreads(threads, 10, MS, 1_000 * MS, 60_000 * MS);
        var release = occupy(executor, 1);
        var next = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            executor.execute(next::countDown);
        }
        assertTrue(next.await(5, TimeUnit.SECONDS), "the other thread took the events the slow one could not");
        release.countDown();
        executor.close();
        assertTrue(threads.allEnded(5_000));
    }

    @Test
    void refusesEventsBeyondItsBoundAndTakesThemAgainWhenObserversCatchUp() throws Exception {
        var threads = new Threads();
        var executor = new ObserverThreads(threads, 3, MS, 1_000 * MS, 60_000 * MS);
        var release = occupy(executor, 2);
        var ran = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            executor.execute(ran::incrementAndGet);
        }
        var refused = assertThrows(RejectedExecutionException.class, () -> executor.execute(ran::incrementAndGet));
        assertTrue(refused.getMessage().contains("3 events wait"), refused.getMessage());
        release.countDown();
        awaitCount(ran, 3);
        executor.execute(ran::incrementAndGet);
        awaitCount(ran, 4);
        executor.close();
    }

    @Test
    void closeLetsWaitingEventsReachTheirObserversRefusesMoreAndEndsItsThreads() throws Exception {
        var threads = new Threads();
        var executor = new ObserverThreads(threads, 100, MS, 1_000 * MS, 60_000 * MS);
        var release = occupy(executor, 2);
        var ran = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            executor.execute(ran::incrementAndGet);
        }
        executor.close();
        assertThrows(RejectedExecutionException.class, () -> executor.execute(ran::incrementAndGet));
        release.countDown();
        assertTrue(threads.allEnded(5_000), "threads end once what waited has run");
        assertEquals(50, ran.get());
    }

    @Test
    void aFailingTaskIsLoggedAndTheThreadGoesOn() throws Exception {
        var threads = new Threads();
        var executor = new ObserverThreads(threads, 10, MS, 60_000 * MS, 600_000 * MS);
        var threw = new CountDownLatch(1);
        executor.execute(() -> {
            threw.countDown();
            throw new IllegalStateException("an observer's task that throws");
        });
        assertTrue(threw.await(5, TimeUnit.SECONDS));
        awaitState(threads.made.get(0), Thread.State.TIMED_WAITING); // looking again, a tick at a time
        var after = new CountDownLatch(1);
        Set<Thread> on = ConcurrentHashMap.newKeySet();
        executor.execute(() -> {
            on.add(Thread.currentThread());
            after.countDown();
        });
        assertTrue(after.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(), threads.died, "the exception did not end the thread");
        assertEquals(1, threads.made.size(), "the same thread ran the next task");
        assertEquals(Set.of(threads.made.get(0)), on);
        executor.close();
    }

    @Test
    void anObserversInterruptIsNotTheNextOnesAndDoesNotEndTheThread() throws Exception {
        var threads = new Threads();
        var executor = new ObserverThreads(threads, 10, MS, 60_000 * MS, 600_000 * MS);
        var first = new CountDownLatch(1);
        executor.execute(() -> {
            Thread.currentThread().interrupt(); // as an observer that restores an interrupt it caught
            first.countDown();
        });
        assertTrue(first.await(5, TimeUnit.SECONDS));
        awaitState(threads.made.get(0), Thread.State.TIMED_WAITING); // looking again, a tick at a time
        var interrupted = new java.util.concurrent.atomic.AtomicBoolean(true);
        var second = new CountDownLatch(1);
        executor.execute(() -> {
            interrupted.set(Thread.currentThread().isInterrupted());
            second.countDown();
        });
        assertTrue(second.await(5, TimeUnit.SECONDS));
        assertFalse(interrupted.get(), "the next observer ran uninterrupted");
        assertEquals(1, threads.made.size(), "on the same thread");
        executor.close();
        assertTrue(threads.allEnded(5_000));
    }

    @Test
    void aThreadThatFailsToStartHoldsNoPlaceAndTheNextEventMakesAnother() throws Exception {
        var threads = new Threads();
        var failOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
        var executor = new ObserverThreads(task -> {
            if (failOnce.getAndSet(false)) {
                var started = new Thread(() -> { });
                started.start(); // starting it again fails, as a thread the system cannot make would
                return started;
            }
            return threads.newThread(task);
        }, 10, MS, 60_000 * MS, 600_000 * MS);
        assertThrows(IllegalThreadStateException.class, () -> executor.execute(() -> { }));
        var ran = new CountDownLatch(1);
        executor.execute(ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS), "a thread was made for the next event");
        executor.close();
        assertTrue(threads.allEnded(5_000));
    }

    @Test
    void aFactoryThatMakesNoThreadRefusesTheEventAndKeepsNothing() {
        var executor = new ObserverThreads(task -> null, 1, MS, MS, MS);
        var refused = assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
        assertTrue(refused.getMessage().contains("no thread"), refused.getMessage());
        // the refused event did not take the one place in the queue
        var again = assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
        assertTrue(again.getMessage().contains("no thread"), "refused for want of a thread, not for a full queue: " + again.getMessage());
    }

    /** Hands over {@code observers} slow observers and waits until each runs on a thread of its own; counting down the latch returned ends them. */
    private static CountDownLatch occupy(ObserverThreads executor, int observers) throws InterruptedException {
        var release = new CountDownLatch(1);
        var running = new CountDownLatch(observers);
        for (int i = 0; i < observers; i++) {
            executor.execute(() -> {
                running.countDown();
                await(release);
            });
        }
        assertTrue(running.await(5, TimeUnit.SECONDS), observers + " thread(s) busy");
        return release;
    }

    private static void awaitState(Thread thread, Thread.State expected) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != expected) {
            assertTrue(System.nanoTime() < deadline, "the thread is " + thread.getState());
            Thread.sleep(1);
        }
    }

    private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(expected, count.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

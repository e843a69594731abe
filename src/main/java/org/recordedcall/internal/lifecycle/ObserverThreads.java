package org.recordedcall.internal.lifecycle;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.recordedcall.internal.RateLimitedLog;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the recorder's events reach {@code @ObservesAsync} observers: up to {@link #THREADS}
 * threads of the container's managed thread factory, each of which takes the application's
 * context once, when it is made. The container's default executor for asynchronous events (a
 * managed executor) captures the context anew for every task, which on Payara scans the
 * application's class loader and cost about a fifth of the server's CPU when every call fired
 * events.
 *
 * <p>A request thread hands an event over without waking anyone while a thread of these is
 * looking for work: such a thread looks every {@link #TICK} and takes all that waits, and
 * keeps looking for {@link #LINGER} after its last event before it sleeps. A pool that wakes
 * a thread for every event (as {@code ThreadPoolExecutor} does) made two context switches per
 * call, which cost about as much CPU as the observers' work (measured: BENCHMARKS.md, session
 * 9). An event may therefore wait up to one tick; a thread asleep is woken at once. A thread
 * busy with a slow observer leaves the next events to the other thread. Threads idle for
 * {@link #KEEP_ALIVE} end, and new ones are made when events come again.
 *
 * <p>Bounded: when observers fall behind by {@link #QUEUE} events, the next is refused (and
 * logged by the recorder), never held in memory without limit.
 */
final class ObserverThreads implements Executor {

    static final String FACTORY = "java:comp/DefaultManagedThreadFactory";
    static final int THREADS = 2;
    static final int QUEUE = 10_000;
    // each look costs the thread a timed park, a kernel timer and a wake-up: at 5 ms, two threads
    // looking took about half of the observer threads' CPU in a profile (BENCHMARKS.md, session 14)
    static final long TICK = TimeUnit.MILLISECONDS.toNanos(20);
    static final long LINGER = TimeUnit.MILLISECONDS.toNanos(100);
    static final long KEEP_ALIVE = TimeUnit.SECONDS.toNanos(60);

    private static final System.Logger LOG = System.getLogger(ObserverThreads.class.getName());
    private static final RateLimitedLog TASK_FAILURES = new RateLimitedLog(LOG, 10_000);

    // a worker's state; only the worker itself leaves LOOKING or BUSY
    private static final int LOOKING = 0;
    private static final int BUSY = 1;
    private static final int ASLEEP = 2;
    private static final int GONE = 3;

    private final ThreadFactory factory;
    private final int capacity;
    private final long tick;
    private final long linger;
    private final long keepAlive;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicReferenceArray<Worker> workers = new AtomicReferenceArray<>(THREADS);
    private volatile boolean closed;

    ObserverThreads(ThreadFactory factory, int capacity, long tick, long linger, long keepAlive) {
        this.factory = factory;
        this.capacity = capacity;
        this.tick = tick;
        this.linger = linger;
        this.keepAlive = keepAlive;
    }

    /** The container's managed threads, looked up on a thread of the application; {@code null} where there are none. */
    static ObserverThreads lookup() {
        try {
            return new ObserverThreads((ManagedThreadFactory) new InitialContext().lookup(FACTORY), QUEUE, TICK, LINGER, KEEP_ALIVE);
        } catch (NamingException | RuntimeException none) {
            return null;
        }
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("recorded-call: the application is stopping; no more events for asynchronous observers");
        }
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            throw new RejectedExecutionException("recorded-call: " + capacity + " events wait for asynchronous observers");
        }
        tasks.offer(task);
        try {
            summon();
        } catch (RuntimeException | Error e) {
            // no thread could be made; a busy one takes the task when it is done, else nobody will
            if (!anyAlive() && withdraw(task)) {
                throw e;
            }
            TASK_FAILURES.warn("recorded-call: no other thread could be made for asynchronous observers; "
                    + "the event waits for a busy one", e);
        }
        if (closed && withdraw(task)) {
            // close() came meanwhile, and no worker took the task: none will
            throw new RejectedExecutionException("recorded-call: the application is stopping; no more events for asynchronous observers");
        }
    }

    private boolean anyAlive() {
        return any(state -> state != GONE);
    }

    /** Whether a thread sleeps until it is woken: for tests. */
    boolean anyAsleep() {
        return any(state -> state == ASLEEP);
    }

    private boolean any(IntPredicate state) {
        for (int i = 0; i < THREADS; i++) {
            var worker = workers.get(i);
            if (worker != null && state.test(worker.state.get())) {
                return true;
            }
        }
        return false;
    }

    private boolean withdraw(Runnable task) {
        if (tasks.remove(task)) {
            waiting.decrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * Makes sure a worker will see the task just queued: one that is looking sees it within a
     * tick; else one asleep is woken, or one is made; if all are busy, the first to finish takes it.
     * The queue is written before any worker's state is read, and a worker writes its state
     * before it reads the queue: no task is left unseen.
     */
    private void summon() {
        while (true) {
            Worker asleep = null;
            var room = false;
            for (int i = 0; i < THREADS; i++) {
                var worker = workers.get(i);
                var state = worker == null ? GONE : worker.state.get();
                if (state == LOOKING) {
                    return;
                }
                if (state == ASLEEP) {
                    asleep = worker;
                } else if (state == GONE) {
                    room = true;
                }
            }
            if (asleep != null) {
                if (asleep.wake()) {
                    return;
                }
            } else if (!room || start()) {
                return;
            }
            // a worker changed state meanwhile (woken by another caller, or ended): look again
        }
    }

    /** Starts a worker in a free place; false when there was none (another caller filled it). */
    private synchronized boolean start() {
        for (int i = 0; i < THREADS; i++) {
            var current = workers.get(i);
            if (current == null || current.state.get() == GONE) {
                var worker = new Worker(i);
                var thread = factory.newThread(worker);
                if (thread == null) {
                    throw new RejectedExecutionException("recorded-call: the managed thread factory made no thread for observers");
                }
                // its own name, where thread dumps, profiles and the kernel's list of threads show it
                thread.setName("recorded-call-observer-" + i);
                worker.thread = thread;
                thread.start(); // before it takes the place: a thread that failed to start holds none
                workers.set(i, worker);
                return true;
            }
        }
        return false;
    }

    /** Lets the events already handed over reach their observers, and takes no more. */
    void close() {
        closed = true;
        for (int i = 0; i < THREADS; i++) {
            var worker = workers.get(i);
            if (worker != null && !worker.wake()) {
                LockSupport.unpark(worker.thread); // one looking sees it now, not a tick later
            }
        }
    }

    private final class Worker implements Runnable {

        private final int place;
        private final AtomicInteger state = new AtomicInteger(LOOKING);
        private volatile Thread thread;

        Worker(int place) {
            this.place = place;
        }

        /** Wakes the worker if it sleeps; false if it was not asleep (already woken, or gone). */
        boolean wake() {
            if (state.compareAndSet(ASLEEP, LOOKING)) {
                LockSupport.unpark(thread);
                return true;
            }
            return false;
        }

        @Override
        public void run() {
            try {
                work();
            } finally {
                // however it ends (an Error included), the thread gives up its place
                end();
            }
        }

        private void work() {
            var idleSince = System.nanoTime();
            while (true) {
                // read before the queue: an event handed over before close() is in the queue by then
                var stopping = closed;
                var task = tasks.poll();
                if (task != null) {
                    waiting.decrementAndGet();
                    state.set(BUSY);
                    if (!tasks.isEmpty()) {
                        // more wait: another thread takes them while this one runs an observer that may be slow
                        summonSafely();
                    }
                    runSafely(task);
                    Thread.interrupted(); // an observer's interrupt is not the next one's, as in a thread pool
                    state.set(LOOKING);
                    idleSince = System.nanoTime();
                    continue;
                }
                if (stopping || Thread.interrupted()) {
                    // the container stops the application (or its threads): end, and leave what waits to another worker
                    return;
                }
                var idle = System.nanoTime() - idleSince;
                if (idle < linger) {
                    LockSupport.parkNanos(this, tick);
                    continue;
                }
                state.set(ASLEEP);
                if (!tasks.isEmpty() || closed) {
                    state.set(LOOKING);
                    continue;
                }
                if (idle >= keepAlive) {
                    if (retire()) {
                        return;
                    }
                    continue;
                }
                LockSupport.parkNanos(this, keepAlive - idle);
                if (state.get() == LOOKING) {
                    // woken for a task: look for more for a while after it
                    idleSince = System.nanoTime();
                }
            }
        }

        private void runSafely(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // the container's tasks complete their own futures; anything else is logged, and the thread goes on
                TASK_FAILURES.warn("recorded-call: a task for asynchronous observers failed", e);
            }
        }

        /** Ends an idle worker, unless a caller woke it meanwhile. */
        private boolean retire() {
            synchronized (ObserverThreads.this) {
                if (!state.compareAndSet(ASLEEP, GONE)) {
                    return false;
                }
                workers.compareAndSet(place, this, null);
                return true;
            }
        }

        private void end() {
            synchronized (ObserverThreads.this) {
                state.set(GONE);
                workers.compareAndSet(place, this, null);
            }
            if (!closed && !tasks.isEmpty()) {
                summonSafely();
            }
        }

        private void summonSafely() {
            try {
                summon();
            } catch (RuntimeException | Error e) {
                TASK_FAILURES.warn("recorded-call: no other thread could be made for asynchronous observers", e);
            }
        }
    }
}

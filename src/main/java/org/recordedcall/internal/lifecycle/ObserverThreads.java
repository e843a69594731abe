package org.recordedcall.internal.lifecycle;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the recorder's events reach {@code @ObservesAsync} observers: a few threads of the
 * container's managed thread factory, each of which takes the application's context once,
 * when it is made. The container's default executor for asynchronous events (a managed
 * executor) captures the context anew for every task, which on Payara scans the application's
 * class loader and cost about a fifth of the server's CPU when every call fired events.
 * Bounded: when observers fall behind by {@link #QUEUE} events, the next is refused (and
 * logged by the recorder), never held in memory without limit.
 */
final class ObserverThreads implements Executor {

    static final String FACTORY = "java:comp/DefaultManagedThreadFactory";
    static final int THREADS = 2;
    static final int QUEUE = 10_000;

    private final ThreadPoolExecutor pool;

    private ObserverThreads(ManagedThreadFactory threads) {
        pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), threads,
                (task, executor) -> {
                    throw new RejectedExecutionException("recorded-call: " + QUEUE + " events wait for asynchronous observers");
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** The container's managed threads, looked up on a thread of the application; {@code null} where there are none. */
    static ObserverThreads lookup() {
        try {
            return new ObserverThreads((ManagedThreadFactory) new InitialContext().lookup(FACTORY));
        } catch (NamingException | RuntimeException none) {
            return null;
        }
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Lets the events already handed over reach their observers, and takes no more. */
    void close() {
        pool.shutdown();
    }
}

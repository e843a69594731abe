package org.recordedcall.internal.persistence;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.function.UnaryOperator;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container's managed scheduler, its managed thread factory, and a way to make a task carry
 * the application's context whichever thread schedules it: what the writer and the purge run
 * on, never a thread made outside the container. Looked up as the application starts, on a
 * thread with its context.
 *
 * @param scheduler  the default managed scheduled executor
 * @param threads    the default managed thread factory, or {@code null} where the container offers none
 * @param contextual wraps a task so that it runs with the application's context
 */
record ManagedScheduling(ScheduledExecutorService scheduler, ThreadFactory threads, UnaryOperator<Runnable> contextual) {

    static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    static final String THREADS = "java:comp/DefaultManagedThreadFactory";
    static final String CONTEXT = "java:comp/DefaultContextService";

    /** The container's; throws {@link IllegalStateException} when it offers no scheduler or context service. */
    static ManagedScheduling lookup() {
        try {
            var naming = new InitialContext();
            var contexts = (ContextService) naming.lookup(CONTEXT);
            return new ManagedScheduling((ManagedScheduledExecutorService) naming.lookup(SCHEDULER), threads(naming),
                    contexts::contextualRunnable);
        } catch (NamingException | RuntimeException e) {
            throw new IllegalStateException("the managed scheduler " + SCHEDULER + " or context service " + CONTEXT
                    + " is not available (" + e + ")", e);
        }
    }

    private static ThreadFactory threads(InitialContext naming) {
        try {
            return (ManagedThreadFactory) naming.lookup(THREADS);
        } catch (NamingException | RuntimeException none) {
            return null;
        }
    }

    /**
     * A scheduler of one thread of the container's managed thread factory, named as given, for a
     * task that schedules itself often: the container's managed scheduler captures the
     * application's context for every task scheduled, which on Payara scans the application's
     * class loader through {@code ServiceLoader} (measured: BENCHMARKS.md, session 9), while a
     * managed thread takes it once, when it is made. The container's scheduler where it offers
     * no thread factory, or it made no thread. The thread is made now, on the thread that starts
     * the application (whose context it takes), not later on whichever thread first schedules.
     * The caller shuts down what it gets unless it is {@link #scheduler()}.
     */
    ScheduledExecutorService ownThread(String name) {
        if (threads == null) {
            return scheduler;
        }
        var one = new ScheduledThreadPoolExecutor(1, task -> {
            var thread = threads.newThread(task);
            if (thread != null) {
                thread.setName(name);
            }
            return thread;
        });
        one.setRemoveOnCancelPolicy(true);
        one.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        try {
            if (one.prestartCoreThread()) {
                return one;
            }
        } catch (RuntimeException | Error e) {
            // no thread: the container's scheduler below
        }
        one.shutdownNow();
        return scheduler;
    }
}

package org.recordedcall.internal.persistence;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container's managed scheduler, and a way to make a task carry the application's
 * context whichever thread schedules it: what the writer and the purge run on, never a
 * thread of the library's own. Looked up as the application starts, on a thread with its context.
 *
 * @param scheduler  the default managed scheduled executor
 * @param contextual wraps a task so that it runs with the application's context
 */
record ManagedScheduling(ScheduledExecutorService scheduler, UnaryOperator<Runnable> contextual) {

    static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    static final String CONTEXT = "java:comp/DefaultContextService";

    /** The container's; throws {@link IllegalStateException} when it offers none. */
    static ManagedScheduling lookup() {
        try {
            var naming = new InitialContext();
            var contexts = (ContextService) naming.lookup(CONTEXT);
            return new ManagedScheduling((ManagedScheduledExecutorService) naming.lookup(SCHEDULER),
                    contexts::contextualRunnable);
        } catch (NamingException | RuntimeException e) {
            throw new IllegalStateException("the managed scheduler " + SCHEDULER + " or context service " + CONTEXT
                    + " is not available (" + e + ")", e);
        }
    }
}

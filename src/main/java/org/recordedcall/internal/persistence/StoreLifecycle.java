package org.recordedcall.internal.persistence;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.recordedcall.internal.Cdi;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.spi.CallSink;

/**
 * Starts and stops the store with the application: prepares the store at start (the table,
 * the unit on a configured datasource), so that a problem shows in the deploy log, and starts
 * the writer; at undeploy or shutdown, drains the writer while the datasource is still there. A
 * servlet listener, not a CDI observer: only here do all servers give the library's beans
 * their naming context, and its end comes before the application's resources go.
 */
public final class StoreLifecycle implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(StoreLifecycle.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!Cdi.active()) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: " + Cdi.ABSENT + ".");
            return;
        }
        var storeEnabled = CDI.current().select(Settings.class).get().storeEnabled();
        if (storeEnabled) {
            // each on its own: the writer's choices (CallStore) do not wait for a table that could not be made
            prepare(StoreUnit.class, () -> CDI.current().select(StoreUnit.class).get().prepare());
            prepare(CallStore.class, () -> CDI.current().select(CallStore.class).get().prepare());
        }
        ManagedScheduling scheduling = null;
        try {
            scheduling = ManagedScheduling.lookup();
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: " + e.getMessage() + "; calls are written in the "
                    + "thread that finishes them, and no retention purge runs.", e);
        }
        var writer = CDI.current().select(CallWriter.class).get();
        try {
            writer.useSinks(CDI.current().select(CallSink.class, Any.Literal.INSTANCE).stream().toList());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: the application's call sinks could not be made; "
                    + "calls go to the database only.", e);
        }
        writer.start(scheduling);
        if (storeEnabled) {
            CDI.current().select(Retention.class).get().start(scheduling);
        }
    }

    private static void prepare(Class<?> part, Runnable preparation) {
        try {
            preparation.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: could not prepare the store at start-up ("
                    + part.getSimpleName() + "); it is tried again before the first write.", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (!Cdi.active()) {
            return;
        }
        try {
            CDI.current().select(Retention.class).get().stop();
            CDI.current().select(CallWriter.class).get().stop();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: could not drain the writer at shutdown", e);
        }
    }
}

package org.recordedcall.internal.persistence;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Makes sure the table exists when the application starts, so that it is there before the
 * first call and a problem shows in the deploy log. A servlet listener, not a CDI observer:
 * only here do all servers give the library's beans their naming context.
 */
public final class SchemaListener implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(SchemaListener.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            CDI.current().select(StoreUnit.class).get().ensureSchema();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: could not check table RECORDED_CALL at start-up; "
                    + "it is checked again before the first write.", e);
        }
    }
}

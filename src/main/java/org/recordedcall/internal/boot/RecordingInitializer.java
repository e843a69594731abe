package org.recordedcall.internal.boot;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import org.recordedcall.internal.lifecycle.RecordingServletFilter;
import org.recordedcall.internal.persistence.StoreLifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * The library's servlet bootstrap: installs {@link RecordingServletFilter} in front of every
 * other filter of the application, with asynchronous support so that asynchronous resources
 * keep working, and the listener that starts and stops the store with the application.
 */
public final class RecordingInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "org.recordedcall.RecordingServletFilter";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(StoreLifecycle.class);
        var filter = context.addFilter(FILTER_NAME, RecordingServletFilter.class);
        if (filter == null) {
            return; // declared in web.xml by the application: its declaration wins
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}

package org.recordedcall.internal.boot;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import org.recordedcall.internal.api.ApiServlet;
import org.recordedcall.internal.config.SettingsProducer;

import java.util.Set;

/**
 * Adds the query API's servlet ({@link ApiServlet}, named {@value ApiServlet#NAME}) to every
 * application the jar is in, below the path the setting {@code recordedcall.api.path} names
 * (default {@code /recorded-calls}). The servlet answers 404 until the API is enabled.
 */
public final class ApiInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        var servlet = context.addServlet(ApiServlet.NAME, ApiServlet.class);
        if (servlet == null) {
            return; // a servlet of that name is the application's own: it wins
        }
        servlet.addMapping(SettingsProducer.read().api().path() + "/*");
    }
}

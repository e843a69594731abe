package org.recordedcall.it.typical;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The same resources and filters, unrecorded: the twin whose answers the recorded
 * application's must equal. Listing its classes keeps the recorder's providers out.
 */
@ApplicationPath("twin")
public class TwinApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TasksResource.class, BoardResource.class, TaskFeed.class, CorsFilter.class);
    }
}

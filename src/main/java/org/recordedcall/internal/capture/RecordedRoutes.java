package org.recordedcall.internal.capture;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The route templates of each application's recorded root resource methods, learnt as the
 * runtime configures them: to tell whether a request the runtime refused before choosing a
 * method (405, 406, 415, an {@code OPTIONS} it answered itself) was meant for a recorded
 * resource, and under which route.
 */
@Singleton
public final class RecordedRoutes {

    /** A recorded template of a resource class, and the paths it matches. */
    record Route(Class<?> resourceClass, String template, Pattern pattern, int literalCharacters) {
    }

    private final Map<Class<?>, List<Route>> byApplication = new ConcurrentHashMap<>();

    /** Learns that {@code endpoint}, a root resource method, is recorded in {@code application}. */
    void add(Class<?> application, Endpoint endpoint) {
        var template = endpoint.template();
        // matched by the template with its parameters' patterns, as the runtime matches
        var pattern = template == null || endpoint.method() == null ? null
                : RouteTemplate.pattern(Endpoint.pathTemplate(endpoint.resourceClass(), endpoint.method()));
        if (pattern == null) {
            return;
        }
        var routes = byApplication.computeIfAbsent(key(application), any -> new CopyOnWriteArrayList<>());
        var known = routes.stream().anyMatch(route -> route.template().equals(template)
                && route.resourceClass() == endpoint.resourceClass());
        if (!known) {
            routes.add(new Route(endpoint.resourceClass(), template, pattern, RouteTemplate.literalCharacters(template)));
        }
    }

    /** Whether {@code application} records any root resource method. */
    boolean any(Class<?> application) {
        return byApplication.containsKey(key(application));
    }

    /** Whether one of the resources the runtime matched is an instance of a recorded class of {@code application}. */
    boolean servedByARecordedClass(Class<?> application, List<Object> matchedResources) {
        var routes = byApplication.get(key(application));
        if (routes == null || matchedResources.isEmpty()) {
            return false;
        }
        for (var resource : matchedResources) {
            for (var route : routes) {
                if (route.resourceClass().isInstance(resource)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The recorded route of {@code application} that {@code path} (below the application path)
     * matches, the most specific when several do, as the runtime would choose; or {@code null}.
     */
    Route match(Class<?> application, String path) {
        var routes = byApplication.get(key(application));
        if (routes == null) {
            return null;
        }
        var relative = path.startsWith("/") ? path : "/" + path;
        Route best = null;
        for (var route : routes) {
            if (route.pattern().matcher(relative).matches()
                    && (best == null || route.literalCharacters() > best.literalCharacters())) {
                best = route;
            }
        }
        return best;
    }

    /** The same, for the application whose class has this name (a servlet's name, for a request no filter saw). */
    Route matchByApplicationName(String applicationClass, String path) {
        if (applicationClass == null) {
            return null;
        }
        for (var application : byApplication.keySet()) {
            if (application.getName().equals(applicationClass)) {
                return match(application, path);
            }
        }
        return null;
    }

    // an application the runtime could not tell: its own key, never mixed with a known one
    private static Class<?> key(Class<?> application) {
        return application == null ? Application.class : application;
    }
}

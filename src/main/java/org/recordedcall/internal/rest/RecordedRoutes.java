package org.recordedcall.internal.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Application;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The route templates of each application's root resource methods, recorded or not, learnt as
 * the runtime configures them: to tell whether a request the runtime refused before choosing a
 * method (405, 406, 415, an {@code OPTIONS} it answered itself) was meant for a recorded
 * resource, and under which route.
 */
@Singleton
public final class RecordedRoutes {

    /** A template of a resource class, the paths it matches, and whether its method is recorded. */
    public record Route(Class<?> resourceClass, String template, Pattern pattern, int literalCharacters, boolean recorded) {
    }

    private final Map<Class<?>, List<Route>> byApplication = new ConcurrentHashMap<>();
    // the applications with at least one recorded route
    private final java.util.Set<Class<?>> recording = ConcurrentHashMap.newKeySet();

    /**
     * Learns a root resource method of {@code application}, recorded or not: the unrecorded ones
     * are learnt too, so that a path the runtime matches to an unrecorded class (more specific
     * than a recorded template that would match it as well) is not taken for a recorded one.
     */
    public void add(Class<?> application, Class<?> resourceClass, Method method, boolean recorded) {
        var template = Endpoint.pathTemplate(resourceClass, method);
        var pattern = RouteTemplate.pattern(template);
        if (pattern == null) {
            return;
        }
        var routes = byApplication.computeIfAbsent(key(application), any -> new CopyOnWriteArrayList<>());
        var route = RouteTemplate.withoutPatterns(template);
        var known = routes.stream().anyMatch(existing -> existing.template().equals(route)
                && existing.resourceClass() == resourceClass && existing.recorded() == recorded);
        if (!known) {
            routes.add(new Route(resourceClass, route, pattern, RouteTemplate.literalCharacters(route), recorded));
            if (recorded) {
                recording.add(key(application));
            }
        }
    }

    /** Whether {@code application} records any root resource method. */
    public boolean any(Class<?> application) {
        return recording.contains(key(application));
    }

    /** Whether one of the resources the runtime matched is an instance of a recorded class of {@code application}. */
    public boolean servedByARecordedClass(Class<?> application, List<Object> matchedResources) {
        var routes = byApplication.get(key(application));
        if (routes == null || matchedResources.isEmpty()) {
            return false;
        }
        for (var resource : matchedResources) {
            for (var route : routes) {
                if (route.recorded() && route.resourceClass().isInstance(resource)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The route of {@code application} that {@code path} (below the application path) matches,
     * the most specific when several do, as the runtime would choose, when it is a recorded one;
     * else {@code null}.
     */
    public Route match(Class<?> application, String path) {
        var routes = byApplication.get(key(application));
        if (routes == null) {
            return null;
        }
        var relative = path.startsWith("/") ? path : "/" + path;
        Route best = null;
        for (var route : routes) {
            // the most literal template wins; of two as literal, a recorded one (its class is recorded on that path)
            if (route.pattern().matcher(relative).matches() && (best == null
                    || route.literalCharacters() > best.literalCharacters()
                    || route.literalCharacters() == best.literalCharacters() && route.recorded() && !best.recorded())) {
                best = route;
            }
        }
        return best == null || !best.recorded() ? null : best;
    }

    /** The same, for the application whose class has this name (a servlet's name, for a request no filter saw). */
    public Route matchByApplicationName(String applicationClass, String path) {
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

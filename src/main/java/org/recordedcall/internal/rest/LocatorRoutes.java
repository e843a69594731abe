package org.recordedcall.internal.rest;

import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route of a call served through sub-resource locators: the root resource's path, each
 * locator's, then the method's ({@code /tasks/{id}/status}). The runtime tells which resources
 * were matched, current first; the locators between them are found by their return types, and
 * where several fit, by which template matches the request's path. Worked out once per chain of
 * classes; only an ambiguous chain is matched against each path.
 */
public final class LocatorRoutes {

    private record Chain(List<Class<?>> classes, Method method) {
    }

    private final Map<Chain, List<String>> candidates = new ConcurrentHashMap<>();

    /**
     * The template below the application path of a call to {@code endpoint}, given the matched
     * resource instances (current first) and the request path below the application; {@code null}
     * when they do not tell.
     */
    public String template(Endpoint endpoint, List<Object> matched, String path) {
        if (matched == null || matched.isEmpty()) {
            return null;
        }
        var classes = new ArrayList<Class<?>>(matched.size() + 1);
        classes.add(rootResource(matched.get(matched.size() - 1).getClass()));
        for (int i = matched.size() - 2; i >= 0; i--) {
            classes.add(declaringResource(matched.get(i).getClass()));
        }
        if (!endpoint.resourceClass().isAssignableFrom(classes.get(classes.size() - 1))) {
            // a runtime that lists the sub-resource only once its method runs
            classes.add(endpoint.resourceClass());
        }
        if (classes.size() < 2 || !classes.get(0).isAnnotationPresent(Path.class)) {
            return null;
        }
        var templates = candidates.computeIfAbsent(new Chain(List.copyOf(classes), endpoint.method()), LocatorRoutes::templates);
        if (templates.isEmpty()) {
            return null;
        }
        if (templates.size() > 1) {
            var relative = Endpoint.join(path == null ? "" : path);
            for (var template : templates) {
                if (RouteTemplate.matches(template, relative)) {
                    return RouteTemplate.withoutPatterns(template);
                }
            }
        }
        return RouteTemplate.withoutPatterns(templates.get(0));
    }

    /** Every template the chain of classes can make, each locator chosen by the type it returns. */
    private static List<String> templates(Chain chain) {
        var classes = chain.classes();
        var templates = List.of(Endpoint.join(classes.get(0).getAnnotation(Path.class).value()));
        for (int i = 0; i + 1 < classes.size(); i++) {
            var next = new ArrayList<String>();
            for (var locator : locators(classes.get(i), classes.get(i + 1))) {
                for (var start : templates) {
                    next.add(Endpoint.join(start, locator.getAnnotation(Path.class).value()));
                }
            }
            templates = next;
        }
        var own = chain.method().getAnnotation(Path.class);
        return own == null ? templates : templates.stream().map(start -> Endpoint.join(start, own.value())).toList();
    }

    private static List<Method> locators(Class<?> parent, Class<?> child) {
        var found = new ArrayList<Method>();
        for (var method : parent.getMethods()) {
            if (method.isAnnotationPresent(Path.class) && !RestParameters.isResourceMethod(method)
                    && (method.getReturnType().isAssignableFrom(child) || method.getReturnType() == Class.class)) {
                found.add(method);
            }
        }
        return found;
    }

    /**
     * The root resource's class behind a container's proxy or view (CDI subclasses, EJB views,
     * which may copy the methods' annotations but not the class's): the first class up the
     * hierarchy with {@code @Path}.
     */
    public static Class<?> rootResource(Class<?> type) {
        for (var current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (current.isAnnotationPresent(Path.class)) {
                return current;
            }
        }
        return type;
    }

    /**
     * A sub-resource's class behind a container's proxy: the first class up the hierarchy that
     * declares Jakarta REST annotations itself.
     */
    public static Class<?> declaringResource(Class<?> type) {
        for (var current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (current.isAnnotationPresent(Path.class)) {
                return current;
            }
            for (var method : current.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Path.class) || RestParameters.isResourceMethod(method)) {
                    return current;
                }
            }
        }
        return type;
    }
}

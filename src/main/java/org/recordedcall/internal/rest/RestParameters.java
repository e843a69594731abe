package org.recordedcall.internal.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/** What Jakarta REST makes of a method and its parameters: the one reading of their annotations. */
public final class RestParameters {

    /** The key of a resource method's entity parameter when the class file keeps no parameter names. */
    public static final String ENTITY = "body";

    private RestParameters() {
    }

    /** Whether the method answers an HTTP method itself ({@code @GET}, {@code @POST}, ... are meta-annotated so). */
    public static boolean isResourceMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the method answers an HTTP method itself or overrides one that does (Jakarta REST
     * annotations are inherited from a superclass's or an interface's method). A method the
     * runtime made itself (Jersey answers {@code OPTIONS} with a handler of its own) does not.
     */
    public static boolean answersHttp(Method method) {
        if (isResourceMethod(method)) {
            return true;
        }
        var type = method.getDeclaringClass();
        var supertypes = new java.util.ArrayDeque<Class<?>>();
        if (type.getSuperclass() != null) {
            supertypes.add(type.getSuperclass());
        }
        supertypes.addAll(java.util.Arrays.asList(type.getInterfaces()));
        while (!supertypes.isEmpty()) {
            var supertype = supertypes.poll();
            try {
                if (isResourceMethod(supertype.getDeclaredMethod(method.getName(), method.getParameterTypes()))) {
                    return true;
                }
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
            if (supertype.getSuperclass() != null) {
                supertypes.add(supertype.getSuperclass());
            }
            supertypes.addAll(java.util.Arrays.asList(supertype.getInterfaces()));
        }
        return false;
    }

    /** Whether the class has a method that answers an HTTP method (a root resource, or a sub-resource without {@code @Path}). */
    public static boolean hasResourceMethods(Class<?> type) {
        for (var method : type.getMethods()) {
            if (isResourceMethod(method)) {
                return true;
            }
        }
        return false;
    }

    /** Infrastructure the runtime injects ({@code @Context}, {@code @Suspended}): no argument of the call. */
    public static boolean isInfrastructure(Parameter parameter) {
        return parameter.isAnnotationPresent(Context.class) || parameter.isAnnotationPresent(Suspended.class);
    }

    /** The name a request gives the parameter ({@code @QueryParam("q")} is {@code q}), or {@code null}. */
    public static String restName(Parameter parameter) {
        var query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        var path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
            return path.value();
        }
        var form = parameter.getAnnotation(FormParam.class);
        if (form != null) {
            return form.value();
        }
        var header = parameter.getAnnotation(HeaderParam.class);
        if (header != null) {
            return header.value();
        }
        var matrix = parameter.getAnnotation(MatrixParam.class);
        if (matrix != null) {
            return matrix.value();
        }
        var cookie = parameter.getAnnotation(CookieParam.class);
        return cookie == null ? null : cookie.value();
    }

    /**
     * The parameter's name in the record's arguments and in a validation failure: the name a
     * request gives it, else its Java name; compiled without {@code -parameters}, the one
     * unannotated parameter of a resource method is {@code body}. {@code null} for infrastructure.
     */
    public static String argumentName(Parameter parameter, boolean resourceMethod) {
        if (isInfrastructure(parameter)) {
            return null;
        }
        var named = restName(parameter);
        if (named != null) {
            return named;
        }
        if (parameter.isNamePresent()) {
            return parameter.getName();
        }
        return resourceMethod && isEntity(parameter) ? ENTITY : parameter.getName();
    }

    /** Whether the runtime fills the parameter of a resource method from the request body. */
    public static boolean isEntity(Parameter parameter) {
        return !isInfrastructure(parameter) && !parameter.isAnnotationPresent(BeanParam.class) && restName(parameter) == null;
    }
}

package org.recordedcall.internal.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arguments of a resource method that the CDI interceptor does not see (a sub-resource
 * made with {@code new} by its locator, a class CDI cannot intercept), taken from the request
 * as the runtime took them: path, query, header, cookie and matrix parameters converted to the
 * parameter's type where it is a number, a boolean or an enum (else kept as text), and the body
 * as the runtime read it. Form parameters are not kept: the runtime consumed the form.
 */
public final class RequestArguments {

    private static final Map<Class<?>, Function<String, Object>> SIMPLE = Map.ofEntries(
            Map.entry(int.class, Integer::valueOf), Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(short.class, Short::valueOf), Map.entry(Short.class, Short::valueOf),
            Map.entry(byte.class, Byte::valueOf), Map.entry(Byte.class, Byte::valueOf),
            Map.entry(double.class, Double::valueOf), Map.entry(Double.class, Double::valueOf),
            Map.entry(float.class, Float::valueOf), Map.entry(Float.class, Float::valueOf),
            Map.entry(boolean.class, Boolean::valueOf), Map.entry(Boolean.class, Boolean::valueOf));

    private RequestArguments() {
    }

    /** Has the method a parameter the runtime fills from the request body? */
    public static boolean takesEntity(Method method) {
        for (var parameter : method.getParameters()) {
            if (RestParameters.isEntity(parameter)) {
                return true;
            }
        }
        return false;
    }

    /** The values in the order of the method's parameters; {@code null} for those not known. */
    public static Object[] of(Method method, ContainerRequestContext request, Object entity) {
        var parameters = method.getParameters();
        var values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            var parameter = parameters[i];
            values[i] = RestParameters.isEntity(parameter) ? entity : converted(parameter, raw(parameter, request));
        }
        return values;
    }

    private static List<String> raw(Parameter parameter, ContainerRequestContext request) {
        var uri = request.getUriInfo();
        var path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
            return uri.getPathParameters().get(path.value());
        }
        var query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return uri.getQueryParameters().get(query.value());
        }
        var header = parameter.getAnnotation(HeaderParam.class);
        if (header != null) {
            return request.getHeaders().get(header.value());
        }
        var cookie = parameter.getAnnotation(CookieParam.class);
        if (cookie != null) {
            var value = request.getCookies().get(cookie.value());
            return value == null ? null : List.of(value.getValue());
        }
        var matrix = parameter.getAnnotation(MatrixParam.class);
        if (matrix != null) {
            var segments = uri.getPathSegments();
            return segments.isEmpty() ? null : segments.get(segments.size() - 1).getMatrixParameters().get(matrix.value());
        }
        return null;
    }

    private static Object converted(Parameter parameter, List<String> raw) {
        var values = raw;
        var fallback = parameter.getAnnotation(DefaultValue.class);
        if ((values == null || values.isEmpty()) && fallback != null) {
            values = List.of(fallback.value());
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (Collection.class.isAssignableFrom(parameter.getType())) {
            var element = parameter.getParameterizedType() instanceof ParameterizedType generic
                    && generic.getActualTypeArguments()[0] instanceof Class<?> type ? type : String.class;
            var list = new ArrayList<>(values.size());
            values.forEach(value -> list.add(scalar(value, element)));
            return list;
        }
        return scalar(values.get(0), parameter.getType());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object scalar(String value, Class<?> type) {
        try {
            var simple = SIMPLE.get(type);
            if (simple != null) {
                return simple.apply(value.trim());
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) type, value);
            }
        } catch (RuntimeException notOfThatType) {
            // the runtime refused it too, or converts it its own way: the text says what came
        }
        return value;
    }

}

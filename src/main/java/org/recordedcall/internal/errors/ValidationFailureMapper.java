package org.recordedcall.internal.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.recordedcall.internal.ErrorBody;
import org.recordedcall.internal.JsonSupport;
import org.recordedcall.internal.rest.RestParameters;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Bean Validation failures: 400 {@code validation_failed} with each invalid field and the
 * constraint's message. A field is named as the client knows it: a property of the body by its
 * path below the body ({@code quantity}, {@code lines[0].sku}), a parameter by the name the
 * request gives it ({@code @QueryParam("qty")} is {@code qty}), as the record's arguments name
 * it. Mapped for {@link ConstraintViolationException}, nearer than the runtimes' own mappers for
 * {@code ValidationException}; an application's mapper for the same type still wins.
 */
public final class ValidationFailureMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(ConstraintViolationException violations) {
        var method = resourceMethod();
        var fields = JsonSupport.PROVIDER.createArrayBuilder();
        violations.getConstraintViolations().stream()
                .map(v -> new String[] {field(v, method), v.getMessage()})
                .sorted((a, b) -> a[0].compareTo(b[0]))
                .forEach(v -> fields.add(JsonSupport.PROVIDER.createObjectBuilder().add("field", v[0]).add("message", v[1])));
        var list = fields.build();
        return ErrorEnvelope.answer(violations, Response.Status.BAD_REQUEST.getStatusCode(),
                ErrorBody.VALIDATION_FAILED, list.size() + " invalid field(s)", list);
    }

    private Method resourceMethod() {
        try {
            return resource == null ? null : resource.getResourceMethod();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }

    /** The field a violation names, for the client: see the class's description. */
    static String field(ConstraintViolation<?> violation, Method method) {
        var nodes = new ArrayList<Path.Node>();
        violation.getPropertyPath().forEach(nodes::add);
        if (nodes.size() == 2 && nodes.get(1).getKind() == ElementKind.PARAMETER && method != null
                && method.getName().equals(nodes.get(0).getName())) {
            var index = nodes.get(1).as(Path.ParameterNode.class).getParameterIndex();
            var name = index < 0 || index >= method.getParameterCount() ? null : parameterName(method, index);
            if (name != null) {
                return name;
            }
        }
        return field(violation.getPropertyPath().toString());
    }

    /**
     * The parameter's name, read where its annotations are: the runtime may report the method of
     * a container's subclass (a CDI proxy), whose parameters carry none.
     */
    private static String parameterName(Method method, int index) {
        String javaName = null;
        for (var type = method.getDeclaringClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                var declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
                var parameter = declared.getParameters()[index];
                if (RestParameters.restName(parameter) != null) {
                    return RestParameters.restName(parameter);
                }
                if (javaName == null) {
                    javaName = RestParameters.argumentName(parameter, true);
                }
            } catch (NoSuchMethodException notDeclaredHere) {
                // look in the superclass
            }
        }
        return javaName;
    }

    /** {@code create.order.quantity} (method, parameter, property) → {@code quantity}; a parameter alone stays itself. */
    static String field(String path) {
        var parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}

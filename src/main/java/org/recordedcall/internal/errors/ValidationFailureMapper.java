package org.recordedcall.internal.errors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.recordedcall.internal.JsonSupport;

/**
 * Bean Validation failures: 400 {@code validation_failed} with each invalid field (its path
 * without the method and parameter, e.g. {@code quantity}) and the constraint's message.
 * Mapped for {@link ConstraintViolationException}, nearer than the runtimes' own mappers for
 * {@code ValidationException}; an application's mapper for the same type still wins.
 */
public final class ValidationFailureMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException violations) {
        var fields = JsonSupport.PROVIDER.createArrayBuilder();
        violations.getConstraintViolations().stream()
                .map(v -> new String[] {field(v.getPropertyPath().toString()), v.getMessage()})
                .sorted((a, b) -> a[0].compareTo(b[0]))
                .forEach(v -> fields.add(JsonSupport.PROVIDER.createObjectBuilder().add("field", v[0]).add("message", v[1])));
        var list = fields.build();
        return ErrorEnvelope.answer(Response.Status.BAD_REQUEST.getStatusCode(), ErrorEnvelope.VALIDATION_FAILED,
                list.size() + " invalid field(s)", list);
    }

    /** {@code create.order.quantity} (method, parameter, property) → {@code quantity}; a parameter alone stays itself. */
    static String field(String path) {
        var parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}

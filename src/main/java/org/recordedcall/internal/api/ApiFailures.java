package org.recordedcall.internal.api;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.recordedcall.internal.JsonSupport;

/**
 * Every failure of the API as {@code {"error": code, "message": text}}: a bad filter or
 * cursor (an {@link IllegalArgumentException}) is a 400 that names it, the database being
 * unavailable a 503; nothing else leaks detail.
 */
public final class ApiFailures implements ExceptionMapper<RuntimeException> {

    private static final System.Logger LOG = System.getLogger(ApiFailures.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        if (exception instanceof WebApplicationException web) {
            var response = web.getResponse();
            if (response.hasEntity()) {
                return response;
            }
            var status = response.getStatusInfo();
            var code = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "_");
            var message = web.getMessage() != null && !web.getMessage().startsWith("HTTP ") ? web.getMessage()
                    : status.getReasonPhrase();
            return Response.fromResponse(answer(Response.Status.OK, code, message)).status(status.getStatusCode()).build();
        }
        if (exception instanceof IllegalArgumentException bad) {
            return answer(Response.Status.BAD_REQUEST, "bad_request", bad.getMessage());
        }
        if (exception instanceof PersistenceException) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call API: the database did not answer", exception);
            return answer(Response.Status.SERVICE_UNAVAILABLE, "database_unavailable",
                    "the recorded calls cannot be read now; try again");
        }
        LOG.log(System.Logger.Level.ERROR, "recorded-call API failed", exception);
        return answer(Response.Status.INTERNAL_SERVER_ERROR, "internal_error", "the recorded-call API failed; see the server log");
    }

    static Response answer(Response.Status status, String code, String message) {
        var body = JsonSupport.PROVIDER.createObjectBuilder().add("error", code)
                .add("message", message == null ? "" : message).build();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}

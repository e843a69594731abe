package org.recordedcall.internal.errors;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.recordedcall.internal.ErrorBody;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Every exception no mapper of the application's handles: a request body that could not be
 * read → 400 {@code invalid_body} naming the field where the cause does; a database error →
 * 503 {@code storage_unavailable} with {@code Retry-After}; a {@link WebApplicationException}
 * → its status, coded by it; anything else → 500 {@code internal_error}, with a generic
 * message. No stack trace or internal detail reaches the client: the record has them.
 */
public final class UnmappedExceptionMapper implements ExceptionMapper<Throwable> {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Pattern FIELD = Pattern.compile(
            "(?:property|parameter|field|member|key)\\s+'?\"?([A-Za-z_$][\\w$]*)|'?\"?([A-Za-z_$][\\w$]*)'?\"?\\s+is (?:required|missing)");

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web) {
            var response = web.getResponse();
            if (response.hasEntity()) {
                ErrorEnvelope.noted(web);
                return response; // the application's own answer
            }
            if (isBodyUnreadable(web)) {
                return invalidBody(web); // the runtime's 400 for a body it could not read
            }
            var status = response.getStatusInfo();
            var reason = status.getReasonPhrase() == null ? "HTTP " + status.getStatusCode() : status.getReasonPhrase();
            var code = ErrorBody.code(reason);
            var message = status.getStatusCode() >= 500 ? "the request could not be served" : reason;
            var envelope = ErrorEnvelope.answer(web, status.getStatusCode(), code, message, null);
            // its headers stay (Allow of a 405, WWW-Authenticate of a 401)
            return Response.fromResponse(response).type(envelope.getMediaType()).entity(envelope.getEntity()).build();
        }
        if (isBodyUnreadable(exception)) {
            return invalidBody(exception);
        }
        if (isDatabaseError(exception)) {
            return Response.fromResponse(ErrorEnvelope.answer(exception, Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                    ErrorBody.STORAGE_UNAVAILABLE, "the data store is unavailable; try again in "
                            + RETRY_AFTER_SECONDS + " seconds", null))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        return serverError(exception);
    }

    private static Response serverError(Throwable exception) {
        return ErrorEnvelope.answer(exception, Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), ErrorBody.INTERNAL_ERROR,
                "an unexpected error occurred; quote the callId to support", null);
    }

    private static Response invalidBody(Throwable exception) {
        var field = fieldOf(exception);
        var message = field == null ? "the request body could not be read as this endpoint expects it"
                : "the request body is invalid at '" + field + "'";
        return ErrorEnvelope.answer(exception, Response.Status.BAD_REQUEST.getStatusCode(), ErrorBody.INVALID_BODY, message, null);
    }

    /** The body could not be read: a JSON-B or JSON-P failure, or the runtime's reading failure, somewhere in the chain. */
    static boolean isBodyUnreadable(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonParsingException
                    || cause instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    static boolean isDatabaseError(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }

    /** The first field a message in the chain names ("property 'quantity'", "item is required"), or null. */
    static String fieldOf(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                var matcher = FIELD.matcher(cause.getMessage());
                if (matcher.find()) {
                    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                }
            }
        }
        return null;
    }
}

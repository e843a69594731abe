package org.recordedcall.internal.errors;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonArray;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.recordedcall.CurrentCall;
import org.recordedcall.internal.ErrorBody;
import org.recordedcall.internal.lifecycle.CurrentCallView;

/**
 * The error shape's answers: the library's one error body ({@link ErrorBody}) with the id of the
 * call the request is, the exception noted on that call.
 */
final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    private static Response answer(int status, String code, String message, JsonArray fields) {
        var body = ErrorBody.of(code, message, callId(), fields);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    /**
     * The answer to {@code thrown}, which the record of the call (if this request is one)
     * holds as the call's exception: the client sees the envelope, the record the real error.
     */
    static Response answer(Throwable thrown, int status, String code, String message, JsonArray fields) {
        noted(thrown);
        return answer(status, code, message, fields);
    }

    /** Notes {@code thrown} as the exception of the call this request is, if it is one and holds none yet. */
    static void noted(Throwable thrown) {
        try {
            CDI.current().select(CurrentCallView.class).get().failedWith(thrown);
        } catch (RuntimeException noCdi) {
            // not a recorded call of a CDI application: nothing to note
        }
    }

    /** The id of the recorded call this request is, if it is one. */
    private static String callId() {
        try {
            return CDI.current().select(CurrentCall.class).get().id().orElse(null);
        } catch (RuntimeException noCdi) {
            return null;
        }
    }
}

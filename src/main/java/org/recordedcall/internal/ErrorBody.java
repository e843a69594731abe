package org.recordedcall.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * The one body of every error the library answers, in the application's API (the error shape)
 * and in the query API alike: {@code {"code": ..., "message": ..., "callId": ...}}, with
 * {@code fields} for a validation failure. The codes are stable (README, "Error shape").
 */
public final class ErrorBody {

    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String INVALID_BODY = "invalid_body";
    public static final String STORAGE_UNAVAILABLE = "storage_unavailable";
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorBody() {
    }

    /**
     * The code of a status with no more precise one: its reason phrase, snake-cased
     * ({@code not_found}, {@code method_not_allowed}).
     */
    public static String code(int status) {
        var known = Response.Status.fromStatusCode(status);
        return known == null ? "http_" + status : code(known.getReasonPhrase());
    }

    /** A reason phrase as a code: {@code "Method Not Allowed"} is {@code method_not_allowed}. */
    public static String code(String reasonPhrase) {
        return reasonPhrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /**
     * The body.
     *
     * @param callId the recorded call the request is, {@code null} (written as JSON null) if none
     * @param fields the fields a validation failure names, or {@code null} for none
     */
    public static JsonObject of(String code, String message, String callId, JsonArray fields) {
        var body = JsonSupport.PROVIDER.createObjectBuilder().add("code", code)
                .add("message", message == null ? "" : message);
        if (callId == null) {
            body.addNull("callId");
        } else {
            body.add("callId", callId);
        }
        if (fields != null) {
            body.add("fields", fields);
        }
        return body.build();
    }
}

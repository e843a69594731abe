package org.recordedcall.internal.capture;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Settings;


/**
 * Masks the secrets of a call before anything sees it, store or observer: the values of
 * secret names (the setting's, plus the endpoint's own) in the query string, JSON and form
 * bodies, arguments and result. Headers are masked as they are copied ({@link HeaderCapture}).
 */
@Singleton
public final class Masking {

    private final SecretNames secrets;

    @Inject
    public Masking(Settings settings) {
        this.secrets = new SecretNames(settings.maskedNames());
    }

    /** Whether a name (a header's, a field's, a parameter's) is a secret by the settings. */
    boolean isSecret(String name) {
        return secrets.isSecret(name);
    }

    CallRecord apply(CallRecord call, Endpoint endpoint) {
        var names = secrets.with(endpoint.masked());
        return new CallRecord(call.id(), call.correlationId(), call.traceId(), call.kind(), call.operation(),
                call.httpMethod(), call.path(), call.route(), Masks.form(call.query(), names), call.requestHeaders(),
                body(call.requestBody(), names), call.requestBodyTruncated(),
                call.resourceClass(), call.resourceMethod(), Masks.json(call.arguments(), names),
                Masks.json(call.result(), names), call.status(), call.responseHeaders(),
                body(call.responseBody(), names), call.responseBodyTruncated(),
                call.exceptionType(), call.exceptionMessage(), call.stackTrace(), call.principal(),
                call.clientAddress(), call.userAgent(), call.startedAt(), call.endedAt(), call.durationNanos(),
                call.outcome());
    }

    /**
     * JSON when it looks like JSON, else {@code name=value&...} when it has a {@code =} (form
     * bodies; and any other text so shaped is better masked than not). Judged by the text, not
     * by a content type: the headers may not be recorded.
     */
    private static String body(String text, SecretNames names) {
        if (text == null) {
            return null;
        }
        var start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        var looksLikeJson = start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[');
        return looksLikeJson || text.indexOf('=') < 0 ? Masks.json(text, names) : Masks.form(text, names);
    }
}

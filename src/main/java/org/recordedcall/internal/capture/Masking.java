package org.recordedcall.internal.capture;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Settings;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
                body(call.requestBody(), call.requestHeaders(), names), call.requestBodyTruncated(),
                call.resourceClass(), call.resourceMethod(), Masks.json(call.arguments(), names),
                Masks.json(call.result(), names), call.status(), call.responseHeaders(),
                body(call.responseBody(), call.responseHeaders(), names), call.responseBodyTruncated(),
                call.exceptionType(), call.exceptionMessage(), call.stackTrace(), call.principal(),
                call.clientAddress(), call.userAgent(), call.startedAt(), call.endedAt(), call.durationNanos(),
                call.outcome());
    }

    /** A form body by its content type; anything else as JSON, which leaves text without secret members alone. */
    private static String body(String text, Map<String, List<String>> headers, SecretNames names) {
        if (text == null) {
            return null;
        }
        var type = headers == null ? null : headers.get("content-type");
        if (type != null && !type.isEmpty()
                && type.get(0).toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Masks.form(text, names);
        }
        return Masks.json(text, names);
    }
}

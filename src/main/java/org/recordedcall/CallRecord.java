package org.recordedcall;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One recorded call: what came in, which Java method served it with which arguments, what
 * went out, what failed, how long it took and who called. Immutable; every event carries
 * one, and the final one is the persisted row (table {@code RECORDED_CALL}, each column the
 * snake_case of its component's name).
 *
 * <p>Components that do not apply to a call are {@code null}: a {@link CallKind#METHOD}
 * call has no HTTP facts, a call that did not fail has no exception.
 *
 * @param id                    UUID made at call start (version 7: time-ordered), echoed to the client in
 *                              {@code X-Request-Id}
 *                              unless the client sent its own
 * @param correlationId         the incoming {@code X-Request-Id}, else the id
 * @param traceId               the trace id of the server span the call belongs to where OpenTelemetry is
 *                              active, else of an incoming W3C {@code traceparent}
 * @param kind                  HTTP or METHOD
 * @param operation             the annotation's name, else {@code SimpleClassName#method}
 * @param httpMethod            e.g. {@code POST}
 * @param path                  the request path below the context root, e.g. {@code /api/orders/7}
 * @param route                 the matched template, e.g. {@code /api/orders/{id}}
 * @param query                 the raw query string, e.g. {@code a=1&b=2}
 * @param requestHeaders        request header name to values, secrets masked
 * @param requestBody           the request body as text (or a placeholder for binary), capped
 * @param requestBodyTruncated  whether the request body was longer than the cap
 * @param resourceClass         the Java class that served the call
 * @param resourceMethod        the Java method that served the call
 * @param arguments             JSON object of the method's arguments, keyed by parameter name
 * @param result                JSON of the method's return value
 * @param status                the HTTP status sent
 * @param responseHeaders       response header name to values, secrets masked
 * @param responseBody          the response body as text (or a placeholder for binary), capped
 * @param responseBodyTruncated whether the response body was longer than the cap
 * @param exceptionType         the class name of the failure
 * @param exceptionMessage      the message of the failure
 * @param stackTrace            the stack trace of the failure, capped
 * @param principal             the caller's principal name
 * @param clientAddress         the client's address
 * @param userAgent             the {@code User-Agent} header
 * @param startedAt             when the call began
 * @param endedAt               when the call ended
 * @param durationNanos         how long the call took, in nanoseconds
 * @param outcome               SUCCESS, CLIENT_ERROR or SERVER_ERROR; {@code null} until the call ends
 * @param attributes            the business attributes application code gave the call
 *                              ({@link CurrentCall#attribute}), name to value, sorted by name; empty, never
 *                              {@code null}, when it has none
 * @param spanId                the id of the server span the call belongs to, where OpenTelemetry is active
 *                              (then {@code traceId} is that span's trace)
 */
public record CallRecord(
        String id,
        String correlationId,
        String traceId,
        CallKind kind,
        String operation,
        String httpMethod,
        String path,
        String route,
        String query,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        boolean requestBodyTruncated,
        String resourceClass,
        String resourceMethod,
        String arguments,
        String result,
        Integer status,
        Map<String, List<String>> responseHeaders,
        String responseBody,
        boolean responseBodyTruncated,
        String exceptionType,
        String exceptionMessage,
        String stackTrace,
        String principal,
        String clientAddress,
        String userAgent,
        Instant startedAt,
        Instant endedAt,
        Long durationNanos,
        CallOutcome outcome,
        Map<String, String> attributes,
        String spanId) {

    /** Copies the header and attribute maps, sorted by name, so that a record never shares mutable state. */
    public CallRecord {
        requestHeaders = frozen(requestHeaders);
        responseHeaders = frozen(responseHeaders);
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** A builder of a record, every component {@code null} (or {@code false}) until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record, to make one that differs in a few components. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link CallRecord} by component name, so that no two components of the same type
     * can be swapped unnoticed, and a new component touches this class alone.
     */
    public static final class Builder {
        private String id;
        private String correlationId;
        private String traceId;
        private CallKind kind;
        private String operation;
        private String httpMethod;
        private String path;
        private String route;
        private String query;
        private Map<String, List<String>> requestHeaders;
        private String requestBody;
        private boolean requestBodyTruncated;
        private String resourceClass;
        private String resourceMethod;
        private String arguments;
        private String result;
        private Integer status;
        private Map<String, List<String>> responseHeaders;
        private String responseBody;
        private boolean responseBodyTruncated;
        private String exceptionType;
        private String exceptionMessage;
        private String stackTrace;
        private String principal;
        private String clientAddress;
        private String userAgent;
        private Instant startedAt;
        private Instant endedAt;
        private Long durationNanos;
        private CallOutcome outcome;
        private Map<String, String> attributes;
        private String spanId;

        private Builder() {
        }

        private Builder(CallRecord call) {
            id = call.id;
            correlationId = call.correlationId;
            traceId = call.traceId;
            kind = call.kind;
            operation = call.operation;
            httpMethod = call.httpMethod;
            path = call.path;
            route = call.route;
            query = call.query;
            requestHeaders = call.requestHeaders;
            requestBody = call.requestBody;
            requestBodyTruncated = call.requestBodyTruncated;
            resourceClass = call.resourceClass;
            resourceMethod = call.resourceMethod;
            arguments = call.arguments;
            result = call.result;
            status = call.status;
            responseHeaders = call.responseHeaders;
            responseBody = call.responseBody;
            responseBodyTruncated = call.responseBodyTruncated;
            exceptionType = call.exceptionType;
            exceptionMessage = call.exceptionMessage;
            stackTrace = call.stackTrace;
            principal = call.principal;
            clientAddress = call.clientAddress;
            userAgent = call.userAgent;
            startedAt = call.startedAt;
            endedAt = call.endedAt;
            durationNanos = call.durationNanos;
            outcome = call.outcome;
            attributes = call.attributes;
            spanId = call.spanId;
        }

        /** @param value see {@link CallRecord#id()} */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** @param value see {@link CallRecord#correlationId()} */
        public Builder correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        /** @param value see {@link CallRecord#traceId()} */
        public Builder traceId(String value) {
            this.traceId = value;
            return this;
        }

        /** @param value see {@link CallRecord#kind()} */
        public Builder kind(CallKind value) {
            this.kind = value;
            return this;
        }

        /** @param value see {@link CallRecord#operation()} */
        public Builder operation(String value) {
            this.operation = value;
            return this;
        }

        /** @param value see {@link CallRecord#httpMethod()} */
        public Builder httpMethod(String value) {
            this.httpMethod = value;
            return this;
        }

        /** @param value see {@link CallRecord#path()} */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** @param value see {@link CallRecord#route()} */
        public Builder route(String value) {
            this.route = value;
            return this;
        }

        /** @param value see {@link CallRecord#query()} */
        public Builder query(String value) {
            this.query = value;
            return this;
        }

        /** @param value see {@link CallRecord#requestHeaders()} */
        public Builder requestHeaders(Map<String, List<String>> value) {
            this.requestHeaders = value;
            return this;
        }

        /** @param value see {@link CallRecord#requestBody()} */
        public Builder requestBody(String value) {
            this.requestBody = value;
            return this;
        }

        /** @param value see {@link CallRecord#requestBodyTruncated()} */
        public Builder requestBodyTruncated(boolean value) {
            this.requestBodyTruncated = value;
            return this;
        }

        /** @param value see {@link CallRecord#resourceClass()} */
        public Builder resourceClass(String value) {
            this.resourceClass = value;
            return this;
        }

        /** @param value see {@link CallRecord#resourceMethod()} */
        public Builder resourceMethod(String value) {
            this.resourceMethod = value;
            return this;
        }

        /** @param value see {@link CallRecord#arguments()} */
        public Builder arguments(String value) {
            this.arguments = value;
            return this;
        }

        /** @param value see {@link CallRecord#result()} */
        public Builder result(String value) {
            this.result = value;
            return this;
        }

        /** @param value see {@link CallRecord#status()} */
        public Builder status(Integer value) {
            this.status = value;
            return this;
        }

        /** @param value see {@link CallRecord#responseHeaders()} */
        public Builder responseHeaders(Map<String, List<String>> value) {
            this.responseHeaders = value;
            return this;
        }

        /** @param value see {@link CallRecord#responseBody()} */
        public Builder responseBody(String value) {
            this.responseBody = value;
            return this;
        }

        /** @param value see {@link CallRecord#responseBodyTruncated()} */
        public Builder responseBodyTruncated(boolean value) {
            this.responseBodyTruncated = value;
            return this;
        }

        /** @param value see {@link CallRecord#exceptionType()} */
        public Builder exceptionType(String value) {
            this.exceptionType = value;
            return this;
        }

        /** @param value see {@link CallRecord#exceptionMessage()} */
        public Builder exceptionMessage(String value) {
            this.exceptionMessage = value;
            return this;
        }

        /** @param value see {@link CallRecord#stackTrace()} */
        public Builder stackTrace(String value) {
            this.stackTrace = value;
            return this;
        }

        /** @param value see {@link CallRecord#principal()} */
        public Builder principal(String value) {
            this.principal = value;
            return this;
        }

        /** @param value see {@link CallRecord#clientAddress()} */
        public Builder clientAddress(String value) {
            this.clientAddress = value;
            return this;
        }

        /** @param value see {@link CallRecord#userAgent()} */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /** @param value see {@link CallRecord#startedAt()} */
        public Builder startedAt(Instant value) {
            this.startedAt = value;
            return this;
        }

        /** @param value see {@link CallRecord#endedAt()} */
        public Builder endedAt(Instant value) {
            this.endedAt = value;
            return this;
        }

        /** @param value see {@link CallRecord#durationNanos()} */
        public Builder durationNanos(Long value) {
            this.durationNanos = value;
            return this;
        }

        /** @param value see {@link CallRecord#outcome()} */
        public Builder outcome(CallOutcome value) {
            this.outcome = value;
            return this;
        }

        /** @param value see {@link CallRecord#attributes()} */
        public Builder attributes(Map<String, String> value) {
            this.attributes = value;
            return this;
        }

        /** @param value see {@link CallRecord#spanId()} */
        public Builder spanId(String value) {
            this.spanId = value;
            return this;
        }

        /** The record. */
        public CallRecord build() {
            return new CallRecord(id, correlationId, traceId, kind, operation, httpMethod, path, route, query,
                    requestHeaders, requestBody, requestBodyTruncated, resourceClass, resourceMethod, arguments, result,
                    status, responseHeaders, responseBody, responseBodyTruncated, exceptionType, exceptionMessage, stackTrace,
                    principal, clientAddress, userAgent, startedAt, endedAt, durationNanos, outcome, attributes, spanId);
        }
    }

    private static Map<String, List<String>> frozen(Map<String, List<String>> headers) {
        if (headers == null || headers instanceof Frozen) {
            return headers; // a record's own map, passed on to the next: copied once is enough
        }
        var copy = new TreeMap<String, List<String>>();
        headers.forEach((name, values) -> copy.put(name, values == null ? List.of() : List.copyOf(values)));
        return new Frozen(Collections.unmodifiableSortedMap(copy));
    }

    /** A record's copy of headers: sorted, unmodifiable, its lists too; made only by {@link #frozen}. */
    private static final class Frozen extends AbstractMap<String, List<String>> {
        private final Map<String, List<String>> sorted;

        Frozen(Map<String, List<String>> sorted) {
            this.sorted = sorted;
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return sorted.entrySet();
        }

        @Override
        public List<String> get(Object name) {
            return sorted.get(name);
        }

        @Override
        public boolean containsKey(Object name) {
            return sorted.containsKey(name);
        }

        @Override
        public int size() {
            return sorted.size();
        }
    }
}

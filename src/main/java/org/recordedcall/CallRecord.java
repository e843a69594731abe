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
 * @param traceId               the trace id of an incoming W3C {@code traceparent}
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
        CallOutcome outcome) {

    /** Copies the header maps, sorted by name, so that a record never shares mutable state. */
    public CallRecord {
        requestHeaders = frozen(requestHeaders);
        responseHeaders = frozen(responseHeaders);
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

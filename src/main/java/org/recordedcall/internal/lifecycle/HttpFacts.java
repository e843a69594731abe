package org.recordedcall.internal.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * The HTTP facts of a request, read once when a recorded call begins.
 *
 * @param method        the HTTP method
 * @param path          the raw path below the context root
 * @param servletPath   the path the Jakarta REST servlet is mapped to (the application path)
 * @param query         the raw query string, or {@code null}
 * @param headers       header name to values, secrets masked: copied at once, put in that form when first read
 * @param contentType   the request's content type, or {@code null}
 * @param contentEncoding the request's {@code Content-Encoding}, or {@code null}
 * @param clientAddress the client's address
 * @param userAgent     the {@code User-Agent} header, or {@code null}
 * @param requestId     the incoming {@code X-Request-Id}, or {@code null}
 * @param traceparent   the incoming W3C {@code traceparent}, or {@code null}
 */
record HttpFacts(String method, String path, String servletPath, String query,
                 Map<String, List<String>> headers, String contentType, String contentEncoding,
                 String clientAddress,
                 String userAgent, String requestId, String traceparent) {
}

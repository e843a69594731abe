package org.recordedcall.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallRecord;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One row of {@code RECORDED_CALL}, whose DDL ships in {@code META-INF/recorded-call/}. The
 * id is the call's UUID, made by us: no identity column, which EclipseLink on H2 2.x cannot
 * create. Long texts are plain strings over H2's CHARACTER VARYING (CLOB in tables of earlier
 * releases) and PostgreSQL's TEXT columns, not {@code @Lob}, which Hibernate would bind as a
 * PostgreSQL large object. Values longer than their column are cut to fit, and NUL characters
 * (which PostgreSQL stores in no text column) are replaced by U+FFFD, rather than failing the
 * write.
 */
@Entity
@Table(name = "RECORDED_CALL")
public class RecordedCallEntity {

    static final int SHORT = 255;
    static final int LONG = 4000;

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;
    @Column(name = "correlation_id", length = 128)
    private String correlationId;
    @Column(name = "trace_id", length = 32)
    private String traceId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16, nullable = false)
    private CallKind kind;
    @Column(name = "operation", length = SHORT)
    private String operation;
    @Column(name = "http_method", length = 16)
    private String httpMethod;
    @Column(name = "path", length = LONG)
    private String path;
    @Column(name = "route", length = 1024)
    private String route;
    @Column(name = "query", length = LONG)
    private String query;
    @Column(name = "request_headers")
    private String requestHeaders;
    @Column(name = "request_body")
    private String requestBody;
    @Column(name = "request_body_truncated", nullable = false)
    private boolean requestBodyTruncated;
    @Column(name = "resource_class", length = SHORT)
    private String resourceClass;
    @Column(name = "resource_method", length = SHORT)
    private String resourceMethod;
    @Column(name = "arguments")
    private String arguments;
    @Column(name = "result")
    private String result;
    @Column(name = "status")
    private Integer status;
    @Column(name = "response_headers")
    private String responseHeaders;
    @Column(name = "response_body")
    private String responseBody;
    @Column(name = "response_body_truncated", nullable = false)
    private boolean responseBodyTruncated;
    @Column(name = "exception_type", length = SHORT)
    private String exceptionType;
    @Column(name = "exception_message", length = LONG)
    private String exceptionMessage;
    @Column(name = "stack_trace")
    private String stackTrace;
    @Column(name = "principal", length = SHORT)
    private String principal;
    @Column(name = "client_address", length = 64)
    private String clientAddress;
    @Column(name = "user_agent", length = 1024)
    private String userAgent;
    // OffsetDateTime is what both providers read a TIMESTAMP WITH TIME ZONE as; always UTC here
    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;
    @Column(name = "ended_at")
    private OffsetDateTime endedAt;
    @Column(name = "duration_nanos")
    private Long durationNanos;
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 16)
    private CallOutcome outcome;
    @Column(name = "attributes")
    private String attributes;
    @Column(name = "span_id", length = 16)
    private String spanId;

    protected RecordedCallEntity() {
        // for JPA
    }

    static RecordedCallEntity of(CallRecord call) {
        var row = new RecordedCallEntity();
        row.id = call.id();
        row.correlationId = fit(call.correlationId(), 128);
        row.traceId = call.traceId();
        row.kind = call.kind();
        row.operation = fit(call.operation(), SHORT);
        row.httpMethod = fit(call.httpMethod(), 16);
        row.path = fit(call.path(), LONG);
        row.route = fit(call.route(), 1024);
        row.query = fit(call.query(), LONG);
        row.requestHeaders = JsonColumns.write(call.requestHeaders());
        row.requestBody = storable(call.requestBody());
        row.requestBodyTruncated = call.requestBodyTruncated();
        row.resourceClass = fit(call.resourceClass(), SHORT);
        row.resourceMethod = fit(call.resourceMethod(), SHORT);
        row.arguments = storable(call.arguments());
        row.result = storable(call.result());
        row.status = call.status();
        row.responseHeaders = JsonColumns.write(call.responseHeaders());
        row.responseBody = storable(call.responseBody());
        row.responseBodyTruncated = call.responseBodyTruncated();
        row.exceptionType = fit(call.exceptionType(), SHORT);
        row.exceptionMessage = fit(call.exceptionMessage(), LONG);
        row.stackTrace = storable(call.stackTrace());
        row.principal = fit(call.principal(), SHORT);
        row.clientAddress = fit(call.clientAddress(), 64);
        row.userAgent = fit(call.userAgent(), 1024);
        row.startedAt = utc(call.startedAt());
        row.endedAt = utc(call.endedAt());
        row.durationNanos = call.durationNanos();
        row.outcome = call.outcome();
        row.attributes = storable(JsonColumns.writeAttributes(call.attributes()));
        row.spanId = fit(call.spanId(), 16);
        return row;
    }

    CallRecord toRecord() {
        return CallRecord.builder().id(id).correlationId(correlationId).traceId(traceId).kind(kind).operation(operation)
                .httpMethod(httpMethod).path(path).route(route).query(query)
                .requestHeaders(JsonColumns.read(requestHeaders)).requestBody(requestBody)
                .requestBodyTruncated(requestBodyTruncated).resourceClass(resourceClass).resourceMethod(resourceMethod)
                .arguments(arguments).result(result).status(status).responseHeaders(JsonColumns.read(responseHeaders))
                .responseBody(responseBody).responseBodyTruncated(responseBodyTruncated).exceptionType(exceptionType)
                .exceptionMessage(exceptionMessage).stackTrace(stackTrace).principal(principal)
                .clientAddress(clientAddress).userAgent(userAgent).startedAt(instant(startedAt))
                .endedAt(instant(endedAt)).durationNanos(durationNanos).outcome(outcome)
                .attributes(JsonColumns.readAttributes(attributes)).spanId(spanId).build();
    }

    private static OffsetDateTime utc(Instant instant) {
        // the same as instant.atOffset(UTC), without the ZoneRules object that makes for every row
        return instant == null ? null
                : LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The text as every database stores it: a NUL character becomes U+FFFD. */
    static String storable(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    // cut by code points, so a surrogate pair is never split
    static String fit(String text, int max) {
        var value = storable(text);
        if (value == null || value.length() <= max) {
            return value;
        }
        var marker = "…";
        int end = value.offsetByCodePoints(0, Math.min(value.codePointCount(0, value.length()), max - marker.length()));
        while (end > max - marker.length()) {
            end = value.offsetByCodePoints(end, -1);
        }
        return value.substring(0, end) + marker;
    }
}

package org.recordedcall.internal.lifecycle;

import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.body.BodyText;
import org.recordedcall.internal.body.CappedBuffer;
import org.recordedcall.internal.origin.ServerSpan;
import org.recordedcall.internal.origin.TraceParent;
import org.recordedcall.internal.rest.Endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one mutable record of a call while it runs. Filled by the filters, the writer
 * interceptor and the CDI interceptor, possibly from several threads for an asynchronous
 * resource, hence synchronized. Every event carries an immutable {@link #snapshot()}. Once the
 * call has ended nothing changes it, and its final record ({@link #finalRecord}) is made once,
 * by whichever thread first needs it.
 */
public final class CallDraft {

    private final String id = CallIds.next();
    private final CallKind kind;
    private final Endpoint endpoint;
    private final HttpFacts http;
    // the request headers as the first record froze them, passed on to the next ones uncopied
    private Map<String, List<String>> requestHeaders;
    private final long startNanos;
    private final Instant startedAt;

    private CappedBuffer requestBody;
    private String locatedTemplate;
    private Object entity;
    private boolean methodReached;
    private boolean argumentsClaimed;
    private String arguments;
    private String result;
    private Integer status;
    private Map<String, List<String>> responseHeaders;
    private CappedBuffer responseBody;
    private String responseContentType;
    private String responseBodyNote;
    private Failure failure;
    private String principal;
    private final Attributes attributes = new Attributes();
    private final boolean joinsSpan;
    private ServerSpan.Ids span;
    private Instant endedAt;
    private Long durationNanos;
    // the final record, masked: made once, by whichever thread needs it first (finalRecord)
    private CallRecord finalRecord;

    private CallDraft(CallKind kind, Endpoint endpoint, HttpFacts http, long startNanos, Instant startedAt,
                      boolean joinsSpan) {
        this.kind = kind;
        this.joinsSpan = joinsSpan;
        this.endpoint = endpoint;
        this.http = http;
        this.requestHeaders = http == null ? null : http.headers();
        this.startNanos = startNanos;
        this.startedAt = startedAt;
    }

    /** @param joinsSpan whether the call takes its trace from the server's OpenTelemetry span ({@link #joinSpan}) */
    static CallDraft http(Endpoint endpoint, HttpFacts http, long startNanos, Instant startedAt, boolean joinsSpan) {
        return new CallDraft(CallKind.HTTP, endpoint, http, startNanos, startedAt, joinsSpan);
    }

    static CallDraft method(Endpoint endpoint, boolean joinsSpan) {
        return new CallDraft(CallKind.METHOD, endpoint, null, System.nanoTime(), Instant.now(), joinsSpan);
    }

    String id() {
        return id;
    }

    String correlationId() {
        return http != null && http.requestId() != null ? http.requestId() : id;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Whether the method is this call's own resource method, not yet seen; true once. */
    synchronized boolean claimInvocation(java.lang.reflect.Method invoked) {
        if (argumentsClaimed || kind != CallKind.HTTP || !endpoint.isServedBy(invoked)) {
            return false;
        }
        argumentsClaimed = true;
        return true;
    }

    /** The route template below the application path, as the locators on the way made it. */
    synchronized void locatedTemplate(String template) {
        if (ended()) {
            return;
        }
        locatedTemplate = template;
    }

    /** Every request filter passed: the runtime goes on to the resource method. */
    synchronized void methodReached() {
        methodReached = true;
    }

    /** Whether the runtime went on to the method without the CDI interceptor seeing it. */
    synchronized boolean methodRanUnseen() {
        return methodReached && !argumentsClaimed;
    }

    /** The entity the runtime read for the method, for a method the CDI interceptor does not see. */
    synchronized void entity(Object read) {
        if (ended()) {
            return;
        }
        entity = read;
    }

    synchronized Object entity() {
        return entity;
    }

    /**
     * Whether the request's body is kept only as its type and size: binary, multipart or
     * compressed, by its raw headers (parsing a malformed one is the runtime's to refuse, not ours).
     */
    boolean requestBodyIsOpaque() {
        return http != null && (BodyText.isBinary(http.contentType()) || BodyText.isEncoded(http.contentEncoding()));
    }

    synchronized void requestBody(CappedBuffer copy) {
        if (ended()) {
            return;
        }
        requestBody = copy;
    }

    synchronized void arguments(String json) {
        if (ended()) {
            return;
        }
        arguments = json;
    }

    synchronized void result(String json) {
        if (ended()) {
            return;
        }
        result = json;
    }

    synchronized void responseBody(CappedBuffer copy, String contentType) {
        if (ended()) {
            return;
        }
        responseBody = copy;
        responseContentType = contentType;
    }

    static final String EVENT_STREAM_NOTE = "<not recorded: server-sent events>";

    /**
     * If the response is a stream of server-sent events, its body is not captured (the record
     * says so in its place): the one decision, for the writer interceptor and for the servlet
     * filter past which some runtimes send event streams.
     */
    boolean omitIfEventStream(String contentType) {
        if (BodyText.isEventStream(contentType)) {
            responseBodyOmitted(EVENT_STREAM_NOTE);
            return true;
        }
        return false;
    }

    /** The response body is not captured, for the reason given, which the record shows in its place. */
    synchronized void responseBodyOmitted(String note) {
        if (ended()) {
            return;
        }
        responseBody = null;
        responseBodyNote = note;
    }

    /**
     * The call joins the server span current on this thread, where OpenTelemetry is active for
     * the application (the setting {@code recordedcall.trace.span}): the first one it finds names
     * its trace and span, and carries the call's id.
     */
    void joinSpan() {
        if (!joinsSpan) {
            return; // the common case, asked up to four times a call: no lock
        }
        synchronized (this) {
            if (span == null && !ended()) {
                // a bean method's call shares its span with whatever else runs in it: it reads, notes nothing
                span = ServerSpan.join(kind == CallKind.HTTP ? id : null);
            }
        }
    }

    /** A business attribute of the call, within the limits {@link org.recordedcall.CurrentCall#attribute} names. */
    void attribute(String name, Object value) {
        // the application's toString runs before the lock, never under it
        var key = Attributes.name(name);
        var text = value == null ? null : Attributes.value(value);
        synchronized (this) {
            if (!ended()) {
                attributes.put(key, text);
            }
        }
    }

    synchronized void principal(String name) {
        if (name != null && !ended()) {
            principal = name;
        }
    }

    synchronized boolean hasPrincipal() {
        return principal != null;
    }

    /** Records a failure; only the first is kept. Returns whether this one was the first. */
    synchronized boolean fail(Failure thrown) {
        if (failure != null || endedAt != null) {
            return false;
        }
        failure = thrown;
        return true;
    }

    synchronized boolean failed() {
        return failure != null;
    }

    synchronized void respond(int sentStatus, Map<String, List<String>> headers) {
        if (ended()) {
            return;
        }
        status = sentStatus;
        responseHeaders = headers;
    }

    /**
     * Whether the call has ended. From then on nothing changes it: its final record may be made
     * any time later, on another thread, and must be what stood at the end (a stream's
     * completion, an application thread still holding the call, may come after it).
     */
    private boolean ended() {
        return endedAt != null;
    }

    /** Ends the call; returns {@code true} only the first time, so that it ends exactly once. */
    synchronized boolean end(long endNanos, Instant at) {
        if (endedAt != null) {
            return false;
        }
        endedAt = at;
        durationNanos = Math.max(0, endNanos - startNanos);
        entity = null; // the application's object, read for the arguments: not kept while the call waits to be stored
        return true;
    }

    /**
     * The call's final record, made by {@code make} the first time it is asked for (once the
     * call has ended, nothing in it changes), and the same record every time after: the writer's
     * thread, the observers' threads and a synchronous observer's share it.
     */
    synchronized CallRecord finalRecord(Function<CallDraft, CallRecord> make) {
        if (finalRecord == null) {
            finalRecord = make.apply(this);
            // the record holds the bodies as text now: the bytes are not kept twice while the call waits to be stored
            requestBody = null;
            responseBody = null;
        }
        return finalRecord;
    }

    /** The final record if it has been made, else {@code null}. */
    synchronized CallRecord finalRecordIfMade() {
        return finalRecord;
    }

    /** The request path below the context root; {@code null} for a bean method's call. */
    String path() {
        return http == null ? null : http.path();
    }

    /** How the call ended; {@code null} until it has. */
    synchronized CallOutcome outcome() {
        return endedAt == null ? null : CallOutcome.of(status, failure != null);
    }

    /** How long the call took; {@code null} until it has ended. */
    synchronized Long durationNanos() {
        return durationNanos;
    }

    /** The call as it stands, unmasked: while it runs, and to make its final record ({@link #finalRecord}). */
    synchronized CallRecord snapshot() {
        var facts = http;
        var record = CallRecord.builder()
                .id(id)
                .correlationId(correlationId())
                .kind(kind)
                .operation(endpoint.operation())
                .resourceClass(endpoint.resourceClass() == null ? null : endpoint.resourceClass().getName())
                .resourceMethod(endpoint.method() == null ? null : endpoint.method().getName())
                .arguments(arguments)
                .result(result)
                .status(status)
                .responseHeaders(responseHeaders == null || endpoint.records(Endpoint.Part.HEADERS)
                        ? responseHeaders : Map.of())
                .responseBody(responseBody == null ? responseBodyNote : BodyText.of(responseBody, responseContentType))
                .responseBodyTruncated(responseBody != null && responseBody.truncated())
                .principal(principal)
                .startedAt(startedAt)
                .endedAt(endedAt)
                .durationNanos(durationNanos)
                .outcome(outcome())
                .attributes(attributes.snapshot())
                .traceId(span != null ? span.traceId() : facts == null ? null : TraceParent.traceId(facts.traceparent()))
                .spanId(span == null ? null : span.spanId());
        if (failure != null) {
            record.exceptionType(failure.type()).exceptionMessage(failure.message()).stackTrace(failure.stackTrace());
        }
        if (facts != null) {
            record.httpMethod(facts.method())
                    .path(facts.path())
                    .route(route(facts))
                    .query(facts.query())
                    .requestHeaders(endpoint.records(Endpoint.Part.HEADERS) ? requestHeaders : Map.of())
                    .requestBody(BodyText.of(requestBody, facts.contentType(), facts.contentEncoding()))
                    .clientAddress(facts.clientAddress())
                    .userAgent(facts.userAgent());
        }
        var made = record.requestBodyTruncated(requestBody != null && requestBody.truncated()).build();
        if (facts != null && endpoint.records(Endpoint.Part.HEADERS)) {
            requestHeaders = made.requestHeaders(); // the record's own, unmodifiable copy: the next record keeps it
        }
        return made;
    }

    private String route(HttpFacts facts) {
        var template = locatedTemplate != null ? locatedTemplate : endpoint.template();
        return template == null ? null : Endpoint.join(facts.servletPath(), template);
    }
}

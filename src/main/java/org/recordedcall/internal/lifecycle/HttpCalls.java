package org.recordedcall.internal.lifecycle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.recordedcall.internal.OneLine;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.masking.HeaderCapture;
import org.recordedcall.internal.origin.ClientAddress;
import org.recordedcall.internal.origin.TrustedProxies;
import org.recordedcall.internal.rest.Endpoint;
import org.recordedcall.internal.rest.RecordedRoutes;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The HTTP side of a call's life: begins it when a recorded resource method is matched,
 * ends it when the servlet response is complete or an exception escaped to the container.
 * The call travels with the request as an attribute, so that every thread serving the
 * request (asynchronous resources included) finds the same one.
 */
@Singleton
public final class HttpCalls {

    /** The response header that carries the correlation id back to the client. */
    public static final String REQUEST_ID = "X-Request-Id";

    private static final String ATTRIBUTE = "org.recordedcall.call";
    /** The request attribute holding the exception of a refusal, seen before its call began. */
    static final String REFUSAL = "org.recordedcall.refusal";
    static final String EVENT_STREAM_OPEN_NOTE = "<not recorded: server-sent events, still open at undeploy>";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");
    private static final System.Logger LOG = System.getLogger(HttpCalls.class.getName());

    private final Recorder recorder;
    private final HeaderCapture headers;
    private final TrustedProxies trustedProxies;
    private final Set<CallDraft> openStreams = ConcurrentHashMap.newKeySet();
    private volatile boolean warnedNoFilter;

    private final RecordedRoutes routes;

    private final boolean traceFromSpan;

    @Inject
    public HttpCalls(Recorder recorder, HeaderCapture headers, Settings settings, RecordedRoutes routes) {
        this.recorder = recorder;
        this.headers = headers;
        this.trustedProxies = TrustedProxies.of(settings.trustedProxies());
        this.traceFromSpan = settings.traceFromSpan();
        this.routes = routes;
    }

    static CallDraft callOf(HttpServletRequest request) {
        return (CallDraft) request.getAttribute(ATTRIBUTE);
    }

    /**
     * Begins the call of the current request, served by {@code endpoint}; returns the call
     * already begun if there is one, and {@code null} if the request is not seen by the
     * servlet filter (then nothing can be recorded reliably).
     */
    CallDraft begin(Endpoint endpoint) {
        var frame = CallScope.current();
        if (frame == null || frame.request() == null) {
            warnNoFilter();
            return null;
        }
        var existing = callOf(frame.request());
        if (existing != null) {
            return existing;
        }
        var call = CallDraft.http(endpoint, facts(frame.request()), frame.startNanos(), frame.startedAt(),
                traceFromSpan);
        frame.request().setAttribute(ATTRIBUTE, call);
        frame.call(call);
        // set now, on the servlet response, so that it survives an error answered by the container
        frame.response().setHeader(REQUEST_ID, call.correlationId());
        if (endpoint.streamsEvents()) {
            openStreams.add(call);
        }
        recorder.started(call);
        return call;
    }

    /**
     * A failure of the call; for an event stream, a failed write is its client having left,
     * which is how such streams normally end: no failure.
     */
    void failed(CallDraft call, Throwable thrown) {
        if (!isClientLeavingAStream(call, thrown)) {
            recorder.failed(call, thrown);
        }
    }

    /**
     * Writing the body failed: the client has gone. An event stream ends here, as the
     * application's broadcaster may keep the stream open and the container never completes it.
     */
    void writeFailed(CallDraft call, IOException clientGone) {
        if (isClientLeavingAStream(call, clientGone)) {
            end(call);
        } else {
            recorder.failed(call, clientGone);
        }
    }

    /** The status and headers of an event stream's answer, known before its end. */
    void streamAnswered(CallDraft call, int status, Map<String, List<String>> sent) {
        call.respond(status, headers.copy(sent.keySet(), sent::get));
    }

    /**
     * At undeploy: ends the event streams still open, so that none is lost; their record says
     * they were still open.
     */
    public void endOpenStreams() {
        var ended = 0;
        for (var call : List.copyOf(openStreams)) {
            call.responseBodyOmitted(EVENT_STREAM_OPEN_NOTE);
            end(call);
            ended++;
        }
        if (ended > 0) {
            LOG.log(System.Logger.Level.INFO, "recorded-call: {0} server-sent-event stream(s) still open at undeploy "
                    + "were stored as ended now", ended);
        }
    }

    private static boolean isClientLeavingAStream(CallDraft call, Throwable thrown) {
        return thrown instanceof IOException && call.endpoint().streamsEvents();
    }

    private void end(CallDraft call) {
        openStreams.remove(call);
        recorder.ended(call);
    }

    /**
     * The runtime refused the call before choosing a method, with {@code status}: its exception
     * when a mapper of the library's saw it, else the one the status stands for.
     */
    void refused(CallDraft call, int status) {
        var frame = CallScope.current();
        var seen = frame == null || frame.request() == null ? null : frame.request().getAttribute(REFUSAL);
        if (seen instanceof Throwable thrown) {
            recorder.failed(call, thrown);
            return;
        }
        var failure = Failure.ofRefusal(status);
        if (failure != null) {
            recorder.failed(call, failure);
        }
    }

    /**
     * A 400 answered before any Jakarta REST filter ran: the runtime could not even read the
     * request (RESTEasy refuses a malformed {@code Content-Type} so). When its path is a
     * recorded route of the application the servlet serves (named after its {@code Application}
     * class, as both runtimes name it), the call gets its row; its {@code X-Request-Id} could not
     * be echoed, the answer being out already.
     */
    void refusedBeforeFilters(HttpServletRequest request, HttpServletResponse response) {
        if (response.getStatus() != HttpServletResponse.SC_BAD_REQUEST
                || request.getAttribute(UnmatchedCallFilter.PASSED) != null
                || request.getAttribute(UnmatchedCallFilter.ANSWERED) != null) {
            return; // answered through the runtime's filters: by the application, or recorded there
        }
        var mapping = request.getHttpServletMapping();
        var route = mapping == null ? null : routes.matchByApplicationName(mapping.getServletName(),
                request.getPathInfo() == null ? "/" : request.getPathInfo());
        if (route == null) {
            return;
        }
        var call = begin(Endpoint.refused(route.resourceClass(), route.template(), null));
        if (call != null) {
            refused(call, response.getStatus());
        }
    }

    void timedOut(CallDraft call) {
        recorder.failed(call, new TimeoutException("the asynchronous response timed out"));
    }

    /**
     * An exception escaped the Jakarta REST runtime unmapped: answer the container's 500
     * (keeping the headers already set), log it as the container would, and end the call.
     */
    void escaped(CallDraft call, HttpServletRequest request, HttpServletResponse response, Exception thrown) {
        recorder.failed(call, thrown);
        // one line, no stack trace: the runtime logs the exception in full already, and the record holds it
        LOG.log(System.Logger.Level.WARNING, "recorded-call: " + request.getMethod() + " " + request.getRequestURI()
                + " answered 500: " + OneLine.of(String.valueOf(thrown), 300) + " (no ExceptionMapper handles it); call "
                + call.id() + " holds the stack trace");
        sendServerError(response);
        // what the runtime had written for the failed response never reached the client
        call.responseBody(null, null);
        notePrincipal(call, request.getUserPrincipal(), false);
        call.respond(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, responseHeaders(response));
        end(call);
    }

    /** A JVM error escaped: it is the container's to handle; the call still ends, as a 500. */
    void crashed(CallDraft call, Error error) {
        recorder.failed(call, error);
        call.respond(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null);
        end(call);
    }

    private static void sendServerError(HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        try {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        } catch (IOException | IllegalStateException alreadySent) {
            // the runtime already started the error response (Jersey does): its 500 stands
        }
    }

    /** The response is complete: record what was sent and end the call. */
    void completed(CallDraft call, HttpServletRequest request, HttpServletResponse response) {
        notePrincipal(call, request.getUserPrincipal(), false);
        // an event stream is never teed; some runtimes send it past every writer interceptor
        call.omitIfEventStream(response.getContentType());
        call.respond(response.getStatus(), responseHeaders(response));
        end(call);
    }

    private HttpFacts facts(HttpServletRequest request) {
        var uri = request.getRequestURI();
        var context = request.getContextPath();
        var path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        var requestId = request.getHeader(REQUEST_ID);
        return new HttpFacts(
                request.getMethod(),
                path.isEmpty() ? "/" : path,
                request.getServletPath(),
                request.getQueryString(),
                headers.copy(request.getHeaderNames(), request::getHeaders),
                request.getContentType(),
                request.getHeader("Content-Encoding"),
                ClientAddress.of(request.getRemoteAddr(), request::getHeaders, trustedProxies),
                request.getHeader("User-Agent"),
                requestId != null && SAFE_REQUEST_ID.matcher(requestId).matches() ? requestId : null,
                request.getHeader("traceparent"));
    }

    private Map<String, List<String>> responseHeaders(HttpServletResponse response) {
        // some containers keep the content type out of the header list
        return headers.copy(response.getHeaderNames(), response::getHeaders).orElse("content-type", response.getContentType());
    }

    /**
     * On the way out of the Jakarta REST runtime: the principal its security context names
     * (authentication filters run after ours, so it is known only now), and the correlation id
     * echoed in the runtime's own response headers.
     */
    static void answering(CallDraft call, ContainerRequestContext request, ContainerResponseContext response) {
        var security = request.getSecurityContext();
        notePrincipal(call, security == null ? null : security.getUserPrincipal(), true);
        call.joinSpan(); // a tracing filter that began its span after ours may keep it current until now
        response.getHeaders().putSingle(REQUEST_ID, call.correlationId());
    }

    /**
     * The caller, the one place it is read: the Jakarta REST security context's principal wins
     * (an application's authentication filter sets it); the container's is taken, once the
     * response is complete, only where that named none.
     */
    private static void notePrincipal(CallDraft call, Principal user, boolean fromJakartaRest) {
        if (user != null && (fromJakartaRest || !call.hasPrincipal())) {
            call.principal(user.getName());
        }
    }

    private void warnNoFilter() {
        if (!warnedNoFilter) {
            warnedNoFilter = true;
            LOG.log(System.Logger.Level.WARNING, "recorded-call: a recorded resource was called outside the "
                    + "recording servlet filter, so the call is not recorded. Do not exclude the recorded-call jar "
                    + "from servlet container initializers (absolute-ordering in web.xml).");
        }
    }
}

package org.recordedcall.internal.lifecycle;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recordedcall.internal.Cdi;
import org.recordedcall.internal.RateLimitedLog;

import java.io.IOException;

/**
 * Wraps every request of the application so that a recorded call ends exactly once,
 * whatever path the request took: after the response was written, when an exception
 * escaped the Jakarta REST runtime unmapped, and, for an asynchronous resource, when the
 * container completes the response.
 *
 * <p>An exception that escapes a recorded call is answered here with the container's 500
 * rather than rethrown: rethrown, the container resets the response, and the client would
 * lose the {@code X-Request-Id} that lets support find the record.
 *
 * <p>For requests that no recorded resource serves it only opens and closes a
 * {@link CallScope} frame.
 */
public class RecordingServletFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient HttpCalls calls;

    private static final System.Logger LOG = System.getLogger(RecordingServletFilter.class.getName());
    private static final RateLimitedLog REFUSALS = new RateLimitedLog(LOG, 10_000);

    @Override
    public void init() {
        if (!Cdi.active()) {
            return; // the application runs without CDI: the store says so once
        }
        // the container creates filters itself; the CDI beans are looked up once here
        try {
            calls = CDI.current().select(HttpCalls.class).get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: CDI is not available to the recording filter, "
                    + "so no call of this application is recorded. Deploy on a Jakarta EE 10 server with CDI enabled.", e);
        }
    }

    /**
     * At undeploy, before the application's listeners end (the store drains then): event
     * streams still open are stored as they are.
     */
    @Override
    public void destroy() {
        if (calls != null) {
            calls.endOpenStreams();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (calls == null) {
            chain.doFilter(request, response);
            return;
        }
        var outer = CallScope.enter(request, response);
        try {
            chain.doFilter(request, response);
            if (HttpCalls.callOf(request) == null) {
                try {
                    calls.refusedBeforeFilters(request, response);
                } catch (RuntimeException e) {
                    // the answer is out already: a recorder problem never reaches it
                    REFUSALS.warn("recorded-call: could not record a request the runtime refused: " + e, e);
                }
            }
        } catch (IOException | ServletException | RuntimeException e) {
            var call = HttpCalls.callOf(request);
            if (call == null) {
                throw e;
            }
            // rethrown, the container would reset the response and drop X-Request-Id (Payara does)
            calls.escaped(call, request, response, e);
            return;
        } catch (Error e) {
            var call = HttpCalls.callOf(request);
            if (call != null) {
                calls.crashed(call, e);
            }
            throw e;
        } finally {
            CallScope.restore(outer);
        }
        var call = HttpCalls.callOf(request);
        if (call == null) {
            return;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new Completion(call, request, response));
        } else {
            calls.completed(call, request, response);
        }
    }

    /** Ends an asynchronous call when the container has completed its response. */
    private final class Completion implements AsyncListener {
        private final CallDraft call;
        private final HttpServletRequest request;
        private final HttpServletResponse response;

        Completion(CallDraft call, HttpServletRequest request, HttpServletResponse response) {
            this.call = call;
            this.request = request;
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            calls.completed(call, request, response);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            calls.timedOut(call);
        }

        @Override
        public void onError(AsyncEvent event) {
            if (event.getThrowable() != null) {
                calls.failed(call, event.getThrowable());
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}

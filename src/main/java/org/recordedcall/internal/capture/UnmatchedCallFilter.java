package org.recordedcall.internal.capture;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.RateLimitedLog;
import org.recordedcall.internal.config.Settings;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Records, in an application recorded whole, a call that one of the application's own
 * {@code @PreMatching} filters answered (a CORS filter refusing an origin, a preflight) before
 * the runtime matched any resource: such a call passes none of the filters bound to resource
 * methods. This filter runs last of the pre-matching ones, so a request that did not reach it
 * was answered before matching; its answer is then recorded without a route or method, its
 * body from the entity the filter answered with (not every runtime runs writer interceptors
 * for such an answer).
 */
@Provider
@PreMatching
@Priority(Integer.MAX_VALUE)
public final class UnmatchedCallFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PASSED = "org.recordedcall.passed-pre-matching";
    private static final RateLimitedLog FAILURES =
            new RateLimitedLog(System.getLogger(UnmatchedCallFilter.class.getName()), 10_000);

    @Context
    private Application application;

    private volatile Optional<RecordedCall> applicationWide;
    private volatile Beans beans;

    private record Beans(HttpCalls calls, JsonCapture json, int bodyCap) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PASSED, Boolean.TRUE);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PASSED) != null || request.getProperty(RecordingFilter.CALL) != null) {
            return;
        }
        try {
            record(request, response);
        } catch (RuntimeException e) {
            // a recorder problem never changes the application's answer
            FAILURES.warn("recorded-call: could not record a call answered before matching: " + e, e);
        }
    }

    private void record(ContainerRequestContext request, ContainerResponseContext response) {
        var wide = applicationWide();
        if (wide.isEmpty()) {
            return;
        }
        var call = beans().calls().begin(Endpoint.unmatched(wide.get()));
        if (call == null) {
            return;
        }
        request.setProperty(RecordingFilter.CALL, call);
        response.getHeaders().putSingle(HttpCalls.REQUEST_ID, call.correlationId());
        var entity = response.getEntity();
        if (entity != null && call.endpoint().records(Endpoint.Part.RESPONSE_BODY)) {
            var text = entity instanceof CharSequence chars ? chars.toString() : beans().json().value(entity);
            var copy = new CappedBuffer(beans().bodyCap());
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            copy.write(bytes, 0, bytes.length);
            call.responseBody(copy, response.getMediaType() == null ? null : response.getMediaType().toString());
        }
    }

    private Optional<RecordedCall> applicationWide() {
        var known = applicationWide;
        if (known == null) {
            var settings = CDI.current().select(Settings.class).get();
            known = Optional.ofNullable(settings.enabled() ? WholeApplication.annotation(application, settings) : null);
            applicationWide = known;
        }
        return known;
    }

    private Beans beans() {
        var known = beans;
        if (known == null) {
            var cdi = CDI.current();
            known = new Beans(cdi.select(HttpCalls.class).get(), cdi.select(JsonCapture.class).get(),
                    cdi.select(Settings.class).get().bodyMaxBytes());
            beans = known;
        }
        return known;
    }
}

package org.recordedcall.internal.lifecycle;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.Cdi;
import org.recordedcall.internal.RateLimitedLog;
import org.recordedcall.internal.body.CappedBuffer;
import org.recordedcall.internal.config.Settings;
import org.recordedcall.internal.json.JsonCapture;
import org.recordedcall.internal.rest.Endpoint;
import org.recordedcall.internal.rest.RecordedRoutes;
import org.recordedcall.internal.rest.RestParameters;
import org.recordedcall.internal.rest.WholeApplication;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Records the calls that no resource method served, which pass none of the filters bound to
 * resource methods:
 * <ul>
 * <li>in an application recorded whole, a call that one of the application's own
 * {@code @PreMatching} filters answered (a CORS filter refusing an origin, a preflight) before
 * the runtime matched any resource. This filter runs last of the pre-matching ones, so a request
 * that did not reach it was answered before matching; it is recorded without a route or method;
 * <li>a call the runtime itself refused before choosing a method (405 for a method the resource
 * lacks, 406, 415, a malformed {@code Content-Type}, an {@code OPTIONS} it answered itself) on a
 * path of a recorded resource class: recorded with that route, no method, no arguments, and the
 * runtime's exception ({@link HttpCalls#refused}). A path no recorded resource has stays unrecorded.
 * </ul>
 * The body is taken from the entity answered (not every runtime runs writer interceptors for
 * such an answer).
 */
@Provider
@PreMatching
@Priority(Integer.MAX_VALUE)
public final class UnmatchedCallFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property (a servlet request attribute) that says the request went through pre-matching. */
    static final String PASSED = "org.recordedcall.passed-pre-matching";
    /** The request property (a servlet request attribute) that says the runtime answered the request through its filters. */
    static final String ANSWERED = "org.recordedcall.answered-by-rest";
    private static final RateLimitedLog FAILURES =
            new RateLimitedLog(System.getLogger(UnmatchedCallFilter.class.getName()), 10_000);

    @Context
    private Application application;

    // the method the runtime chose, if any: a request served by a method that records nothing is no refusal
    @Context
    private ResourceInfo resource;

    private volatile Optional<RecordedCall> applicationWide;
    private volatile Beans beans;

    private volatile Class<?> applicationType;
    private volatile Boolean cdi;

    private record Beans(HttpCalls calls, JsonCapture json, RecordedRoutes routes, int bodyCap) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PASSED, Boolean.TRUE);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(RecordingFilter.CALL) != null) {
            return; // a recorded call: the servlet filter ends it and looks for no refusal
        }
        request.setProperty(ANSWERED, Boolean.TRUE);
        if (!cdi()) {
            return;
        }
        try {
            if (request.getProperty(PASSED) == null) {
                var wide = applicationWide();
                if (wide.isPresent()) {
                    record(request, response, Endpoint.unmatched(wide.get()));
                }
            } else {
                recordRefusal(request, response);
            }
        } catch (RuntimeException e) {
            // a recorder problem never changes the application's answer
            FAILURES.warn("recorded-call: could not record a call no resource method served: " + e, e);
        }
    }

    /** A request that passed matching and still reached no recorded method: was it refused on a recorded path? */
    private void recordRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        var routes = beans().routes();
        var application = applicationType();
        // most requests end here: their application records nothing, the answer is no refusal, or a method of the
        // application's was chosen for them (a handler of the runtime's own, Jersey's for OPTIONS, is none)
        if (!routes.any(application)
                || response.getStatus() < 400 && !"OPTIONS".equals(request.getMethod())
                || applicationMethodChosen()
                || routes.servedByARecordedClass(application, request.getUriInfo().getMatchedResources())) {
            return;
        }
        var route = routes.match(application, request.getUriInfo().getPath());
        if (route == null) {
            return;
        }
        var call = record(request, response,
                Endpoint.refused(route.resourceClass(), route.template(), applicationWide().orElse(null)));
        if (call != null) {
            beans().calls().refused(call, response.getStatus());
        }
    }

    private CallDraft record(ContainerRequestContext request, ContainerResponseContext response, Endpoint endpoint) {
        var call = beans().calls().begin(endpoint);
        if (call == null) {
            return null;
        }
        request.setProperty(RecordingFilter.CALL, call);
        HttpCalls.answering(call, request, response);
        var entity = response.getEntity();
        if (entity != null && call.endpoint().records(Endpoint.Part.RESPONSE_BODY)) {
            var text = entity instanceof CharSequence chars ? chars.toString() : beans().json().value(entity);
            var copy = new CappedBuffer(beans().bodyCap());
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            copy.write(bytes, 0, bytes.length);
            call.responseBody(copy, response.getMediaType() == null ? null : response.getMediaType().toString());
        }
        return call;
    }

    private boolean applicationMethodChosen() {
        try {
            var method = resource == null ? null : resource.getResourceMethod();
            return method != null && RestParameters.answersHttp(method);
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    // asked once: whether the application runs with CDI, without which nothing is recorded
    private boolean cdi() {
        var known = cdi;
        if (known == null) {
            known = Cdi.active();
            cdi = known;
        }
        return known;
    }

    private Class<?> applicationType() {
        var known = applicationType;
        if (known == null) {
            known = WholeApplication.type(application);
            applicationType = known == null ? Void.class : known;
        }
        return known == Void.class ? null : known;
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
                    cdi.select(RecordedRoutes.class).get(), cdi.select(Settings.class).get().bodyMaxBytes());
            beans = known;
        }
        return known;
    }
}

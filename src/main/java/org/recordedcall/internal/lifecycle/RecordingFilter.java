package org.recordedcall.internal.lifecycle;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.recordedcall.internal.body.CappedBuffer;
import org.recordedcall.internal.body.TeeInputStream;
import org.recordedcall.internal.json.JsonCapture;
import org.recordedcall.internal.rest.Endpoint;
import org.recordedcall.internal.rest.LocatorRoutes;
import org.recordedcall.internal.rest.RequestArguments;

/**
 * Begins the call of a recorded resource method, tees its request body, and on the way
 * out notes the principal and echoes the correlation id. Registered per resource method by
 * {@link RecordedCallFeature}, never a CDI bean, so it is never itself intercepted and recorded.
 *
 * <p>For a method the CDI interceptor did not see (a sub-resource made with {@code new}, a
 * class CDI cannot intercept), the arguments are taken from the request and the result from
 * the response's entity, here, before the body is written.
 */
final class RecordingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property under which the call travels through the Jakarta REST pipeline. */
    static final String CALL = "org.recordedcall.call";

    private final Endpoint endpoint;
    private final HttpCalls calls;
    private final JsonCapture json;
    private final int bodyCap;
    private final LocatorRoutes routes;

    /** {@code routes} for a sub-resource's method, whose route the locators on the way make; else {@code null}. */
    RecordingFilter(Endpoint endpoint, HttpCalls calls, JsonCapture json, int bodyCap, LocatorRoutes routes) {
        this.endpoint = endpoint;
        this.calls = calls;
        this.json = json;
        this.bodyCap = bodyCap;
        this.routes = routes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var call = calls.begin(endpoint);
        if (call == null) {
            return;
        }
        request.setProperty(CALL, call);
        call.joinSpan();
        if (routes != null) {
            locate(call, request);
        }
        if (endpoint.records(Endpoint.Part.REQUEST_BODY)) {
            // teed whether or not there is a body: an empty copy is no body in the record, and asking
            // the runtime (hasEntity) reads ahead and wraps the stream once more, for every call.
            // Binary, multipart and compressed bodies are counted, not kept: the record shows their type and size
            var copy = new CappedBuffer(call.requestBodyIsOpaque() ? 0 : bodyCap);
            request.setEntityStream(new TeeInputStream(request.getEntityStream(), copy));
            call.requestBody(copy);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CALL) instanceof CallDraft call) {
            HttpCalls.answering(call, request, response);
            if (call.methodRanUnseen()) {
                javaSideFromTheRequest(call, request, response);
            }
            if (endpoint.streamsEvents()) {
                // a stream may end where no servlet response is at hand: its status and headers now
                calls.streamAnswered(call, response.getStatus(), response.getStringHeaders());
            }
        }
    }

    private void locate(CallDraft call, ContainerRequestContext request) {
        try {
            var uri = request.getUriInfo();
            call.locatedTemplate(routes.template(endpoint, uri.getMatchedResources(), uri.getPath()));
        } catch (RuntimeException unknown) {
            // the route stays the method's own: never a reason to fail the call
        }
    }

    private void javaSideFromTheRequest(CallDraft call, ContainerRequestContext request, ContainerResponseContext response) {
        var method = endpoint.method();
        if (endpoint.records(Endpoint.Part.ARGUMENTS)) {
            call.arguments(json.arguments(method, RequestArguments.of(method, request, call.entity())));
        }
        // an error answer's entity may be an exception mapper's, not what the method returned
        if (endpoint.records(Endpoint.Part.RESULT) && method.getReturnType() != void.class && response.getStatus() < 400) {
            call.result(json.result(response.getEntity()));
        }
    }
}

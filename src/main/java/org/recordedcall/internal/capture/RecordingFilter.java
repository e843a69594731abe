package org.recordedcall.internal.capture;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Begins the call of a recorded resource method, tees its request body, and on the way
 * out notes the principal and echoes the correlation id. Registered per resource method by
 * {@link RecordedCallFeature}, never a CDI bean, so it is never itself intercepted and recorded.
 */
final class RecordingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property under which the call travels through the Jakarta REST pipeline. */
    static final String CALL = "org.recordedcall.call";

    private final Endpoint endpoint;
    private final HttpCalls calls;
    private final int bodyCap;

    RecordingFilter(Endpoint endpoint, HttpCalls calls, int bodyCap) {
        this.endpoint = endpoint;
        this.calls = calls;
        this.bodyCap = bodyCap;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var call = calls.begin(endpoint);
        if (call == null) {
            return;
        }
        request.setProperty(CALL, call);
        if (endpoint.records(Endpoint.Part.REQUEST_BODY) && request.hasEntity()) {
            // the raw header: parsing a malformed one is the runtime's to refuse, not ours
            var type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            var encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
            // binary, multipart and compressed bodies are counted, not kept: the record shows their type and size
            var opaque = BodyText.isBinary(type) || BodyText.isEncoded(encoding);
            var copy = new CappedBuffer(opaque ? 0 : bodyCap);
            request.setEntityStream(new TeeInputStream(request.getEntityStream(), copy));
            call.requestBody(copy);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CALL) instanceof CallDraft call) {
            // authentication filters run after ours: the principal is known only now
            var security = request.getSecurityContext();
            if (security != null && security.getUserPrincipal() != null) {
                call.principal(security.getUserPrincipal().getName());
            }
            response.getHeaders().putSingle(HttpCalls.REQUEST_ID, call.correlationId());
        }
    }
}

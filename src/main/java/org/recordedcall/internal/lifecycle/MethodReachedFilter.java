package org.recordedcall.internal.lifecycle;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * The last request filter of a recorded resource method: a call that passes it goes on to
 * its method; one that another filter aborted never gets here, and its record has no
 * arguments. Registered per method by {@link RecordedCallFeature}.
 */
final class MethodReachedFilter implements ContainerRequestFilter {

    static final int PRIORITY = Integer.MAX_VALUE;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(RecordingFilter.CALL) instanceof CallDraft call) {
            call.methodReached();
            call.joinSpan(); // every other request filter ran: a tracing filter's span is current now
        }
    }
}

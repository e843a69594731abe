package org.recordedcall.it.app;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** An application filter that aborts the request after the recorder's filter ran. */
@Blocked
@Provider
@Priority(Priorities.AUTHORIZATION)
public class BlockingFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        request.abortWith(Response.status(Response.Status.FORBIDDEN).entity("blocked by policy").build());
    }
}

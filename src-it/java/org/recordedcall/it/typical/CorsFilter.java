package org.recordedcall.it.typical;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The application's CORS filter, before matching as they usually are: a foreign origin is
 * refused with 403, a preflight answered at once, an allowed origin echoed.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOWED = "https://shop.example";

    @Override
    public void filter(ContainerRequestContext request) {
        var origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        if (!ALLOWED.equals(origin)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).entity("origin not allowed").type("text/plain").build());
        } else if ("OPTIONS".equals(request.getMethod())) {
            request.abortWith(Response.noContent().header("Access-Control-Allow-Methods", "GET, POST, PUT").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (ALLOWED.equals(request.getHeaderString("Origin"))) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", ALLOWED);
        }
    }
}

package org.recordedcall.it.app;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.recordedcall.CurrentCall;

/** Names the tenant of each call, as a multi-tenant application's filter would: a business attribute. */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 10)
public class TenantFilter implements ContainerRequestFilter {

    @Inject
    CurrentCall call;

    @Override
    public void filter(ContainerRequestContext request) {
        var tenant = request.getHeaderString("X-Tenant");
        if (tenant != null) {
            call.attribute("tenant", tenant);
        }
        var key = request.getHeaderString("X-Tenant-Key");
        if (key != null) {
            call.attribute("apiKey", key); // named like a secret: stored masked
        }
    }
}

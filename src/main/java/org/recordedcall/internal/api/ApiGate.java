package org.recordedcall.internal.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.recordedcall.internal.config.ApiSettings;
import org.recordedcall.internal.config.Settings;

/**
 * The door of the query API and the dashboard: 404 while the API is not enabled, 401 for an
 * anonymous caller, 403 for one not in the role. Registered by
 * {@link org.recordedcall.RecordedCallsApplication} only; the resources answer 404 to any
 * request it did not let through (one reaching them through another application).
 */
@Priority(Priorities.AUTHORIZATION)
public final class ApiGate implements ContainerRequestFilter {

    /** The request property (a servlet request attribute) that says the gate let the request through. */
    static final String PASSED = "org.recordedcall.api.passed";

    private volatile ApiSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        var api = settings();
        if (!api.enabled()) {
            request.abortWith(ApiFailures.answer(Response.Status.NOT_FOUND, "not_found",
                    "the recorded-call API is not enabled (recordedcall.api.enabled)"));
            return;
        }
        var security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            request.abortWith(Response.fromResponse(ApiFailures.answer(Response.Status.UNAUTHORIZED, "unauthorized",
                    "sign in as a user in the role " + api.role()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"recorded-calls\"").build());
            return;
        }
        if (!security.isUserInRole(api.role())) {
            request.abortWith(ApiFailures.answer(Response.Status.FORBIDDEN, "forbidden",
                    security.getUserPrincipal().getName() + " is not in the role " + api.role()));
            return;
        }
        request.setProperty(PASSED, Boolean.TRUE);
    }

    private ApiSettings settings() {
        var api = settings;
        if (api == null) {
            api = CDI.current().select(Settings.class).get().api();
            settings = api;
        }
        return api;
    }
}

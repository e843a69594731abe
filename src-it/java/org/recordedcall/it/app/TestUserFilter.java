package org.recordedcall.it.app;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;

/** Authenticates the caller named in {@code X-Test-User}, as a token-checking filter would. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TestUserFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        var user = request.getHeaderString("X-Test-User");
        if (user == null) {
            return;
        }
        Principal principal = () -> user;
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "TEST";
            }
        });
    }
}

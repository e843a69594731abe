package org.recordedcall.it.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The test application's sign-in, at servlet level as a container's would be: the caller
 * named in {@code X-Test-Login: user:role+role} (or the cookie {@code it-login}, for a
 * browser) is the request's user, in those roles, for every servlet of the application.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TestLogin extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String HEADER = "X-Test-Login";
    static final String COOKIE = "it-login";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var login = login(request);
        if (login == null || login.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        var colon = login.indexOf(':');
        var user = colon < 0 ? login : login.substring(0, colon);
        Set<String> roles = colon < 0 ? Set.of()
                : Arrays.stream(login.substring(colon + 1).split("\\+")).collect(Collectors.toUnmodifiableSet());
        Principal principal = () -> user;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public String getRemoteUser() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public String getAuthType() {
                return "TEST";
            }
        }, response);
    }

    private static String login(HttpServletRequest request) {
        var header = request.getHeader(HEADER);
        if (header != null) {
            return header;
        }
        if (request.getCookies() != null) {
            for (var cookie : request.getCookies()) {
                if (cookie.getName().equals(COOKIE)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}

package org.recordedcall.internal.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Headers on every answer of the query API and the dashboard, refusals and errors included:
 * recorded calls are kept out of every cache ({@code Cache-Control: no-store}), and a browser
 * takes each answer as the type it is declared, never sniffing JSON or text into a script
 * ({@code X-Content-Type-Options: nosniff}).
 */
public final class ApiHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}

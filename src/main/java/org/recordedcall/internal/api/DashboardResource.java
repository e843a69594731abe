package org.recordedcall.internal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard: one page from the jar (no build step, no CDN) that uses the query API
 * beside it, behind the same {@link ApiGate}.
 */
@Path("dashboard")
public class DashboardResource {

    private static final String PAGE = load();

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response page() {
        if (request.getAttribute(ApiGate.PASSED) == null) {
            throw new NotFoundException();
        }
        return Response.ok(PAGE)
                .header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static String load() {
        try (var in = DashboardResource.class.getResourceAsStream("dashboard.html")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.html is missing from the recorded-call jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

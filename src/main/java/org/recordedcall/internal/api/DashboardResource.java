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
 * The dashboard: a page, its script and its style sheet from the jar (no build step, no CDN),
 * that use the query API beside them, behind the same {@link ApiGate}. The page's policy lets
 * nothing run or style it but those files: no inline script, no inline style, nothing from
 * elsewhere; recorded data is shown as text ({@code textContent}), never as markup.
 */
@Path("")
public class DashboardResource {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String PAGE = load("dashboard.html");
    private static final String SCRIPT = load("dashboard.js");
    private static final String STYLE = load("dashboard.css");

    @Context
    HttpServletRequest request;

    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response page() {
        return serve(PAGE);
    }

    @GET
    @Path("dashboard.js")
    @Produces("text/javascript;charset=UTF-8")
    public Response script() {
        return serve(SCRIPT);
    }

    @GET
    @Path("dashboard.css")
    @Produces("text/css;charset=UTF-8")
    public Response style() {
        return serve(STYLE);
    }

    private Response serve(String file) {
        if (request.getAttribute(ApiGate.PASSED) == null) {
            throw new NotFoundException();
        }
        return Response.ok(file).header("Content-Security-Policy", POLICY).build();
    }

    private static String load(String name) {
        try (var in = DashboardResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the recorded-call jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

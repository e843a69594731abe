package org.recordedcall.it.wide;

import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A resource CDI could not intercept (a final method, which a dependent bean may have): it
 * must not fail the deployment, and its calls are still recorded, with the arguments taken from
 * the request and the result from the response.
 */
@Dependent
@Path("final")
public class SealedOffResource {

    @GET
    @Path("{id}")
    public final String get(@PathParam("id") String id) {
        return "final " + id;
    }
}

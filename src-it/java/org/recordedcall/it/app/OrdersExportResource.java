package org.recordedcall.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Not recorded, on a path that the recorded {@code orders/{id}} template matches as well: its
 * answers, refusals included, are its own and make no row.
 */
@Path("orders/export")
public class OrdersExportResource {

    @GET
    public Response export(@QueryParam("format") String format) {
        return format == null ? Response.status(400).entity("format?").build() : Response.ok("exported").build();
    }
}

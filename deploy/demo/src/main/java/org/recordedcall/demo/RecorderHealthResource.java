package org.recordedcall.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.recordedcall.RecorderStatus;
import org.recordedcall.WriterStatus;

/**
 * The recorder's counters as a health check: 200 while nothing was lost, 503 once calls were
 * dropped or could not be stored. Application code, as a user would write it.
 */
@RequestScoped
@Path("health/recorder")
@Produces(MediaType.APPLICATION_JSON)
public class RecorderHealthResource {

    @Inject
    RecorderStatus status;

    @GET
    public Response health() {
        WriterStatus writer = status.writer();
        var healthy = writer.dropped() == 0 && writer.failed() == 0;
        return Response.status(healthy ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(writer).build();
    }
}

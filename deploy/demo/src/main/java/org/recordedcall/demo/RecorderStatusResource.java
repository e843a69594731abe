package org.recordedcall.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.recordedcall.RecorderStatus;
import org.recordedcall.WriterStatus;

/**
 * The writer's counters as JSON, for a look and for the benchmark, which reads them. Whether the
 * recorder is healthy is the server's readiness check {@code recorded-call} (MicroProfile
 * Health), which the library adds itself.
 */
@RequestScoped
@Path("recorder")
@Produces(MediaType.APPLICATION_JSON)
public class RecorderStatusResource {

    @Inject
    RecorderStatus status;

    @GET
    public WriterStatus writer() {
        return status.writer();
    }
}

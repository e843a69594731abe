package org.recordedcall.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.recordedcall.RecorderStatus;
import org.recordedcall.SinkStatus;

import java.util.List;
import java.util.Map;

/** What the application's call sinks got, for the tests. */
@RequestScoped
@Path("_it/sinks")
@Produces(MediaType.APPLICATION_JSON)
public class SinksResource {

    @Inject
    CollectingSink collecting;

    @Inject
    RecorderStatus status;

    @GET
    public Map<String, Object> sinks(@QueryParam("correlationId") String correlationId) {
        return Map.of("collected", correlationId != null && collecting.got(correlationId), "status", status(status.sinks()));
    }

    private static List<Map<String, Object>> status(List<SinkStatus> sinks) {
        return sinks.stream().map(sink -> Map.<String, Object>of("name", sink.name(), "delivered", sink.delivered(),
                "failed", sink.failed())).toList();
    }
}

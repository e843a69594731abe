package org.recordedcall.it.typical;

import jakarta.ejb.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A singleton EJB as root resource, answering in each way an entity can be sent. */
@Singleton
@Path("board")
public class BoardResource {

    private final AtomicLong views = new AtomicLong();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> summary(@QueryParam("team") String team) {
        views.incrementAndGet();
        return Map.of("team", team == null ? "all" : team, "open", 3);
    }

    @GET
    @Path("response")
    @Produces(MediaType.APPLICATION_JSON)
    public Response response() {
        return Response.ok(Map.of("kind", "response")).header("Cache-Control", "max-age=60").build();
    }

    @GET
    @Path("bytes")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] bytes() {
        return "0123456789".getBytes(StandardCharsets.US_ASCII);
    }

    @GET
    @Path("text")
    @Produces(MediaType.TEXT_PLAIN)
    public String text() {
        return "board text";
    }

    @GET
    @Path("stream")
    @Produces(MediaType.TEXT_PLAIN)
    public StreamingOutput stream() {
        return out -> {
            for (int i = 0; i < 3; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }
}

package org.recordedcall.demo.bench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.recordedcall.RecordedCall;

import java.io.IOException;
import java.io.InputStream;

/**
 * Benchmark only (built into the demo by {@code -Pbench}): an upload the application reads as
 * a stream, recorded and not, so that the benchmark can compare the server's live heap while
 * a large body streams through each.
 */
@RequestScoped
@Path("_bench/upload")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.TEXT_PLAIN)
public class UploadBenchmarkResource {

    @POST
    @Path("recorded")
    @RecordedCall
    public String recorded(InputStream body) throws IOException {
        return count(body);
    }

    @POST
    @Path("unrecorded")
    public String unrecorded(InputStream body) throws IOException {
        return count(body);
    }

    private static String count(InputStream body) throws IOException {
        var buffer = new byte[65_536];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
            total += n;
        }
        return total + " bytes";
    }
}

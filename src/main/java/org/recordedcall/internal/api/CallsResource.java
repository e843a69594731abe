package org.recordedcall.internal.api;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.recordedcall.CallPage;
import org.recordedcall.CallQuery;
import org.recordedcall.CallRecord;
import org.recordedcall.CallStats;
import org.recordedcall.internal.persistence.CallSeries;
import org.recordedcall.internal.persistence.JpaRecordedCalls;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The query API: {@code GET api/calls} (filters, order, keyset paging), {@code api/calls/{id}},
 * {@code api/calls/{id}/curl}, {@code api/calls/export} (JSON lines), {@code api/stats} and
 * {@code api/series}. Behind {@link ApiGate}; read-only.
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    /** The most calls one export streams. */
    static final int MAX_EXPORT = 100_000;
    private static final int EXPORT_PAGE = 500;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Path("calls")
    public CallPage list() {
        passed();
        var filters = Filters.of(uri.getQueryParameters(), Filters.QUERY);
        return calls().find(filters.query(filters.integer("limit", 50, 1, CallQuery.MAX_LIMIT)));
    }

    @GET
    @Path("calls/{id}")
    public CallRecord one(@PathParam("id") String id) {
        passed();
        return calls().find(id).orElseThrow(() -> new NotFoundException("no recorded call " + id));
    }

    /** The call as a {@code curl} command against this application. */
    @GET
    @Path("calls/{id}/curl")
    @Produces(MediaType.TEXT_PLAIN)
    public String curl(@PathParam("id") String id) {
        var call = one(id);
        var context = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        return CurlCommand.of(call, context);
    }

    /** The calls of the filters as JSON lines, one record a line, up to {@code limit} (at most 100 000). */
    @GET
    @Path("calls/export")
    @Produces("application/x-ndjson")
    public Response export() {
        passed();
        var filters = Filters.of(uri.getQueryParameters(), Filters.QUERY);
        int total = filters.integer("limit", MAX_EXPORT, 1, MAX_EXPORT);
        var query = filters.query(Math.min(EXPORT_PAGE, total));
        var calls = calls();
        StreamingOutput lines = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            var left = total;
            var after = query.after();
            do {
                var page = calls.find(query.page(Math.min(EXPORT_PAGE, left), after));
                for (var call : page.calls()) {
                    writer.write(JSON.toJson(call));
                    writer.write('\n');
                }
                left -= page.calls().size();
                after = page.next();
            } while (after != null && left > 0);
            writer.flush();
        };
        return Response.ok(lines).header("Content-Disposition", "attachment; filename=\"recorded-calls.jsonl\"").build();
    }

    /** Count, error rate and percentiles over a window (default: the last hour), overall and per route. */
    @GET
    @Path("stats")
    public CallStats stats() {
        passed();
        var filters = Filters.of(uri.getQueryParameters(), Set.of("from", "to", "slowest"));
        var window = filters.window();
        return calls().stats(window[0], window[1], filters.integer("slowest", 10, 0, 100));
    }

    /** Calls and percentiles over time for the chart: {@code buckets} parts of the window, one route or all. */
    @GET
    @Path("series")
    public List<CallSeries.Bucket> series() {
        passed();
        var filters = Filters.of(uri.getQueryParameters(), Set.of("from", "to", "route", "buckets"));
        var window = filters.window();
        return calls().series(window[0], window[1], filters.text("route"), filters.integer("buckets", 60, 1, 500));
    }

    /** Reached through another application (one that scans for resources), the API is not there. */
    private void passed() {
        if (request.getAttribute(ApiGate.PASSED) == null) {
            throw new NotFoundException();
        }
    }

    private static JpaRecordedCalls calls() {
        return CDI.current().select(JpaRecordedCalls.class).get();
    }
}

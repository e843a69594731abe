package org.recordedcall.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The same orders endpoints as {@link OrdersResource}, without {@code @RecordedCall}: calls to
 * them are not recorded. The benchmark (deploy/benchmark.sh) compares the two.
 *
 * <p>Its path is as long as {@code orders} and sorts just before it: Jersey tries the root paths
 * longest first (equal lengths in reverse order of their regular expressions' text), one
 * regular expression each, so the two endpoints' routing differs by one failed match, the
 * recorded one's. At {@code unrecorded/orders} the twin was tried first of all, and in the
 * benchmark's build the recorded endpoint paid five failed matches more than its twin
 * (Flight Recorder, session 14 in BENCHMARKS.md).
 */
@ApplicationScoped
@Path("unseen")
@Produces(MediaType.APPLICATION_JSON)
public class UnrecordedOrdersResource {

    @Inject
    OrderBook book;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Order order) {
        var stored = book.add(order);
        return Response.created(URI.create("orders/" + stored.id)).entity(stored).build();
    }

    @GET
    @Path("{id}")
    public Order find(@PathParam("id") String id) {
        return book.find(id);
    }
}

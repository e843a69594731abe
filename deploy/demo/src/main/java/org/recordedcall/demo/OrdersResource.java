package org.recordedcall.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.recordedcall.RecordedCall;

import java.net.URI;

/** A small orders API; every call to it is recorded. */
@ApplicationScoped
@RecordedCall
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

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
    @RecordedCall("find-order")
    public Order find(@PathParam("id") String id) {
        return book.find(id);
    }

    @DELETE
    @Path("{id}")
    public void cancel(@PathParam("id") String id) {
        book.remove(id);
    }

    @GET
    @Path("{id}/invoice")
    public String invoice(@PathParam("id") String id) {
        throw new IllegalStateException("the invoice service is down");
    }
}

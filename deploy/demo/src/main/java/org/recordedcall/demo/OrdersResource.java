package org.recordedcall.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.recordedcall.RecordedCall;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A small orders API; every call to it is recorded. */
@ApplicationScoped
@RecordedCall
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Order order) {
        var stored = new Order(UUID.randomUUID().toString().substring(0, 8), order.item, order.quantity);
        orders.put(stored.id, stored);
        return Response.created(URI.create("orders/" + stored.id)).entity(stored).build();
    }

    @GET
    @Path("{id}")
    @RecordedCall("find-order")
    public Order find(@PathParam("id") String id) {
        var order = orders.get(id);
        if (order == null) {
            throw new NotFoundException("no order " + id);
        }
        return order;
    }

    @DELETE
    @Path("{id}")
    public void cancel(@PathParam("id") String id) {
        orders.remove(id);
    }

    @GET
    @Path("{id}/invoice")
    public String invoice(@PathParam("id") String id) {
        throw new IllegalStateException("the invoice service is down");
    }
}

package org.recordedcall.it.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.recordedcall.CurrentCall;
import org.recordedcall.RecordedCall;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A recorded resource with one method per exit path a call can take. */
@RequestScoped
@RecordedCall
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    AuditService audit;

    @Inject
    CurrentCall current;

    @Resource
    ManagedExecutorService executor;

    @GET
    @Path("{id}")
    public Order find(@PathParam("id") String id, @QueryParam("mark") String mark) {
        return new Order(id + ":" + mark, 1);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Order order) {
        return Response.created(URI.create("orders/" + order.item)).entity(order).build();
    }

    /** A note in plain text, answered as it came. */
    @POST
    @Path("notes")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String note(String note) {
        return note;
    }

    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Order createFromForm(@FormParam("item") String item, @FormParam("quantity") int quantity) {
        return new Order(item, quantity);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) {
        // nothing to return: 204
    }

    @GET
    @Path("{id}/invalid")
    public Response invalid(@PathParam("id") String id) {
        return Response.status(Response.Status.BAD_REQUEST).entity("{\"error\":\"invalid " + id + "\"}").build();
    }

    @GET
    @Path("{id}/missing")
    public Order missing(@PathParam("id") String id) {
        throw new NotFoundException("no order " + id);
    }

    @POST
    @Path("{id}/reject")
    public Order reject(@PathParam("id") String id) {
        throw new OrderRejected("order " + id + " is closed");
    }

    @GET
    @Path("{id}/crash")
    public Order crash(@PathParam("id") String id) {
        throw new IllegalStateException("nobody maps this " + id);
    }

    @GET
    @Blocked
    @Path("{id}/blocked")
    public Order blocked(@PathParam("id") String id) {
        return new Order(id, 0);
    }

    @GET
    @Path("{id}/audited")
    public String audited(@PathParam("id") String id) {
        current.attribute("order", id);
        return audit.audit(id) + " in call " + current.id().orElse("none");
    }

    @GET
    @Path("{id}/named")
    @RecordedCall("lookup-order")
    public Order named(@PathParam("id") String id) {
        return new Order(id, 2);
    }

    @GET
    @Path("{id}/async")
    public void async(@PathParam("id") String id, @Suspended AsyncResponse response) {
        executor.execute(() -> {
            sleep(20);
            response.resume(new Order("async " + id, 3));
        });
    }

    @GET
    @Path("{id}/stage")
    public CompletionStage<Order> stage(@PathParam("id") String id) {
        return CompletableFuture.supplyAsync(() -> {
            sleep(20);
            return new Order("stage " + id, 4);
        }, executor);
    }

    @GET
    @Path("{id}/stage-rejected")
    public CompletionStage<Order> stageRejected(@PathParam("id") String id) {
        return CompletableFuture.supplyAsync(() -> {
            sleep(20);
            throw new OrderRejected("stage " + id + " rejected");
        }, executor);
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.recordedcall.it.typical;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Server-sent events as applications broadcast them: each subscriber's sink is registered
 * with one broadcaster, which keeps it until a send to it fails.
 */
@ApplicationScoped
@Path("feed")
public class TaskFeed {

    private Sse sse;
    private SseBroadcaster broadcaster;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@Context SseEventSink sink, @Context Sse events) {
        synchronized (this) {
            if (broadcaster == null) {
                sse = events;
                broadcaster = events.newBroadcaster();
            }
        }
        sink.send(events.newEvent("welcome"));
        broadcaster.register(sink);
    }

    /** Sends an event to every subscriber; a subscriber that has left is found out here. */
    @POST
    @Path("announce")
    public void announce(String message) {
        SseBroadcaster current;
        Sse events;
        synchronized (this) {
            current = broadcaster;
            events = sse;
        }
        if (current != null) {
            current.broadcast(events.newEvent(message));
        }
    }
}

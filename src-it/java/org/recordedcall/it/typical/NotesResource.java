package org.recordedcall.it.typical;

import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sub-resource that is a CDI bean, reached through two locators. */
@Dependent
public class NotesResource {

    private static final Map<Long, List<String>> NOTES = new ConcurrentHashMap<>();

    private long task;

    NotesResource of(long id) {
        task = id;
        return this;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> list() {
        return NOTES.getOrDefault(task, List.of());
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String add(@QueryParam("by") String by, String note) {
        if (note.isBlank()) {
            throw new BadRequestException("a note needs text");
        }
        NOTES.computeIfAbsent(task, any -> new CopyOnWriteArrayList<>()).add(by + ": " + note);
        return "noted for " + by;
    }
}

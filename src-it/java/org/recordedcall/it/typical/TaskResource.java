package org.recordedcall.it.typical;

import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A sub-resource without {@code @Path}, made with {@code new} by its locator; it locates the notes in turn. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskRepository repository;
    private final Instance<NotesResource> notes;
    private final long id;

    TaskResource(TaskRepository repository, Instance<NotesResource> notes, long id) {
        this.repository = repository;
        this.notes = notes;
        this.id = id;
    }

    @GET
    public Task get() {
        return found(repository.find(id));
    }

    @PUT
    @Path("status")
    public Task status(@Valid StatusChange change) {
        return found(repository.changeStatus(id, change.status));
    }

    private Task found(Task task) {
        if (task == null) {
            throw new NotFoundException("no task " + id);
        }
        return task;
    }

    /** What happened to the task, newest first: typed query parameters on a sub-resource. */
    @GET
    @Path("history")
    public List<String> history(@QueryParam("limit") @DefaultValue("10") int limit, @QueryParam("kind") List<String> kinds) {
        return List.of("task " + id + ": " + limit + " of " + kinds);
    }

    /** The second locator on the way: the notes are a CDI bean. */
    @Path("notes")
    public NotesResource notes() {
        return notes.get().of(id);
    }
}

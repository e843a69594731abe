package org.recordedcall.it.typical;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.recordedcall.CurrentCall;

import java.util.List;

/**
 * A stateless EJB as root resource: its own unqualified persistence context for reads, a
 * JPA write inside the call, a validated body, and a sub-resource locator.
 */
@Stateless
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TasksResource {

    @PersistenceContext
    EntityManager entities;

    @EJB
    TaskRepository repository;

    @Inject
    TaskFeed feed;

    @Inject
    CurrentCall call;

    @Inject
    Instance<NotesResource> notes;

    @GET
    public List<Task> list() {
        return entities.createQuery("select t from Task t order by t.id", Task.class).getResultList();
    }

    @POST
    public Response create(@Valid Task task, @Context UriInfo uri) {
        entities.persist(task);
        entities.flush();
        call.attribute("task", task.getId()); // the key support looks the call up by
        feed.announce("created " + task.getId());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(task.getId())).build()).entity(task).build();
    }

    /** One task, served by a plain object the locator makes, as most applications write it. */
    @Path("{id}")
    public TaskResource task(@PathParam("id") long id) {
        return new TaskResource(repository, notes, id);
    }
}

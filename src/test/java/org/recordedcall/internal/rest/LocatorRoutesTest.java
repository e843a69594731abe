package org.recordedcall.internal.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocatorRoutesTest {

    private final LocatorRoutes routes = new LocatorRoutes();

    @Path("tasks")
    public static class Tasks {
        @Path("{id: [0-9]+}")
        public Task byId(@PathParam("id") long id) {
            return new Task();
        }

        @Path("named/{name}")
        public Task byName(@PathParam("name") String name) {
            return new Task();
        }

        @GET
        public String list() {
            return "";
        }
    }

    public static class Task {
        @PUT
        @Path("status")
        public String status(String change) {
            return change;
        }

        @Path("notes")
        public Notes notes() {
            return new Notes();
        }
    }

    public static class Notes {
        @GET
        public String list() {
            return "";
        }
    }

    /** As a container's proxy or view of a resource is: a subclass that declares nothing of Jakarta REST. */
    public static class Tasks$$Proxy extends Tasks {
    }

    /** As Payara's view of an EJB is: a subclass that repeats the methods with their annotations, not the class's. */
    public static class GeneratedTasksView extends Tasks {
        @Override
        @Path("{id: [0-9]+}")
        public Task byId(@PathParam("id") long id) {
            return super.byId(id);
        }
    }

    @Test
    void theRouteHasTheRootTheLocatorAndTheMethodPaths() throws Exception {
        var endpoint = Endpoint.of(Task.class, Task.class.getMethod("status", String.class));

        assertEquals("/tasks/{id}/status", routes.template(endpoint, List.of(new Task(), new Tasks$$Proxy()), "/tasks/7/status"));
        assertEquals("/tasks/{id}/status", routes.template(endpoint, List.of(new Task(), new GeneratedTasksView()), "/tasks/7/status"));
        assertEquals("/tasks/named/{name}/status", routes.template(endpoint, List.of(new Task(), new Tasks()), "tasks/named/x/status"),
                "of two locators to the same class, the one whose template matches the path");
    }

    @Test
    void locatorsNestedTwiceAreAllOnTheRoute() throws Exception {
        var endpoint = Endpoint.of(Notes.class, Notes.class.getMethod("list"));

        assertEquals("/tasks/{id}/notes", routes.template(endpoint, List.of(new Notes(), new Task(), new Tasks()), "/tasks/7/notes"));
        assertEquals("/tasks/{id}/notes", routes.template(endpoint, List.of(new Task(), new Tasks()), "/tasks/7/notes"),
                "a runtime that lists the sub-resource only once its method runs");
    }

    @Test
    void withoutMatchedResourcesThereIsNoRoute() throws Exception {
        var endpoint = Endpoint.of(Notes.class, Notes.class.getMethod("list"));

        assertNull(routes.template(endpoint, List.of(), "/x"));
    }

    @Test
    void aTemplateMatchesAsTheRuntimeMatched() {
        assertTrue(RouteTemplate.matches("/tasks/{id: [0-9]+}/status", "/tasks/12/status"));
        assertTrue(!RouteTemplate.matches("/tasks/{id: [0-9]+}/status", "/tasks/ab/status"));
        assertTrue(RouteTemplate.matches("/a/{x}/b", "/a/1/b/"));
    }
}

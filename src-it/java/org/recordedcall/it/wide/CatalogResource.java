package org.recordedcall.it.wide;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** A resource with no annotation of the recorder's: recorded only where its application is. */
@RequestScoped
@Path("catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @GET
    @Path("{id}")
    public Map<String, String> item(@PathParam("id") String id) {
        return Map.of("id", id, "name", "item " + id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> add(Map<String, Object> item) {
        return item;
    }
}

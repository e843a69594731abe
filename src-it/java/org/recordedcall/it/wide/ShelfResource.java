package org.recordedcall.it.wide;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * A resource with no scope and no annotation of the library's, in an archive without beans.xml
 * (ApplicationWideIT), and alone in one where nothing is a CDI bean at all (BareWarIT).
 */
@Path("shelf")
@Produces(MediaType.APPLICATION_JSON)
public class ShelfResource {

    @GET
    @Path("{id}")
    public Map<String, String> shelf(@PathParam("id") String id) {
        return Map.of("shelf", "shelf " + id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> add(Map<String, Object> shelf) {
        return Map.of("added", shelf);
    }
}

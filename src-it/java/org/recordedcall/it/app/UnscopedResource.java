package org.recordedcall.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.recordedcall.RecordedCall;

/** A recorded resource with no CDI scope, in an archive without beans.xml. */
@RecordedCall
@Path("unscoped")
public class UnscopedResource {

    @GET
    @Path("{id}")
    public String find(@PathParam("id") String id) {
        return "unscoped " + id;
    }
}

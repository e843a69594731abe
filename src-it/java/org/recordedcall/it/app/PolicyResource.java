package org.recordedcall.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.recordedcall.RecordedCall;

/** Endpoints whose annotation narrows what is stored. */
@RequestScoped
@RecordedCall
@Path("policy")
public class PolicyResource {

    @GET
    @Path("failures/{status}")
    @RecordedCall(onlyFailures = true)
    public Response failuresOnly(@PathParam("status") int status) {
        return Response.status(status).entity("status " + status).build();
    }

    @GET
    @Path("never")
    @RecordedCall(sampleRate = 0)
    public String never() {
        return "not stored";
    }

    @GET
    @Path("quiet")
    @RecordedCall(headers = false)
    public String quiet() {
        return "no headers";
    }
}

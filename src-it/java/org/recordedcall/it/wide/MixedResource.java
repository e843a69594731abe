package org.recordedcall.it.wide;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.recordedcall.NotRecorded;
import org.recordedcall.RecordedCall;

/** Per-method choices inside an application recorded whole. */
@RequestScoped
@Path("mixed")
public class MixedResource {

    @GET
    @Path("hidden")
    @NotRecorded
    public String hidden() {
        return "not recorded";
    }

    @GET
    @Path("lean")
    @RecordedCall(arguments = false)
    public String lean(@QueryParam("q") String q) {
        return "lean " + q;
    }
}

package org.recordedcall.it.wide;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.recordedcall.NotRecorded;
import org.recordedcall.RecordedCall;

/** Kept out of application-wide recording, but for one method that asks for it. */
@RequestScoped
@NotRecorded
@Path("opted-out")
public class OptedOutResource {

    @GET
    public String quiet() {
        return "not recorded";
    }

    @GET
    @Path("special")
    @RecordedCall("special")
    public String special() {
        return "recorded";
    }
}

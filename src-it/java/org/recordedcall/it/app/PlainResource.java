package org.recordedcall.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** An unrecorded resource that calls recorded bean methods: each becomes a call of kind METHOD. */
@RequestScoped
@Path("plain")
public class PlainResource {

    @Inject
    AuditService audit;

    @GET
    @Path("audit")
    public String audit(@QueryParam("mark") String mark) {
        return audit.audit(mark);
    }

    @GET
    @Path("refuse")
    public String refuse(@QueryParam("mark") String mark) {
        try {
            audit.refuse(mark);
            return "accepted";
        } catch (IllegalArgumentException e) {
            return "refused";
        }
    }
}

package org.recordedcall.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.recordedcall.CallRecord;
import org.recordedcall.RecordedCalls;

import java.util.List;

/** Lists the latest recorded calls, newest first, so the demo's user sees what was recorded. */
@RequestScoped
@Path("recorded-calls")
@Produces(MediaType.APPLICATION_JSON)
public class RecordedCallsResource {

    @Inject
    RecordedCalls calls;

    @GET
    public List<CallRecord> latest(@QueryParam("limit") @DefaultValue("20") int limit) {
        try {
            return calls.latest(limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}

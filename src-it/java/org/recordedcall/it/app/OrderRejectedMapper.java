package org.recordedcall.it.app;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The application's own mapper: a rejected order is a 409 with a JSON reason. */
@Provider
public class OrderRejectedMapper implements ExceptionMapper<OrderRejected> {
    @Override
    public Response toResponse(OrderRejected exception) {
        return Response.status(Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON)
                .entity("{\"reason\":\"" + exception.getMessage() + "\"}")
                .build();
    }
}

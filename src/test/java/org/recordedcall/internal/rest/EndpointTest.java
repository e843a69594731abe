package org.recordedcall.internal.rest;

import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.recordedcall.RecordedCall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointTest {

    @RecordedCall(responseBody = false)
    @Path("/orders/")
    static class Orders {
        @Path("{id}")
        public void find() {
        }

        @RecordedCall(value = "cancel-order", arguments = false)
        @Path("/{id}/cancel")
        public void cancel() {
        }

        public void list() {
        }
    }

    static class Plain {
        @RecordedCall
        public void work() {
        }
    }

    @Test
    void routeJoinsClassAndMethodTemplates() throws Exception {
        assertEquals("/orders/{id}", endpoint(Orders.class, "find").template());
        assertEquals("/orders/{id}/cancel", endpoint(Orders.class, "cancel").template());
        assertEquals("/orders", endpoint(Orders.class, "list").template());
        assertEquals("/api/orders/{id}", Endpoint.join("/api", "/orders/{id}"));
        assertEquals("/", Endpoint.join("", "/"));
    }

    @Test
    void operationIsTheAnnotationNameElseClassAndMethod() throws Exception {
        assertEquals("Orders#find", endpoint(Orders.class, "find").operation());
        assertEquals("cancel-order", endpoint(Orders.class, "cancel").operation());
    }

    @Test
    void theMethodAnnotationWinsOverTheClassAnnotation() throws Exception {
        var find = endpoint(Orders.class, "find");
        var cancel = endpoint(Orders.class, "cancel");

        assertFalse(find.records(Endpoint.Part.RESPONSE_BODY));
        assertTrue(find.records(Endpoint.Part.ARGUMENTS));
        assertTrue(cancel.records(Endpoint.Part.RESPONSE_BODY));
        assertFalse(cancel.records(Endpoint.Part.ARGUMENTS));
    }

    @Test
    void aBeanMethodHasNoRoute() throws Exception {
        var work = endpoint(Plain.class, "work");

        assertEquals("", work.template());
        assertEquals("Plain#work", work.operation());
    }

    private static Endpoint endpoint(Class<?> type, String method) throws NoSuchMethodException {
        return Endpoint.of(type, type.getMethod(method));
    }

    @Test
    void aRouteNamesItsParametersWithoutTheirPatterns() {
        assertEquals("/orders/{id}/items/{rest}", RouteTemplate.withoutPatterns("/orders/{ id : [0-9]{2,3} }/items/{rest: .+}"));
        assertEquals("/orders/{id}", RouteTemplate.withoutPatterns("/orders/{id}"));
        assertEquals("/cut/{open}", RouteTemplate.withoutPatterns("/cut/{open"));
    }
}

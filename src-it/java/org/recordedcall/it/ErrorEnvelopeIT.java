package org.recordedcall.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordedcall.RecordedCallSettings;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordedcall.it.RecordingIT.text;

/**
 * The opt-in error shape on a real server: each kind of failure answered as
 * {@code {"code", "message", "callId"}}, the callId the recorded call's id, the record still
 * holding the real exception, and the application's own mapper still winning.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ErrorEnvelopeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("errors", Map.of(RecordedCallSettings.ERRORS_ENABLED, "true"));
    }

    @ArquillianResource
    URL base;

    Api api;
    String id;

    @BeforeEach
    void connect() {
        api = new Api(base);
        id = "err-" + UUID.randomUUID();
    }

    @Test
    void anUnmappedExceptionIsA500WithAGenericMessageAndTheCallId() {
        var response = api.get("api/errors/crash/7", id);

        var body = envelope(response, 500, "internal_error");
        assertFalse(response.body().contains("ledger") || response.body().contains("IllegalState")
                || response.body().contains("at org."), "no internal detail: " + response.body());
        var row = api.awaitRow(id);
        assertEquals(text(row, "id"), body.getString("callId"), "the client can quote the record's id");
        assertEquals("java.lang.IllegalStateException", text(row, "exception_type"));
        assertEquals("internal detail: ledger 7 is inconsistent", text(row, "exception_message"));
        assertTrue(text(row, "stack_trace").contains("ErrorsResource.crash"));
        assertEquals(500, Integer.parseInt(text(row, "status")));
    }

    @Test
    void aBeanValidationFailureListsTheInvalidFields() {
        var response = post("api/errors/items", "{\"name\":\" \",\"count\":0}");

        var body = envelope(response, 400, "validation_failed");
        var fields = body.getJsonArray("fields");
        assertEquals(2, fields.size(), body.toString());
        assertEquals("count", fields.getJsonObject(0).getString("field"));
        assertEquals("name", fields.getJsonObject(1).getString("field"));
        assertFalse(fields.getJsonObject(0).getString("message").isBlank());
        var row = api.awaitRow(id);
        assertEquals("CLIENT_ERROR", text(row, "outcome"));
        assertTheRecordHoldsTheRealException(row, "ViolationException");
    }

    @Test
    void aViolatedQueryParameterIsNamedAsTheClientKnowsIt() {
        var response = api.get("api/errors/items?qty=0&tag=x", id);

        var body = envelope(response, 400, "validation_failed");
        var fields = body.getJsonArray("fields");
        assertEquals(1, fields.size(), body.toString());
        assertEquals("qty", fields.getJsonObject(0).getString("field"), "not arg0 nor the Java name: " + body);
        var row = api.awaitRow(id);
        assertTrue(text(row, "arguments").contains("\"qty\""), "the arguments column names it so too: " + row);
        assertTheRecordHoldsTheRealException(row, "ViolationException");
    }

    @Test
    void aBodyThatCannotBeReadLeavesItsExceptionInTheRecord() {
        var bodies = List.of("{\"label\": ", "{\"label\":\"a\",\"weight\":\"heavy\"}", "\"a string for an object\"");
        for (int i = 0; i < bodies.size(); i++) {
            var call = id + "-" + i;
            var response = api.send(api.request("api/errors/parcels").header("X-Request-Id", call)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))));
            assertEquals(400, response.statusCode(), bodies.get(i) + " -> " + response.body());
            assertEquals("invalid_body", Api.object(response.body()).getString("code"), response.body());
            assertTheRecordHoldsTheRealException(api.awaitRow(call), "");
        }
    }

    private static void assertTheRecordHoldsTheRealException(JsonObject row, String typeNamePart) {
        var type = text(row, "exception_type");
        assertTrue(type != null && type.contains(typeNamePart), "exception_type: " + row);
        assertFalse(text(row, "stack_trace") == null || text(row, "stack_trace").isBlank(), "stack_trace: " + row);
        assertEquals("400", text(row, "status"));
    }

    @Test
    void aMissingRequiredJsonFieldIsA400NamingIt() {
        var response = post("api/errors/parcels", "{\"weight\":3}");

        var body = envelope(response, 400, "invalid_body");
        assertTrue(body.getString("message").contains("label"), body.toString());
        api.awaitRow(id);
    }

    @Test
    void malformedJsonIsA400() {
        var response = post("api/errors/parcels", "{\"label\": ");

        envelope(response, 400, "invalid_body");
    }

    @Test
    void aDatabaseErrorIsA503WithARetryHint() {
        var response = api.get("api/errors/database", id);

        envelope(response, 503, "storage_unavailable");
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
        assertFalse(response.body().contains("no_such_table"), "no SQL detail: " + response.body());
        assertTrue(text(api.awaitRow(id), "exception_message").toLowerCase().contains("no_such_table"),
                "the record holds the real error");
    }

    @Test
    void aWebApplicationExceptionKeepsItsStatus() {
        var response = api.get("api/errors/missing/9", id);

        envelope(response, 404, "not_found");
    }

    @Test
    void aMethodNotAllowedKeepsItsAllowHeader() {
        var response = api.send(api.request("api/errors/items").header("X-Request-Id", id).DELETE());

        envelope(response, 405, "method_not_allowed");
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"), response.headers().map().toString());
        var row = api.awaitRow(id);
        assertEquals("/api/errors/items", text(row, "route"), "refused before a method was chosen, still recorded");
        assertTrue(text(row, "exception_type").endsWith("NotAllowedException"), row::toString);
        assertFalse(text(row, "stack_trace") == null || text(row, "stack_trace").isBlank(),
                "the runtime's own exception, seen by the error shape's mapper: " + row);
    }

    @Test
    void theApplicationsOwnMapperStillWins() {
        var response = api.send(api.request("api/orders/5/reject").header("X-Request-Id", id)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(409, response.statusCode());
        assertFalse(response.body().contains("\"code\""), "the application's own body: " + response.body());
        assertEquals("org.recordedcall.it.app.OrderRejected", text(api.awaitRow(id), "exception_type"));
    }

    private HttpResponse<String> post(String path, String json) {
        return api.send(api.request(path).header("X-Request-Id", id).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonObject envelope(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        var body = Api.object(response.body());
        assertEquals(code, body.getString("code"), body.toString());
        assertFalse(body.getString("message").isBlank());
        assertTrue(body.containsKey("callId"));
        return body;
    }
}

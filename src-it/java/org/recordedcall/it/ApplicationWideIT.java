package org.recordedcall.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.it.wide.ListedApplication;
import org.recordedcall.it.wide.WideApplication;

import java.net.URL;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordedcall.it.RecordingIT.text;

/**
 * Recording a whole application: by {@code @RecordedCall} on its {@code Application}
 * ({@link WideApplication}) or by the setting ({@link ListedApplication}); resource classes
 * carry no annotation, {@code @NotRecorded} opts out, per-method members still apply. The
 * same resources served by the unannotated test application are not recorded.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ApplicationWideIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("wide", Map.of(RecordedCallSettings.APPLICATIONS, ListedApplication.class.getName()))
                .addPackage(WideApplication.class.getPackage());
    }

    @ArquillianResource
    URL base;

    Api api;
    String id;

    @BeforeEach
    void connect() {
        api = new Api(base);
        id = "wide-" + UUID.randomUUID();
    }

    @Test
    void everyResourceOfTheAnnotatedApplicationIsRecordedWithArgumentsAndResult() {
        var response = api.get("wide/catalog/7", id);

        assertEquals(200, response.statusCode());
        assertEquals(id, response.headers().firstValue("X-Request-Id").orElse(null));
        var row = api.awaitRow(id);
        assertEquals("/wide/catalog/{id}", text(row, "route"));
        assertEquals("CatalogResource#item", text(row, "operation"));
        assertEquals("{\"id\":\"7\"}", text(row, "arguments"), "the interceptor ran without an annotation on the class");
        assertTrue(text(row, "result").contains("item 7"), text(row, "result"));
        assertTrue(api.awaitEvents(id, events -> events.size() >= 2).size() >= 2, "events fired");
    }

    @Test
    void anUnscopedUnannotatedResourceHasArgumentsAndResultToo() {
        var response = api.get("wide/shelf/3", id);

        assertEquals(200, response.statusCode());
        var row = api.awaitRow(id);
        assertEquals("/wide/shelf/{id}", text(row, "route"));
        assertEquals("{\"id\":\"3\"}", text(row, "arguments"), row::toString);
        assertTrue(text(row, "result") != null && text(row, "result").contains("shelf 3"), row::toString);
    }

    @Test
    void theApplicationsOwnMaskedNamesApply() {
        var response = api.send(api.request("wide/catalog").header("X-Request-Id", id).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"lamp\",\"pin\":\"4711\"}")));

        assertEquals(200, response.statusCode());
        var row = api.awaitRow(id);
        assertFalse(row.toString().contains("4711"), "masked: " + row);
    }

    @Test
    void anOptedOutClassIsNotRecordedButItsAnnotatedMethodIs() {
        api.get("wide/opted-out", id);
        var special = api.get("wide/opted-out/special", id + "-special");

        assertEquals("recorded", special.body());
        assertEquals("special", text(api.awaitRow(id + "-special"), "operation"));
        assertNoRow(id);
    }

    @Test
    void perMethodMembersStillApply() {
        api.get("wide/mixed/hidden", id);
        api.get("wide/mixed/lean?q=x", id + "-lean");

        var lean = api.awaitRow(id + "-lean");
        assertNull(text(lean, "arguments"), "arguments = false on the method");
        assertTrue(text(lean, "result").contains("lean x"));
        assertNoRow(id);
    }

    @Test
    void aResourceCdiCannotInterceptIsStillRecordedOverHttp() {
        var response = api.get("wide/final/3", id);

        assertEquals("final 3", response.body());
        var row = api.awaitRow(id);
        assertEquals("/wide/final/{id}", text(row, "route"));
        assertEquals("{\"id\":\"3\"}", text(row, "arguments"), "no interceptor on a final method: taken from the request");
        assertEquals("\"final 3\"", text(row, "result"), "and from the response");
    }

    @Test
    void theSettingRecordsTheApplicationItNames() {
        var response = api.get("listed/catalog/8", id);

        assertEquals(200, response.statusCode());
        var row = api.awaitRow(id);
        assertEquals("/listed/catalog/{id}", text(row, "route"));
        assertEquals("{\"id\":\"8\"}", text(row, "arguments"));
    }

    @Test
    void theSameResourcesInAnApplicationNotRecordedWholeAreNotRecorded() {
        var response = api.get("api/catalog/9", id);

        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("X-Request-Id").isPresent());
        assertNoRow(id);
    }

    /** No row for the id: a later recorded call's row is there, and it is not. */
    private void assertNoRow(String correlationId) {
        var barrier = correlationId + "-barrier";
        api.get("wide/catalog/barrier", barrier);
        api.awaitRow(barrier);
        assertEquals(0, api.rows("correlation_id", correlationId).size(), "not recorded: " + correlationId);
    }
}

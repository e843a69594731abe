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

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordedcall.it.RecordingIT.text;

/**
 * The library dropped into an application as teams build them ({@code it.typical}): its own
 * persistence unit used through an unqualified {@code @PersistenceContext}, {@code @Stateless}
 * and {@code @Singleton} resources, sub-resource locators (a plain object, then a CDI bean), JPA
 * writes, Bean Validation, a {@code @PreMatching} CORS filter, a server-sent-events broadcaster,
 * recorded whole by the setting. Each answer must equal the unrecorded twin's ({@code /twin}),
 * byte for byte but for ids and dates, and each call must have exactly one complete row.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class TypicalApplicationIT {

    private static final String FOREIGN_ORIGIN = "https://evil.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.typical();
    }

    @ArquillianResource
    URL base;

    Api api;
    RawHttp http;
    String id;

    @BeforeEach
    void connect() {
        api = new Api(base);
        http = new RawHttp(base);
        id = "typical-" + UUID.randomUUID();
    }

    @Test
    void itsOwnUnqualifiedPersistenceContextWritesInsideARecordedEjbCall() {
        var created = send("POST", "api/tasks", id, List.of("Content-Type: application/json"), "{\"title\":\"write the report\"}");

        assertEquals(201, created.status(), created.toString());
        var task = created.text();
        assertTrue(task.contains("\"title\":\"write the report\""), task);
        var listed = send("GET", "api/tasks", id + "-list", List.of(), null);
        assertTrue(listed.text().contains("write the report"), listed.toString());

        var row = api.awaitRow(id);
        assertEquals("/api/tasks", text(row, "route"));
        assertEquals("org.recordedcall.it.typical.TasksResource", text(row, "resource_class"));
        assertEquals("create", text(row, "resource_method"));
        assertEquals("{\"task\":{\"status\":\"open\",\"title\":\"write the report\"}}", text(row, "arguments"),
                "the body as the EJB received it");
        assertTrue(text(row, "result").contains("\"id\":" + idOf(task)), text(row, "result"));
        assertEquals("{\"task\":\"" + idOf(task) + "\"}", text(row, "attributes"), "the attribute the EJB gave its call");
        assertEquals("201", text(row, "status"));
        assertEquals("SUCCESS", text(row, "outcome"));
        assertExactlyOneRow(id);
    }

    /**
     * This application observes the events asynchronously only (no {@code @Observes}), so each
     * call's final record is made off the request thread, by the writer's or an observer thread:
     * its observers and its row must still have the same, masked record, delivered with what the
     * specification promises an asynchronous observer.
     */
    @Test
    void itsAsynchronousObserversAndItsRowHaveTheSameMaskedRecord() {
        var created = send("POST", "api/tasks", id, List.of("Content-Type: application/json",
                "Authorization: Bearer typical-secret"), "{\"title\":\"observed\"}");

        assertEquals(201, created.status(), created.toString());
        var row = api.awaitRow(id);
        var events = api.awaitEvents(id, seen -> seen.stream().map(e -> e.asJsonObject().getString("event"))
                .distinct().count() == 2); // the two events may reach the log from the two observer threads in either order
        var kinds = events.stream().map(e -> e.asJsonObject().getString("event") + " " + e.asJsonObject().getString("delivery"))
                .sorted().toList();
        assertEquals(List.of("CallEnded async", "CallStarted async"), kinds, events.toString());
        for (var event : events) {
            var seen = event.asJsonObject();
            assertEquals(text(row, "id"), seen.getString("id"), seen.toString());
            assertEquals("***", seen.getString("authorization"), "masked for the observer as in the row: " + seen);
        }
        var ended = events.stream().map(e -> e.asJsonObject()).filter(e -> "CallEnded".equals(e.getString("event")))
                .findFirst().orElseThrow();
        assertEquals(201, ended.getInt("status"));
        assertEquals("SUCCESS", ended.getString("outcome"));
        assertEquals(text(row, "status"), String.valueOf(ended.getInt("status")));
        assertEquals(text(row, "request_body"), ended.getString("requestBody"));
        assertEquals(text(row, "response_body"), ended.getString("responseBody"));
        assertEquals("***", Api.object(text(row, "request_headers")).getJsonArray("authorization").getString(0));
        assertTrue(text(row, "request_body").contains("observed"), text(row, "request_body"));
        assertExactlyOneRow(id);
    }

    @Test
    void aSingletonEjbResourceIsRecordedWithArgumentsAndResult() {
        var response = send("GET", "api/board?team=red", id, List.of(), null);

        assertEquals(200, response.status());
        var row = api.awaitRow(id);
        assertEquals("/api/board", text(row, "route"));
        assertEquals("BoardResource#summary", text(row, "operation"));
        assertEquals("{\"team\":\"red\"}", text(row, "arguments"));
        assertTrue(text(row, "result").contains("\"team\":\"red\""), text(row, "result"));
        assertExactlyOneRow(id);
    }

    @Test
    void everyAnswerEqualsItsUnrecordedTwins() {
        var task = createTask("twin");
        var json = List.of("Content-Type: application/json");
        var cases = List.<String[]>of(
                new String[] {"GET", "board"},
                new String[] {"GET", "board/response"},
                new String[] {"GET", "board/bytes"},
                new String[] {"GET", "board/text"},
                new String[] {"GET", "board/stream"},
                new String[] {"GET", "tasks/" + task},
                new String[] {"GET", "tasks/999999"},
                new String[] {"PUT", "tasks/" + task + "/status", "{\"status\":\"done\"}"},
                new String[] {"PUT", "tasks/" + task + "/status", "{\"status\":\"maybe\"}"},
                new String[] {"PUT", "tasks/999999/status", "{\"status\":\"done\"}"},
                new String[] {"POST", "tasks", "{\"title\":\"\"}"},
                new String[] {"POST", "tasks", "{\"title\":"},
                new String[] {"GET", "tasks/" + task + "/notes"});
        var failures = new ArrayList<String>();
        for (var c : cases) {
            var body = c.length > 2 ? c[2] : null;
            var headers = body == null ? List.<String>of() : json;
            compare(failures, c[0], c[1], headers, body);
        }
        compare(failures, "POST", "tasks/" + task + "/notes?by=ann", List.of("Content-Type: text/plain"), "call back");
        compare(failures, "POST", "tasks/" + task + "/notes?by=ann", List.of("Content-Type: text/plain"), " ");
        compare(failures, "GET", "board", List.of("Origin: " + FOREIGN_ORIGIN), null);
        compare(failures, "GET", "board", List.of("Origin: https://shop.example"), null);
        compare(failures, "OPTIONS", "board", List.of("Origin: https://shop.example",
                "Access-Control-Request-Method: GET"), null);
        // refused by the runtime before a method was chosen: recorded now, answered the same
        compare(failures, "DELETE", "tasks", List.of(), null);
        compare(failures, "GET", "tasks", List.of("Accept: application/xml"), null);
        compare(failures, "POST", "tasks", List.of("Content-Type: application/xml"), "<task/>");
        compare(failures, "POST", "tasks", List.of("Content-Type: ;;;no/type/"), "{}");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aCallThroughALocatorHasTheFullRouteTheSubResourceMethodAndItsArguments() {
        var task = createTask("locate me");

        var changed = send("PUT", "api/tasks/" + task + "/status", id, List.of("Content-Type: application/json"),
                "{\"status\":\"done\"}");

        assertEquals(200, changed.status(), changed.toString());
        var row = api.awaitRow(id);
        assertEquals("/api/tasks/{id}/status", text(row, "route"));
        assertEquals("org.recordedcall.it.typical.TaskResource", text(row, "resource_class"));
        assertEquals("status", text(row, "resource_method"));
        assertEquals("TaskResource#status", text(row, "operation"));
        assertEquals("{\"change\":{\"status\":\"done\"}}", text(row, "arguments"));
        assertTrue(text(row, "result").contains("\"status\":\"done\""), text(row, "result"));
        assertExactlyOneRow(id);

        var history = send("GET", "api/tasks/" + task + "/history?kind=created&kind=done", id + "-history", List.of(), null);
        assertEquals(200, history.status(), history.toString());
        var typed = api.awaitRow(id + "-history");
        assertEquals("/api/tasks/{id}/history", text(typed, "route"));
        assertEquals("{\"limit\":10,\"kind\":[\"created\",\"done\"]}", text(typed, "arguments"),
                "typed as the method declares them, the default applied");
        assertEquals("[\"task " + task + ": 10 of [created, done]\"]", text(typed, "result"));

        var missing = send("GET", "api/tasks/999999", id + "-missing", List.of(), null);
        assertEquals(404, missing.status());
        var notFound = api.awaitRow(id + "-missing");
        assertEquals("/api/tasks/{id}", text(notFound, "route"));
        assertEquals("get", text(notFound, "resource_method"));
        assertEquals("CLIENT_ERROR", text(notFound, "outcome"));
    }

    @Test
    void aCallThroughTwoLocatorsToACdiBeanHasArgumentsResultAndException() {
        var task = createTask("with notes");

        var added = send("POST", "api/tasks/" + task + "/notes?by=ann", id, List.of("Content-Type: text/plain"), "call back");
        var refused = send("POST", "api/tasks/" + task + "/notes?by=bob", id + "-blank", List.of("Content-Type: text/plain"), " ");

        assertEquals("noted for ann", added.text());
        var row = api.awaitRow(id);
        assertEquals("/api/tasks/{id}/notes", text(row, "route"));
        assertEquals("org.recordedcall.it.typical.NotesResource", text(row, "resource_class"));
        assertEquals("add", text(row, "resource_method"));
        assertEquals("{\"by\":\"ann\",\"note\":\"call back\"}", text(row, "arguments"));
        assertEquals("\"noted for ann\"", text(row, "result"));
        assertEquals(400, refused.status());
        var failed = api.awaitRow(id + "-blank");
        assertEquals("jakarta.ws.rs.BadRequestException", text(failed, "exception_type"));
        assertEquals("a note needs text", text(failed, "exception_message"));
        assertExactlyOneRow(id);
        assertExactlyOneRow(id + "-blank");
    }

    @Test
    void aCallThePreMatchingFilterRefusesHasItsRowAndRequestId() {
        var refused = send("GET", "api/board", id, List.of("Origin: " + FOREIGN_ORIGIN), null);
        var preflight = send("OPTIONS", "api/tasks", id + "-preflight",
                List.of("Origin: https://shop.example", "Access-Control-Request-Method: POST"), null);

        assertEquals(403, refused.status());
        assertEquals(id, refused.header("X-Request-Id"));
        var row = api.awaitRow(id);
        assertEquals("403", text(row, "status"));
        assertEquals("GET", text(row, "http_method"));
        assertEquals("/api/board", text(row, "path"));
        assertNull(text(row, "route"), "no resource was matched");
        assertEquals("CLIENT_ERROR", text(row, "outcome"));
        assertEquals("origin not allowed", text(row, "response_body"));
        assertExactlyOneRow(id);
        assertEquals(204, preflight.status());
        assertEquals(id + "-preflight", preflight.header("X-Request-Id"));
        assertEquals("204", text(api.awaitRow(id + "-preflight"), "status"));
    }

    @Test
    void eachRequestTheRuntimeRefusesOnARecordedPathHasItsRow() {
        var refusals = List.of(
                new String[] {"DELETE", "api/tasks", null, null, "405", "NotAllowedException"},
                new String[] {"GET", "api/tasks", "Accept: application/xml", null, "406", "NotAcceptableException"},
                new String[] {"POST", "api/tasks", "Content-Type: application/xml", "<task/>", "415", "NotSupportedException"},
                new String[] {"DELETE", "api/board", null, null, "405", "NotAllowedException"});
        for (int i = 0; i < refusals.size(); i++) {
            var r = refusals.get(i);
            var call = id + "-" + i;
            var answer = send(r[0], r[1], call, r[2] == null ? List.of() : List.of(r[2]), r[3]);
            assertEquals(Integer.parseInt(r[4]), answer.status(), r[0] + " " + r[1]);
            assertEquals(call, answer.header("X-Request-Id"), "echoed: " + r[0] + " " + r[1]);
            var row = api.awaitRow(call);
            assertEquals(r[4], text(row, "status"), row::toString);
            assertEquals(r[0], text(row, "http_method"));
            assertEquals("/" + r[1], text(row, "path"), row::toString);
            assertEquals("/" + r[1], text(row, "route"), row::toString);
            assertEquals("CLIENT_ERROR", text(row, "outcome"));
            assertTrue(text(row, "exception_type").endsWith("." + r[5]), row::toString);
            assertNull(text(row, "resource_method"), "no method was chosen: " + row);
            assertNull(text(row, "arguments"), row::toString);
            assertExactlyOneRow(call);
        }
        // a malformed Content-Type: refused by the runtime, before or after choosing the method as it goes
        var malformed = send("POST", "api/tasks", id + "-malformed", List.of("Content-Type: ;;;no/type/"), "{}");
        assertTrue(malformed.status() >= 400 && malformed.status() < 500, "refused: " + malformed.status());
        var malformedRow = api.awaitRow(id + "-malformed");
        assertEquals(String.valueOf(malformed.status()), text(malformedRow, "status"));
        assertEquals("/api/tasks", text(malformedRow, "route"), malformedRow::toString);
        assertEquals("CLIENT_ERROR", text(malformedRow, "outcome"));
        assertExactlyOneRow(id + "-malformed");

        var options = send("OPTIONS", "api/tasks", id + "-options", List.of(), null);
        assertTrue(options.status() < 300, "answered by the runtime: " + options.status());
        var row = api.awaitRow(id + "-options");
        assertEquals("/api/tasks", text(row, "route"));
        assertEquals("SUCCESS", text(row, "outcome"));
        assertNull(text(row, "exception_type"), row::toString);

        // nothing recorded answers these: no row
        assertEquals(405, send("DELETE", "twin/tasks", id + "-twin", List.of(), null).status());
        assertEquals(404, send("DELETE", "api/nowhere", id + "-nowhere", List.of(), null).status());
        send("GET", "api/board", id + "-after", List.of(), null);
        api.awaitRow(id + "-after"); // written after the two before it, had they been recorded
        assertEquals(0, api.rows("correlation_id", id + "-twin").size(), "the twin application records nothing");
        assertEquals(0, api.rows("correlation_id", id + "-nowhere").size(), "a path no recorded resource has");
    }

    @Test
    void aSubscriberThatLeavesTheEventStreamIsRecordedAtTheNextBroadcast() throws Exception {
        var opened = Instant.now();
        try (var subscriber = http.subscribe(base.getPath() + "api/feed", id, "welcome")) {
            Thread.sleep(300); // the stream stays open a while
        }
        var left = Instant.now();
        JsonObject row = null;
        for (int i = 0; i < 30 && row == null; i++) {
            // the server learns that the client has gone when a write to it fails
            send("POST", "api/feed/announce", id + "-announce-" + i, List.of("Content-Type: text/plain"), "tick " + i);
            var rows = api.rows("correlation_id", id);
            row = rows.isEmpty() ? null : rows.getJsonObject(0);
            if (row == null) {
                Thread.sleep(500);
            }
        }
        assertTrue(row != null, "the stream's call was stored once its client had gone");
        assertEquals("200", text(row, "status"));
        assertEquals("SUCCESS", text(row, "outcome"), "a client leaving an event stream is how streams end: " + row);
        assertNull(text(row, "exception_type"));
        assertEquals("/api/feed", text(row, "route"));
        var duration = Duration.ofNanos(Long.parseLong(text(row, "duration_nanos")));
        assertTrue(duration.compareTo(Duration.ofMillis(300)) >= 0, "the stream's duration: " + duration);
        assertTrue(duration.compareTo(Duration.between(opened, Instant.now())) <= 0, "the stream's duration: " + duration);
        assertTrue(Duration.between(left, Instant.now()).toSeconds() < 20, "stored soon after the client left");
        assertExactlyOneRow(id);
    }

    private RawHttp.Response send(String method, String path, String requestId, List<String> headers, String body) {
        var lines = new ArrayList<>(headers);
        lines.add("X-Request-Id: " + requestId);
        return http.exchange(RawHttp.request(method, base.getPath() + path, lines,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends the same request to the recorded application and its unrecorded twin; notes each difference. */
    private void compare(List<String> failures, String method, String path, List<String> headers, String body) {
        var twin = send(method, "twin/" + path, id + "-twin", headers, body);
        var recorded = send(method, "api/" + path, id + "-" + failures.size() + "-" + path.hashCode(), headers, body);
        var what = method + " " + path + (body == null ? "" : " " + body);
        if (twin.status() != recorded.status()) {
            failures.add(what + ": status " + recorded.status() + ", unrecorded " + twin.status());
        }
        if (twin.isServerErrorPage() && recorded.isServerErrorPage()) {
            return; // the server's page for an unmapped exception: known to differ on Payara (README)
        }
        if (!comparable(twin).equals(comparable(recorded))) {
            failures.add(what + ":\n  recorded   " + comparable(recorded) + "\n  unrecorded " + comparable(twin));
        }
        if (!normalized(twin.text()).equals(normalized(recorded.text()))) {
            failures.add(what + ": body " + recorded.text() + ", unrecorded " + twin.text());
        }
    }

    /** The headers that must be the same: all but those that differ by nature (date, ids, the application path). */
    private static Map<String, List<String>> comparable(RawHttp.Response response) {
        var headers = new TreeMap<>(response.headers());
        headers.keySet().removeAll(List.of("date", "x-request-id", "location"));
        return headers;
    }

    private static String normalized(String body) {
        return body.replaceAll("\"id\":\\d+", "\"id\":N").replace("/twin/", "/api/");
    }

    /** A task made through the recorded application; its id. */
    private long createTask(String title) {
        return idOf(send("POST", "api/tasks", id + "-seed-" + UUID.randomUUID(), List.of("Content-Type: application/json"),
                "{\"title\":\"" + title + "\"}").text());
    }

    private static long idOf(String task) {
        var matcher = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(task);
        assertTrue(matcher.find(), "a task with an id: " + task);
        return Long.parseLong(matcher.group(1));
    }

    private void assertExactlyOneRow(String correlationId) {
        assertEquals(1, api.rows("correlation_id", correlationId).size(), "one row for " + correlationId);
    }
}

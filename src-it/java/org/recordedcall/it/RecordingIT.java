package org.recordedcall.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every exit path of a recorded call, on a real server: exactly one row, every field, the events. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class RecordingIT {

    /** The test application; its settings move the query API (off here, by default). */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("it", Map.of(RecordedCallSettings.API_PATH, "ops/calls"));
    }

    @Test
    void theQueryApiIsOffByDefaultAndWhereTheApplicationMapsIt() {
        var moved = api.send(api.request("ops/calls/api/calls").header("X-Test-Login", ApiIT.VIEWER).GET());
        var atDefault = api.send(api.request("recorded-calls/api/calls").header("X-Test-Login", ApiIT.VIEWER).GET());

        assertEquals(404, moved.statusCode());
        assertTrue(moved.body().contains("recordedcall.api.enabled"), "the API's own answer: " + moved.body());
        assertEquals(404, atDefault.statusCode());
        assertFalse(atDefault.body().contains("recordedcall.api.enabled"), "nothing there: " + atDefault.body());
    }

    @ArquillianResource
    URL base;

    Api api;
    String token;

    @BeforeEach
    void connect() {
        api = new Api(base);
        token = "it-" + UUID.randomUUID();
    }

    @Test
    void entityResponseRecordsEveryField() {
        var response = api.send(api.request("api/orders/7?mark=abc&b=2")
                .header("X-Request-Id", token)
                .header("Authorization", "Bearer top-secret-token")
                .header("Cookie", "session=secret-cookie")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("User-Agent", "recorded-call-it/1.0")
                .header("X-Test-User", "alice")
                .GET());

        assertEquals(200, response.statusCode());
        assertEquals(token, response.headers().firstValue("X-Request-Id").orElse(null));
        var row = api.awaitRow(token);
        assertTrue(text(row, "id").matches("[0-9a-f-]{36}"), "id is a UUID: " + text(row, "id"));
        assertEquals(token, text(row, "correlation_id"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", text(row, "trace_id"));
        assertEquals("HTTP", text(row, "kind"));
        assertEquals("OrdersResource#find", text(row, "operation"));
        assertEquals("GET", text(row, "http_method"));
        assertEquals("/api/orders/7", text(row, "path"));
        assertEquals("/api/orders/{id}", text(row, "route"));
        assertEquals("mark=abc&b=2", text(row, "query"));
        var requestHeaders = Api.object(text(row, "request_headers"));
        assertEquals("[\"***\"]", requestHeaders.get("authorization").toString());
        assertEquals("[\"***\"]", requestHeaders.get("cookie").toString());
        assertFalse(text(row, "request_headers").contains("secret"), "no secret stored");
        assertEquals("org.recordedcall.it.app.OrdersResource", text(row, "resource_class"));
        assertEquals("find", text(row, "resource_method"));
        var arguments = Api.object(text(row, "arguments"));
        assertEquals("7", arguments.getString("id"));
        assertEquals("abc", arguments.getString("mark"));
        assertEquals("7:abc", Api.object(text(row, "result")).getString("item"));
        assertEquals("200", text(row, "status"));
        assertTrue(Api.object(text(row, "response_headers")).containsKey("x-request-id"));
        assertEquals("7:abc", Api.object(text(row, "response_body")).getString("item"));
        assertEquals(response.body(), text(row, "response_body"));
        assertEquals("FALSE", text(row, "response_body_truncated").toUpperCase());
        assertNull(text(row, "exception_type"));
        assertEquals("alice", text(row, "principal"));
        assertTrue(text(row, "client_address").matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1"), text(row, "client_address"));
        assertEquals("recorded-call-it/1.0", text(row, "user_agent"));
        assertNotNull(text(row, "started_at"));
        assertNotNull(text(row, "ended_at"));
        assertTrue(Long.parseLong(text(row, "duration_nanos")) > 0);
        assertEquals("SUCCESS", text(row, "outcome"));
        assertOneRowAndEvents(0);
    }

    @Test
    void generatedIdIsEchoedAndIsTheRowId() {
        var response = api.send(api.request("api/orders/8?mark=" + token).GET());

        var id = response.headers().firstValue("X-Request-Id").orElseThrow();
        var row = api.awaitRows("id", id, 1).getJsonObject(0);
        assertEquals(id, text(row, "correlation_id"));
        assertTrue(text(row, "query").contains(token));
    }

    @Test
    void publicReaderReturnsTheRecordWithDesignFieldNames() {
        api.get("api/orders/9?mark=reader", token);
        var id = text(api.awaitRow(token), "id");

        var call = api.call(id);

        assertEquals(id, call.getString("id"));
        assertEquals(token, call.getString("correlationId"));
        assertEquals("/api/orders/{id}", call.getString("route"));
        assertEquals("find", call.getString("resourceMethod"));
        assertEquals(200, call.getInt("status"));
        assertEquals("SUCCESS", call.getString("outcome"));
        assertTrue(call.getJsonObject("requestHeaders").containsKey("x-request-id"));
    }

    @Test
    void postedBodyIsRecordedAndStillReadByTheResource() {
        var body = "{\"item\":\"book-" + token + "\",\"quantity\":3}";
        var response = api.send(api.request("api/orders").header("X-Request-Id", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(201, response.statusCode());
        assertTrue(response.body().contains("book-" + token), "the resource read the whole body");
        var row = api.awaitRow(token);
        assertEquals(body, text(row, "request_body"));
        assertEquals("FALSE", text(row, "request_body_truncated").toUpperCase());
        assertEquals("book-" + token, Api.object(text(row, "arguments")).getJsonObject("order").getString("item"));
        assertEquals("201", text(row, "status"));
        assertEquals("book-" + token, Api.object(text(row, "result")).getString("item"), "a Response's result is its entity");
        assertTrue(text(row, "response_body").contains("book-" + token));
        assertEquals("[\"application/json\"]", Api.object(text(row, "response_headers")).get("content-type").toString());
        assertOneRowAndEvents(0);
    }

    @Test
    void formFieldsAreArgumentsByTheirFormName() {
        var response = api.send(api.request("api/orders/form").header("X-Request-Id", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("item=pen&quantity=2")));

        assertEquals(200, response.statusCode());
        var row = api.awaitRow(token);
        assertEquals("item=pen&quantity=2", text(row, "request_body"));
        var arguments = Api.object(text(row, "arguments"));
        assertEquals("pen", arguments.getString("item"));
        assertEquals(2, arguments.getInt("quantity"));
    }

    @Test
    void voidMethodRecords204WithoutBody() {
        var response = api.send(api.request("api/orders/5").header("X-Request-Id", token).DELETE());

        assertEquals(204, response.statusCode());
        var row = api.awaitRow(token);
        assertEquals("204", text(row, "status"));
        assertNull(text(row, "result"));
        assertNull(text(row, "response_body"));
        assertEquals("SUCCESS", text(row, "outcome"));
        assertOneRowAndEvents(0);
    }

    @Test
    void returned4xxIsAClientError() {
        var response = api.get("api/orders/6/invalid", token);

        assertEquals(400, response.statusCode());
        var row = api.awaitRow(token);
        assertEquals("400", text(row, "status"));
        assertEquals("CLIENT_ERROR", text(row, "outcome"));
        assertEquals(response.body(), text(row, "response_body"));
        assertNull(text(row, "exception_type"));
        assertOneRowAndEvents(0);
    }

    @Test
    void webApplicationExceptionRecordsStatusAndException() {
        var response = api.get("api/orders/6/missing", token);

        assertEquals(404, response.statusCode());
        var row = api.awaitRow(token);
        assertEquals("404", text(row, "status"));
        assertEquals("jakarta.ws.rs.NotFoundException", text(row, "exception_type"));
        assertEquals("no order 6", text(row, "exception_message"));
        assertEquals("CLIENT_ERROR", text(row, "outcome"));
        assertOneRowAndEvents(1);
    }

    @Test
    void exceptionMappedByTheApplicationKeepsItsResponse() {
        var response = api.send(api.request("api/orders/4/reject").header("X-Request-Id", token)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(409, response.statusCode());
        assertEquals("{\"reason\":\"order 4 is closed\"}", response.body());
        var row = api.awaitRow(token);
        assertEquals("409", text(row, "status"));
        assertEquals("org.recordedcall.it.app.OrderRejected", text(row, "exception_type"));
        assertEquals(response.body(), text(row, "response_body"));
        assertEquals("CLIENT_ERROR", text(row, "outcome"));
        assertOneRowAndEvents(1);
    }

    @Test
    void unmappedExceptionStillProducesOneRowAndOneLogLineWithoutStackTrace() {
        api.get("api/_it/log", token + "-log"); // the test's log handler is in place before the call
        var response = api.get("api/orders/3/crash", token);

        assertEquals(500, response.statusCode());
        assertEquals(token, response.headers().firstValue("X-Request-Id").orElse(null),
                "the container's 500 still carries the correlation id");
        var row = api.awaitRow(token);
        assertEquals("500", text(row, "status"));
        assertEquals("java.lang.IllegalStateException", text(row, "exception_type"));
        assertEquals("nobody maps this 3", text(row, "exception_message"));
        assertTrue(text(row, "stack_trace").contains("OrdersResource.crash"), text(row, "stack_trace"));
        assertEquals("SERVER_ERROR", text(row, "outcome"));
        assertOneRowAndEvents(1);
        var logged = Api.array(api.get("api/_it/log?containing=" + text(row, "id"), token + "-log").body());
        // Payara lets the exception reach the library's servlet filter, which logs one line; WildFly's
        // RESTEasy answers it with its own default mapper and logs it, so the library sees nothing to log
        var onWildFly = System.getProperty("arquillian.xml", "").contains("wildfly");
        assertEquals(onWildFly ? 0 : 1, logged.size(), "one line of the library's per call (none where RESTEasy "
                + "maps the exception itself): " + logged);
        for (var entry : logged) {
            var line = entry.asJsonObject();
            assertFalse(line.getBoolean("withStackTrace"), "the record holds the stack trace: " + line);
            var message = line.getString("message");
            assertTrue(message.contains("java.lang.IllegalStateException: nobody maps this 3"), message);
            assertFalse(message.contains("\n"), message);
        }
    }

    @Test
    void requestAbortedByAnotherFilterIsRecorded() {
        var response = api.get("api/orders/2/blocked", token);

        assertEquals(403, response.statusCode());
        var row = api.awaitRow(token);
        assertEquals("403", text(row, "status"));
        assertEquals("blocked", text(row, "resource_method"));
        assertNull(text(row, "arguments"), "the method never ran");
        assertEquals("blocked by policy", text(row, "response_body"));
        assertEquals("CLIENT_ERROR", text(row, "outcome"));
        assertOneRowAndEvents(0);
    }

    @Test
    void annotationNameIsTheOperation() {
        api.get("api/orders/1/named", token);

        assertEquals("lookup-order", text(api.awaitRow(token), "operation"));
    }

    @Test
    void asyncResponseIsRecordedWhenResumed() {
        var response = api.get("api/orders/11/async", token);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("async 11"));
        var row = api.awaitRow(token);
        assertEquals("200", text(row, "status"));
        assertEquals(response.body(), text(row, "response_body"));
        assertEquals("11", Api.object(text(row, "arguments")).getString("id"));
        assertEquals("SUCCESS", text(row, "outcome"));
        assertOneRowAndEvents(0);
    }

    @Test
    void completionStageResultIsRecorded() {
        var response = api.get("api/orders/12/stage", token);

        assertEquals(200, response.statusCode());
        var row = api.awaitRow(token);
        assertEquals("stage 12", Api.object(text(row, "result")).getString("item"));
        assertEquals(response.body(), text(row, "response_body"));
        assertOneRowAndEvents(0);
    }

    @Test
    void failedCompletionStageIsRecordedWithItsException() {
        var response = api.get("api/orders/13/stage-rejected", token);

        assertEquals(409, response.statusCode());
        var row = api.awaitRow(token);
        assertEquals("org.recordedcall.it.app.OrderRejected", text(row, "exception_type"));
        assertEquals("409", text(row, "status"));
        assertOneRowAndEvents(1);
    }

    @Test
    void nestedRecordedMethodAddsNoRow() {
        var response = api.get("api/orders/" + token + "/audited", token);

        assertEquals(200, response.statusCode());
        var row = api.awaitRow(token);
        assertTrue(response.body().endsWith("in call " + text(row, "id")), "CurrentCall names the call: " + response.body());
        assertEquals(0, api.rows("operation", "audit").stream()
                .filter(r -> text(r.asJsonObject(), "arguments").contains(token)).count());
        assertOneRowAndEvents(0);
    }

    @Test
    void attributesFromAFilterTheResourceAndABeanItCallsAreStoredAndMaskedByName() {
        var response = api.send(api.request("api/orders/" + token + "/audited").header("X-Request-Id", token)
                .header("X-Tenant", "acme " + token).header("X-Tenant-Key", "key-" + token).GET());

        assertEquals(200, response.statusCode(), response.body());
        var row = api.awaitRow(token);
        var attributes = Api.object(text(row, "attributes"));
        assertEquals("acme " + token, attributes.getString("tenant"), "from the application's filter");
        assertEquals(token, attributes.getString("order"), "from the resource");
        assertEquals(token, attributes.getString("audited"), "from a bean the resource calls");
        assertEquals("***", attributes.getString("apiKey"), "named like a secret: masked");
        assertFalse(text(row, "attributes").contains("key-" + token), "no secret stored");
        assertEquals(4, attributes.size(), text(row, "attributes"));
        api.get("api/orders/7", token + "-none");
        assertNull(text(api.awaitRow(token + "-none"), "attributes"), "a call given none stores none");
    }

    @Test
    void beanMethodOutsideHttpCallIsAMethodCall() {
        var response = api.get("api/plain/audit?mark=" + token, "unrecorded-" + token);

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("X-Request-Id").isEmpty(), "an unrecorded resource echoes nothing");
        var row = awaitMethodRow("audit");
        assertEquals("METHOD", text(row, "kind"));
        assertEquals("org.recordedcall.it.app.AuditService", text(row, "resource_class"));
        assertEquals("audit", text(row, "resource_method"));
        assertEquals("\"audited " + token + "\"", text(row, "result"));
        assertNull(text(row, "http_method"));
        assertNull(text(row, "status"));
        assertEquals("SUCCESS", text(row, "outcome"));
        assertEquals(0, api.rows("correlation_id", "unrecorded-" + token).size());
    }

    @Test
    void failingBeanMethodIsAFailedMethodCall() {
        var response = api.get("api/plain/refuse?mark=" + token, "unrecorded-" + token);

        assertEquals("refused", response.body());
        var row = awaitMethodRow("AuditService#refuse");
        assertEquals("java.lang.IllegalArgumentException", text(row, "exception_type"));
        assertEquals("refused " + token, text(row, "exception_message"));
        assertEquals("SERVER_ERROR", text(row, "outcome"));
        var events = api.awaitEvents(text(row, "correlation_id"), e -> countSync(e, "CallEnded") == 1);
        assertEquals(1, countSync(events, "CallFailed"));
    }

    @Test
    void resourceWithoutScopeIsRecorded() {
        var response = api.get("api/unscoped/5", token);

        assertEquals(200, response.statusCode());
        var row = api.awaitRow(token);
        assertEquals("/api/unscoped/{id}", text(row, "route"));
        assertEquals("find", text(row, "resource_method"));
        assertEquals("unscoped 5", text(row, "response_body"));
        assertEquals("{\"id\":\"5\"}", text(row, "arguments"), "arguments of a resource without scope");
        assertEquals("\"unscoped 5\"", text(row, "result"));
        assertOneRowAndEvents(0);
    }

    @Test
    void theLibrarysOwnClassesAreNeverRecorded() {
        api.get("api/orders/1", token);
        var audited = api.get("api/plain/audit?mark=" + token, "unrecorded-" + token);
        // once (of about ten runs) no audit row came: the answer shows whether the request itself failed
        assertEquals(200, audited.statusCode(), audited.body());
        assertEquals("audited " + token, audited.body());
        awaitMethodRow("audit");

        var methodRows = api.rows("kind", "METHOD");
        for (var row : methodRows) {
            assertFalse(text(row.asJsonObject(), "resource_class").startsWith("org.recordedcall.internal"),
                    "a library class was intercepted and recorded: " + row);
        }
        assertOneRowAndEvents(0);
    }

    @Test
    void noSecretValueReachesTheDatabaseWhereverTheCallCarriesIt() {
        var secrets = List.of("hunter2-" + token, "bearer-" + token, "cookie-" + token, "apikey-" + token,
                "authtoken-" + token, "qtoken-" + token, "formpw-" + token, "pin-" + token, "nested-" + token,
                "hdrpin-" + token);
        var ids = List.of(token + "-login", token + "-form", token + "-find", token + "-pin");

        var login = api.send(api.request("api/accounts/login?token=" + secrets.get(5) + "&page=2")
                .header("X-Request-Id", ids.get(0)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secrets.get(1)).header("Cookie", "session=" + secrets.get(2))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"ann\",\"password\":\"" + secrets.get(0)
                        + "\",\"profile\":{\"apiToken\":\"" + secrets.get(8) + "\"}}")));
        assertEquals(200, login.statusCode(), login::body);
        assertTrue(login.body().contains("tok-" + secrets.get(0)), "the application's own answer is unchanged");
        var form = api.send(api.request("api/accounts/form").header("X-Request-Id", ids.get(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=ann&password=" + secrets.get(6))));
        assertEquals(200, form.statusCode(), form::body);
        var find = api.send(api.request("api/accounts/ann?apiKey=" + secrets.get(3)).header("X-Request-Id", ids.get(2))
                .header("X-Auth-Token", secrets.get(4)).GET());
        assertEquals(200, find.statusCode(), find::body);
        var pin = api.send(api.request("api/accounts/pin").header("X-Request-Id", ids.get(3))
                .header("Content-Type", "application/json").header("X-Pin", secrets.get(9))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"ann\",\"pin\":\"" + secrets.get(7) + "\"}")));
        assertEquals(200, pin.statusCode(), pin::body);
        assertTrue(pin.body().contains(secrets.get(7)), "masked in the record, not in the response");
        assertEquals(secrets.get(9), pin.headers().firstValue("X-Pin-Echo").orElse(null), "a header named by the endpoint");

        for (var id : ids) {
            var row = api.awaitRow(id).toString();
            for (var secret : secrets) {
                assertFalse(row.contains(secret), () -> "secret " + secret + " stored in the row of " + id + ": " + row);
            }
            assertTrue(row.contains("***"), () -> "masked, not dropped: " + row);
        }
        var loginRow = api.awaitRow(ids.get(0));
        assertTrue(loginRow.getString("request_body").contains("\"user\":\"ann\""), "the rest is kept");
        assertTrue(loginRow.getString("query").contains("page=2"), loginRow::toString);
    }

    @Test
    void theApplicationsCallSinksGetEachCallAndOneThatThrowsKeepsNothingFromTheOthers() {
        var broken = "broken-sink-" + token;
        api.get("api/orders/31", token);
        api.get("api/orders/32", broken);

        api.awaitRow(broken);
        api.awaitRow(token);
        var sinks = Api.object(api.get("api/_it/sinks?correlationId=" + broken, token + "-q").body());
        assertTrue(sinks.getBoolean("collected"), "the other sink got the batch the broken one threw on: " + sinks);
        assertTrue(Api.object(api.get("api/_it/sinks?correlationId=" + token, token + "-q").body())
                .getBoolean("collected"), "each call");
        var byName = new java.util.HashMap<String, JsonObject>();
        sinks.getJsonArray("status").forEach(s -> byName.put(s.asJsonObject().getString("name"), s.asJsonObject()));
        assertTrue(byName.get("broken").getJsonNumber("failed").longValue() >= 1, sinks::toString);
        assertTrue(byName.get("org.recordedcall.it.app.CollectingSink").getJsonNumber("delivered").longValue() >= 2,
                sinks::toString);
        assertEquals(1, api.rows("correlation_id", broken).size(), "the database got it too");
    }

    @Test
    void anUnrecordedResourceOnARecordedTemplatesPathMakesNoRowEvenForAnError() {
        assertEquals(200, api.get("api/orders/export?format=csv", token + "-ok").statusCode());
        assertEquals(400, api.get("api/orders/export", token + "-400").statusCode());
        assertEquals(405, api.send(api.request("api/orders/export").header("X-Request-Id", token + "-405")
                .DELETE()).statusCode());
        api.get("api/orders/33", token);

        api.awaitRow(token); // written after the three before it, had they been recorded
        assertEquals(0, api.rows("correlation_id", token + "-ok").size());
        assertEquals(0, api.rows("correlation_id", token + "-400").size(), "the method's own 400 is no refusal");
        assertEquals(0, api.rows("correlation_id", token + "-405").size(),
                "its path is the unrecorded resource's: the runtime matched that class");
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsNotBelieved() {
        api.send(api.request("api/orders/22").header("X-Request-Id", token).header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.7").GET());

        var address = text(api.awaitRow(token), "client_address");
        assertFalse(address.startsWith("6.6.6."), address);
        assertTrue(address.equals("127.0.0.1") || address.contains(":"), () -> "the loopback peer: " + address);
    }

    @Test
    void theAnnotationDecidesWhatIsStoredAndEventsStillFire() {
        var success = token + "-ok";
        var failure = token + "-404";
        var sampledOut = token + "-never";
        var quiet = token + "-quiet";
        assertEquals(200, api.get("api/policy/failures/200", success).statusCode());
        assertEquals(404, api.get("api/policy/failures/404", failure).statusCode());
        assertEquals(200, api.get("api/policy/never", sampledOut).statusCode());
        assertEquals(200, api.send(api.request("api/policy/quiet").header("X-Request-Id", quiet)
                .header("X-Custom", "c").GET()).statusCode());
        api.get("api/orders/23", token); // written after the others: once it is there, so are they

        api.awaitRow(token);
        api.awaitRow(failure);
        var quietRow = api.awaitRow(quiet);
        assertEquals(0, api.rows("correlation_id", success).size(), "a success of an only-failures endpoint");
        assertEquals(0, api.rows("correlation_id", sampledOut).size(), "sample rate 0");
        assertEquals("{}", text(quietRow, "request_headers"), quietRow::toString);
        assertEquals("{}", text(quietRow, "response_headers"), quietRow::toString);
        api.awaitEvents(success, events -> countSync(events, "CallEnded") == 1);
        api.awaitEvents(sampledOut, events -> countSync(events, "CallEnded") == 1);
    }

    @Test
    void writerCountersAreReadableByTheApplication() {
        api.get("api/orders/21?mark=counted", token);
        api.awaitRow(token);

        var writer = Api.object(api.send(api.request("api/_it/writer").GET()).body());

        assertTrue(writer.getJsonNumber("accepted").longValue() >= 1, writer::toString);
        assertTrue(writer.getJsonNumber("written").longValue() >= 1, writer::toString);
        assertEquals(0, writer.getJsonNumber("dropped").longValue(), writer::toString);
        assertEquals(0, writer.getJsonNumber("failed").longValue(), writer::toString);
    }

    @Test
    void parallelCallsEachKeepOnlyTheirOwnData() throws Exception {
        var tokens = IntStream.range(0, 40).mapToObj(i -> token + "-" + i).toList();
        Parallel.run(tokens, each -> {
            var body = "{\"item\":\"" + each + "\",\"quantity\":1}";
            var response = api.send(api.request("api/orders?tag=" + each).header("X-Request-Id", each)
                    .header("X-Test-User", "user-" + each)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(201, response.statusCode());
            assertTrue(response.body().contains(each));
        });

        for (var each : tokens) {
            var row = api.awaitRow(each);
            assertEquals("{\"item\":\"" + each + "\",\"quantity\":1}", text(row, "request_body"));
            assertEquals("tag=" + each, text(row, "query"));
            assertEquals(each, Api.object(text(row, "arguments")).getJsonObject("order").getString("item"));
            assertEquals(each, Api.object(text(row, "result")).getString("item"));
            assertEquals(each, Api.object(text(row, "response_body")).getString("item"));
            assertEquals("user-" + each, text(row, "principal"));
            assertEquals(1, api.rows("correlation_id", each).size(), "exactly one row for " + each);
        }
    }

    @Test
    void parallelAsynchronousCallsEachKeepOnlyTheirOwnData() throws Exception {
        var tokens = IntStream.range(0, 30).mapToObj(i -> token + "-" + i).toList();
        Parallel.run(tokens, each -> {
            var kind = Integer.parseInt(each.substring(each.lastIndexOf('-') + 1)) % 2 == 0 ? "async" : "stage";
            var response = api.get("api/orders/" + each + "/" + kind, each);
            assertEquals(200, response.statusCode());
            assertEquals(each, response.headers().firstValue("X-Request-Id").orElse(null));
        });

        for (var each : tokens) {
            var row = api.awaitRow(each);
            assertEquals(each, Api.object(text(row, "arguments")).getString("id"));
            assertTrue(text(row, "response_body").contains(" " + each + "\""), text(row, "response_body"));
            assertEquals("200", text(row, "status"));
            assertEquals(1, api.rows("correlation_id", each).size(), "exactly one row for " + each);
        }
    }

    private JsonObject awaitMethodRow(String operation) {
        var rows = api.awaitRows("operation", operation, 1);
        for (int attempt = 0; attempt < 200; attempt++) {
            for (var row : rows) {
                if (text(row.asJsonObject(), "arguments").contains(token)) {
                    return row.asJsonObject();
                }
            }
            sleep();
            rows = api.rows("operation", operation);
        }
        throw new AssertionError("no METHOD row for " + token + " in " + rows);
    }

    /** Exactly one row for the call, one CallStarted, one CallEnded, and {@code failures} CallFailed. */
    private void assertOneRowAndEvents(int failures) {
        var events = api.awaitEvents(token, e -> countSync(e, "CallEnded") >= 1 && countAsync(e, "CallEnded") >= 1);
        assertEquals(1, countSync(events, "CallStarted"), events::toString);
        assertEquals(1, countSync(events, "CallEnded"), events::toString);
        assertEquals(failures, countSync(events, "CallFailed"), events::toString);
        assertEquals(1, api.rows("correlation_id", token).size(), "exactly one row");
        var ended = events.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("event").equals("CallEnded")).findFirst().orElseThrow();
        assertTrue(ended.getBoolean("hasEnd"), "CallEnded carries the final record");
        assertEquals(text(api.awaitRow(token), "id"), ended.getString("id"));
    }

    static long countSync(JsonArray events, String event) {
        return count(events, event, "sync");
    }

    static long countAsync(JsonArray events, String event) {
        return count(events, event, "async");
    }

    private static long count(JsonArray events, String event, String delivery) {
        return events.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("event").equals(event) && e.getString("delivery").equals(delivery))
                .count();
    }

    static String text(JsonObject row, String column) {
        var value = row.get(column);
        if (value == null) {
            throw new AssertionError("no column " + column + " in " + row.keySet());
        }
        return value.getValueType() == JsonValue.ValueType.NULL ? null : row.getString(column);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

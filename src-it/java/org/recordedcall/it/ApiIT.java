package org.recordedcall.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordedcall.RecordedCallSettings;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query API and the dashboard on a real server: off by default, only for the role,
 * every filter validated, keyset paging, stats, curl and JSON-lines export.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ApiIT {

    static final String VIEWER = "viewer:recorded-call-viewer";

    // one deployment: Payara Micro's adapter starts a server per deployment and leaves the others running.
    // The API off by default, and moved by web.xml: RecordingIT.
    @Deployment(name = "api", testable = false)
    static WebArchive enabled() {
        return Deployments.onTheSuitesStore("api", Map.of(RecordedCallSettings.API_ENABLED, "true",
                RecordedCallSettings.RETENTION_MAX_AGE_DAYS, "30",
                RecordedCallSettings.RETENTION_INTERVAL_MS, "500",
                RecordedCallSettings.RETENTION_BATCH_SIZE, "4",
                // MicroProfile Telemetry on (Payara: a server span per Jakarta REST request), nothing exported
                "otel.sdk.disabled", "false",
                "otel.traces.exporter", "none",
                "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none"));
    }

    @ArquillianResource
    URL base;

    Api api;
    String run;

    @BeforeEach
    void connect() {
        api = new Api(base);
        run = "api-" + UUID.randomUUID();
    }

    // ---- security

    @Test
    void onlyCallersInTheRole() {
        var anonymous = api.send(api.request("recorded-calls/api/calls").GET());
        var stranger = api.send(api.request("recorded-calls/api/calls").header("X-Test-Login", "mallory:user").GET());
        var viewer = viewer("recorded-calls/api/calls");
        var page = api.send(api.request("recorded-calls/dashboard").header("X-Test-Login", "mallory:user").GET());

        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(403, stranger.statusCode());
        assertEquals("forbidden", Api.object(stranger.body()).getString("code"));
        assertEquals(200, viewer.statusCode());
        assertEquals(403, page.statusCode());
    }

    @Test
    void theApplicationSeesNothingOfTheApi() {
        // the application scans for resources: the jar must give it none
        assertEquals(404, api.send(api.request("api/api/calls").header("X-Test-Login", VIEWER).GET()).statusCode());
        assertEquals(404, api.send(api.request("api/dashboard").header("X-Test-Login", VIEWER).GET()).statusCode());
        // Jersey (Payara) describes the application's resources in a WADL; RESTEasy (WildFly) has none
        var wadl = api.send(api.request("api/application.wadl").GET());
        if (wadl.statusCode() == 200) {
            assertTrue(wadl.body().contains("path=\"orders\""), "the application's own resources are there: " + wadl.body());
            for (var ours : List.of("dashboard", "path=\"api\"", "curl", "series", "org.recordedcall.internal")) {
                assertFalse(wadl.body().contains(ours), ours + " in the application's WADL: " + wadl.body());
            }
        }
    }

    @Test
    void aListHoldsSummariesAndTheWholeCallsOnlyWhenAsked() {
        api.send(api.request("api/orders").header("X-Request-Id", run).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"" + run + "\",\"quantity\":1}")));
        api.awaitRow(run);

        var summary = page("correlationId=" + run).getJsonArray("calls").getJsonObject(0);
        var whole = page("correlationId=" + run + "&full=true").getJsonArray("calls").getJsonObject(0);

        for (var field : List.of("id", "correlationId", "startedAt", "durationNanos", "httpMethod", "path", "route",
                "status", "outcome", "operation")) {
            assertTrue(summary.containsKey(field), field + " in " + summary);
        }
        for (var field : List.of("requestHeaders", "requestBody", "arguments", "result", "responseBody", "stackTrace")) {
            assertFalse(summary.containsKey(field), field + " in a summary: " + summary);
        }
        assertTrue(whole.getString("requestBody").contains(run), whole::toString);
        assertEquals(summary.getString("id"), whole.getString("id"));
        assertEquals(400, viewer("recorded-calls/api/calls?full=maybe").statusCode());
        assertEquals(400, viewer("recorded-calls/api/calls/export?full=true").statusCode(), "the export is whole always");
    }

    @Test
    void theApiIsReadOnly() {
        var post = api.send(api.request("recorded-calls/api/calls").header("X-Test-Login", VIEWER)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(405, post.statusCode());
        assertEquals("method_not_allowed", Api.object(post.body()).getString("code"));
        assertTrue(post.headers().firstValue("Allow").orElse("").contains("GET"), post.headers().map().toString());
        var unknown = viewer("recorded-calls/api/nothing-here");
        assertEquals(404, unknown.statusCode());
        assertEquals("not_found", Api.object(unknown.body()).getString("code"));
    }

    @Test
    void theApisOwnCallsAreNotRecorded() {
        var marker = run + "-self";
        viewer("recorded-calls/api/calls?correlationId=" + marker);
        api.get("api/orders/1", run + "-after");
        api.awaitRow(run + "-after");

        assertEquals(0, api.rows("correlation_id", marker).size());
        assertEquals(0, page("correlationId=" + marker).getJsonArray("calls").size());
    }

    // ---- list, one, paging

    @Test
    void everyFilterNarrowsTheList() {
        var started = Instant.now();
        for (int i = 0; i < 6; i++) {
            var call = api.request("api/orders/" + i).header("X-Request-Id", run + "-" + i);
            if (i % 2 == 0) {
                call.header("X-Test-User", "alice");
            }
            api.send(call.GET());
        }
        api.send(api.request("api/orders/9/reject").header("X-Request-Id", run + "-rejected")
                .POST(HttpRequest.BodyPublishers.noBody()));
        api.send(api.request("api/orders/9/crash").header("X-Request-Id", run + "-crash").GET());
        api.awaitRow(run + "-crash");

        assertEquals(List.of(run + "-3"), ids(page("correlationId=" + run + "-3")));
        var since = "from=" + started;
        assertEquals(8, ours(page(since + "&limit=1000")).size(), () -> ours(page(since + "&limit=1000")) + " of "
                + ours(page("limit=1000")));
        assertEquals(6, ids(page(since + "&route=" + Api.encode("/api/orders/{id}") + "&limit=1000")).stream()
                .filter(id -> id.startsWith(run)).count());
        assertEquals(List.of(run + "-4", run + "-2", run + "-0"), ours(page(since + "&principal=alice")));
        assertEquals(List.of(run + "-crash"), ours(page(since + "&outcome=SERVER_ERROR")));
        assertEquals(List.of(run + "-crash"), ours(page(since + "&exception=java.lang.IllegalStateException")));
        assertEquals(List.of(run + "-rejected"), ours(page(since + "&status=409&method=post")));
        assertEquals(List.of(run + "-5"), ours(page(since + "&path=" + Api.encode("/api/orders/5"))));
        assertTrue(ours(page(since + "&minDurationMs=60000")).isEmpty());
        assertTrue(ours(page("to=" + started)).isEmpty());
        assertEquals(List.of(run + "-0", run + "-1"), ours(page(since + "&order=oldest&limit=1000")).subList(0, 2));
    }

    @Test
    void keysetPagesWalkEveryCallOnce() {
        var started = Instant.now();
        for (int i = 0; i < 25; i++) {
            api.get("api/orders/" + i, run + "-" + i);
        }
        api.awaitRow(run + "-24");

        for (var order : List.of("NEWEST", "OLDEST", "SLOWEST")) {
            var seen = new ArrayList<String>();
            String after = null;
            var pages = 0;
            do {
                var page = page("from=" + started + "&order=" + order + "&limit=7" + (after == null ? "" : "&after=" + after));
                seen.addAll(ids(page));
                after = page.containsKey("next") && !page.isNull("next") ? page.getString("next") : null;
                pages++;
            } while (after != null);
            var mine = seen.stream().filter(id -> id.startsWith(run)).toList();
            assertEquals(25, mine.size(), order);
            assertEquals(25, new HashSet<>(mine).size(), order + ": each once");
            assertTrue(pages >= 4, order + ": " + pages + " pages");
        }
    }

    @Test
    void theServersH2PagesEachOrderInTimeFromAnIndex() {
        for (int i = 0; i < 3; i++) {
            api.get("api/orders/" + i, run + "-" + i);
        }
        api.awaitRow(run + "-2");

        var answer = api.send(api.request("api/_it/plans").GET());
        Assumptions.assumeFalse(answer.statusCode() == 404, "the suite's store is not H2: " + answer.body());
        assertEquals(200, answer.statusCode(), answer.body());
        var plans = Api.array(answer.body());
        // every page the test asked for, and any page another thread read meanwhile (the purge's, the newest calls)
        assertTrue(plans.size() >= org.recordedcall.it.app.QueryPlans.PAGES, "" + plans);
        var slowest = 0;
        for (var plan : plans.getValuesAs(jakarta.json.JsonString.class)) {
            if (org.recordedcall.it.app.QueryPlans.isSlowestFirst(plan.getString())) {
                slowest++; // sorted: H2's DDL has no index on the duration (QueryPlans)
            } else {
                assertTrue(plan.getString().contains("/* index sorted */"), plan.getString());
            }
        }
        assertEquals(org.recordedcall.it.app.QueryPlans.SLOWEST_PAGES, slowest, "" + plans);
    }

    @Test
    void oneCallInFullAndAMissingOne() {
        api.send(api.request("api/orders").header("X-Request-Id", run).header("Content-Type", "application/json")
                .header("Authorization", "Bearer very-secret")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"pen\",\"quantity\":2,\"password\":\"hunter2\"}")));
        var row = api.awaitRow(run);

        var call = Api.object(viewer("recorded-calls/api/calls/" + RecordingIT.text(row, "id")).body());
        var missing = viewer("recorded-calls/api/calls/" + UUID.randomUUID());

        assertEquals(run, call.getString("correlationId"));
        assertEquals("POST", call.getString("httpMethod"));
        assertFalse(call.toString().contains("hunter2"), "masked");
        assertFalse(call.toString().contains("very-secret"), "masked");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", Api.object(missing.body()).getString("code"));
    }

    // ---- validation

    @Test
    void everyMalformedFilterIsA400ThatNamesIt() {
        var cases = Map.ofEntries(
                Map.entry("from=yesterday", "from"),
                Map.entry("to=2026-13-01T00:00:00Z", "to"),
                Map.entry("status=999", "status"),
                Map.entry("status=abc", "status"),
                Map.entry("limit=0", "limit"),
                Map.entry("limit=1001", "limit"),
                Map.entry("outcome=MAYBE", "outcome"),
                Map.entry("order=SIDEWAYS", "order"),
                Map.entry("minDurationMs=-5", "minDurationMs"),
                Map.entry("after=not-a-cursor", "after"),
                Map.entry("colour=red", "colour"),
                Map.entry("status=200&status=404", "status"),
                Map.entry("from=2026-11-21T10:00:00Z&to=2026-11-21T09:00:00Z", "from"),
                Map.entry("route=" + "r".repeat(2000), "route"),
                // every numeric and time parameter at its type's edges
                Map.entry("minDurationMs=9223372036855", "minDurationMs"),
                Map.entry("minDurationMs=9223372036854775807", "minDurationMs"),
                Map.entry("minDurationMs=9223372036854775808", "minDurationMs"),
                Map.entry("minDurationMs=-9223372036854775808", "minDurationMs"),
                Map.entry("from=%2B999999999-12-31T23:59:59Z", "from"),
                Map.entry("to=-999999999-01-01T00:00:00Z", "to"),
                Map.entry("from=-0001-12-31T23:59:59Z", "from"),
                Map.entry("to=%2B10000-01-01T00:00:00Z", "to"),
                Map.entry("status=" + Api.encode("５００"), "status"),
                Map.entry("limit=" + Api.encode("１０"), "limit"),
                Map.entry("minDurationMs=" + Api.encode("٣"), "minDurationMs"),
                Map.entry("status=2147483648", "status"),
                Map.entry("status=-2147483649", "status"),
                Map.entry("limit=-1", "limit"),
                Map.entry("limit=%2B", "limit"),
                Map.entry("after=" + cursor("NEWEST|9223372036854775807|x"), "after"),
                Map.entry("after=" + cursor("NEWEST|-9223372036854775808|x"), "after"),
                Map.entry("after=" + cursor("NEWEST|" + "１２" + "|x"), "after"),
                Map.entry("order=SLOWEST&after=" + cursor("SLOWEST|99999999999999999999|x"), "after"));
        cases.forEach((query, named) -> {
            var response = viewer("recorded-calls/api/calls?" + query);
            assertEquals(400, response.statusCode(), query + " -> " + response.body());
            var body = Api.object(response.body());
            assertEquals("bad_request", body.getString("code"));
            assertTrue(body.getString("message").contains(named), query + " -> " + body);
        });
        assertEquals(400, viewer("recorded-calls/api/stats?from=nope").statusCode());
        assertEquals(400, viewer("recorded-calls/api/stats?slowest=101").statusCode());
        assertEquals(400, viewer("recorded-calls/api/series?buckets=0").statusCode());
        for (var window : List.of("stats", "series")) {
            for (var edge : List.of("from=%2B999999999-12-31T23:59:59Z", "to=-999999999-01-01T00:00:00Z",
                    "buckets=" + Api.encode("６"), "slowest=" + Api.encode("٣"), "buckets=4294967297")) {
                if (edge.startsWith(window.equals("stats") ? "buckets" : "slowest")) {
                    continue;
                }
                var response = viewer("recorded-calls/api/" + window + "?" + edge);
                assertEquals(400, response.statusCode(), window + "?" + edge + " -> " + response.body());
                var name = edge.substring(0, edge.indexOf('='));
                assertTrue(Api.object(response.body()).getString("message").contains(name), response::body);
            }
        }
    }

    private static String cursor(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theWidestWindowsAreAnsweredNotOverflowed() {
        api.get("api/orders/1", run);
        api.awaitRow(run);

        var all = "from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999999999Z";
        assertEquals(1, page(all + "&correlationId=" + run).getJsonArray("calls").size(), "every year the API takes");
        assertEquals(0, page("from=9999-12-31T23:59:59Z&correlationId=" + run).getJsonArray("calls").size());
        assertEquals(0, page("to=0001-01-01T00:00:01Z&correlationId=" + run).getJsonArray("calls").size());
        assertEquals(0, page("minDurationMs=9223372036854&correlationId=" + run).getJsonArray("calls").size());
        assertEquals(1, page("minDurationMs=0&correlationId=" + run).getJsonArray("calls").size());

        var series = viewer("recorded-calls/api/series?" + all + "&buckets=500");
        assertEquals(200, series.statusCode(), series::body);
        var buckets = Api.array(series.body());
        assertEquals(500, buckets.size());
        assertTrue(buckets.stream().mapToLong(b -> b.asJsonObject().getJsonNumber("count").longValue()).sum() >= 1,
                series::body);
        var tiny = viewer("recorded-calls/api/series?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00.000000001Z&buckets=500");
        assertEquals(200, tiny.statusCode(), "a window narrower than its buckets: " + tiny.body());
        var stats = viewer("recorded-calls/api/stats?" + all);
        assertEquals(200, stats.statusCode(), stats::body);
        var earliest = viewer("recorded-calls/api/stats?to=0001-01-01T00:30:00Z");
        assertEquals(200, earliest.statusCode(), "the default hour before 'to' stops at year 1: " + earliest.body());
    }

    @Test
    void aFilterValueIsNeverSql() {
        api.get("api/orders/1", run);
        api.awaitRow(run);

        var injected = page("route=" + Api.encode("x' or '1'='1") + "&principal=" + Api.encode("' or 1=1 --"));
        var wildcard = page("path=" + Api.encode("%"));

        assertEquals(0, injected.getJsonArray("calls").size());
        assertEquals(0, wildcard.getJsonArray("calls").size());
        assertEquals(1, page("correlationId=" + run).getJsonArray("calls").size(), "the table is still there");
    }

    // ---- stats and exports

    @Test
    void statsPerRouteAndOverall() {
        var started = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            api.get("api/orders/" + i, run + "-" + i);
        }
        api.send(api.request("api/orders/9/crash").header("X-Request-Id", run + "-crash").GET());
        api.awaitRow(run + "-crash");

        var stats = Api.object(viewer("recorded-calls/api/stats?from=" + started + "&slowest=3").body());

        assertTrue(stats.getJsonObject("overall").getInt("count") >= 6, stats.toString());
        assertTrue(stats.getJsonObject("overall").getInt("serverErrors") >= 1, stats.toString());
        var routes = stats.getJsonArray("routes").stream().map(JsonValue::asJsonObject)
                .filter(r -> "/api/orders/{id}".equals(r.getString("route", null))).toList();
        assertEquals(1, routes.size(), stats.toString());
        assertTrue(routes.get(0).getInt("count") >= 5);
        assertTrue(routes.get(0).getJsonNumber("p99Millis").doubleValue() >= routes.get(0).getJsonNumber("p50Millis").doubleValue());
        assertEquals(3, stats.getJsonArray("slowest").size());
        var series = Api.array(viewer("recorded-calls/api/series?from=" + started + "&buckets=10").body());
        assertEquals(10, series.size());
        assertTrue(series.stream().mapToInt(b -> b.asJsonObject().getInt("count")).sum() >= 6);
    }

    @Test
    void aCallExportedAsCurlRunsAgain() throws Exception {
        api.send(api.request("api/orders?tag=" + run).header("X-Request-Id", run).header("Content-Type", "application/json")
                .header("Authorization", "Bearer very-secret")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"" + run + "\",\"quantity\":3}")));
        var id = RecordingIT.text(api.awaitRow(run), "id");

        var curl = viewer("recorded-calls/api/calls/" + id + "/curl").body();

        assertTrue(curl.contains("curl --globoff -X 'POST' 'http://"), curl);
        assertTrue(curl.contains("/api/orders?tag=" + run + "'"), curl);
        assertTrue(curl.contains("-H 'authorization: ***'"), curl);
        assertTrue(curl.contains("# *** marks a masked value"), curl);
        assertTrue(curl.contains("--data-raw '{\"item\":\"" + run + "\",\"quantity\":3}'"), curl);
        // run it: the same request again, recorded again
        var script = Files.createTempFile("curl", ".sh");
        try {
            Files.writeString(script, curl.replace("curl ", "curl -s --max-time 20 -o /dev/null -w '%{http_code}' -H 'X-Request-Id: " + run + "-again' "));
            var process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals("201", new String(process.getInputStream().readAllBytes()).trim());
        } finally {
            Files.deleteIfExists(script);
        }
        var again = api.awaitRow(run + "-again");
        assertEquals(RecordingIT.text(api.awaitRow(run), "request_body"), RecordingIT.text(again, "request_body"));
    }

    @Test
    void aFilteredListExportedAsJsonLines() {
        for (int i = 0; i < 12; i++) {
            api.get("api/orders/" + i, run + "-" + i);
        }
        api.awaitRow(run + "-11");
        var started = Api.object(viewer("recorded-calls/api/calls/" + RecordingIT.text(api.awaitRow(run + "-0"), "id")).body())
                .getString("startedAt");

        var response = viewer("recorded-calls/api/calls/export?order=OLDEST&from=" + started + "&limit=10");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        var lines = response.body().lines().toList();
        assertEquals(10, lines.size());
        assertEquals(run + "-0", Api.object(lines.get(0)).getString("correlationId"));
        assertEquals(run + "-9", Api.object(lines.get(9)).getString("correlationId"));
        var unlimited = viewer("recorded-calls/api/calls/export?correlationId=" + run + "-3");
        assertEquals(200, unlimited.statusCode(), "no limit: up to 100 000; " + unlimited.body());
        assertEquals(1, unlimited.body().lines().count());
        assertEquals(400, viewer("recorded-calls/api/calls/export?limit=100001").statusCode());
    }

    @Test
    void aCallJoinsTheServerSpanWhereOpenTelemetryIsActive() {
        var response = api.send(api.request("api/orders/7").header("X-Request-Id", run)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").GET());

        assertEquals(200, response.statusCode());
        var row = api.awaitRow(run);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", RecordingIT.text(row, "trace_id"), "the trace the client began");
        var span = RecordingIT.text(row, "span_id");
        if (System.getProperty("arquillian.xml", "").contains("wildfly")) {
            assertNull(span, "WildFly's default configuration has no OpenTelemetry: the header alone names the trace");
        } else {
            assertTrue(span != null && span.matches("[0-9a-f]{16}") && !span.equals("00f067aa0ba902b7"),
                    "Payara's server span, a child of the client's: " + span);
        }
    }

    @Test
    void callsAreFoundByTheirAttributes() {
        for (var which : List.of("a", "b")) {
            api.send(api.request("api/orders/" + run + "-" + which + "/audited").header("X-Request-Id", run + "-" + which)
                    .header("X-Tenant", (which.equals("a") ? "acme " : "other ") + run).GET());
            api.awaitRow(run + "-" + which);
        }
        var tenant = "attribute=" + Api.encode("tenant:acme " + run);

        var page = Api.object(viewer("recorded-calls/api/calls?" + tenant).body()).getJsonArray("calls");
        assertEquals(1, page.size(), page.toString());
        assertEquals(run + "-a", page.getJsonObject(0).getString("correlationId"));
        assertEquals("acme " + run, page.getJsonObject(0).getJsonObject("attributes").getString("tenant"),
                "the summary shows the attributes");
        var both = "recorded-calls/api/calls?" + tenant + "&attribute=" + Api.encode("order:" + run + "-");
        assertEquals(0, Api.object(viewer(both).body()).getJsonArray("calls").size(), "a value matches whole, not a prefix");
        assertEquals(1, Api.object(viewer(both.replaceFirst("-$", "-a")).body()).getJsonArray("calls").size(),
                "every attribute given applies");
        for (var bad : List.of("tenant", "ten%20ant:acme", ":acme", "tenant:a&attribute=tenant:b")) {
            var refused = viewer("recorded-calls/api/calls?attribute=" + bad);
            assertEquals(400, refused.statusCode(), bad);
            assertTrue(Api.object(refused.body()).getString("message").startsWith("attribute:"), refused.body());
        }
    }

    @Test
    void theDashboardIsServedFromTheJar() {
        var response = viewer("recorded-calls/dashboard");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("<title>Recorded calls</title>"));
        assertFalse(response.body().contains("http://") || response.body().contains("https://"), "nothing from elsewhere");
        var policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertFalse(response.body().matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "no inline script: " + response.body());
        assertFalse(response.body().contains(" style=") || response.body().contains("<style"), "no inline style");
        for (var file : Map.of("dashboard.js", "text/javascript", "dashboard.css", "text/css",
                "uplot/uPlot.iife.min.js", "text/javascript", "uplot/uPlot.min.css", "text/css").entrySet()) {
            var served = viewer("recorded-calls/" + file.getKey());
            assertEquals(200, served.statusCode(), file.getKey());
            assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith(file.getValue()), file::getKey);
            assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(null), file.getKey());
            assertEquals(404, api.send(api.request("api/" + file.getKey()).header("X-Test-Login", VIEWER).GET())
                    .statusCode(), "not through the application's own path: " + file.getKey());
        }
    }

    @Test
    void everyAnswerOfTheApiIsNeitherCachedNorSniffed() {
        api.get("api/orders/1", run);
        var id = RecordingIT.text(api.awaitRow(run), "id");
        var answers = Map.of(
                "a page", viewer("recorded-calls/api/calls?correlationId=" + run),
                "one call", viewer("recorded-calls/api/calls/" + id),
                "curl", viewer("recorded-calls/api/calls/" + id + "/curl"),
                "export", viewer("recorded-calls/api/calls/export?correlationId=" + run),
                "stats", viewer("recorded-calls/api/stats"),
                "a 400", viewer("recorded-calls/api/calls?status=abc"),
                "a 404", viewer("recorded-calls/api/calls/no-such-call"),
                "a 401", api.send(api.request("recorded-calls/api/calls").GET()),
                "a 403", api.send(api.request("recorded-calls/api/calls").header("X-Test-Login", "mallory:user").GET()),
                "the dashboard", viewer("recorded-calls/dashboard"));
        answers.forEach((what, response) -> {
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null), what);
        });
    }

    @Test
    void theDashboardInChromiumChartsTheWindowTablesTheRoutesAndShowsOneCallMasked() {
        // recorded data that would run if the page took it as markup: it must show as text
        var attack = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
        api.send(api.request("api/orders").header("X-Request-Id", run).header("X-Note", attack)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"item\":\"" + run + "\",\"quantity\":2,\"password\":\"hunter2\"}")));
        var id = RecordingIT.text(api.awaitRow(run), "id");
        var route = Api.object(viewer("recorded-calls/api/calls/" + id).body()).getString("route");
        // the view the fragment names: the last 15 minutes, this route only, this call open
        var page = base.toString().replaceFirst("^http://[^/:]+", "http://127.0.0.1") + "api/_it/login?as="
                + Api.encode(VIEWER) + "&then=" + Api.encode("/recorded-calls/dashboard#window=15m&route="
                + Api.encode(route) + "&call=" + id);

        var dom = Chromium.dom(page, 15_000);

        // the chart: uPlot drew it, with a labelled time axis, and counted the call
        var chart = excerpt(dom, "<div id=\"chart\"");
        assertTrue(chart.contains("data-rendered=\"true\"") && chart.contains("class=\"uplot"), "the chart rendered: " + chart);
        assertTrue(Integer.parseInt(chart.replaceAll("(?s).*data-calls=\"(\\d+)\".*", "$1")) >= 1, chart);
        var ticks = chart.replaceAll("(?s).*data-x-ticks=\"([^\"]*)\".*", "$1").split(" \\| ");
        assertTrue(ticks.length >= 3 && java.util.Arrays.stream(ticks).allMatch(t -> t.matches(".*\\d:\\d\\d.*")),
                "the time axis is labelled with times: " + String.join(" | ", ticks));
        assertTrue(dom.contains("u-legend") && dom.contains(">p99<"), "the legend names the lines");
        // the routes: the call's route is a row, chosen, and the list shows only its calls
        var routes = excerpt(dom, "<table id=\"routes\"");
        assertTrue(dom.contains("<tr data-route=\"" + route.replace("\"", "&quot;") + "\" class=\"selected\""),
                "the route is a row of the table, chosen: " + routes);
        var list = dom.substring(dom.indexOf("<table id=\"calls\""), dom.indexOf("</table>", dom.indexOf("<table id=\"calls\"")));
        assertTrue(list.contains("<tr data-id=\"" + id + "\""), "the list shows the call just made: " + list);
        var titles = java.util.regex.Pattern.compile("class=\"path\" title=\"([^\"]*)\"").matcher(list).results()
                .map(m -> m.group(1)).toList();
        assertFalse(titles.isEmpty(), list);
        assertTrue(titles.stream().allMatch(("route " + route)::equals), "only the route's calls: " + titles);
        // the call: in the side panel, its body masked and indented, nothing recorded taken as markup
        var detail = excerpt(dom, "<aside id=\"detail\"");
        assertTrue(detail.contains("data-id=\"" + id + "\"") && !detail.contains(" hidden"), "the detail panel is open: " + detail);
        var body = excerpt(dom, "data-field=\"requestBody\"");
        assertTrue(body.contains("\"password\": \"***\"") && body.contains("\n  \"quantity\": 2"),
                "the detail shows the masked body, indented: " + body);
        assertFalse(dom.contains("hunter2"), "no secret on the page");
        assertTrue(dom.contains("<title>Recorded calls</title>") && !dom.contains("pwned</title>"), "nothing recorded ran");
        assertFalse(dom.contains("<img src=\"x\"") || dom.contains("<img src=x"), "recorded markup is not markup");
        assertTrue(dom.contains("&lt;img src=x"), "it is shown as text: " + excerpt(dom, "data-field=\"requestHeaders\""));
        assertEquals("", excerpt(dom, "<div id=\"error\"").replaceAll("(?s)<div id=\"error\"[^>]*>(.*?)</div>.*", "$1"),
                "no error shown");
    }

    private static String excerpt(String dom, String from) {
        var at = dom.indexOf(from);
        var error = java.util.regex.Pattern.compile("(ERR_[A-Z_]+|<title>[^<]*</title>)").matcher(dom);
        var found = new StringBuilder();
        while (error.find()) {
            found.append(error.group()).append(' ');
        }
        return at < 0 ? "(no " + from + " in the page; " + found + ")"
                : dom.substring(at, Math.min(dom.length(), at + 600));
    }

    // ---- retention

    /**
     * The purge by age, on schedule. On the partitioned table (the PostgreSQL suite's second run),
     * the old calls are in partitions of their own, as days of recording leave them: the partition
     * wholly older than the age is detached and dropped, the younger one is kept with its rows.
     */
    @Test
    void callsOlderThanTheMaxAgeArePurgedOnScheduleAndCounted() throws Exception {
        var partitioned = !Postgres.partitions().isEmpty();
        var old = "it_old_" + run.substring(4, 12);
        var young = "it_young_" + run.substring(4, 12);
        try {
            purgedOnSchedule(partitioned, old, young);
        } finally {
            if (partitioned) {
                try (var db = Postgres.connect(); var sql = db.createStatement()) {
                    sql.execute("DROP TABLE IF EXISTS " + old + ", " + young);
                }
            }
        }
    }

    private void purgedOnSchedule(boolean partitioned, String old, String young) throws Exception {
        var before = Api.object(api.send(api.request("api/_it/writer").GET()).body()).getJsonNumber("purged").longValue();
        if (partitioned) {
            partition(old, run + "-old", 10, 40);
            partition(young, run + "-young", 3, 20);
        } else {
            api.send(api.request("api/_it/rows/aged?mark=" + run + "-old&count=10&days=40").POST(HttpRequest.BodyPublishers.noBody()));
            api.send(api.request("api/_it/rows/aged?mark=" + run + "-young&count=3&days=20").POST(HttpRequest.BodyPublishers.noBody()));
        }
        api.get("api/orders/1", run + "-now");

        var deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && (!api.rows("correlation_id", run + "-old-9").isEmpty()
                || partitioned && exists(old))) {
            Thread.sleep(100);
        }

        for (int i = 0; i < 10; i++) {
            assertEquals(0, api.rows("correlation_id", run + "-old-" + i).size(), "purged: old-" + i);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(1, api.rows("correlation_id", run + "-young-" + i).size(), "kept: young-" + i);
        }
        api.awaitRow(run + "-now");
        var purged = Api.object(api.send(api.request("api/_it/writer").GET()).body()).getJsonNumber("purged").longValue();
        assertTrue(purged - before >= 10, "counted: " + (purged - before));
        if (partitioned) {
            try (var db = Postgres.connect(); var sql = db.createStatement()) {
                assertEquals(0, count(sql, "select count(*) from pg_class where relname = '" + old + "'"),
                        "the old partition is dropped, not emptied");
                assertEquals(3, count(sql, "select count(*) from " + young),
                        "the younger partition and its rows are untouched");
            }
        }
    }

    /**
     * On the partitioned table, a call for a time with no partition yet lands in the default
     * partition; when the scheduled task makes its partition, the call moves into it.
     */
    @Test
    void aCallWithNoPartitionLandsInTheDefaultOneAndMovesIntoItsPartitionWhenMade() throws Exception {
        Assumptions.assumeFalse(Postgres.partitions().isEmpty(), "the partitioned table only (the PostgreSQL suite's second run)");
        var start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        var id = run.substring(4); // a UUID, as ids are
        var name = "recorded_call_p" + DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(start);
        try (var db = Postgres.connect(); var sql = db.createStatement()) {
            // made ahead (just after midnight, UTC, perhaps only by the task's next run)
            var made = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(made)
                    && count(sql, "select count(*) from pg_inherits where inhrelid = to_regclass('" + name + "')") == 0) {
                Thread.sleep(100);
            }
            // the day after tomorrow's partition gone, and a call for that day stored, in one go:
            // the scheduled task sees either the partition or the call in the default partition
            db.setAutoCommit(false);
            sql.execute("ALTER TABLE recorded_call DETACH PARTITION " + name);
            sql.execute("DROP TABLE " + name);
            sql.execute("insert into recorded_call (id, correlation_id, kind, request_body_truncated, "
                    + "response_body_truncated, started_at) values ('" + id + "', '" + run + "', 'HTTP', false, false, '"
                    + start.plus(Duration.ofHours(5)) + "')");
            assertEquals(1, count(sql, "select count(*) from recorded_call_default where id = '" + id + "'"),
                    "the call lands in the default partition");
            db.commit();
            db.setAutoCommit(true);

            var deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)
                    && count(sql, "select count(*) from pg_inherits where inhrelid = to_regclass('" + name + "')") == 0) {
                Thread.sleep(100);
            }
            assertEquals(1, count(sql, "select count(*) from " + name + " where id = '" + id + "'"), "moved into " + name);
            assertEquals(0, count(sql, "select count(*) from recorded_call_default where id = '" + id + "'"));
            assertEquals(id, page("correlationId=" + run).getJsonArray("calls").getJsonObject(0).getString("id"),
                    "the query API finds it there");
        }
    }

    /**
     * A partition of three days around {@code days} ago holding {@code count} calls marked
     * {@code mark-0…}, as earlier days of recording leave one: filled, then attached, in one
     * transaction, so that the purge never sees it empty.
     */
    private static void partition(String name, String mark, int count, int days) throws SQLException {
        var started = Instant.now().minus(Duration.ofDays(days));
        try (var db = Postgres.connect(); var sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("CREATE TABLE " + name + " (LIKE recorded_call INCLUDING DEFAULTS)");
            sql.execute("INSERT INTO " + name + " (id, correlation_id, kind, request_body_truncated, response_body_truncated,"
                    + " started_at, ended_at, duration_nanos, outcome) SELECT gen_random_uuid()::text, '" + mark + "-' || i,"
                    + " 'HTTP', false, false, timestamptz '" + started + "' + i * interval '1 second', timestamptz '" + started
                    + "' + i * interval '1 second', 1000, 'SUCCESS' FROM generate_series(0, " + (count - 1) + ") i");
            sql.execute("ALTER TABLE recorded_call ATTACH PARTITION " + name + " FOR VALUES FROM ('"
                    + started.minus(Duration.ofDays(1)) + "') TO ('" + started.plus(Duration.ofDays(2)) + "')");
            db.commit();
        }
    }

    private static boolean exists(String table) throws SQLException {
        try (var db = Postgres.connect(); var sql = db.createStatement()) {
            return count(sql, "select count(*) from pg_class where relname = '" + table + "'") > 0;
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (var result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    // ---- helpers

    private HttpResponse<String> viewer(String path) {
        return api.send(api.request(path).header("X-Test-Login", VIEWER).GET());
    }

    private JsonObject page(String query) {
        var response = viewer("recorded-calls/api/calls?" + query);
        assertEquals(200, response.statusCode(), response.body());
        return Api.object(response.body());
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("calls").stream().map(call -> call.asJsonObject().getString("correlationId")).toList();
    }

    private List<String> ours(JsonObject page) {
        return ids(page).stream().filter(id -> id.startsWith(run)).toList();
    }
}

package org.recordedcall.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordedcall.RecordedCallSettings;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer against a real database that fails, on a real server: PostgreSQL stopped under
 * load, and a call whose value PostgreSQL refuses. The API's responses never change; every call is
 * stored or counted. (The undeploy under load is in {@link LifecycleIT}.)
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class WriterFaultIT {

    /** Small, so that the outage overflows it and the count of dropped calls is checked exactly. */
    private static final int QUEUE_CAPACITY = 120;

    /**
     * On WildFly by batched INSERT: the pool of a {@code <data-source>} there drops a connection
     * that the outage broke only when something other than an {@code SQLException} comes out of
     * it, which happens only because the driver's batched INSERT then fails an assertion (the
     * adapter runs WildFly with {@code -ea}). A copy meeting the broken connection first may
     * close it quietly, and the pool keeps it for good. Payara's pool checks its connections, and
     * runs the outage by COPY.
     */
    @Deployment(name = "faults", testable = false)
    static WebArchive faults() {
        var settings = new HashMap<String, String>(Map.of(
                RecordedCallSettings.WRITER_QUEUE_CAPACITY, String.valueOf(QUEUE_CAPACITY),
                RecordedCallSettings.WRITER_BATCH_SIZE, "20",
                RecordedCallSettings.WRITER_MAX_BACKOFF_MS, "1000",
                RecordedCallSettings.HEALTH_OUTAGE_SECONDS, "1",
                RecordedCallSettings.HEALTH_DROPPED_WINDOW_SECONDS, "2"));
        if (!Deployments.onPayara()) {
            settings.put(RecordedCallSettings.STORE_POSTGRES_COPY, "false");
        }
        return Deployments.onPostgres("faults", settings);
    }

    @ArquillianResource
    URL base;

    @Test
    void anOutageUnderLoadChangesNoResponseAndEveryCallIsStoredOrCountedAsDropped() throws Exception {
        var api = new Api(base);
        var run = "outage-" + UUID.randomUUID();
        var tokens = IntStream.range(0, 300).mapToObj(i -> run + "-" + i).toList();
        var before = writer(api);

        Parallel.run(tokens.subList(0, 50), token -> assertCreated(api, token));
        var down = Instant.now();
        Postgres.stop();
        try {
            Parallel.run(tokens.subList(50, 300), token -> assertCreated(api, token));
            awaitWriterFailureSince(api, down);
            if (ON_PAYARA) {
                var check = awaitReadiness("DOWN");
                assertTrue(check.getJsonObject("data").getString("reason").contains("dropped"), check::toString);
                assertTrue(check.getJsonObject("data").containsKey("failingSince"), check::toString);
            }
        } finally {
            Postgres.resume();
        }

        var after = awaitQueueEmpty(api);
        if (ON_PAYARA) {
            var check = awaitReadiness("UP"); // the database back, no call dropped for the window
            // (Payara writes the data's numbers as JSON strings)
            assertEquals(String.valueOf(after.getJsonNumber("dropped").longValue()),
                    check.getJsonObject("data").get("dropped").toString().replace("\"", ""), check::toString);
        }
        var dropped = after.getJsonNumber("dropped").longValue() - before.getJsonNumber("dropped").longValue();
        var stored = count(run);
        assertTrue(dropped > 0, () -> "250 calls into a queue of " + QUEUE_CAPACITY + " overflow: " + after);
        assertEquals(tokens.size(), stored + dropped, () -> "every call is stored or counted as dropped: " + stored
                + " stored, " + after);
        assertEquals(0, after.getJsonNumber("failed").longValue() - before.getJsonNumber("failed").longValue(),
                after::toString);
        assertTrue(after.getJsonNumber("retried").longValue() > before.getJsonNumber("retried").longValue(),
                () -> "the outage was retried: " + after);
        assertEquals(stored, after.getJsonNumber("written").longValue() - before.getJsonNumber("written").longValue(),
                () -> "what the writer counts as written is in the database: " + after);
    }

    /**
     * A record the database refuses (here a CHECK constraint a DBA added, SQLSTATE 23514) is
     * set aside alone. What the recorder itself can make storable (a NUL character, which
     * PostgreSQL stores in no text column) it does, so that call is stored.
     */
    @Test
    void aCallTheDatabaseRefusesIsSetAsideAndItsBatchAndTheWriterGoOn() throws Exception {
        var api = new Api(base);
        var run = "refused-" + UUID.randomUUID();
        var refused = run + "-7";
        var before = writer(api);
        var tokens = IntStream.range(0, 20).mapToObj(i -> run + "-" + i).toList();

        try (var db = Postgres.connect(); var sql = db.createStatement()) {
            sql.execute("ALTER TABLE recorded_call ADD CONSTRAINT it_refused CHECK (correlation_id <> '" + refused + "')");
            try {
                Parallel.run(tokens, token -> {
                    var body = token.equals(run + "-3") ? "a\u0000b" : "note " + token;
                    var response = api.send(api.request("api/orders/notes").header("X-Request-Id", token)
                            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)));
                    assertEquals(200, response.statusCode());
                    assertEquals(body, response.body());
                });
                awaitQueueEmpty(api);
            } finally {
                sql.execute("ALTER TABLE recorded_call DROP CONSTRAINT it_refused");
            }
        }

        var after = writer(api);
        assertEquals(19, count(run), "the other calls of its batch are stored");
        assertEquals("a\uFFFDb", requestBody(run + "-3"), "the NUL is stored as U+FFFD");
        assertEquals(before.getJsonNumber("failed").longValue() + 1, after.getJsonNumber("failed").longValue(),
                () -> "the refused call is counted: " + after);
        assertTrue(after.getString("lastError").contains("SQLSTATE 23"), () -> "its SQLSTATE is shown: " + after);
        var next = run + "-after";
        assertCreated(api, next);
        awaitQueueEmpty(api);
        assertEquals(1, count(next), "the writer goes on after it");
    }

    /** Payara Micro has MicroProfile Health; WildFly's default configuration, which the suite runs, has not. */
    private static final boolean ON_PAYARA = !System.getProperty("arquillian.xml", "").contains("wildfly");

    /** The recorder's check in the server's readiness endpoint, once it says {@code status}. */
    private JsonObject awaitReadiness(String status) throws Exception {
        var client = HttpClient.newHttpClient();
        var ready = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health/ready");
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject check = null;
        while (Instant.now().isBefore(deadline)) {
            var body = client.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            check = Api.object(body).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("name").equals("recorded-call")).findFirst().orElse(null);
            if (check != null && check.getString("status").equals(status)) {
                return check;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the readiness check did not say " + status + " within 30 s: " + check);
    }

    static int create(Api api, String token) {
        return api.send(api.request("api/orders?tag=" + token).header("X-Request-Id", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"" + token + "\",\"quantity\":1}"))).statusCode();
    }

    private static void assertCreated(Api api, String token) {
        assertEquals(201, create(api, token), "the response does not depend on the database");
    }

    static JsonObject writer(Api api) {
        return Api.object(api.send(api.request("api/_it/writer").GET()).body());
    }

    /** Waits until the writer has met the outage: a write failed after it began. */
    private static void awaitWriterFailureSince(Api api, Instant down) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var at = writer(api).getString("lastErrorAt", null);
            if (at != null && Instant.parse(at).isAfter(down)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the writer never met the outage: " + writer(api));
    }

    /** The writer's counters once nothing waits in its queue. */
    private static JsonObject awaitQueueEmpty(Api api) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject writer;
        do {
            writer = writer(api);
            if (writer.getInt("queueDepth") == 0) {
                return writer;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the queue did not empty within 60 s: " + writer);
    }

    private static int count(String prefix) throws SQLException {
        return tokens(prefix).size();
    }

    private static String requestBody(String correlationId) throws SQLException {
        try (var connection = Postgres.connect();
             var statement = connection.prepareStatement("select request_body from RECORDED_CALL where correlation_id = ?")) {
            statement.setString(1, correlationId);
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /** Correlation ids of the rows that start with the prefix, read straight from PostgreSQL. */
    static Set<String> tokens(String prefix) throws SQLException {
        try (var connection = Postgres.connect();
             var statement = connection.prepareStatement("select correlation_id from RECORDED_CALL where correlation_id like ?")) {
            statement.setString(1, prefix + "%");
            var tokens = new HashSet<String>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    assertTrue(tokens.add(result.getString(1)), "each call once");
                }
            }
            return tokens;
        }
    }
}

package org.recordedcall.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of an application, on two servers, record their calls concurrently into one
 * real PostgreSQL database, pointed at it by the one setting: every call is there exactly once,
 * ids are unique, nothing is mixed up; by the binary COPY, since the driver is the application's.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class PostgresIT {

    private static final int CALLS = 80;

    @Deployment(name = "first", testable = false)
    @TargetsContainer("a")
    static WebArchive first() {
        return Deployments.onPostgres("first");
    }

    @Deployment(name = "second", testable = false)
    @TargetsContainer("b")
    static WebArchive second() {
        return Deployments.onPostgres("second");
    }

    @Test
    void twoInstancesRecordEveryCallOnceIntoOneDatabase(
            @ArquillianResource @OperateOnDeployment("first") URL first,
            @ArquillianResource @OperateOnDeployment("second") URL second) throws Exception {
        var instances = List.of(new Api(first), new Api(second));
        var run = "pg-" + UUID.randomUUID();
        var tokens = IntStream.range(0, CALLS).mapToObj(i -> run + "-" + i).toList();
        for (var api : instances) {
            api.get("api/_it/log", run + "-log"); // hears the library's log from now on, before the calls
        }

        Parallel.run(tokens, token -> {
            var api = instances.get(Integer.parseInt(token.substring(token.lastIndexOf('-') + 1)) % 2);
            var body = "{\"item\":\"" + token + "\",\"quantity\":1}";
            var response = api.send(api.request("api/orders?tag=" + token).header("X-Request-Id", token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(201, response.statusCode(), response::body);
        });

        var rows = awaitRows(run, CALLS);
        var ids = new HashSet<String>();
        var perHost = new HashMap<String, Integer>();
        for (var row : rows.values()) {
            ids.add(row.get("id"));
            assertEquals("tag=" + row.get("correlation_id"), row.get("query"));
            assertEquals("{\"item\":\"" + row.get("correlation_id") + "\",\"quantity\":1}", row.get("request_body"));
            assertEquals("201", row.get("status"));
            perHost.merge(host(row.get("request_headers")), 1, Integer::sum);
        }
        assertEquals(CALLS, rows.size(), "every call exactly once");
        assertEquals(CALLS, ids.size(), "ids unique");
        assertEquals(2, perHost.size(), "both instances wrote: " + perHost);
        perHost.values().forEach(count -> assertEquals(CALLS / 2, count));
        for (var api : instances) {
            // the driver is in the application: its calls go by COPY, the writer's fast path, and no batch failed
            assertEquals("COPY", api.get("api/_it/statement", run + "-statement").body());
            var writer = Api.object(api.get("api/_it/writer", run + "-writer").body());
            assertEquals(0, writer.getJsonNumber("retried").longValue(), writer::toString);
            assertEquals(0, writer.getJsonNumber("failed").longValue(), writer::toString);
            var refused = Api.array(api.get("api/_it/log?containing=refused", run + "-log").body());
            assertEquals(0, refused.size(), refused::toString);
        }
    }

    @Test
    void theTableAndItsIndexesComeFromTheShippedDdl() throws SQLException {
        try (var connection = Postgres.connect();
             var statement = connection.prepareStatement(
                     "select indexname from pg_indexes where tablename = 'recorded_call' order by indexname");
             var result = statement.executeQuery()) {
            var indexes = new HashSet<String>();
            while (result.next()) {
                indexes.add(result.getString(1));
            }
            assertTrue(indexes.containsAll(List.of("recorded_call_started_at", "recorded_call_status",
                    "recorded_call_outcome", "recorded_call_route", "recorded_call_correlation")), indexes::toString);
        }
    }

    /** The rows of this run, by correlation id, once there are {@code count} of them. */
    private static Map<String, Map<String, String>> awaitRows(String run, int count) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var rows = rows(run);
            if (rows.size() >= count || Instant.now().isAfter(deadline)) {
                return rows;
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, Map<String, String>> rows(String run) throws SQLException {
        try (var connection = Postgres.connect();
             var statement = connection.prepareStatement(
                     "select * from RECORDED_CALL where correlation_id like ?")) {
            statement.setString(1, run + "-%");
            try (var result = statement.executeQuery()) {
                var meta = result.getMetaData();
                var rows = new HashMap<String, Map<String, String>>();
                while (result.next()) {
                    var row = new HashMap<String, String>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), result.getString(i));
                    }
                    var previous = rows.put(row.get("correlation_id"), row);
                    assertEquals(null, previous, "a second row for " + row.get("correlation_id"));
                }
                return rows;
            }
        }
    }

    private static String host(String headersJson) {
        return Api.object(headersJson).getJsonArray("host").getString(0);
    }
}

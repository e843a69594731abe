package org.recordedcall.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordedcall.RecordedCallSettings;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes to an existing table, in a real PostgreSQL: a {@code RECORDED_CALL} that the previous
 * release created, with rows in it, upgraded by the library at deployment (the rows kept, new
 * calls stored with their attributes; the same on H2: {@code AttributesStorageTest}), then moved
 * to the partitioned form by the shipped script while the application runs.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class SchemaUpgradeIT {

    /** The schema where a table of the previous release waits for the upgrade. */
    private static final String UPGRADE = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);

    @ArquillianResource
    Deployer deployer;

    /** Set to partition by day from the start: the table it finds is plain, until the script runs. */
    @Deployment(name = "upgrade", managed = false, testable = false)
    static WebArchive upgrade() {
        return Deployments.onPostgres("upgrade", Map.of(RecordedCallSettings.SCHEMA_PARTITIONS, "daily",
                RecordedCallSettings.RETENTION_MAX_AGE_DAYS, "30",
                RecordedCallSettings.RETENTION_INTERVAL_MS, "500"), Postgres.inSchema(UPGRADE));
    }

    /**
     * Both upgrades a table goes through, on one table with rows, while the application runs.
     * First the library's own, at deployment: the previous release's table gets the new columns,
     * its rows kept, and new calls are stored with their attributes; the table stays plain, as
     * the library never converts one (it says so). Then the README's move to the partitioned form:
     * the shipped script and DDL, by JDBC as psql would run them. Every row is kept, none copied,
     * in the one partition the old table becomes; the library, still running, stores new calls,
     * makes the next days' partitions and deletes a call past the age from the old partition.
     */
    @Test
    void aTableOfThePreviousReleaseIsUpgradedAtDeploymentThenPartitionedWithItsRowsKept() throws Exception {
        try (var connection = Postgres.connect(); var statement = connection.createStatement()) {
            statement.execute("create schema " + UPGRADE);
            statement.execute("set search_path to " + UPGRADE);
            for (var sql : previousDdl().split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("insert into recorded_call (id, kind, request_body_truncated, response_body_truncated, "
                    + "started_at, status, path) values ('old', 'HTTP', false, false, now(), 200, '/old')");
            statement.execute("insert into recorded_call (id, kind, request_body_truncated, response_body_truncated, "
                    + "started_at, status, path) select 'kept-' || g, 'HTTP', false, false, now() - g * interval '1 hour', "
                    + "200, '/kept' from generate_series(1, 500) g");
        }
        deployer.deploy("upgrade");
        try {
            var api = new Api(new URL("http://localhost:" + System.getProperty("recordedcall.it.port") + "/upgrade/"));
            var token = "upgrade-" + UUID.randomUUID();
            var response = api.send(api.request("api/orders/" + token + "/audited").header("X-Request-Id", token)
                    .header("X-Tenant", "acme").GET());
            assertEquals(200, response.statusCode(), response.body());

            var added = await(() -> row("correlation_id", token));
            assertTrue(added != null, "the new call is stored in the upgraded table");
            assertEquals("acme", Api.object(added.get("attributes")).getString("tenant"));
            assertEquals("/old", row("id", "old").get("path"), "the previous release's row is kept");

            try (var connection = Postgres.connect(); var statement = connection.createStatement()) {
                statement.execute("set search_path to " + UPGRADE);
                assertEquals("r", single(statement, "select relkind from pg_class where oid = to_regclass('recorded_call')"),
                        "the library does not partition a table it finds");

                statement.execute(shipped("postgresql-partition.sql"));
                statement.execute(shipped("postgresql.sql"));

                assertEquals("p", single(statement, "select relkind from pg_class where oid = to_regclass('recorded_call')"));
                assertEquals("502", single(statement, "select count(*) from recorded_call_unpartitioned"),
                        "every row in the partition the old table became: none copied");
                assertEquals("7", single(statement, "select count(*) from pg_indexes where tablename = 'recorded_call' "
                        + "and schemaname = current_schema()"), "the key and the six shipped indexes");
                statement.execute("insert into recorded_call (id, kind, request_body_truncated, response_body_truncated, "
                        + "started_at, status, path) values ('aged', 'HTTP', false, false, now() - interval '40 days', 200, "
                        + "'/aged')");
            }

            var later = "partitioned-" + UUID.randomUUID();
            assertEquals(200, api.send(api.request("api/orders/1").header("X-Request-Id", later).GET()).statusCode());
            assertTrue(await(() -> row("correlation_id", later)) != null, "a new call is stored in the partitioned table");
            var tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)
                    .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            await(() -> row("id", "aged") == null && partitionOf(tomorrow) ? Map.of() : null);
            assertEquals(null, row("id", "aged"), "the purge deleted the call older than the age");
            assertTrue(partitionOf(tomorrow), "the library made tomorrow's partition ahead");
            try (var connection = Postgres.connect(); var statement = connection.createStatement()) {
                statement.execute("set search_path to " + UPGRADE);
                assertEquals("500", single(statement, "select count(*) from recorded_call where path = '/kept'"));
                assertEquals("/old", row("id", "old").get("path"));
            }
        } finally {
            deployer.undeploy("upgrade");
        }
    }

    private interface Probe {
        Map<String, String> get() throws Exception;
    }

    /** What the probe finds within 30 s, or {@code null}. */
    private static Map<String, String> await(Probe probe) throws Exception {
        var deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var found = probe.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** Whether {@code recorded_call_p<day>} is a partition of the table. */
    private static boolean partitionOf(String day) throws SQLException {
        try (var connection = Postgres.connect(); var statement = connection.createStatement()) {
            statement.execute("set search_path to " + UPGRADE);
            return "1".equals(single(statement, "select count(*) from pg_inherits where inhparent = "
                    + "to_regclass('recorded_call') and inhrelid = to_regclass('recorded_call_p" + day + "')"));
        }
    }

    private static String single(java.sql.Statement statement, String sql) throws SQLException {
        try (var result = statement.executeQuery(sql)) {
            assertTrue(result.next(), sql);
            return result.getString(1);
        }
    }

    private static String shipped(String ddl) throws IOException {
        try (var in = SchemaUpgradeIT.class.getClassLoader().getResourceAsStream("META-INF/recorded-call/" + ddl)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> row(String column, String value) throws SQLException {
        try (var connection = Postgres.connect();
             var statement = connection.prepareStatement("select * from " + UPGRADE + ".recorded_call where " + column + " = ?")) {
            statement.setString(1, value);
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    return null;
                }
                var row = new HashMap<String, String>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnName(i), result.getString(i));
                }
                return row;
            }
        }
    }

    private static String previousDdl() throws IOException {
        try (var in = SchemaUpgradeIT.class.getClassLoader().getResourceAsStream("previous-release/postgresql.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        }
    }
}

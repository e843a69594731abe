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
 * The library's first change to an existing table: a {@code RECORDED_CALL} that the previous
 * release created in a real PostgreSQL, with a row in it, then the application deployed with
 * this release: the row is kept and new calls are stored with their attributes. (The same on
 * H2: {@code AttributesStorageTest}.)
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class SchemaUpgradeIT {

    /** The schema where a table of the previous release waits for the upgrade. */
    private static final String UPGRADE = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);

    @ArquillianResource
    Deployer deployer;

    /** The schema where a table with rows is turned into the partitioned form by the shipped script. */
    private static final String PARTITION = "partition_" + UUID.randomUUID().toString().substring(0, 8);

    @Deployment(name = "upgrade", managed = false, testable = false)
    static WebArchive upgrade() {
        return Deployments.onPostgres("upgrade", Map.of(), Postgres.inSchema(UPGRADE));
    }

    @Deployment(name = "partitioned", managed = false, testable = false)
    static WebArchive partitioned() {
        return Deployments.onPostgres("partitioned", Map.of(RecordedCallSettings.SCHEMA_PARTITIONS, "daily",
                RecordedCallSettings.RETENTION_MAX_AGE_DAYS, "30",
                RecordedCallSettings.RETENTION_INTERVAL_MS, "500"), Postgres.inSchema(PARTITION));
    }

    /**
     * The README's way to partition a table that holds calls: the shipped script, then the shipped
     * DDL, by JDBC as psql would run them. Every row is kept, in one partition that the old table
     * becomes; the application then deployed with the setting stores new calls, makes the next
     * days' partitions, and the purge deletes the old table's calls past the age.
     */
    @Test
    void theShippedScriptPartitionsATableWithRowsAndTheLibraryGoesOnWithIt() throws Exception {
        try (var connection = Postgres.connect(); var statement = connection.createStatement()) {
            statement.execute("create schema " + PARTITION);
            statement.execute("set search_path to " + PARTITION);
            statement.execute(shipped("postgresql.sql"));
            statement.execute("insert into recorded_call (id, kind, request_body_truncated, response_body_truncated, "
                    + "started_at, status, path) select 'kept-' || g, 'HTTP', false, false, now() - g * interval '1 hour', "
                    + "200, '/kept' from generate_series(1, 500) g");
            statement.execute("insert into recorded_call (id, kind, request_body_truncated, response_body_truncated, "
                    + "started_at, status, path) values ('aged', 'HTTP', false, false, now() - interval '40 days', 200, '/aged')");

            statement.execute(shipped("postgresql-partition.sql"));
            statement.execute(shipped("postgresql.sql"));

            assertEquals("p", single(statement, "select relkind from pg_class where oid = to_regclass('recorded_call')"));
            assertEquals("501", single(statement, "select count(*) from recorded_call"));
            assertEquals("501", single(statement, "select count(*) from recorded_call_unpartitioned"), "not one row copied");
            assertEquals("7", single(statement, "select count(*) from pg_indexes where tablename = 'recorded_call' and schemaname = current_schema()"),
                    "the key and the six shipped indexes");
        }
        deployer.deploy("partitioned");
        try {
            var api = new Api(new URL("http://localhost:" + System.getProperty("recordedcall.it.port") + "/partitioned/"));
            var token = "partitioned-" + UUID.randomUUID();
            assertEquals(200, api.send(api.request("api/orders/1").header("X-Request-Id", token).GET()).statusCode());

            var deadline = Instant.now().plusSeconds(30);
            while ((row(PARTITION, "correlation_id", token) == null || row(PARTITION, "id", "aged") != null)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertTrue(row(PARTITION, "correlation_id", token) != null, "the new call is stored");
            assertEquals(null, row(PARTITION, "id", "aged"), "the purge deleted the call older than the age");
            try (var connection = Postgres.connect(); var statement = connection.createStatement()) {
                statement.execute("set search_path to " + PARTITION);
                assertEquals("500", single(statement, "select count(*) from recorded_call where path = '/kept'"));
                var tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)
                        .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                assertEquals("1", single(statement, "select count(*) from pg_inherits where inhparent = "
                        + "to_regclass('recorded_call') and inhrelid = to_regclass('recorded_call_p" + tomorrow + "')"),
                        "the library made tomorrow's partition ahead");
            }
        } finally {
            deployer.undeploy("partitioned");
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

    @Test
    void aTableOfThePreviousReleaseIsUpgradedAtDeploymentWithItsRowsKept() throws Exception {
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
        }
        deployer.deploy("upgrade");
        try {
            var api = new Api(new URL("http://localhost:" + System.getProperty("recordedcall.it.port") + "/upgrade/"));
            var token = "upgrade-" + UUID.randomUUID();
            var response = api.send(api.request("api/orders/" + token + "/audited").header("X-Request-Id", token)
                    .header("X-Tenant", "acme").GET());
            assertEquals(200, response.statusCode(), response.body());

            var deadline = Instant.now().plusSeconds(30);
            Map<String, String> added = null;
            while (added == null && Instant.now().isBefore(deadline)) {
                added = row(UPGRADE, "correlation_id", token);
                Thread.sleep(100);
            }
            assertTrue(added != null, "the new call is stored in the upgraded table");
            assertEquals("acme", Api.object(added.get("attributes")).getString("tenant"));
            assertEquals("/old", row(UPGRADE, "id", "old").get("path"), "the previous release's row is kept");
        } finally {
            deployer.undeploy("upgrade");
        }
    }

    private static Map<String, String> row(String schema, String column, String value) throws SQLException {
        try (var connection = Postgres.connect();
             var statement = connection.prepareStatement("select * from " + schema + ".recorded_call where " + column + " = ?")) {
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

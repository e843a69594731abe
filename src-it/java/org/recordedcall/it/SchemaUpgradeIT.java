package org.recordedcall.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

    @Deployment(name = "upgrade", managed = false, testable = false)
    static WebArchive upgrade() {
        var url = Postgres.url();
        return Deployments.onPostgres("upgrade", Map.of(), url + (url.contains("?") ? "&" : "?") + "currentSchema=" + UPGRADE);
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
                added = row("correlation_id", token);
                Thread.sleep(100);
            }
            assertTrue(added != null, "the new call is stored in the upgraded table");
            assertEquals("acme", Api.object(added.get("attributes")).getString("tenant"));
            assertEquals("/old", row("id", "old").get("path"), "the previous release's row is kept");
        } finally {
            deployer.undeploy("upgrade");
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

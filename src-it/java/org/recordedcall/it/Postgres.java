package org.recordedcall.it;

import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** The PostgreSQL server the build started on loopback (src-it/postgres/postgres.sh). */
final class Postgres {

    static final String USER = "recorded";
    static final String PASSWORD = "recorded";

    private Postgres() {
    }

    /**
     * The database's URL; in the run of the PostgreSQL suite on the partitioned table, the URL of
     * the schema that holds it ({@code it.postgres.schema}), so that the plain table stays apart.
     */
    static String url() {
        var schema = System.getProperty("it.postgres.schema", "");
        return schema.isEmpty() ? databaseUrl() : inSchema(schema);
    }

    /** A URL of the database whose connections work in {@code schema}. */
    static String inSchema(String schema) {
        var url = databaseUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String databaseUrl() {
        var url = System.getProperty("it.postgres.url");
        if (url == null) {
            throw new IllegalStateException("it.postgres.url is not set; run the integration tests through 'mvn verify', "
                    + "which starts PostgreSQL");
        }
        return url;
    }

    /**
     * How this run partitions the table ({@code recordedcall.schema.partitions}): the PostgreSQL
     * suite runs once on the plain table and once on the partitioned one. Empty: plain.
     */
    static String partitions() {
        return System.getProperty("it.postgres.partitions", "");
    }

    /** Makes the run's schema ({@code it.postgres.schema}), if it has one and it is not there yet. */
    static void ensureSchema() {
        var schema = System.getProperty("it.postgres.schema", "");
        if (schema.isEmpty()) {
            return;
        }
        try (var connection = DriverManager.getConnection(databaseUrl(), USER, PASSWORD);
             var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make schema " + schema + ": " + e, e);
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /** Stops the server, as an outage would; the data stays. */
    static void stop() {
        script("stop", System.getProperty("it.postgres.dir"));
    }

    /** Starts the stopped server again on its port. */
    static void resume() {
        script("resume", System.getProperty("it.postgres.dir"), System.getProperty("it.postgres.port"));
    }

    private static void script(String... arguments) {
        var command = new java.util.ArrayList<String>(List.of("bash", System.getProperty("it.postgres.script")));
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("postgres.sh " + String.join(" ", arguments) + " failed");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static File driverJar() {
        try {
            return new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

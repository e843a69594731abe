package org.recordedcall.it;

import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL server the build started on loopback (src-it/postgres/postgres.sh). */
final class Postgres {

    static final String USER = "recorded";
    static final String PASSWORD = "recorded";

    private Postgres() {
    }

    static String url() {
        var url = System.getProperty("it.postgres.url");
        if (url == null) {
            throw new IllegalStateException("it.postgres.url is not set; run the integration tests through 'mvn verify', "
                    + "which starts PostgreSQL");
        }
        return url;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    static File driverJar() {
        try {
            return new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

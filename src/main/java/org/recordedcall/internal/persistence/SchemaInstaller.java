package org.recordedcall.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Creates the {@code RECORDED_CALL} table and its indexes from the DDL shipped in the jar,
 * when they are missing, and upgrades a table an earlier release created by adding the columns
 * it lacks. Every statement is {@code IF NOT EXISTS} and additive: existing rows are never
 * touched, whatever the JPA provider. A column that is there already is not even asked for
 * ({@code ALTER TABLE} waits for a lock on the table even when it then does nothing, and the
 * writers of other instances would queue behind it).
 */
final class SchemaInstaller {

    static final String DDL_FOLDER = "META-INF/recorded-call/";

    private SchemaInstaller() {
    }

    /** The DDL file for a database product, or {@code null} if none ships for it. */
    static String ddlFor(String databaseProduct) {
        var product = databaseProduct.toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return DDL_FOLDER + "h2.sql";
        }
        if (product.contains("postgres")) {
            return DDL_FOLDER + "postgresql.sql";
        }
        return null;
    }

    /**
     * Runs the DDL for the database behind {@code database}.
     *
     * @return the DDL file that was run
     * @throws SQLException if the database refuses a statement
     * @throws IllegalStateException if no DDL ships for this database
     */
    static String install(DataSource database) throws SQLException {
        try (var connection = database.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName();
            var ddl = ddlFor(product);
            if (ddl == null) {
                throw new IllegalStateException("no DDL ships for " + product + "; create table RECORDED_CALL "
                        + "yourself (see " + DDL_FOLDER + " in the jar) and set recordedcall.schema.create=false");
            }
            var autoCommit = connection.getAutoCommit();
            try (var statement = connection.createStatement()) {
                for (var sql : statements(read(ddl))) {
                    var added = ADD_COLUMN.matcher(sql);
                    if (added.matches() && hasColumn(connection, added.group(1))) {
                        continue;
                    }
                    statement.execute(sql);
                }
            } finally {
                if (!autoCommit) {
                    connection.commit();
                }
            }
            return ddl;
        }
    }

    private static final Pattern ADD_COLUMN = Pattern.compile(
            "(?is)ALTER TABLE RECORDED_CALL ADD COLUMN IF NOT EXISTS (\\w+) .*");

    /**
     * Whether the table of the connection's schema has the column (in any case: H2 folds names to
     * upper case, PostgreSQL to lower); another schema's table of the same name does not count.
     */
    private static boolean hasColumn(Connection connection, String column) throws SQLException {
        String schema;
        try {
            schema = connection.getSchema();
        } catch (SQLException | AbstractMethodError | UnsupportedOperationException unknown) {
            schema = null;
        }
        if (schema == null) {
            return false; // which table is ours is unknown: the statement runs, IF NOT EXISTS keeps it harmless
        }
        for (var table : new String[] {"RECORDED_CALL", "recorded_call"}) {
            try (var columns = connection.getMetaData().getColumns(null, schema, table, null)) {
                while (columns.next()) {
                    if (columns.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The statements of a DDL file: comment lines dropped, split at semicolons ending a line. */
    static List<String> statements(String ddl) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : ddl.split("\\R")) {
            var trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                var sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}

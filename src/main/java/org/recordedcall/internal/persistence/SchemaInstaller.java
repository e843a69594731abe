package org.recordedcall.internal.persistence;

import org.recordedcall.internal.config.Partitioning;

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
 * it lacks. Every statement is {@code IF NOT EXISTS} and additive but for {@code DROP INDEX IF
 * EXISTS} of an index an earlier release made and the file replaces (H2's): existing rows are
 * never touched, whatever the JPA provider. A column that is there already is not even asked for
 * ({@code ALTER TABLE} waits for a lock on the table even when it then does nothing, and the
 * writers of other instances would queue behind it).
 *
 * <p>With {@code recordedcall.schema.partitions} set, a table it creates on PostgreSQL is
 * partitioned by range of {@code started_at}, from the same DDL (its primary key then includes
 * {@code started_at}, as PostgreSQL requires) and a default partition; {@link Partitions} makes
 * the partitions themselves.
 */
final class SchemaInstaller {

    private static final System.Logger LOG = System.getLogger(SchemaInstaller.class.getName());

    static final String DDL_FOLDER = "META-INF/recorded-call/";
    /** The script that turns an unpartitioned table on PostgreSQL into the partitioned form, rows kept. */
    static final String PARTITION_SCRIPT = DDL_FOLDER + "postgresql-partition.sql";

    private SchemaInstaller() {
    }

    /** The DDL file for a database product, or {@code null} if none ships for it. */
    static String ddlFor(String databaseProduct) {
        if (isH2(databaseProduct)) {
            return DDL_FOLDER + "h2.sql";
        }
        if (isPostgres(databaseProduct)) {
            return DDL_FOLDER + "postgresql.sql";
        }
        return null;
    }

    /** Whether the database product (as JDBC names it) is H2. */
    static boolean isH2(String databaseProduct) {
        return databaseProduct != null && databaseProduct.toLowerCase(Locale.ROOT).contains("h2");
    }

    /** Whether the database product (as JDBC names it) is PostgreSQL: the one with partitions. */
    static boolean isPostgres(String databaseProduct) {
        return databaseProduct != null && databaseProduct.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * Runs the DDL for the database behind {@code database}, partitioned as asked where the
     * database is PostgreSQL and the table is not there yet. The partitions ahead are not made
     * here (this may run in a writer's transaction): {@link Partitions#makeAhead} does, at start-up
     * and on the scheduled task.
     *
     * @return the DDL file that was run
     * @throws SQLException if the database refuses a statement
     * @throws IllegalStateException if no DDL ships for this database
     */
    static String install(DataSource database, Partitioning partitioning) throws SQLException {
        String ddl;
        try (var connection = database.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName();
            ddl = ddlFor(product);
            if (ddl == null) {
                throw new IllegalStateException("no DDL ships for " + product + "; create table RECORDED_CALL "
                        + "yourself (see " + DDL_FOLDER + " in the jar) and set recordedcall.schema.create=false");
            }
            var form = isPostgres(product) ? Partitions.form(connection) : null;
            var partitioned = partitioned(partitioning, product, form);
            var autoCommit = connection.getAutoCommit();
            try (var statement = connection.createStatement()) {
                for (var sql : statements(read(ddl))) {
                    var added = ADD_COLUMN.matcher(sql);
                    if (added.matches() && hasColumn(connection, added.group(1))) {
                        continue;
                    }
                    if (partitioned && sql.startsWith(CREATE_TABLE)) {
                        statement.execute(partitionedTable(sql));
                        if (Partitions.list(connection).stream().noneMatch(Partitions.Partition::isDefault)) {
                            statement.execute("CREATE TABLE IF NOT EXISTS " + Partitions.DEFAULT
                                    + " PARTITION OF RECORDED_CALL DEFAULT");
                        }
                    } else {
                        statement.execute(sql);
                    }
                }
            } finally {
                if (!autoCommit) {
                    connection.commit();
                }
            }
        }
        return ddl;
    }

    /** Whether the table is (to be) partitioned; says why not where the setting asks for it. */
    private static boolean partitioned(Partitioning partitioning, String product, Partitions.Form form) {
        if (form == Partitions.Form.PARTITIONED) {
            if (!partitioning.partitioned()) {
                LOG.log(System.Logger.Level.WARNING, "recorded-call: RECORDED_CALL is partitioned, but "
                        + "recordedcall.schema.partitions is none: no partitions are made, and new calls land in "
                        + "its default partition. Set it to daily or hourly.");
            }
            return true;
        }
        if (!partitioning.partitioned()) {
            return false;
        }
        if (form == null) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: recordedcall.schema.partitions is for PostgreSQL; "
                    + "on " + product + " the calls stay in one table.");
            return false;
        }
        if (form == Partitions.Form.PLAIN) {
            LOG.log(System.Logger.Level.WARNING, "recorded-call: recordedcall.schema.partitions is "
                    + partitioning.name().toLowerCase(Locale.ROOT) + ", but RECORDED_CALL exists unpartitioned: "
                    + "it is used as it is, and the purge deletes rows. To partition it, keeping its rows, run "
                    + PARTITION_SCRIPT + " from the jar (see the README).");
            return false;
        }
        return true;
    }

    private static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS RECORDED_CALL (";
    private static final Pattern ID_KEY = Pattern.compile("(?m)^(\\s*id\\s+VARCHAR\\(36\\) NOT NULL) PRIMARY KEY,");

    /**
     * The shipped {@code CREATE TABLE}, partitioned by range of {@code started_at}: PostgreSQL
     * wants the partition key in the primary key, so the key is {@code (id, started_at)}.
     */
    static String partitionedTable(String createTable) {
        var key = ID_KEY.matcher(createTable);
        if (!key.find() || !createTable.stripTrailing().endsWith(")")) {
            throw new IllegalStateException("the shipped DDL's CREATE TABLE has changed shape: " + createTable);
        }
        var withoutKey = key.replaceFirst("$1,");
        return withoutKey.substring(0, withoutKey.lastIndexOf(')')).stripTrailing()
                + ",\n    PRIMARY KEY (id, started_at)\n) PARTITION BY RANGE (started_at)";
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

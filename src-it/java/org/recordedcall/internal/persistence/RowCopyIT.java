package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Partitioning;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer's binary COPY on the PostgreSQL the build started, without a server: the same
 * rows by COPY into one table and by the batched INSERT into another, both made from the
 * shipped DDL, read back column by column as PostgreSQL prints them, must be equal.
 */
class RowCopyIT {

    private static final String BY_COPY = "row_copy_it_copy";
    private static final String BY_INSERT = "row_copy_it_insert";
    private static final RowCopy<RecordedCallEntity> COPY = RowCopy.of(RecordedCallEntity.class);

    @BeforeAll
    static void tables() throws SQLException {
        freshTable(BY_COPY);
        freshTable(BY_INSERT);
    }

    @AfterAll
    static void dropTables() throws SQLException {
        sql(null, "drop schema if exists " + BY_COPY + " cascade", "drop schema if exists " + BY_INSERT + " cascade");
    }

    @Test
    void rowsByCopyReadBackAsTheSameRowsByInsertEveryColumn() throws SQLException {
        var calls = new ArrayList<CallRecord>();
        calls.add(RecordedCallEntityTest.record(UUID.randomUUID().toString()));
        calls.add(CallRecord.builder().id(UUID.randomUUID().toString()).kind(CallKind.HTTP)
                .startedAt(Instant.parse("1999-12-31T23:59:59.9999995Z")).build());
        calls.add(CallRecord.builder().id(UUID.randomUUID().toString()).kind(CallKind.HTTP).operation("")
                .path("/ünï/€/😀/中文").requestBody("line\none\ttab\\backslash \"quotes\" \u0000nul \r\n")
                .requestHeaders(Map.of("x-ü", List.of("😀", ""))).status(Integer.MIN_VALUE)
                .durationNanos(Long.MAX_VALUE).requestBodyTruncated(true).responseBodyTruncated(true)
                .startedAt(Instant.parse("2026-11-30T12:34:56.123456789Z"))
                .endedAt(Instant.parse("2262-04-11T23:47:16.854775807Z")).outcome(CallOutcome.SERVER_ERROR)
                .attributes(Map.of("tenant", "ü")).build());
        calls.add(CallRecord.builder().id(UUID.randomUUID().toString()).kind(CallKind.HTTP).startedAt(Instant.EPOCH)
                .responseBody("é".repeat(200_000)).build()); // past the copy's 64 KB buffer, and TOASTed
        for (int i = 0; i < 300; i++) {
            calls.add(RecordedCallEntityTest.record(UUID.randomUUID().toString()));
        }
        var rows = calls.stream().map(RecordedCallEntity::of).toList();

        try (var connection = connect(BY_COPY)) {
            connection.setAutoCommit(false);
            assertNull(COPY.mismatch(connection), "the shipped table takes the binary form");
            assertTrue(PostgresCopy.wraps(connection));
            PostgresCopy.copy(connection, COPY, rows);
            connection.commit();
        }
        try (var connection = connect(BY_INSERT)) {
            connection.setAutoCommit(false);
            RowWriter.insert(connection, calls);
            connection.commit();
        }

        var byCopy = read(BY_COPY);
        var byInsert = read(BY_INSERT);
        assertEquals(calls.size(), byCopy.size());
        assertEquals(byInsert.keySet(), byCopy.keySet());
        for (var id : byInsert.keySet()) {
            assertEquals(byInsert.get(id), byCopy.get(id), id);
        }
        assertNotNull(byCopy.get(calls.get(2).id()).get("ended_at"));
    }

    @Test
    void aRefusedRowFailsTheWholeCopyWithItsSqlStateAndStoresNone() throws SQLException {
        var twice = RecordedCallEntity.of(RecordedCallEntityTest.record(UUID.randomUUID().toString()));
        var first = RecordedCallEntity.of(RecordedCallEntityTest.record(UUID.randomUUID().toString()));

        try (var connection = connect(BY_COPY)) {
            var refused = assertThrows(SQLException.class,
                    () -> PostgresCopy.copy(connection, COPY, List.of(first, twice, twice)));

            assertEquals(WriteFailure.RECORD, WriteFailure.of(refused));
            assertTrue(WriteFailure.isDuplicateKey(refused), refused::toString);
            try (var statement = connection.prepareStatement("select count(*) from recorded_call where id in (?, ?)")) {
                statement.setString(1, first.toRecord().id());
                statement.setString(2, twice.toRecord().id());
                try (var result = statement.executeQuery()) {
                    result.next();
                    assertEquals(0, result.getInt(1));
                }
            }
        }
    }

    @Test
    void aTableWhoseColumnsDifferFromTheShippedTypesIsNamedAndNotCopiedInto() throws SQLException {
        try (var connection = connect(BY_INSERT); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("alter table recorded_call alter column status type bigint");
            statement.execute("alter table recorded_call drop column span_id");

            var mismatch = COPY.mismatch(connection);

            assertNotNull(mismatch);
            assertTrue(mismatch.contains("status is bigint, not integer"), mismatch);
            assertTrue(mismatch.contains("span_id is missing"), mismatch);
            connection.rollback();
        }
        try (var connection = connect("no_such_schema")) {
            assertTrue(COPY.mismatch(connection).contains("no table RECORDED_CALL"));
        }
    }

    @Test
    void theWriterCopiesBatchesInsertsOneCallAloneAndCopiesNothingWhenTheSettingSaysNo() throws SQLException {
        var writer = new RowWriter(true);
        var off = new RowWriter(false);
        var calls = IntStream.range(0, 7).mapToObj(i -> RecordedCallEntityTest.record(UUID.randomUUID().toString()))
                .toList();

        try (var connection = connect(BY_COPY)) {
            writer.write(connection, calls.subList(0, 1));
            assertNull(writer.copies(), "one call alone goes by INSERT, and chooses nothing");
            writer.write(connection, calls.subList(1, 4));
            assertEquals(Boolean.TRUE, writer.copies());
            off.write(connection, calls.subList(4, 7));
            assertEquals(Boolean.FALSE, off.copies());
        }

        var stored = read(BY_COPY);
        calls.forEach(call -> assertTrue(stored.containsKey(call.id()), call.id()));
    }

    @Test
    void aCopyTheTableNoLongerTakesIsFollowedByInsertsAndTheChoiceIsMadeAnew() throws SQLException {
        var schema = "row_copy_it_changed";
        freshTable(schema);
        var writer = new RowWriter(true);
        var batches = IntStream.range(0, 4).mapToObj(b -> IntStream.range(0, 2)
                .mapToObj(i -> RecordedCallEntityTest.record(UUID.randomUUID().toString())).toList()).toList();
        try (var connection = connect(schema); var statement = connection.createStatement()) {
            writer.write(connection, batches.get(0));
            assertEquals(Boolean.TRUE, writer.copies());

            // a DBA widens a column: its binary form is no longer the one the copy writes
            statement.execute("alter table recorded_call alter column status type bigint");
            assertThrows(SQLException.class, () -> writer.write(connection, batches.get(1)));

            writer.write(connection, batches.get(2)); // by INSERT, after which the choice is made anew
            assertNull(writer.copies());
            writer.write(connection, batches.get(3));
            assertEquals(Boolean.FALSE, writer.copies(), "the table is no longer the shipped one: INSERT");
        } finally {
            var stored = read(schema);
            sql(null, "drop schema if exists " + schema + " cascade");
            assertEquals(6, stored.size(), stored.keySet()::toString);
            for (var batch : List.of(batches.get(0), batches.get(2), batches.get(3))) {
                batch.forEach(call -> assertTrue(stored.containsKey(call.id()), call.id()));
            }
        }
    }

    @Test
    void aTableThatTakesInsertsButRefusesCopiesGetsInsertsAfterThreeFailedCopies() throws SQLException {
        var schema = "row_copy_it_secured";
        var role = "row_copy_it_writer";
        freshTable(schema);
        // row-level security for a writer that is no superuser: PostgreSQL refuses it COPY FROM, takes its INSERT
        sql(schema, "drop role if exists " + role, "create role " + role + " login",
                "grant usage on schema " + schema + " to " + role, "grant select, insert on recorded_call to " + role,
                "alter table recorded_call enable row level security",
                "create policy every_row on recorded_call using (true) with check (true)");
        var stored = new ArrayList<String>();
        var failures = 0;
        var asRole = dataSource(schema);
        asRole.setUser(role);
        try (var connection = asRole.getConnection()) {
            var writer = new RowWriter(true);
            for (int attempt = 0; attempt < 12; attempt++) {
                var batch = IntStream.range(0, 3)
                        .mapToObj(i -> RecordedCallEntityTest.record(UUID.randomUUID().toString())).toList();
                try {
                    writer.write(connection, batch);
                    batch.forEach(call -> stored.add(call.id()));
                } catch (SQLException refused) {
                    failures++;
                    writer.write(connection, batch); // as the writer's queue tries a batch again
                    batch.forEach(call -> stored.add(call.id()));
                }
            }
            assertEquals(Boolean.FALSE, writer.copies(), "INSERT for good");
        } finally {
            var rows = read(schema);
            sql(null, "drop schema if exists " + schema + " cascade", "drop role if exists " + role);
            assertEquals(stored.size(), rows.size());
            stored.forEach(id -> assertTrue(rows.containsKey(id), id));
        }
        assertEquals(RowWriter.COPY_FAILURES_TO_GIVE_UP, failures);
    }

    /** The schema made anew, holding the shipped table. */
    private static void freshTable(String schema) throws SQLException {
        sql(null, "drop schema if exists " + schema + " cascade", "create schema " + schema);
        SchemaInstaller.install(dataSource(schema), Partitioning.NONE);
    }

    /** Runs the statements as the build's user, in the schema ({@code null}: the database's default). */
    private static void sql(String schema, String... statements) throws SQLException {
        try (var connection = connect(schema); var statement = connection.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The rows of the schema's table by id, each column as PostgreSQL prints it. */
    private static Map<String, Map<String, String>> read(String schema) throws SQLException {
        var rows = new LinkedHashMap<String, Map<String, String>>();
        try (var connection = connect(schema); var statement = connection.createStatement();
             var result = statement.executeQuery("select * from recorded_call order by id")) {
            var meta = result.getMetaData();
            while (result.next()) {
                var row = new LinkedHashMap<String, String>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), result.getString(i));
                }
                rows.put(row.get("id"), row);
            }
        }
        return rows;
    }

    private static PGSimpleDataSource dataSource(String schema) {
        var url = System.getProperty("it.postgres.url");
        assertNotNull(url, "it.postgres.url: run through 'mvn verify', which starts PostgreSQL");
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser("recorded");
        dataSource.setPassword("recorded");
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }

    private static Connection connect(String schema) throws SQLException {
        return dataSource(schema).getConnection();
    }
}

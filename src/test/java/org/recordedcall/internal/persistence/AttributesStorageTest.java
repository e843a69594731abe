package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.Test;
import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallQuery;
import org.recordedcall.CallRecord;
import org.recordedcall.CurrentCall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attributes in the table: written and read back, found by the query's filter whatever their
 * characters, and the upgrade of a table the previous release created (rows kept, new calls
 * stored with attributes, the upgrade run again changing nothing).
 */
class AttributesStorageTest {

    private static final Instant BASE = Instant.parse("2026-11-30T10:00:00Z");

    private static CallRecord call(String id, Map<String, String> attributes) {
        return CallRecord.builder().id(id).correlationId(id).kind(CallKind.HTTP).operation("op").httpMethod("GET")
                .path("/orders").route("/orders").status(200).outcome(CallOutcome.SUCCESS)
                .startedAt(BASE).endedAt(BASE.plusMillis(1)).durationNanos(1_000_000L).attributes(attributes).build();
    }

    @Test
    void attributesAreStoredReadBackAndFoundByTheirExactValue() {
        try (var unit = new H2Unit()) {
            unit.insert(call("a", Map.of("tenant", "acme", "order", "42")),
                    call("b", Map.of("tenant", "acme-2")),
                    call("c", Map.of("tenant", "a\"b\\c%_", "note", "\"tenant\":\"acme\"")),
                    call("d", Map.of()));

            assertEquals(Map.of("order", "42", "tenant", "acme"), one(unit, "a").attributes());
            assertEquals(Map.of(), one(unit, "d").attributes());
            assertEquals("[a]", ids(unit, CallQuery.builder().attribute("tenant", "acme").build()), "not acme-2, nor a value holding it");
            assertEquals("[a]", ids(unit, CallQuery.builder().attribute("tenant", "acme").attribute("order", "42").build()));
            assertEquals("[]", ids(unit, CallQuery.builder().attribute("tenant", "acme").attribute("order", "43").build()));
            assertEquals("[c]", ids(unit, CallQuery.builder().attribute("tenant", "a\"b\\c%_").build()), "quotes, backslash, LIKE's wildcards");
            assertEquals("[]", ids(unit, CallQuery.builder().attribute("tenant", "a\"b\\c%").build()));
        }
    }

    @Test
    void aFilterThatCouldNeverMatchIsRefused() {
        var tooLong = "v".repeat(CurrentCall.MAX_ATTRIBUTE_VALUE + 1);
        var refused = assertThrows(IllegalArgumentException.class,
                () -> CallQuery.builder().attribute("tenant", tooLong).build());
        assertTrue(refused.getMessage().startsWith("attribute:"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CallQuery.builder().attribute("tenant", null).build());
    }

    @Test
    void aTableOfThePreviousReleaseIsUpgradedWithItsRowsKept() throws SQLException, IOException {
        var url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        var database = new org.h2.jdbcx.JdbcDataSource();
        database.setURL(url);
        database.setUser("sa");
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            for (var sql : SchemaInstaller.statements(previousDdl())) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO RECORDED_CALL (id, kind, request_body_truncated, response_body_truncated, started_at, "
                    + "status, path) VALUES ('old', 'HTTP', FALSE, FALSE, TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', 200, '/old')");
            // the slowest-first index, which builds of 2026-12-01 made (978a5fb until its removal)
            statement.execute("CREATE INDEX RECORDED_CALL_SLOWEST ON RECORDED_CALL (duration_nanos DESC, id DESC)");
        }

        try (var unit = new H2Unit(url)) {
            var old = one(unit, "old");
            assertEquals("/old", old.path());
            assertEquals(Map.of(), old.attributes());
            unit.insert(call("new", Map.of("tenant", "acme")));
            assertEquals(Map.of("tenant", "acme"), one(unit, "new").attributes());
        }
        try (var again = new H2Unit(url)) {
            assertEquals("[new, old]", ids(again, CallQuery.builder().build()), "the upgrade run again changes nothing");
        }
        assertEquals(List.of("RECORDED_CALL_NEWEST", "RECORDED_CALL_OLDEST"), indexes(database),
                "the earlier builds' indexes replaced by the shipped ones");
    }

    private static List<String> indexes(javax.sql.DataSource database) throws SQLException {
        var names = new ArrayList<String>();
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'RECORDED_CALL' "
                     + "AND INDEX_TYPE_NAME <> 'PRIMARY KEY' ORDER BY INDEX_NAME")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static CallRecord one(H2Unit unit, String id) {
        return unit.read(entities -> entities.find(RecordedCallEntity.class, id).toRecord());
    }

    private static String ids(H2Unit unit, CallQuery query) {
        return unit.read(e -> CallFinder.find(e, query)).calls().stream().map(CallRecord::id).sorted().toList().toString();
    }

    private static String previousDdl() throws IOException {
        try (var in = AttributesStorageTest.class.getClassLoader().getResourceAsStream("previous-release/h2.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.recordedcall.internal.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallKind;
import org.recordedcall.CallOutcome;
import org.recordedcall.CallRecord;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped persistence unit, entity and H2 DDL, with Hibernate on a real H2 database. */
class RecordedCallEntityTest {

    private final List<H2Unit> opened = new ArrayList<>();
    private String url;

    @AfterEach
    void close() {
        opened.forEach(H2Unit::close);
    }

    /** The unit exactly as shipped, on a table made from the shipped DDL; every unit of a test on the same database. */
    private H2Unit unit() {
        var unit = url == null ? new H2Unit() : new H2Unit(url);
        url = unit.url;
        opened.add(unit);
        return unit;
    }

    static CallRecord record(String id) {
        var started = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return CallRecord.builder().id(id).correlationId("corr-" + id).traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .kind(CallKind.HTTP).operation("Orders#find").httpMethod("GET")
                .path("/api/orders/7").route("/api/orders/{id}").query("a=1&b=2")
                .requestHeaders(Map.of("accept", List.of("application/json"), "authorization", List.of("***")))
                .requestBody("{\"q\":1}").resourceClass("com.example.Orders").resourceMethod("find")
                .arguments("{\"id\":\"7\"}").result("{\"item\":\"pen\"}").status(200)
                .responseHeaders(Map.of("content-type", List.of("application/json")))
                .responseBody("{\"item\":\"pen\"}").responseBodyTruncated(true).principal("alice")
                .clientAddress("127.0.0.1").userAgent("curl/8").startedAt(started)
                .endedAt(started.plusMillis(12)).durationNanos(12_000_000L)
                .outcome(CallOutcome.SUCCESS).attributes(Map.of("tenant", "acme")).spanId("00f067aa0ba902b7").build();
    }

    private CallRecord read(H2Unit unit, String id) {
        return unit.read(entities -> entities.find(RecordedCallEntity.class, id).toRecord());
    }

    @Test
    void aRecordSurvivesTheRoundTripUnchanged() {
        var unit = unit();
        var call = record(UUID.randomUUID().toString());

        unit.insert(call);

        assertEquals(call, read(unit, call.id()));
    }

    @Test
    void columnsAreTheSnakeCaseOfTheRecordComponents() throws SQLException {
        unit();
        var expected = new TreeSet<String>();
        for (var component : CallRecord.class.getRecordComponents()) {
            expected.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
        }

        var actual = new TreeSet<String>();
        try (var connection = DriverManager.getConnection(url, "sa", "");
             var columns = connection.getMetaData().getColumns(null, null, "RECORDED_CALL", null)) {
            while (columns.next()) {
                actual.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }

        assertEquals(expected, actual);
    }

    @Test
    void installingTheSchemaAgainKeepsTheRows() {
        var first = unit();
        var call = record(UUID.randomUUID().toString());
        first.insert(call);
        first.close();

        var second = unit();

        assertEquals(call, read(second, call.id()));
    }

    @Test
    void valuesLongerThanTheirColumnAreCutToFit() {
        var unit = unit();
        var base = record(UUID.randomUUID().toString());
        var longPath = "/" + "p".repeat(10_000);
        var call = base.toBuilder().operation("o".repeat(1000)).path(longPath).exceptionMessage("m".repeat(5000))
                .userAgent("u".repeat(3000)).build();

        unit.insert(call);

        var stored = read(unit, call.id());
        assertEquals(RecordedCallEntity.LONG, stored.path().length());
        assertTrue(stored.path().endsWith("…"));
        assertEquals(RecordedCallEntity.SHORT, stored.operation().length());
        assertEquals(RecordedCallEntity.LONG, stored.exceptionMessage().length());
        assertEquals(1024, stored.userAgent().length());
    }

    @Test
    void fittingNeverSplitsACharacter() {
        var emoji = "😀".repeat(10);

        var fitted = RecordedCallEntity.fit(emoji, 6);

        assertEquals("😀😀…", fitted);
    }

    @Test
    void aNulCharacterIsStoredAsTheReplacementCharacterWhereverItIs() {
        assertEquals("a\uFFFDb", RecordedCallEntity.storable("a\u0000b"));
        assertEquals("a\uFFFD", RecordedCallEntity.fit("a\u0000", 10));
        var clean = "no nul";
        assertTrue(clean == RecordedCallEntity.storable(clean), "a clean text is not copied");
    }
}

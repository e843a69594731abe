package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.Test;
import org.recordedcall.internal.config.Partitioning;
import org.recordedcall.internal.config.Settings;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the partition upkeep reads from PostgreSQL's catalog and makes of the shipped DDL (the upkeep itself: the PostgreSQL suite). */
class PartitionsTest {

    @Test
    void boundsAsPostgresqlPrintsThemInAnyTimeZone() {
        var day = Partitions.parse("recorded_call_p20261130",
                "FOR VALUES FROM ('2026-11-30 00:00:00+00') TO ('2026-12-01 00:00:00+00')");
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), day.from());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), day.to());
        assertFalse(day.isDefault());

        var india = Partitions.parse("p", "FOR VALUES FROM ('2026-11-30 05:30:00.5+05:30') TO (MAXVALUE)");
        assertEquals(Instant.parse("2026-11-30T00:00:00.5Z"), india.from());
        assertNull(india.to());

        var legacy = Partitions.parse("recorded_call_unpartitioned", "FOR VALUES FROM (MINVALUE) TO ('2026-11-30 01:00:00+01')");
        assertNull(legacy.from());
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), legacy.to());

        assertTrue(Partitions.parse("recorded_call_default", "DEFAULT").isDefault());
        assertThrows(IllegalArgumentException.class, () -> Partitions.parse("x", "FOR VALUES IN ('a')"));
    }

    @Test
    void aPartitionOverlapsARangeAndIsWhollyBeforeACutoff() {
        var day = new Partitions.Partition("d", Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), false);
        assertTrue(day.overlaps(Instant.parse("2026-11-30T05:00:00Z"), Instant.parse("2026-11-30T06:00:00Z")));
        assertFalse(day.overlaps(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z")), "ends are open");
        assertTrue(day.before(Instant.parse("2026-12-01T00:00:00Z")));
        assertFalse(day.before(Instant.parse("2026-11-30T23:59:59Z")), "a partition partly after the cutoff stays");

        var legacy = new Partitions.Partition("l", null, Instant.parse("2026-11-30T00:00:00Z"), false);
        assertTrue(legacy.overlaps(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-01-02T00:00:00Z")));
        var fallback = new Partitions.Partition("recorded_call_default", null, null, true);
        assertFalse(fallback.overlaps(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")));
        assertFalse(fallback.before(Instant.parse("2100-01-01T00:00:00Z")), "the default partition is never dropped");
    }

    @Test
    void namesAndStartsByDayOrHourInUtc() {
        var at = Instant.parse("2026-11-30T05:42:17Z");
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), Partitioning.DAILY.start(at));
        assertEquals(Instant.parse("2026-11-30T05:00:00Z"), Partitioning.HOURLY.start(at));
        assertEquals("recorded_call_p20261130", Partitions.name(Partitioning.DAILY, Partitioning.DAILY.start(at)));
        assertEquals("recorded_call_p2026113005", Partitions.name(Partitioning.HOURLY, Partitioning.HOURLY.start(at)));
        assertEquals("\"a\"\"b\"", Partitions.quote("a\"b"));
    }

    @Test
    void thePartitionedTableIsTheShippedOneKeyedByIdAndStart() throws java.io.IOException {
        var create = SchemaInstaller.statements(new String(
                        SchemaInstaller.class.getClassLoader().getResourceAsStream("META-INF/recorded-call/postgresql.sql")
                                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).get(0);
        var partitioned = SchemaInstaller.partitionedTable(create);

        assertTrue(partitioned.endsWith("    PRIMARY KEY (id, started_at)\n) PARTITION BY RANGE (started_at)"), partitioned);
        assertFalse(partitioned.contains("NOT NULL PRIMARY KEY"), partitioned);
        assertEquals(create.replace(" PRIMARY KEY,", ",").lines().count(), partitioned.lines().count() - 1,
                "every column kept: " + partitioned);
        assertThrows(IllegalStateException.class, () -> SchemaInstaller.partitionedTable("CREATE TABLE x (a INT)"));
    }

    @Test
    void theSettingIsNoneDailyOrHourly() {
        assertEquals(Partitioning.NONE, Settings.defaults().partitions());
        assertEquals(Partitioning.DAILY, Settings.from(Map.of("recordedcall.schema.partitions", " Daily ")::get).partitions());
        assertEquals(Partitioning.HOURLY, Settings.from(Map.of("recordedcall.schema.partitions", "hourly")::get).partitions());
        assertEquals(Partitioning.NONE, Settings.from(Map.of("recordedcall.schema.partitions", "weekly")::get).partitions(),
                "an unknown value is warned of and ignored");
    }
}

package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Partitioning;
import org.recordedcall.internal.config.RetentionSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The purge by age and by row cap, in small batches, on the library's unit in a real H2. */
class RetentionTest {

    private final H2Unit unit = new H2Unit();
    private final Instant now = Instant.parse("2026-11-21T12:00:00Z");
    private final List<Integer> batches = new ArrayList<>();
    private final AtomicLong counted = new AtomicLong();
    // what the partition drop answers (H2 has no partitions: nothing, unless a test says otherwise)
    private Partitions.Dropped dropped = Partitions.Dropped.NONE;

    @AfterEach
    void close() {
        unit.close();
    }

    private final Retention.Store store = new Retention.Store() {
        @Override
        public int deleteOldest(Instant before, int max) {
            var entities = unit.factory.createEntityManager();
            try {
                entities.getTransaction().begin();
                var deleted = Purge.deleteOldest(entities, before, max);
                entities.getTransaction().commit();
                batches.add(deleted);
                return deleted;
            } finally {
                entities.close();
            }
        }

        @Override
        public long count() {
            return unit.read(entities -> entities.createQuery("select count(c) from RecordedCallEntity c", Long.class)
                    .getSingleResult());
        }

        @Override
        public void makePartitions(Instant now) {
            // H2: one table (partitions are tested on PostgreSQL, in the integration suite)
        }

        @Override
        public Partitions.Dropped dropPartitions(Instant cutoff) {
            return dropped;
        }
    };

    private CallRecord startedAgo(Duration age) {
        var base = RecordedCallEntityTest.record(UUID.randomUUID().toString());
        var started = now.minus(age).truncatedTo(ChronoUnit.MICROS);
        return CallRecord.builder().id(base.id()).correlationId(base.correlationId()).traceId(base.traceId())
                .kind(base.kind()).operation(base.operation()).httpMethod(base.httpMethod())
                .path(base.path()).route(base.route()).query(base.query())
                .requestHeaders(base.requestHeaders()).requestBody(base.requestBody())
                .requestBodyTruncated(base.requestBodyTruncated())
                .resourceClass(base.resourceClass()).resourceMethod(base.resourceMethod())
                .arguments(base.arguments()).result(base.result()).status(base.status())
                .responseHeaders(base.responseHeaders()).responseBody(base.responseBody())
                .responseBodyTruncated(base.responseBodyTruncated())
                .exceptionType(base.exceptionType()).exceptionMessage(base.exceptionMessage())
                .stackTrace(base.stackTrace()).principal(base.principal())
                .clientAddress(base.clientAddress()).userAgent(base.userAgent()).startedAt(started)
                .endedAt(started.plusMillis(1)).durationNanos(1_000_000L).outcome(base.outcome()).build();
    }

    private Retention retention(long maxAgeDays, long maxRows, int batch) {
        return new Retention(new RetentionSettings(maxAgeDays, maxRows, 1_000, batch), Partitioning.NONE, store,
                counted::addAndGet);
    }

    @Test
    void callsOlderThanTheMaxAgeGoInSmallBatches() {
        var old = new ArrayList<CallRecord>();
        for (int i = 0; i < 23; i++) {
            old.add(startedAgo(Duration.ofDays(31).plusMinutes(i)));
        }
        var recent = startedAgo(Duration.ofDays(29));
        unit.insert(old.toArray(CallRecord[]::new));
        unit.insert(recent);

        var deleted = retention(30, 0, 5).purge(now);

        assertEquals(23, deleted);
        assertEquals(List.of(5, 5, 5, 5, 3, 0), batches);
        assertEquals(23, counted.get(), "counted with the writer's counters");
        assertEquals(1L, store.count());
        assertTrue(unit.read(entities -> entities.find(RecordedCallEntity.class, recent.id())) != null);
    }

    @Test
    void aRunThatLeavesAPartitionForLaterDeletesNothingByBatches() {
        unit.insert(startedAgo(Duration.ofDays(31)));
        dropped = new Partitions.Dropped(7, 1);

        var deleted = retention(30, 0, 5).purge(now);

        assertEquals(7, deleted, "only what the partitions held");
        assertEquals(List.of(), batches, "no batch: the partition left for later is not deleted row by row");
        assertEquals(1L, store.count());

        dropped = Partitions.Dropped.NONE;
        assertEquals(1, retention(30, 0, 5).purge(now), "the next run deletes what is left by batches");
    }

    @Test
    void theOldestBeyondTheCapGo() {
        var calls = new ArrayList<CallRecord>();
        for (int i = 0; i < 40; i++) {
            calls.add(startedAgo(Duration.ofMinutes(40 - i)));
        }
        unit.insert(calls.toArray(CallRecord[]::new));

        var deleted = retention(0, 25, 6).purge(now);

        assertEquals(15, deleted);
        assertEquals(List.of(6, 6, 3), batches);
        assertEquals(25L, store.count());
        for (int i = 15; i < 40; i++) {
            var id = calls.get(i).id();
            assertTrue(unit.read(entities -> entities.find(RecordedCallEntity.class, id)) != null, "newest kept: " + i);
        }
        assertEquals(0, retention(0, 25, 6).purge(now), "nothing beyond the cap any more");
    }
}

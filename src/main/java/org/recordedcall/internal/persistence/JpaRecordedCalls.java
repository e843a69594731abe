package org.recordedcall.internal.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.recordedcall.CallPage;
import org.recordedcall.CallQuery;
import org.recordedcall.CallRecord;
import org.recordedcall.CallStats;
import org.recordedcall.RecordedCalls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads recorded calls back through the library's persistence unit. */
@Singleton
public class JpaRecordedCalls implements RecordedCalls {

    static final int MAX_LIMIT = 1000;

    private final StoreUnit unit;

    @Inject
    public JpaRecordedCalls(StoreUnit unit) {
        this.unit = unit;
    }

    @Override
    public List<CallRecord> latest(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return read(entities -> entities.createQuery(
                        "select c from RecordedCallEntity c order by c.startedAt desc, c.id desc", RecordedCallEntity.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(RecordedCallEntity::toRecord)
                .toList());
    }

    @Override
    public Optional<CallRecord> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return read(entities -> Optional.ofNullable(entities.find(RecordedCallEntity.class, id))
                .map(RecordedCallEntity::toRecord));
    }

    @Override
    public CallPage find(CallQuery query) {
        return read(entities -> CallFinder.find(entities, query));
    }

    @Override
    public CallStats stats(Instant from, Instant to, int slowest) {
        var start = CallQuery.within(from);
        var end = CallQuery.within(to);
        checkWindow(start, end);
        if (slowest < 0 || slowest > 100) {
            throw new IllegalArgumentException("slowest must be between 0 and 100, was " + slowest);
        }
        return read(entities -> CallStatistics.stats(entities, start, end, slowest));
    }

    /**
     * Calls and duration percentiles in {@code buckets} equal parts of {@code [from, to)}, of
     * one route or all: the dashboard's chart.
     */
    public List<CallSeries.Bucket> series(Instant from, Instant to, String route, int buckets) {
        var start = CallQuery.within(from);
        var end = CallQuery.within(to);
        checkWindow(start, end);
        if (buckets < 1 || buckets > 500) {
            throw new IllegalArgumentException("buckets must be between 1 and 500, was " + buckets);
        }
        return read(entities -> CallSeries.of(entities, start, end, route, buckets));
    }

    private static void checkWindow(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, was " + from + " and " + to);
        }
    }

    private <T> T read(Function<EntityManager, T> query) {
        unit.ensureSchema();
        var entities = unit.factory().createEntityManager();
        try {
            return query.apply(entities);
        } finally {
            entities.close();
        }
    }
}

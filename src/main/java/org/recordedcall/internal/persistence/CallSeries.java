package org.recordedcall.internal.persistence;

import jakarta.persistence.EntityManager;
import org.recordedcall.CallOutcome;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calls and duration percentiles over time, in equal buckets of a window, for the
 * dashboard's chart: the start and duration of each call of the window (at most
 * {@value #MAX_CALLS}, the latest) are read, and bucketed here, the same on every database.
 */
public final class CallSeries {

    static final int MAX_CALLS = 200_000;

    /**
     * One bucket.
     *
     * @param start     the bucket's start
     * @param count     calls started in it
     * @param errors    of them, client or server errors
     * @param p50Millis median duration
     * @param p95Millis 95th percentile
     * @param p99Millis 99th percentile
     */
    public record Bucket(Instant start, long count, long errors, double p50Millis, double p95Millis, double p99Millis) {
    }

    private CallSeries() {
    }

    static List<Bucket> of(EntityManager entities, Instant from, Instant to, String route, int buckets) {
        var jpql = "select c.startedAt, c.durationNanos, c.outcome from RecordedCallEntity c"
                + " where c.startedAt >= :from and c.startedAt < :to and c.durationNanos is not null"
                + (route == null ? "" : " and c.route = :route") + " order by c.startedAt desc";
        var query = entities.createQuery(jpql, Object[].class)
                .setParameter("from", CallFinder.utc(from))
                .setParameter("to", CallFinder.utc(to))
                .setMaxResults(MAX_CALLS);
        if (route != null) {
            query.setParameter("route", route);
        }
        // a Duration, not nanoseconds: a window of the allowed ten thousand years overflows a long of nanoseconds
        var width = Duration.between(from, to).dividedBy(buckets);
        if (width.isZero()) {
            width = Duration.ofNanos(1);
        }
        var durations = new ArrayList<List<Long>>();
        var errors = new long[buckets];
        for (int i = 0; i < buckets; i++) {
            durations.add(new ArrayList<>());
        }
        for (var row : query.getResultList()) {
            var started = ((OffsetDateTime) row[0]).toInstant();
            var index = (int) Math.max(0, Math.min(buckets - 1, Duration.between(from, started).dividedBy(width)));
            durations.get(index).add((Long) row[1]);
            if (row[2] == CallOutcome.CLIENT_ERROR || row[2] == CallOutcome.SERVER_ERROR) {
                errors[index]++;
            }
        }
        var series = new ArrayList<Bucket>();
        for (int i = 0; i < buckets; i++) {
            var sorted = durations.get(i).stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            series.add(new Bucket(from.plus(width.multipliedBy(i)), sorted.length, errors[i],
                    percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99)));
        }
        return series;
    }

    // nearest rank, in milliseconds with microsecond precision
    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        var rank = (int) Math.ceil(fraction * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, rank)] / 1_000.0) / 1_000.0;
    }
}

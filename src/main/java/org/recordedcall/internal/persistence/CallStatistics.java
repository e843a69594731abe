package org.recordedcall.internal.persistence;

import jakarta.persistence.EntityManager;
import org.recordedcall.CallQuery;
import org.recordedcall.CallStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures of the calls of a time window, computed by the database in one aggregate query
 * each (overall, per route): {@code PERCENTILE_CONT}, which H2 2.x and PostgreSQL both have.
 * The window is bound as parameters; the SQL text is constant.
 */
final class CallStatistics {

    /** The most routes one answer lists, busiest first. */
    static final int MAX_ROUTES = 200;

    private static final String FIGURES = "count(*),"
            + " sum(case when outcome in ('CLIENT_ERROR', 'SERVER_ERROR') then 1 else 0 end),"
            + " sum(case when outcome = 'SERVER_ERROR' then 1 else 0 end),"
            + " percentile_cont(0.5) within group (order by duration_nanos),"
            + " percentile_cont(0.95) within group (order by duration_nanos),"
            + " percentile_cont(0.99) within group (order by duration_nanos),"
            + " max(duration_nanos)"
            + " from RECORDED_CALL where started_at >= ? and started_at < ?";
    private static final String OVERALL = "select " + FIGURES;
    private static final String PER_ROUTE = "select route, " + FIGURES + " group by route order by count(*) desc, route";

    private CallStatistics() {
    }

    static CallStats stats(EntityManager entities, Instant from, Instant to, int slowest) {
        var overall = figures(null, (Object[]) window(entities, OVERALL, from, to).setMaxResults(1).getSingleResult());
        var routes = new ArrayList<CallStats.Figures>();
        for (var row : window(entities, PER_ROUTE, from, to).setMaxResults(MAX_ROUTES).getResultList()) {
            var columns = (Object[]) row;
            var rest = new Object[columns.length - 1];
            System.arraycopy(columns, 1, rest, 0, rest.length);
            routes.add(figures((String) columns[0], rest));
        }
        var calls = slowest == 0 ? List.<org.recordedcall.CallRecord>of() : CallFinder.find(entities,
                CallQuery.builder().from(from).to(to).order(CallQuery.Order.SLOWEST).limit(slowest).build()).calls();
        return new CallStats(from, to, overall, routes, calls);
    }

    private static jakarta.persistence.Query window(EntityManager entities, String sql, Instant from, Instant to) {
        return entities.createNativeQuery(sql)
                .setParameter(1, CallFinder.utc(from))
                .setParameter(2, CallFinder.utc(to));
    }

    private static CallStats.Figures figures(String route, Object[] columns) {
        var count = number(columns[0]);
        var errors = number(columns[1]);
        return new CallStats.Figures(route, count, errors, number(columns[2]),
                count == 0 ? 0 : (double) errors / count,
                millis(columns[3]), millis(columns[4]), millis(columns[5]), millis(columns[6]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double millis(Object nanos) {
        return nanos == null ? 0 : Math.round(((Number) nanos).doubleValue() / 1_000.0) / 1_000.0;
    }
}

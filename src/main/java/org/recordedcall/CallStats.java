package org.recordedcall;

import java.time.Instant;
import java.util.List;

/**
 * Figures of the calls started in a time window, overall and per route.
 *
 * @param from    the window's start (inclusive)
 * @param to      the window's end (exclusive)
 * @param overall the figures of all calls of the window
 * @param routes  the figures per route, busiest first
 * @param slowest the slowest calls of the window, slowest first
 */
public record CallStats(Instant from, Instant to, Figures overall, List<Figures> routes, List<CallRecord> slowest) {

    public CallStats {
        routes = List.copyOf(routes);
        slowest = List.copyOf(slowest);
    }

    /**
     * The figures of a set of calls.
     *
     * @param route        the route, or {@code null} for all calls
     * @param count        how many calls
     * @param errors       how many ended as {@link CallOutcome#CLIENT_ERROR} or {@link CallOutcome#SERVER_ERROR}
     * @param serverErrors how many ended as {@link CallOutcome#SERVER_ERROR}
     * @param errorRate    errors / count, 0 when there were no calls
     * @param p50Millis    median duration
     * @param p95Millis    95th percentile of the duration
     * @param p99Millis    99th percentile of the duration
     * @param maxMillis    longest duration
     */
    public record Figures(String route, long count, long errors, long serverErrors, double errorRate,
                          double p50Millis, double p95Millis, double p99Millis, double maxMillis) {
    }
}

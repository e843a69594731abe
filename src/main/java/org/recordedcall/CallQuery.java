package org.recordedcall;

import java.time.Instant;

/**
 * Which recorded calls to read, in which order, how many: every filter is optional and they
 * all apply together. Built with {@link #builder()}; read with {@link RecordedCalls#find(CallQuery)}.
 *
 * @param from          calls started at or after this instant
 * @param to            calls started before this instant
 * @param route         calls of this route template, e.g. {@code /api/orders/{id}}
 * @param pathPrefix    calls whose path starts with this, e.g. {@code /api/orders/}
 * @param httpMethod    calls of this HTTP method
 * @param status        calls answered with this status
 * @param outcome       calls that ended so
 * @param exceptionType calls that failed with this exception class (its full name)
 * @param principal     calls made by this principal
 * @param correlationId calls with this correlation id
 * @param minDurationMillis calls that took at least this long
 * @param order         the order of the calls
 * @param limit         how many calls at most, 1 to {@value #MAX_LIMIT}
 * @param after         the {@link CallPage#next()} cursor of the page before, or {@code null} for the first page
 */
public record CallQuery(Instant from, Instant to, String route, String pathPrefix, String httpMethod, Integer status,
                        CallOutcome outcome, String exceptionType, String principal, String correlationId,
                        Long minDurationMillis, Order order, int limit, String after) {

    /** The most calls one page holds. */
    public static final int MAX_LIMIT = 1000;

    /** The order of the calls of a page. */
    public enum Order {
        /** Latest started first. */
        NEWEST,
        /** Earliest started first. */
        OLDEST,
        /** Longest first. */
        SLOWEST
    }

    /** Checks what no query can mean. */
    public CallQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, was " + from + " and " + to);
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
        }
        if (minDurationMillis != null && minDurationMillis < 0) {
            throw new IllegalArgumentException("minDurationMillis must not be negative, was " + minDurationMillis);
        }
        if (order == null) {
            order = Order.NEWEST;
        }
    }

    /** The same query for another page: {@code limit} calls after the cursor {@code after} ({@code null}: the first). */
    public CallQuery page(int limit, String after) {
        return new CallQuery(from, to, route, pathPrefix, httpMethod, status, outcome, exceptionType, principal,
                correlationId, minDurationMillis, order, limit, after);
    }

    /** A query of every call, newest first, 50 a page, to narrow down. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CallQuery}; every setter is optional. */
    public static final class Builder {
        private Instant from;
        private Instant to;
        private String route;
        private String pathPrefix;
        private String httpMethod;
        private Integer status;
        private CallOutcome outcome;
        private String exceptionType;
        private String principal;
        private String correlationId;
        private Long minDurationMillis;
        private Order order = Order.NEWEST;
        private int limit = 50;
        private String after;

        private Builder() {
        }

        public Builder from(Instant value) {
            from = value;
            return this;
        }

        public Builder to(Instant value) {
            to = value;
            return this;
        }

        public Builder route(String value) {
            route = value;
            return this;
        }

        public Builder pathPrefix(String value) {
            pathPrefix = value;
            return this;
        }

        public Builder httpMethod(String value) {
            httpMethod = value;
            return this;
        }

        public Builder status(Integer value) {
            status = value;
            return this;
        }

        public Builder outcome(CallOutcome value) {
            outcome = value;
            return this;
        }

        public Builder exceptionType(String value) {
            exceptionType = value;
            return this;
        }

        public Builder principal(String value) {
            principal = value;
            return this;
        }

        public Builder correlationId(String value) {
            correlationId = value;
            return this;
        }

        public Builder minDurationMillis(Long value) {
            minDurationMillis = value;
            return this;
        }

        public Builder order(Order value) {
            order = value;
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public Builder after(String cursor) {
            after = cursor;
            return this;
        }

        /** The query; throws {@link IllegalArgumentException} for values no query can mean. */
        public CallQuery build() {
            return new CallQuery(from, to, route, pathPrefix, httpMethod, status, outcome, exceptionType, principal,
                    correlationId, minDurationMillis, order, limit, after);
        }
    }
}

package org.recordedcall;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param attributes    calls with each of these attributes, name to value ({@link CurrentCall#attribute});
 *                      empty for no such filter
 * @param order         the order of the calls
 * @param limit         how many calls at most, 1 to {@value #MAX_LIMIT}
 * @param after         the {@link CallPage#next()} cursor of the page before, or {@code null} for the first page
 */
public record CallQuery(Instant from, Instant to, String route, String pathPrefix, String httpMethod, Integer status,
                        CallOutcome outcome, String exceptionType, String principal, String correlationId,
                        Long minDurationMillis, Map<String, String> attributes, Order order, int limit, String after) {

    /** The most calls one page holds. */
    public static final int MAX_LIMIT = 1000;

    /** The earliest instant a query or a window takes: the start of year 1, which every supported database stores. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant a query or a window takes: the end of year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** The largest {@code minDurationMillis}: a call's duration is stored in nanoseconds, as a {@code long}. */
    public static final long MAX_DURATION_MILLIS = Long.MAX_VALUE / 1_000_000;

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
        // Instant.MIN or MAX as "no bound", or any instant beyond what a database stores: the nearest one it does
        from = within(from);
        to = within(to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, was " + from + " and " + to);
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
        }
        if (minDurationMillis != null && (minDurationMillis < 0 || minDurationMillis > MAX_DURATION_MILLIS)) {
            throw new IllegalArgumentException("minDurationMillis must be between 0 and " + MAX_DURATION_MILLIS
                    + ", was " + minDurationMillis);
        }
        if (attributes != null && attributes.entrySet().stream().anyMatch(a -> a.getKey() == null || a.getValue() == null)) {
            throw new IllegalArgumentException("an attribute filter needs a name and a value, was " + attributes);
        }
        if (attributes != null && attributes.values().stream().anyMatch(v -> v.length() > CurrentCall.MAX_ATTRIBUTE_VALUE)) {
            // such a value is stored cut: as given, it could never match
            throw new IllegalArgumentException("attribute: a value is at most " + CurrentCall.MAX_ATTRIBUTE_VALUE
                    + " characters");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (order == null) {
            order = Order.NEWEST;
        }
    }

    /** The instant, moved to {@link #EARLIEST} or {@link #LATEST} when it lies beyond them; {@code null} stays. */
    public static Instant within(Instant instant) {
        if (instant == null) {
            return null;
        }
        return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    }

    /**
     * Checks that an instant given to a query or a window lies from {@link #EARLIEST} to {@link #LATEST}.
     *
     * @param name    the instant's name, for the message
     * @param instant the instant, or {@code null} (no bound)
     * @throws IllegalArgumentException naming it, when it lies outside
     */
    public static void checkInstant(String name, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new IllegalArgumentException(name + " must be between " + EARLIEST + " and " + LATEST + ", was " + instant);
        }
    }

    /** The same query for another page: {@code limit} calls after the cursor {@code after} ({@code null}: the first). */
    public CallQuery page(int limit, String after) {
        return new CallQuery(from, to, route, pathPrefix, httpMethod, status, outcome, exceptionType, principal,
                correlationId, minDurationMillis, attributes, order, limit, after);
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
        private final Map<String, String> attributes = new LinkedHashMap<>();
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

        /** Calls with this attribute, besides any other given (its name as stored). */
        public Builder attribute(String name, String value) {
            attributes.put(name, value);
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
                    correlationId, minDurationMillis, attributes, order, limit, after);
        }
    }
}

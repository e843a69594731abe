package org.recordedcall.internal.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.recordedcall.CallPage;
import org.recordedcall.CallQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link CallQuery}: every filter a bound parameter of a criteria query (never SQL
 * built from text), ordered on an indexed column and the id, paged by keyset so that a page
 * deep in a million rows costs what the first one does. Except on H2, whose DDL has no index on
 * the duration: there every slowest-first page, after a cursor too, sorts the matching rows
 * (README, "Slowest first on H2").
 */
final class CallFinder {

    private CallFinder() {
    }

    static CallPage find(EntityManager entities, CallQuery query) {
        var after = query.after() == null ? null : Cursor.decode(query.after(), query.order());
        var builder = entities.getCriteriaBuilder();
        var criteria = builder.createQuery(RecordedCallEntity.class);
        var call = criteria.from(RecordedCallEntity.class);
        var where = filters(builder, call, query);
        Path<Comparable<Object>> key = query.order() == CallQuery.Order.SLOWEST ? call.get("durationNanos") : call.get("startedAt");
        Path<String> id = call.get("id");
        var descending = query.order() != CallQuery.Order.OLDEST;
        if (query.order() == CallQuery.Order.SLOWEST) {
            where.add(builder.isNotNull(call.get("durationNanos")));
        }
        if (after != null) {
            Comparable<Object> last = keyValue(after);
            // the first conjunct says the same as the second, as a range an index can start at (H2 reads no OR as one)
            where.add(descending
                    ? builder.lessThanOrEqualTo(key, last)
                    : builder.greaterThanOrEqualTo(key, last));
            where.add(descending
                    ? builder.or(builder.lessThan(key, last), builder.and(builder.equal(key, last), builder.lessThan(id, after.id())))
                    : builder.or(builder.greaterThan(key, last), builder.and(builder.equal(key, last), builder.greaterThan(id, after.id()))));
        }
        criteria.select(call).where(where.toArray(Predicate[]::new))
                .orderBy(descending ? List.of(builder.desc(key), builder.desc(id)) : List.of(builder.asc(key), builder.asc(id)));
        var rows = entities.createQuery(criteria).setMaxResults(query.limit() + 1).getResultList();
        var more = rows.size() > query.limit();
        var page = more ? rows.subList(0, query.limit()) : rows;
        var next = more ? cursorAfter(page.get(page.size() - 1), query.order()).encode() : null;
        return new CallPage(page.stream().map(RecordedCallEntity::toRecord).toList(), next);
    }

    /** The query's filters, shared with the statistics and the purge. */
    static List<Predicate> filters(CriteriaBuilder builder, Root<RecordedCallEntity> call, CallQuery query) {
        var where = new ArrayList<Predicate>();
        if (query.from() != null) {
            where.add(builder.greaterThanOrEqualTo(call.get("startedAt"), utc(query.from())));
        }
        if (query.to() != null) {
            where.add(builder.lessThan(call.get("startedAt"), utc(query.to())));
        }
        equal(builder, call, where, "route", query.route());
        equal(builder, call, where, "httpMethod", query.httpMethod());
        equal(builder, call, where, "status", query.status());
        equal(builder, call, where, "outcome", query.outcome());
        equal(builder, call, where, "exceptionType", query.exceptionType());
        equal(builder, call, where, "principal", query.principal());
        equal(builder, call, where, "correlationId", query.correlationId());
        if (query.pathPrefix() != null) {
            where.add(builder.like(call.get("path"), escapeLike(query.pathPrefix()) + "%", '\\'));
        }
        if (query.minDurationMillis() != null) {
            where.add(builder.greaterThanOrEqualTo(call.get("durationNanos"), query.minDurationMillis() * 1_000_000L));
        }
        // an attribute is always the same text in its column (JsonColumns): found inside it, with no index of its own
        query.attributes().forEach((name, value) -> where.add(builder.like(call.get("attributes"),
                "%" + escapeLike(JsonColumns.attributeFragment(name, value)) + "%", '\\')));
        return where;
    }

    private static void equal(CriteriaBuilder builder, Root<RecordedCallEntity> call, List<Predicate> where,
                              String attribute, Object value) {
        if (value != null) {
            where.add(builder.equal(call.get(attribute), value));
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> keyValue(Cursor cursor) {
        if (cursor.order() == CallQuery.Order.SLOWEST) {
            return (Comparable<Object>) (Comparable<?>) Long.valueOf(cursor.key());
        }
        var instant = cursor.instant();
        return (Comparable<Object>) (Comparable<?>) utc(instant);
    }

    private static Cursor cursorAfter(RecordedCallEntity last, CallQuery.Order order) {
        var record = last.toRecord();
        var key = order == CallQuery.Order.SLOWEST
                ? record.durationNanos()
                : ChronoUnit.MICROS.between(Instant.EPOCH, record.startedAt());
        return new Cursor(order, key, record.id());
    }
}

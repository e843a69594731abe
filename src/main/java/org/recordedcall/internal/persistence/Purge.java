package org.recordedcall.internal.persistence;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;

/**
 * One small batch of the retention purge: the oldest calls, found by the started-at index, deleted
 * by id within the span of their start times (so that, on a partitioned table, only the partitions
 * of that span are searched for the ids).
 */
final class Purge {

    private Purge() {
    }

    /** Deletes up to {@code max} of the oldest calls (started before {@code before}, when given); returns how many. */
    static int deleteOldest(EntityManager entities, Instant before, int max) {
        var select = entities.createQuery("select c.id, c.startedAt from RecordedCallEntity c"
                + (before == null ? "" : " where c.startedAt < :before") + " order by c.startedAt, c.id", Object[].class)
                .setMaxResults(max);
        if (before != null) {
            select.setParameter("before", CallFinder.utc(before));
        }
        var oldest = select.getResultList();
        if (oldest.isEmpty()) {
            return 0;
        }
        var ids = new ArrayList<String>(oldest.size());
        for (var call : oldest) {
            ids.add((String) call[0]);
        }
        return entities.createQuery("delete from RecordedCallEntity c where c.id in :ids"
                        + " and c.startedAt >= :first and c.startedAt <= :last")
                .setParameter("ids", ids)
                .setParameter("first", (OffsetDateTime) oldest.get(0)[1])
                .setParameter("last", (OffsetDateTime) oldest.get(oldest.size() - 1)[1])
                .executeUpdate();
    }
}

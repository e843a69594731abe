package org.recordedcall.internal.persistence;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** One small batch of the retention purge: the oldest calls, found by the started-at index, deleted by id. */
final class Purge {

    private Purge() {
    }

    /** Deletes up to {@code max} of the oldest calls (started before {@code before}, when given); returns how many. */
    static int deleteOldest(EntityManager entities, Instant before, int max) {
        var select = entities.createQuery("select c.id from RecordedCallEntity c"
                + (before == null ? "" : " where c.startedAt < :before") + " order by c.startedAt, c.id", String.class)
                .setMaxResults(max);
        if (before != null) {
            select.setParameter("before", CallFinder.utc(before));
        }
        List<String> ids = select.getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return entities.createQuery("delete from RecordedCallEntity c where c.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}

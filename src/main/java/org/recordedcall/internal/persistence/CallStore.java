package org.recordedcall.internal.persistence;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.recordedcall.CallRecord;

/** Inserts one finished call in a transaction of its own, never the request's. */
@Singleton
public class CallStore {

    /** The name of the persistence unit shipped in the jar. */
    public static final String UNIT = "recorded-call";

    @PersistenceContext(unitName = UNIT)
    EntityManager entities;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(CallRecord call) {
        entities.persist(RecordedCallEntity.of(call));
    }
}

package org.recordedcall.internal.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.recordedcall.CallRecord;

/** Inserts one finished call in a transaction of its own, never the request's. */
@Singleton
public class CallStore {

    /** The name of the persistence unit shipped in the jar. */
    public static final String UNIT = "recorded-call";

    private final StoreUnit unit;

    @Inject
    public CallStore(StoreUnit unit) {
        this.unit = unit;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(CallRecord call) {
        unit.ensureSchema();
        var entities = unit.factory().createEntityManager();
        try {
            entities.joinTransaction();
            entities.persist(RecordedCallEntity.of(call));
            entities.flush();
        } finally {
            entities.close();
        }
    }
}

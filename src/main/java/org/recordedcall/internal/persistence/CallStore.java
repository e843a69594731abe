package org.recordedcall.internal.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.recordedcall.CallRecord;

import java.util.List;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Inserts finished calls in a transaction of their own, never the request's. */
@Singleton
public class CallStore {

    /** The name of the persistence unit shipped in the jar. */
    public static final String UNIT = "recorded-call";

    private final StoreUnit unit;
    private volatile TransactionSynchronizationRegistry transactions;

    @Inject
    public CallStore(StoreUnit unit) {
        this.unit = unit;
    }

    /** Whether the records' database answers. */
    public boolean reachable() {
        return unit.reachable();
    }

    /** Inserts the calls in one transaction of their own, with JDBC batching where the provider does it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertAll(List<CallRecord> calls) {
        unit.ensureSchema();
        var entities = unit.factory().createEntityManager();
        // closed when the transaction has ended, as a container closes its own: closed inside
        // the transaction, EclipseLink on Payara now and then let the insert go uncommitted
        transactions().registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit: the insert is flushed
            }

            @Override
            public void afterCompletion(int status) {
                entities.close();
            }
        });
        entities.joinTransaction();
        for (var call : calls) {
            entities.persist(RecordedCallEntity.of(call));
        }
        entities.flush();
    }

    private TransactionSynchronizationRegistry transactions() {
        if (transactions != null) {
            return transactions;
        }
        try {
            transactions = (TransactionSynchronizationRegistry) new InitialContext()
                    .lookup("java:comp/TransactionSynchronizationRegistry");
            return transactions;
        } catch (NamingException e) {
            throw new IllegalStateException("recorded-call: the server offers no TransactionSynchronizationRegistry", e);
        }
    }
}

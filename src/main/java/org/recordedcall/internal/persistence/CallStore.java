package org.recordedcall.internal.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.recordedcall.CallRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Inserts finished calls in transactions of their own, never the request's; deletes the oldest. */
@Singleton
public class CallStore {

    /** The name of the library's persistence unit (bootstrapped by {@link StoreUnit}, declared in no persistence.xml). */
    public static final String UNIT = "recorded-call";

    private static final RowInsert<RecordedCallEntity> INSERT = RowInsert.of(RecordedCallEntity.class);

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

    /**
     * Inserts the calls in one transaction of their own, as one JDBC batch on the transaction's
     * connection of the unit's datasource ({@link RowInsert}, from the entity's mapping). A
     * refused batch throws a {@link PersistenceException} whose cause carries the SQLSTATE.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertAll(List<CallRecord> calls) {
        unit.ensureSchema();
        try (var connection = unit.dataSource().getConnection()) {
            insert(connection, calls);
        } catch (SQLException e) {
            throw new PersistenceException("recorded-call: the database refused " + calls.size() + " call(s): " + e, e);
        }
    }

    /** Inserts the calls as one JDBC batch on this connection, in whatever transaction it is part of. */
    static void insert(Connection connection, List<CallRecord> calls) throws SQLException {
        var rows = new ArrayList<RecordedCallEntity>(calls.size());
        for (var call : calls) {
            rows.add(RecordedCallEntity.of(call));
        }
        INSERT.insert(connection, rows);
    }

    /**
     * Deletes, in one transaction of its own, up to {@code max} of the oldest calls, only
     * those started before {@code before} when it is given; returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteOldest(Instant before, int max) {
        return Purge.deleteOldest(joined(), before, max);
    }

    /** Whether the call with this id is stored. */
    public boolean contains(String id) {
        var entities = unit.factory().createEntityManager();
        try {
            return entities.find(RecordedCallEntity.class, id) != null;
        } finally {
            entities.close();
        }
    }

    /** How many calls are stored. */
    public long count() {
        var entities = unit.factory().createEntityManager();
        try {
            return entities.createQuery("select count(c) from RecordedCallEntity c", Long.class).getSingleResult();
        } finally {
            entities.close();
        }
    }

    /** An entity manager joined to the current transaction, closed when it has ended. */
    private EntityManager joined() {
        unit.ensureSchema();
        var entities = unit.factory().createEntityManager();
        // closed when the transaction has ended, as a container closes its own: closed inside
        // the transaction, EclipseLink on Payara now and then let the insert go uncommitted
        transactions().registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit: the work is flushed
            }

            @Override
            public void afterCompletion(int status) {
                entities.close();
            }
        });
        entities.joinTransaction();
        return entities;
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

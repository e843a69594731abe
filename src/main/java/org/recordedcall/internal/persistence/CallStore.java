package org.recordedcall.internal.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Settings;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Inserts finished calls in transactions of their own, never the request's; deletes the oldest. */
@Singleton
public class CallStore {

    /** The name of the library's persistence unit (bootstrapped by {@link StoreUnit}, declared in no persistence.xml). */
    public static final String UNIT = "recorded-call";

    private final StoreUnit unit;
    private final RowWriter rows;
    private volatile TransactionSynchronizationRegistry transactions;

    @Inject
    public CallStore(StoreUnit unit, Settings settings) {
        this.unit = unit;
        this.rows = new RowWriter(settings.postgresCopy());
    }

    /**
     * At start-up, after the table: how batches will be written ({@link RowWriter}), chosen on
     * a connection of its own; where the database does not answer, with the first batch.
     */
    public void prepare() {
        try {
            transactions(); // looked up while the application's naming context is there: needed as it stops
        } catch (IllegalStateException e) {
            // no registry: calls that finish after the writer stopped go through insertAll
        }
        try (var connection = unit.dataSource().getConnection()) {
            rows.copies(connection);
        } catch (SQLException | RuntimeException e) {
            // the database may be down for now: chosen with the first batch
        }
    }

    /** How batches go into the table now: {@code COPY}, {@code INSERT}, or {@code null} while not chosen. */
    public String statement() {
        var copies = rows.copies();
        return copies == null ? null : copies ? "COPY" : "INSERT";
    }

    /** Whether the records' database answers. */
    public boolean reachable() {
        return unit.reachable();
    }

    /**
     * Inserts the calls in one transaction of their own, in one statement on the transaction's
     * connection of the unit's datasource ({@link RowWriter}: on PostgreSQL a binary COPY where
     * it can, else a JDBC batch). A refused batch throws a {@link PersistenceException} whose
     * cause carries the SQLSTATE.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertAll(List<CallRecord> calls) {
        unit.ensureSchema();
        try (var connection = unit.dataSource().getConnection()) {
            rows.write(connection, calls);
        } catch (SQLException e) {
            throw new PersistenceException("recorded-call: the database refused " + calls.size() + " call(s): " + e, e);
        }
    }

    /**
     * The same in a local transaction of the datasource's connection, past the container's
     * transaction interceptor: for calls that finish after the application's CDI container, and
     * that interceptor with it, has gone ({@link CallWriter}). Only where this thread is in no
     * JTA transaction ({@link #outsideTransactions()}): an enlisted connection takes no local commit.
     */
    public void insertAllLocally(List<CallRecord> calls) {
        unit.ensureSchema();
        try (var connection = unit.dataSource().getConnection()) {
            var autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                rows.write(connection, calls);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PersistenceException("recorded-call: the database refused " + calls.size() + " call(s): " + e, e);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Whether this thread is known to be in no JTA transaction, by the registry looked up at
     * start-up; {@code false} where the server offered none or it no longer answers.
     */
    public boolean outsideTransactions() {
        var registry = transactions;
        try {
            return registry != null && registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
        } catch (RuntimeException stoppedToo) {
            return false; // the transaction service may have stopped with the application
        }
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

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
     * At start-up, after the table: the transaction registry that {@link #knownOutsideTransaction}
     * asks, looked up while the application's naming context is there; and how batches will be
     * written ({@link RowWriter}), chosen on a connection of its own, or, where the database does
     * not answer, with the first batch.
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
        write(calls, false);
    }

    /**
     * The same in a local transaction of the datasource's connection, past the container's
     * transaction interceptor: for a call that finishes after the application's CDI container,
     * and that interceptor with it, has gone ({@link CallWriter}). Only where this thread is
     * known to be in no JTA transaction ({@link #knownOutsideTransaction()}): an enlisted
     * connection takes no local commit. It runs after the shutdown because no interceptor binds
     * it and this bean is a {@link Singleton}, reached without a client proxy: in a normal
     * scope, the proxy would refuse it too.
     */
    public void insertAllLocally(List<CallRecord> calls) {
        write(calls, true);
    }

    private void write(List<CallRecord> calls, boolean locally) {
        unit.ensureSchema();
        try (var connection = unit.dataSource().getConnection()) {
            if (locally) {
                writeLocally(connection, calls);
            } else {
                rows.write(connection, calls);
            }
        } catch (SQLException e) {
            throw new PersistenceException("recorded-call: the database refused " + calls.size() + " call(s): " + e, e);
        }
    }

    /**
     * All the calls or none: committed, or rolled back on any failure. The connection's
     * auto-commit is set back only after either, since setting it back on an open transaction
     * would commit what the batch had written so far.
     */
    private void writeLocally(Connection connection, List<CallRecord> calls) throws SQLException {
        var autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            rows.write(connection, calls);
            connection.commit();
        } catch (Throwable failure) {
            if (rolledBack(connection, failure)) {
                restore(connection, autoCommit, failure);
            }
            throw failure;
        }
        restore(connection, autoCommit, null);
    }

    private static boolean rolledBack(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    // the batch's outcome stands whatever this does: a pool resets the connections it takes back
    private static void restore(Connection connection, boolean autoCommit, Throwable failure) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Whether this thread is known to be in no JTA transaction, by the registry looked up at
     * start-up; {@code false} where the server offered none or it no longer answers.
     */
    public boolean knownOutsideTransaction() {
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

package org.recordedcall.internal.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.recordedcall.CallRecord;
import org.recordedcall.RecordedCallSettings;
import org.recordedcall.internal.config.Settings;

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

    private static final System.Logger LOG = System.getLogger(CallStore.class.getName());
    private static final RowInsert<RecordedCallEntity> INSERT = RowInsert.of(RecordedCallEntity.class);
    private static final RowCopy<RecordedCallEntity> COPY = RowCopy.of(RecordedCallEntity.class);

    private final StoreUnit unit;
    private final boolean copyAllowed;
    private volatile TransactionSynchronizationRegistry transactions;
    // whether batches go by COPY: decided with the first batch's connection
    private volatile Boolean copies;
    // a batch by COPY failed, not for its rows: the next go by INSERT until one is stored
    private volatile boolean insertUntilStored;

    @Inject
    public CallStore(StoreUnit unit, Settings settings) {
        this.unit = unit;
        this.copyAllowed = settings.postgresCopy();
    }

    /** Whether the records' database answers. */
    public boolean reachable() {
        return unit.reachable();
    }

    /**
     * Inserts the calls in one transaction of their own, in one statement on the transaction's
     * connection of the unit's datasource, from the entity's mapping: on PostgreSQL a binary
     * {@code COPY} ({@link RowCopy}) where it can take them, elsewhere a JDBC batch
     * ({@link RowInsert}). One call alone goes by INSERT everywhere: a copy's extra round trip
     * costs more than it saves on one row (a transaction of one row took 310-320 µs of the
     * writer's CPU by COPY, 230 by INSERT). A refused batch throws a
     * {@link PersistenceException} whose cause carries the SQLSTATE.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertAll(List<CallRecord> calls) {
        unit.ensureSchema();
        try (var connection = unit.dataSource().getConnection()) {
            if (calls.size() > 1 && !insertUntilStored && copies(connection)) {
                copy(connection, calls);
            } else {
                insert(connection, calls);
                insertUntilStored = false;
            }
        } catch (SQLException e) {
            throw new PersistenceException("recorded-call: the database refused " + calls.size() + " call(s): " + e, e);
        }
    }

    /**
     * Copies the calls on the driver's connection under the pool's wrapper, where the pool does
     * not see a failure: a copy that fails for another reason than its rows (the database went
     * away, the connection broke) sends the next batches by INSERT, through the wrapper, until
     * one is stored, so that the pool meets a broken connection as it meets the application's
     * own statements, and drops it where it would drop theirs.
     */
    private void copy(Connection connection, List<CallRecord> calls) throws SQLException {
        try {
            PostgresCopy.copy(connection, COPY, rows(calls));
        } catch (SQLException | RuntimeException e) {
            if (WriteFailure.of(e) != WriteFailure.RECORD) {
                insertUntilStored = true;
            }
            throw e;
        }
    }

    /** Inserts the calls as one JDBC batch on this connection, in whatever transaction it is part of. */
    static void insert(Connection connection, List<CallRecord> calls) throws SQLException {
        INSERT.insert(connection, rows(calls));
    }

    private static List<RecordedCallEntity> rows(List<CallRecord> calls) {
        var rows = new ArrayList<RecordedCallEntity>(calls.size());
        for (var call : calls) {
            rows.add(RecordedCallEntity.of(call));
        }
        return rows;
    }

    /**
     * Whether batches go by COPY, decided once, at the first write, and logged: on PostgreSQL
     * unless the setting says no, the application does not see the driver, or the table's
     * columns are not the shipped DDL's.
     */
    private boolean copies(Connection connection) throws SQLException {
        var decided = copies;
        if (decided != null) {
            return decided;
        }
        if (!SchemaInstaller.isPostgres(connection.getMetaData().getDatabaseProductName())) {
            copies = false;
            return false;
        }
        String why;
        if (!copyAllowed) {
            why = RecordedCallSettings.STORE_POSTGRES_COPY + " is false";
        } else if (!PostgresCopy.driverVisible()) {
            why = "the application's class loader does not see PostgreSQL's JDBC driver (org.postgresql); "
                    + "make the driver's module a dependency of the application, or put the driver in its WEB-INF/lib";
        } else if (!PostgresCopy.wraps(connection)) {
            why = "the datasource's connections are not those of the PostgreSQL driver the application sees";
        } else {
            why = COPY.mismatch(connection);
        }
        copies = why == null;
        if (why == null) {
            LOG.log(System.Logger.Level.INFO, "recorded-call: calls go to PostgreSQL by COPY, in its binary format");
        } else {
            LOG.log(System.Logger.Level.INFO, "recorded-call: calls go to PostgreSQL by batched INSERT, not by the "
                    + "faster COPY: " + why);
        }
        return copies;
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

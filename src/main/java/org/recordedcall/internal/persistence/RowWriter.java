package org.recordedcall.internal.persistence;

import org.recordedcall.CallRecord;
import org.recordedcall.RecordedCallSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a batch of calls goes into the table on a connection: on PostgreSQL a binary
 * {@code COPY} ({@link RowCopy}) where it can take them, elsewhere, for one call alone, and
 * with {@code recordedcall.store.postgres-copy=false}, a JDBC batch {@code INSERT}
 * ({@link RowInsert}); both from the entity's mapping.
 * <ul>
 * <li>The choice is made as the application starts ({@link CallStore#prepare}), or where the
 * database did not answer then, with the first batch of more than one call, and logged (again
 * only when it changes); while the table is missing, with every such batch. Made at start-up, it
 * does not wait for a batch that may meet a broken connection: a catalog query failing there
 * would close the connection before the batch's own statement meets it. It is made anew, with
 * the next batch, only after a copy failed for another reason than its rows (an SQLSTATE
 * outside classes 22 and 23) and a batch then went in by INSERT (a column a DBA widened refuses
 * the narrower type's binary form with SQLSTATE 08P01). After three failed copies with none
 * stored between them, batches go by INSERT until the application restarts.</li>
 * <li>One call alone goes by INSERT: a copy's extra round trip costs more than it saves on one
 * row (BENCHMARKS.md, session 11).</li>
 * <li>A copy runs on the driver's connection under the pool's wrapper, so the pool does not
 * see it fail. After a copy fails for another reason than its rows (the database went away,
 * the connection broke), batches go by INSERT, through the wrapper, until one goes in: a pool
 * that sorts its connections' exceptions (WildFly's exception sorter) then meets the broken
 * connection as it meets the application's own statements, and drops it. (WildFly's pool of a
 * {@code <data-source>} sorts none; in the tests it drops the connection only because the
 * driver's batch then fails with an {@code AssertionError}, assertions being on there.)</li>
 * </ul>
 */
final class RowWriter {

    private static final System.Logger LOG = System.getLogger(RowWriter.class.getName());
    private static final RowInsert<RecordedCallEntity> INSERT = RowInsert.of(RecordedCallEntity.class);
    private static final RowCopy<RecordedCallEntity> COPY = RowCopy.of(RecordedCallEntity.class);
    private static final String DRIVER_CONNECTION = "org.postgresql.PGConnection";

    private final boolean copyAllowed;
    // whether batches go by COPY; null: not chosen yet
    private volatile Boolean copies;
    // a copy failed, not for its rows: batches go by INSERT until one goes in
    private volatile boolean insertUntilStored;
    // the choice as last logged
    private volatile String logged;
    // copies that failed since one was stored; at COPY_FAILURES_TO_GIVE_UP, INSERT for good
    // (no copy is tried after that, so the count stays there)
    private final AtomicInteger failedCopies = new AtomicInteger();
    static final int COPY_FAILURES_TO_GIVE_UP = 3;

    RowWriter(boolean copyAllowed) {
        this.copyAllowed = copyAllowed;
    }

    /** Writes the calls in one statement on this connection, in whatever transaction it is part of. */
    void write(Connection connection, List<CallRecord> calls) throws SQLException {
        var batch = calls.size() > 1;
        var byCopy = batch && !insertUntilStored && copies(connection);
        try {
            if (byCopy) {
                PostgresCopy.copy(connection, COPY, rows(calls));
                failedCopies.set(0);
            } else {
                insert(connection, calls);
                if (batch && insertUntilStored) {
                    insertUntilStored = false;
                    copies = null; // chosen anew with the next batch: the table may have changed
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (byCopy) {
                copyFailed(e);
            }
            throw e;
        }
    }

    /**
     * After a failed copy: INSERT until a batch goes in that way, unless the rows were at fault;
     * after {@value #COPY_FAILURES_TO_GIVE_UP} failed copies with none stored between them, INSERT
     * until the application restarts (a table that takes inserts but refuses copies, as one with
     * row-level security does), logged.
     */
    private void copyFailed(Exception e) {
        if (WriteFailure.of(e) != WriteFailure.RECORD) {
            insertUntilStored = true;
        }
        if (failedCopies.incrementAndGet() >= COPY_FAILURES_TO_GIVE_UP) {
            copies = false;
            LOG.log(System.Logger.Level.WARNING, "recorded-call: " + COPY_FAILURES_TO_GIVE_UP + " copies to PostgreSQL "
                    + "failed with none stored between them, the last with " + WriteFailure.describe(e)
                    + "; calls go by batched INSERT until the application restarts.");
        }
    }

    /** Whether batches go by COPY now; {@code null} while that is to be chosen with the next batch. */
    Boolean copies() {
        return copies;
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
     * Makes the choice, on this connection, unless it is made: at start-up, on a connection of
     * its own; else with the next batch of more than one call.
     */
    boolean copies(Connection connection) throws SQLException {
        var chosen = copies;
        if (chosen != null) {
            return chosen;
        }
        if (failedCopies.get() >= COPY_FAILURES_TO_GIVE_UP) {
            copies = false;
            return false;
        }
        if (!SchemaInstaller.isPostgres(connection.getMetaData().getDatabaseProductName())) {
            copies = false;
            return false;
        }
        String why;
        if (!copyAllowed) {
            why = RecordedCallSettings.STORE_POSTGRES_COPY + " is false";
        } else if (!driverVisible()) {
            why = "the application's class loader does not see PostgreSQL's JDBC driver (org.postgresql); "
                    + "put the driver in WEB-INF/lib, or make the server's driver module a dependency of the "
                    + "application";
        } else if (!PostgresCopy.wraps(connection)) {
            why = "the datasource's connections are not those of the PostgreSQL driver the application sees; put "
                    + "the driver in one place only, the server's or the application's";
        } else {
            why = COPY.mismatch(connection);
            if (why != null && why.startsWith(RowCopy.NO_TABLE)) {
                return false; // not chosen yet: the table may be created (recordedcall.schema.create=false)
            }
        }
        chosen = why == null;
        copies = chosen;
        var choice = chosen ? "recorded-call: calls go to PostgreSQL by COPY, in its binary format"
                : "recorded-call: calls go to PostgreSQL by batched INSERT, not by the faster COPY: " + why;
        if (!Objects.equals(choice, logged)) {
            logged = choice;
            LOG.log(System.Logger.Level.INFO, choice);
        }
        return chosen;
    }

    /**
     * Whether the library's class loader sees PostgreSQL's driver, asked by name, so that
     * {@link PostgresCopy}, which names the driver's types, is loaded only where it does. Where
     * the driver is the server's own (a WildFly module the application does not depend on), it
     * does not.
     */
    private static boolean driverVisible() {
        try {
            Class.forName(DRIVER_CONNECTION, false, RowWriter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError notVisible) {
            return false;
        }
    }
}

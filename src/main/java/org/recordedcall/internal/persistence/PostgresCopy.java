package org.recordedcall.internal.persistence;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a {@link RowCopy} sent through PostgreSQL's JDBC driver's copy API, on the
 * driver's connection under the pool's wrapper: the one class of the library that names the
 * driver's types ({@code PackageStructureTest}), used only once {@link RowWriter} has found
 * them visible.
 */
final class PostgresCopy {

    private PostgresCopy() {
    }

    /** Whether this connection, under the pool's wrapper, is that driver's. */
    static boolean wraps(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Copies the rows on this connection, in whatever transaction it is part of; fails with
     * the server's SQLSTATE as an insert would, or without one where the server took another
     * number of rows than sent or the driver failed otherwise. Only once {@link #wraps} said yes.
     */
    static <E> void copy(Connection connection, RowCopy<E> copy, List<? extends E> rows) throws SQLException {
        // a call through the pool's wrapper first: a pool that enlists connections lazily in the
        // transaction (Payara's lazy-connection-enlistment) does so now; one that did not would
        // leave the copy, one statement, to commit by itself, still whole
        connection.getAutoCommit();
        var copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.sql());
        try {
            copy.encode(rows, (bytes, length) -> copyIn.writeToCopy(bytes, 0, length));
            var copied = copyIn.endCopy();
            if (copied != rows.size()) {
                throw new SQLException("recorded-call: PostgreSQL took " + copied + " of " + rows.size() + " rows");
            }
        } catch (SQLException | RuntimeException e) {
            cancel(copyIn, e);
            throw e;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Error e) {
            // no pool's wrapper turns this into an SQLException here: the writer must hear of it as one
            var failed = new SQLException("recorded-call: PostgreSQL's driver failed in the copy: " + e, e);
            cancel(copyIn, failed);
            throw failed;
        }
    }

    private static void cancel(CopyIn copyIn, Exception failure) {
        if (copyIn.isActive()) {
            try {
                copyIn.cancelCopy();
            } catch (SQLException | RuntimeException cancelFailed) {
                failure.addSuppressed(cancelFailed);
            }
        }
    }
}

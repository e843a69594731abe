package org.recordedcall.internal.persistence;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a {@link RowCopy} sent through PostgreSQL's JDBC driver's copy API, on the
 * driver's connection under the pool's wrapper: the one class that names the driver's types,
 * loaded only once {@link #driverVisible()} has found them.
 */
final class PostgresCopy {

    private static final String CONNECTION = "org.postgresql.PGConnection";

    private PostgresCopy() {
    }

    /**
     * Whether the library's class loader sees PostgreSQL's driver: where the driver is the
     * server's own (a WildFly module the application does not depend on), it does not.
     */
    static boolean driverVisible() {
        try {
            Class.forName(CONNECTION, false, PostgresCopy.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError notVisible) {
            return false;
        }
    }

    /** Whether this connection, under the pool's wrapper, is that driver's. Only once {@link #driverVisible()}. */
    static boolean wraps(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Copies the rows on this connection, in whatever transaction it is part of; fails with
     * the server's SQLSTATE as an insert would, or without one where the server took another
     * number of rows than sent. Only once {@link #wraps} said yes.
     */
    static <E> void copy(Connection connection, RowCopy<E> copy, List<? extends E> rows) throws SQLException {
        // through the pool's wrapper first, so that a pool that enlists a connection lazily does so now
        connection.getAutoCommit();
        copy(connection.unwrap(PGConnection.class), copy, rows);
    }

    private static <E> void copy(PGConnection connection, RowCopy<E> copy, List<? extends E> rows) throws SQLException {
        var copyIn = connection.getCopyAPI().copyIn(copy.sql());
        try {
            copy.encode(rows, (bytes, length) -> copyIn.writeToCopy(bytes, 0, length));
            var copied = copyIn.endCopy();
            if (copied != rows.size()) {
                throw new SQLException("recorded-call: PostgreSQL took " + copied + " of " + rows.size() + " rows");
            }
        } finally {
            if (copyIn.isActive()) {
                try {
                    copyIn.cancelCopy();
                } catch (SQLException alreadyFailed) {
                    // the copy failed, which is what the caller hears of
                }
            }
        }
    }
}

package org.recordedcall.internal.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.function.Predicate;

/**
 * What a failed write says about its cause, read from the SQLSTATE in the exception's causes:
 * the record itself (a value the column rejects, a broken constraint: writing it again fails
 * again), the database (gone, starting, out of resources, a lost transaction: worth another
 * try later), or nothing clear.
 */
enum WriteFailure {
    /** The record cannot be written as it is: SQLSTATE class 22 (data) or 23 (integrity). */
    RECORD,
    /** The database or the connection failed: SQLSTATE class 08, 40, 53, 57 or 58, or a transient JDBC exception. */
    DATABASE,
    /** No SQLSTATE tells. */
    UNKNOWN;

    static WriteFailure of(Throwable failure) {
        var seen = 0;
        for (var cause = failure; cause != null && seen < 20; cause = cause.getCause(), seen++) {
            if (cause instanceof SQLException sql) {
                var kind = of(sql);
                if (kind != UNKNOWN) {
                    return kind;
                }
            }
        }
        return UNKNOWN;
    }

    /**
     * Whether the database refused a row because its key is taken (SQLSTATE 23505): for a call,
     * whose id is made once, the sign that an earlier attempt was stored after all.
     */
    static boolean isDuplicateKey(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && "23505".equals(sql.getSQLState()));
    }

    /**
     * Whether a write failed in the container rather than the database: no SQLSTATE, and an
     * {@link IllegalStateException} among its causes, as Weld throws once its container has
     * shut down.
     */
    static boolean refusedByTheContainer(Throwable failure) {
        return of(failure) == UNKNOWN && anyCause(failure, IllegalStateException.class::isInstance);
    }

    // the failure or one of its causes, up to 20 deep (a cause chain may loop)
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        var seen = 0;
        for (var cause = failure; cause != null && seen < 20; cause = cause.getCause(), seen++) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The failure and, when it wraps others, its innermost cause: what an operator needs to read. */
    static String describe(Throwable failure) {
        var root = failure;
        for (int seen = 0; root.getCause() != null && root.getCause() != root && seen < 20; seen++) {
            root = root.getCause();
        }
        if (root == failure) {
            return failure.toString();
        }
        var state = root instanceof SQLException sql && sql.getSQLState() != null ? " [SQLSTATE " + sql.getSQLState() + "]" : "";
        return failure + ", caused by " + root + state;
    }

    private static WriteFailure of(SQLException failure) {
        for (var next = failure; next != null; next = next.getNextException()) {
            var state = next.getSQLState();
            if (state != null && state.length() >= 2) {
                switch (state.substring(0, 2)) {
                    case "22", "23":
                        return RECORD;
                    case "08", "40", "53", "57", "58":
                        return DATABASE;
                    default:
                        break;
                }
            }
            if (next instanceof SQLTransientException || next instanceof SQLRecoverableException
                    || next instanceof SQLNonTransientConnectionException) {
                return DATABASE;
            }
            if (next.getNextException() == next) {
                break;
            }
        }
        return UNKNOWN;
    }
}

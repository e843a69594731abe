package org.recordedcall.it.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * H2's plans for the sorted reads of {@code RECORDED_CALL} that ran while some work ran: the
 * JPA provider's own SQL, as H2's query statistics captured it, each statement explained with
 * its parameters unset (H2 chooses a plan before it binds them). A page that H2 reads from an
 * index in the page's order says {@code /* index sorted *\/}; one it sorts does not.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * Runs the work with H2's query statistics on (which needs the database's admin), and
     * returns the plan of every {@code SELECT ... FROM RECORDED_CALL ... ORDER BY} it ran.
     * The statistics are the database's own: a statement another connection ran meanwhile is
     * in them too.
     */
    public static List<String> ofSortedReads(Connection connection, Runnable work) throws SQLException {
        var statements = new ArrayList<String>();
        try (var statement = connection.createStatement()) {
            statement.execute("SET QUERY_STATISTICS FALSE"); // drops what an earlier run collected
            statement.execute("SET QUERY_STATISTICS TRUE");
            try {
                work.run();
                try (var rows = statement.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    while (rows.next()) {
                        var sql = rows.getString(1);
                        var lower = sql.toLowerCase(Locale.ROOT);
                        if (lower.startsWith("select") && lower.contains("recorded_call") && lower.contains("order by")) {
                            statements.add(sql);
                        }
                    }
                }
            } finally {
                statement.execute("SET QUERY_STATISTICS FALSE");
            }
        }
        var plans = new ArrayList<String>();
        for (var sql : statements) {
            try (var explain = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 1; i <= explain.getParameterMetaData().getParameterCount(); i++) {
                    explain.setNull(i, Types.NULL);
                }
                try (var plan = explain.executeQuery()) {
                    plan.next();
                    plans.add(plan.getString(1));
                }
            }
        }
        return plans;
    }
}

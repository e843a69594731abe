package org.recordedcall.it.app;

import org.recordedcall.CallPage;
import org.recordedcall.CallQuery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * H2's plans for the sorted reads of {@code RECORDED_CALL} that ran while some work ran: the
 * JPA provider's own SQL, as H2's query statistics captured it, each statement explained with
 * its parameters unset (H2 chooses a plan before it binds them). A page that H2 reads from an
 * index in the page's order says {@code /* index sorted *\/}; one it sorts does not.
 */
public final class QueryPlans {

    /** How many pages, each its own statement, {@link #askForEachPage} asks for. */
    public static final int PAGES = CallQuery.Order.values().length * 2 + 2;
    /** How many of them are slowest first, which H2 sorts (its DDL has no index on the duration). */
    public static final int SLOWEST_PAGES = 2;

    private QueryPlans() {
    }

    /**
     * Asks for each kind of page the query API reads: each order's first page and the page
     * after its cursor, a page filtered by route and status, and a page from a time.
     */
    public static void askForEachPage(Function<CallQuery, CallPage> find, String route, int status, Instant from) {
        for (var order : CallQuery.Order.values()) {
            var first = find.apply(CallQuery.builder().order(order).limit(2).build());
            find.apply(CallQuery.builder().order(order).limit(2).after(first.next()).build());
        }
        find.apply(CallQuery.builder().route(route).status(status).limit(2).build());
        find.apply(CallQuery.builder().from(from).limit(2).build());
    }

    /**
     * Whether a plan is of a slowest-first page (the finder asks for a duration there). H2 sorts
     * those: an index on the duration, whose keys land anywhere in it, cost every insert about as
     * much as the others together (BENCHMARKS.md, session 19). A page in time that came to ask
     * for a duration too would be taken for one and escape the check that it is index-sorted.
     */
    public static boolean isSlowestFirst(String plan) {
        return plan.contains("DURATION_NANOS\" IS NOT NULL");
    }

    /**
     * Runs the work with H2's query statistics on (which needs the database's admin), and
     * returns the plan of every statement it ran that reads a page of {@code RECORDED_CALL}: a
     * {@code SELECT} with an {@code ORDER BY} and a row limit, and no grouping (the statistics'
     * percentiles and per-route figures are no page). The statistics are the database's own and
     * count each statement's text once: a page another connection read meanwhile (the retention's
     * purge, the newest calls) is among them too.
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
                        if (lower.startsWith("select") && lower.contains("recorded_call") && lower.contains("order by")
                                && (lower.contains("fetch") || lower.contains("limit")) && !lower.contains("group by")
                                && !lower.contains("within group")) {
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

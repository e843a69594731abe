package org.recordedcall.internal.persistence;

import org.recordedcall.internal.RateLimitedLog;
import org.recordedcall.internal.config.Partitioning;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The partitions of a {@code RECORDED_CALL} table that PostgreSQL partitions by range of
 * {@code started_at} ({@code recordedcall.schema.partitions}): made ahead of time, and dropped
 * whole by the purge by age. Runs on the library's scheduled task and at start-up, never in a
 * request nor in a transaction of the container's. Each change is one transaction of its own
 * that waits for its locks at most {@value #LOCK_TIMEOUT}: a long query on the table delays the
 * writers queued behind the change by that much at most, and the change is tried again at the
 * next run. Several instances may run the same upkeep at once: a partition another instance has
 * just made or dropped is taken as done.
 */
final class Partitions {

    private static final System.Logger LOG = System.getLogger(Partitions.class.getName());
    private static final RateLimitedLog FOREIGN = new RateLimitedLog(LOG, 3_600_000);

    static final String DEFAULT = "recorded_call_default";
    private static final String LOCK_TIMEOUT = "5s";

    private Partitions() {
    }

    /**
     * One partition: its name and range, {@code from} or {@code to} {@code null} for an open end
     * ({@code MINVALUE}, {@code MAXVALUE}); the default partition has neither.
     */
    record Partition(String name, Instant from, Instant to, boolean isDefault) {

        /** Whether this partition holds a part of {@code [start, end)}. */
        boolean overlaps(Instant start, Instant end) {
            return !isDefault && (from == null || from.isBefore(end)) && (to == null || to.isAfter(start));
        }

        /** Whether all of this partition is before {@code cutoff}. */
        boolean before(Instant cutoff) {
            return !isDefault && to != null && !to.isAfter(cutoff);
        }
    }

    /** How the connection's {@code RECORDED_CALL} is stored: partitioned, a plain table, or not there. */
    enum Form { PARTITIONED, PLAIN, ABSENT }

    static Form form(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT relkind FROM pg_class WHERE oid = to_regclass('recorded_call')")) {
            if (!result.next()) {
                return Form.ABSENT;
            }
            return "p".equals(result.getString(1)) ? Form.PARTITIONED : Form.PLAIN;
        }
    }

    /** The partitions of the connection's partitioned {@code RECORDED_CALL}. */
    static List<Partition> list(Connection connection) throws SQLException {
        var partitions = new ArrayList<Partition>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
                     + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('recorded_call')")) {
            while (result.next()) {
                if (result.getString(2) == null) {
                    continue; // being detached by another transaction just now
                }
                try {
                    partitions.add(parse(result.getString(1), result.getString(2)));
                } catch (IllegalArgumentException notByTime) {
                    // a partition someone made otherwise: neither counted on nor dropped
                    FOREIGN.warn("recorded-call: partition " + result.getString(1) + " of RECORDED_CALL is not a range "
                            + "of started_at (" + result.getString(2) + "); the library leaves it alone", null);
                }
            }
        }
        return partitions;
    }

    private static final Pattern RANGE = Pattern.compile("FOR VALUES FROM \\((.+)\\) TO \\((.+)\\)");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "'(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)([+-]\\d{2})(?::?(\\d{2}))?'");

    /**
     * A partition from its name and its bound as PostgreSQL prints it ({@code pg_get_expr}):
     * {@code DEFAULT}, or {@code FOR VALUES FROM ('2026-11-30 00:00:00+00') TO (MAXVALUE)} in the
     * session's time zone.
     */
    static Partition parse(String name, String bound) {
        if (bound.trim().equalsIgnoreCase("DEFAULT")) {
            return new Partition(name, null, null, true);
        }
        var range = RANGE.matcher(bound.trim());
        if (!range.matches()) {
            throw new IllegalArgumentException("not a range of started_at: " + bound);
        }
        return new Partition(name, bound(range.group(1)), bound(range.group(2)), false);
    }

    /** A bound's value: an instant, or {@code null} for {@code MINVALUE} and {@code MAXVALUE}. */
    private static Instant bound(String value) {
        var trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("MINVALUE") || trimmed.equalsIgnoreCase("MAXVALUE")) {
            return null;
        }
        var timestamp = TIMESTAMP.matcher(trimmed);
        if (!timestamp.matches()) {
            throw new IllegalArgumentException("not a timestamp bound: " + value);
        }
        var minutes = timestamp.group(4) == null ? "00" : timestamp.group(4);
        return OffsetDateTime.parse(timestamp.group(1) + "T" + timestamp.group(2) + timestamp.group(3) + ":" + minutes)
                .toInstant();
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    /** The name of the partition that starts at {@code start}: {@code recorded_call_p20261130}, or {@code …p2026113005} by the hour. */
    static String name(Partitioning partitioning, Instant start) {
        return "recorded_call_p" + (partitioning == Partitioning.HOURLY ? HOUR : DAY).format(start);
    }

    /**
     * Makes the partition that holds {@code now} and the {@link Partitioning#ahead()} after it,
     * where no partition holds their range yet; returns the names of those made. Calls that
     * landed in the default partition for a range are moved into its partition as it is made.
     */
    static List<String> makeAhead(DataSource database, Partitioning partitioning, Instant now) throws SQLException {
        var made = new ArrayList<String>();
        try (var connection = database.getConnection()) {
            if (form(connection) != Form.PARTITIONED) {
                return made;
            }
            var existing = list(connection);
            var fallback = existing.stream().filter(Partition::isDefault).map(Partition::name).findFirst().orElse(null);
            var start = partitioning.start(now);
            for (int i = 0; i <= partitioning.ahead(); i++) {
                var from = start.plus(partitioning.span().multipliedBy(i));
                var to = from.plus(partitioning.span());
                if (existing.stream().noneMatch(partition -> partition.overlaps(from, to))) {
                    var name = name(partitioning, from);
                    if (make(connection, name, from, to, fallback)) {
                        made.add(name);
                    }
                }
            }
        }
        if (!made.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "recorded-call: made partition(s) {0} of RECORDED_CALL", made);
        }
        return made;
    }

    /**
     * Makes one partition, unless another instance just did; {@code fallback} names the default
     * partition, or is {@code null} when there is none. Returns whether it made it.
     */
    private static boolean make(Connection connection, String name, Instant from, Instant to, String fallback)
            throws SQLException {
        var made = new boolean[1];
        inTransaction(connection, () -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                // the parent alone, then the default partition: the order in which a drop takes them too. The
                // parent's is the lock attaching takes (readers and writers go on); the default partition's is
                // taken before the move, so that no call lands in the range between the move and the attach,
                // which would then fail
                statement.execute("LOCK TABLE ONLY recorded_call IN SHARE UPDATE EXCLUSIVE MODE");
                if (fallback != null) {
                    statement.execute("LOCK TABLE " + quote(fallback) + " IN ACCESS EXCLUSIVE MODE");
                }
                if (isPartition(connection, name)) {
                    return; // another instance made it meanwhile
                }
                // made apart and attached: attaching locks the parent less than creating a partition of it
                statement.execute("CREATE TABLE IF NOT EXISTS " + quote(name)
                        + " (LIKE recorded_call INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            }
            if (fallback != null) {
                try (var move = connection.prepareStatement("WITH moved AS (DELETE FROM " + quote(fallback)
                        + " WHERE started_at >= ? AND started_at < ? RETURNING *) INSERT INTO " + quote(name)
                        + " SELECT * FROM moved")) {
                    move.setObject(1, from.atOffset(ZoneOffset.UTC));
                    move.setObject(2, to.atOffset(ZoneOffset.UTC));
                    var moved = move.executeUpdate();
                    if (moved > 0) {
                        LOG.log(System.Logger.Level.INFO, "recorded-call: moved {0} call(s) from the default partition "
                                + "{1} into {2}", moved, fallback, name);
                    }
                }
            }
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE recorded_call ATTACH PARTITION " + quote(name) + " FOR VALUES FROM ('"
                        + from + "') TO ('" + to + "')");
            }
            made[0] = true;
        });
        return made[0];
    }

    /**
     * What a drop did: the calls the dropped partitions held, and how many partitions it left for
     * a later run because their lock was not had in time.
     */
    record Dropped(long calls, int left) {
        static final Dropped NONE = new Dropped(0, 0);
    }

    /**
     * Detaches and drops every partition whose whole range is before {@code cutoff}. The default
     * partition is never dropped (the purge deletes its old rows one batch at a time). A partition
     * whose lock is not had in time is left for the next run.
     */
    static Dropped dropBefore(DataSource database, Instant cutoff) throws SQLException {
        long calls = 0;
        var left = 0;
        var dropped = new ArrayList<String>();
        try (var connection = database.getConnection()) {
            if (form(connection) != Form.PARTITIONED) {
                return Dropped.NONE;
            }
            for (var partition : list(connection)) {
                if (!partition.before(cutoff)) {
                    continue;
                }
                long held;
                try {
                    // counted before, outside the transaction: no call is written this far back, so the count holds
                    try (var statement = connection.createStatement();
                         var result = statement.executeQuery("SELECT count(*) FROM " + quote(partition.name()))) {
                        result.next();
                        held = result.getLong(1);
                    }
                    inTransaction(connection, () -> {
                        try (var statement = connection.createStatement()) {
                            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                            statement.execute("ALTER TABLE recorded_call DETACH PARTITION " + quote(partition.name()));
                            statement.execute("DROP TABLE " + quote(partition.name()));
                        }
                    });
                } catch (SQLException e) {
                    if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                        continue; // another instance dropped it first
                    }
                    if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                        throw e;
                    }
                    LOG.log(System.Logger.Level.WARNING, "recorded-call: partition {0} is in use for longer than {1}; "
                            + "it is dropped at a later run", partition.name(), LOCK_TIMEOUT);
                    left++;
                    continue;
                }
                calls += held;
                dropped.add(partition.name());
            }
        }
        if (!dropped.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "recorded-call: dropped partition(s) {0} of RECORDED_CALL ({1} call(s))",
                    dropped, calls);
        }
        return new Dropped(calls, left);
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String UNDEFINED_TABLE = "42P01";

    /** Whether a table of this name is a partition of {@code RECORDED_CALL} now. */
    private static boolean isPartition(Connection connection, String name) throws SQLException {
        try (var check = connection.prepareStatement("SELECT 1 FROM pg_inherits WHERE inhparent = "
                + "to_regclass('recorded_call') AND inhrelid = to_regclass(?)")) {
            check.setString(1, quote(name));
            try (var result = check.executeQuery()) {
                return result.next();
            }
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one local transaction of the connection. */
    private static void inTransaction(Connection connection, Work work) throws SQLException {
        var autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** An identifier as PostgreSQL reads it, whatever its characters. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

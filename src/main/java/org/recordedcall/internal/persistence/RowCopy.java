package org.recordedcall.internal.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The same rows as {@link RowInsert}, from the same {@link RowMapping}, as PostgreSQL's
 * {@code COPY ... FROM STDIN} in its binary format: no parameter bound one by one through the
 * driver, no timestamp formatted as text and parsed again. For the demo's records the writer
 * took 8-9 µs of CPU per record this way, against 12-15 µs by the batched INSERT, both after
 * the same short warm-up (BENCHMARKS.md, session 11); warmed up longer, 3-5 µs by COPY
 * (session 12). Only where the table's columns have exactly the types whose binary form this
 * writes ({@link #mismatch}); the bytes go to the server through {@link PostgresCopy}, the one
 * class that names the driver's types.
 */
final class RowCopy<E> {

    // the binary format's header: signature, flags (none), length of the header extension (none)
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    // PostgreSQL's timestamps count microseconds from 2000-01-01T00:00Z
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    // the buffer starts small (a batch of a few rows fits) and grows up to a chunk, sent when full
    private static final int FIRST_BUFFER = 8 * 1024;
    private static final int CHUNK = 64 * 1024;
    // the type each kind of column must have in the table (format_type's names)
    private static final Map<RowMapping.Kind, Set<String>> TYPES = Map.of(
            RowMapping.Kind.TEXT, Set.of("character varying", "text"),
            RowMapping.Kind.BOOLEAN, Set.of("boolean"),
            RowMapping.Kind.INTEGER, Set.of("integer"),
            RowMapping.Kind.BIGINT, Set.of("bigint"),
            RowMapping.Kind.TIMESTAMP_WITH_TIME_ZONE, Set.of("timestamp with time zone"));

    /** How {@link #mismatch} begins where the table is not there at all. */
    static final String NO_TABLE = "no table ";

    /** Where the encoded rows go, a chunk at a time. */
    interface Chunks {
        void write(byte[] bytes, int length) throws SQLException;
    }

    private final RowMapping<E> mapping;
    private final String sql;

    private RowCopy(RowMapping<E> mapping) {
        this.mapping = mapping;
        this.sql = "copy " + mapping.table() + " (" + mapping.columnList() + ") from stdin (format binary)";
    }

    /** The copy for this entity class, from its mapping. */
    static <E> RowCopy<E> of(Class<E> entity) {
        return new RowCopy<>(RowMapping.of(entity));
    }

    String sql() {
        return sql;
    }

    /**
     * Why this table cannot take these rows in binary form, or {@code null} when it can: a column
     * of the mapping that the table lacks, or has with another type than the one its binary form
     * is written for (a table a DBA changed). The table is found as the insert would find it,
     * through the connection's search path.
     */
    String mismatch(Connection connection) throws SQLException {
        var found = new TreeMap<String, String>();
        try (var query = connection.prepareStatement("select a.attname, format_type(a.atttypid, null) "
                + "from pg_attribute a where a.attrelid = to_regclass(?) and a.attnum > 0 and not a.attisdropped")) {
            query.setString(1, mapping.table());
            try (var columns = query.executeQuery()) {
                while (columns.next()) {
                    found.put(columns.getString(1).toLowerCase(Locale.ROOT), columns.getString(2));
                }
            }
        }
        if (found.isEmpty()) {
            return NO_TABLE + mapping.table() + " on the search path";
        }
        var wrong = new ArrayList<String>();
        for (var column : mapping.columns()) {
            var type = found.get(column.name().toLowerCase(Locale.ROOT));
            if (type == null || !TYPES.get(column.kind()).contains(type)) {
                wrong.add(column.name() + " is " + (type == null ? "missing" : type) + ", not "
                        + String.join(" or ", TYPES.get(column.kind())));
            }
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }

    /** Encodes the rows in the binary format, header and trailer included, into {@code out}. */
    void encode(List<? extends E> rows, Chunks out) throws SQLException {
        var buffer = new Buffer(out);
        buffer.put(HEADER);
        var columns = mapping.columns();
        for (var row : rows) {
            buffer.putShort(columns.size());
            for (var column : columns) {
                encode(column.kind(), column.value(row), buffer);
            }
        }
        buffer.putShort(-1);
        buffer.flush();
    }

    private static void encode(RowMapping.Kind kind, Object value, Buffer buffer) throws SQLException {
        if (value == null) {
            buffer.putInt(-1);
            return;
        }
        switch (kind) {
            case TEXT -> {
                var bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
                buffer.putInt(bytes.length);
                buffer.put(bytes);
            }
            case BOOLEAN -> {
                buffer.putInt(1);
                buffer.putByte((Boolean) value ? 1 : 0);
            }
            case INTEGER -> {
                buffer.putInt(4);
                buffer.putInt((Integer) value);
            }
            case BIGINT -> {
                buffer.putInt(8);
                buffer.putLong((Long) value);
            }
            case TIMESTAMP_WITH_TIME_ZONE -> {
                buffer.putInt(8);
                buffer.putLong(micros((OffsetDateTime) value));
            }
        }
    }

    /**
     * Microseconds since PostgreSQL's epoch, the nanoseconds rounded half up, as PostgreSQL's
     * JDBC driver rounds a time it sends for an INSERT: both statements store the same value.
     */
    static long micros(OffsetDateTime time) {
        var instant = time.toInstant();
        return Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L)
                + (instant.getNano() + 500) / 1000;
    }

    /** The bytes on their way to {@link Chunks}, big-endian as the format wants. */
    private static final class Buffer {
        private final Chunks out;
        private byte[] bytes = new byte[FIRST_BUFFER];
        private int length;

        Buffer(Chunks out) {
            this.out = out;
        }

        void putByte(int value) throws SQLException {
            room(1);
            bytes[length++] = (byte) value;
        }

        void putShort(int value) throws SQLException {
            room(2);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }

        void putInt(int value) throws SQLException {
            room(4);
            bytes[length++] = (byte) (value >>> 24);
            bytes[length++] = (byte) (value >>> 16);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }

        void putLong(long value) throws SQLException {
            putInt((int) (value >>> 32));
            putInt((int) value);
        }

        void put(byte[] value) throws SQLException {
            if (value.length > CHUNK) {
                flush();
                out.write(value, value.length); // a long text goes as it is
                return;
            }
            room(value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
        }

        private void room(int needed) throws SQLException {
            if (length + needed <= bytes.length) {
                return;
            }
            if (bytes.length < CHUNK) {
                bytes = Arrays.copyOf(bytes, Math.min(CHUNK, Math.max(2 * bytes.length, length + needed)));
                if (length + needed <= bytes.length) {
                    return;
                }
            }
            flush();
        }

        void flush() throws SQLException {
            if (length > 0) {
                out.write(bytes, length);
                length = 0;
            }
        }
    }
}

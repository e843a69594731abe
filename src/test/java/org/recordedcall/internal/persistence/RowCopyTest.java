package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.Test;
import org.recordedcall.CallRecord;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer's COPY in PostgreSQL's binary format, read back by this test as the format's
 * documentation describes it (RowCopyIT has PostgreSQL itself read it).
 */
class RowCopyTest {

    private static final RowCopy<RecordedCallEntity> COPY = RowCopy.of(RecordedCallEntity.class);
    private static final RowMapping<RecordedCallEntity> MAPPING = RowMapping.of(RecordedCallEntity.class);

    @Test
    void theCopyNamesTheInsertsColumnsInItsOrder() {
        var insert = RowInsert.of(RecordedCallEntity.class).sql();
        var copy = COPY.sql();

        assertEquals(insert.substring(insert.indexOf('('), insert.indexOf(')') + 1),
                copy.substring(copy.indexOf('('), copy.indexOf(')') + 1));
        assertTrue(copy.startsWith("copy RECORDED_CALL ("), copy);
        assertTrue(copy.endsWith(") from stdin (format binary)"), copy);
    }

    @Test
    void everyRowHoldsEveryColumnsValueInItsBinaryFormNullsAsMinusOne() throws SQLException {
        var full = RecordedCallEntity.of(RecordedCallEntityTest.record(UUID.randomUUID().toString()));
        var bare = RecordedCallEntity.of(CallRecord.builder().id("b").kind(org.recordedcall.CallKind.HTTP)
                .startedAt(Instant.parse("1999-12-31T23:59:59.999999Z")).build());

        var fields = decode(encode(List.of(full, bare)));

        assertEquals(2, fields.size());
        var columns = MAPPING.columns();
        for (int row = 0; row < 2; row++) {
            var entity = row == 0 ? full : bare;
            assertEquals(columns.size(), fields.get(row).size());
            for (int i = 0; i < columns.size(); i++) {
                var expected = columns.get(i).value(entity);
                var actual = fields.get(row).get(i);
                var name = columns.get(i).name();
                if (expected == null) {
                    assertNull(actual, name);
                    continue;
                }
                switch (columns.get(i).kind()) {
                    case TEXT -> assertEquals(expected, new String(actual, StandardCharsets.UTF_8), name);
                    case BOOLEAN -> assertArrayEquals(new byte[] {(byte) ((Boolean) expected ? 1 : 0)}, actual, name);
                    case INTEGER -> assertEquals(expected, ByteBuffer.wrap(actual).getInt(), name);
                    case BIGINT -> assertEquals(expected, ByteBuffer.wrap(actual).getLong(), name);
                    case TIMESTAMP_WITH_TIME_ZONE -> assertEquals(RowCopy.micros((OffsetDateTime) expected),
                            ByteBuffer.wrap(actual).getLong(), name);
                }
            }
        }
        // 1999-12-31T23:59:59.999999Z is one microsecond before PostgreSQL's epoch
        assertEquals(-1, ByteBuffer.wrap(fields.get(1).get(index("started_at"))).getLong());
    }

    @Test
    void timestampsCountMicrosecondsFromTwoThousandRoundedHalfUp() {
        assertEquals(0, RowCopy.micros(OffsetDateTime.parse("2000-01-01T00:00:00Z")));
        assertEquals(0, RowCopy.micros(OffsetDateTime.parse("2000-01-01T01:00:00+01:00")));
        assertEquals(86_400_000_000L + 1, RowCopy.micros(OffsetDateTime.parse("2000-01-02T00:00:00.000001Z")));
        assertEquals(123_457, RowCopy.micros(OffsetDateTime.parse("2000-01-01T00:00:00.1234565Z")));
        assertEquals(123_456, RowCopy.micros(OffsetDateTime.parse("2000-01-01T00:00:00.1234564Z")));
        assertEquals(1_000_000, RowCopy.micros(OffsetDateTime.parse("2000-01-01T00:00:00.9999995Z")));
        assertEquals(-1_000_000, RowCopy.micros(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC)));
    }

    @Test
    void rowsLongerThanAChunkAndTextsLongerThanTheBufferArriveWhole() throws SQLException {
        var rows = new ArrayList<RecordedCallEntity>();
        for (int i = 0; i < 300; i++) {
            var body = "é😀".repeat(i == 7 ? 50_000 : 10) + i; // one text of 300,000 bytes, past the 64 KB buffer
            rows.add(RecordedCallEntity.of(CallRecord.builder().id("r" + i).kind(org.recordedcall.CallKind.HTTP)
                    .startedAt(Instant.EPOCH).requestBody(body).build()));
        }
        var chunks = new ArrayList<Integer>();
        var out = new ByteArrayOutputStream();
        COPY.encode(rows, (bytes, length) -> {
            chunks.add(length);
            out.write(bytes, 0, length);
        });

        var fields = decode(out.toByteArray());
        var body = index("request_body");
        assertEquals(300, fields.size());
        for (int i = 0; i < 300; i++) {
            var expected = rows.get(i).toRecord().requestBody();
            assertEquals(expected, new String(fields.get(i).get(body), StandardCharsets.UTF_8));
        }
        assertTrue(chunks.size() > 2, chunks::toString);
        assertTrue(chunks.stream().allMatch(length -> length > 0), chunks::toString);
    }

    @Test
    void noRowsAreAHeaderAndATrailer() throws SQLException {
        var bytes = encode(List.of());

        assertEquals(19 + 2, bytes.length);
        assertEquals(List.of(), decode(bytes));
    }

    /** Where the column of this name is in each row. */
    private static int index(String column) {
        var names = MAPPING.columns().stream().map(RowMapping.MappedColumn::name).toList();
        assertTrue(names.contains(column), column);
        return names.indexOf(column);
    }

    private static byte[] encode(List<RecordedCallEntity> rows) throws SQLException {
        var out = new ByteArrayOutputStream();
        COPY.encode(rows, (bytes, length) -> out.write(bytes, 0, length));
        return out.toByteArray();
    }

    /** The rows' fields (null for NULL), read as PostgreSQL's documentation of COPY's binary format describes. */
    private static List<List<byte[]>> decode(byte[] bytes) {
        var in = ByteBuffer.wrap(bytes);
        var signature = new byte[11];
        in.get(signature);
        assertArrayEquals("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1), signature);
        assertEquals(0, in.getInt(), "flags");
        var extension = in.getInt();
        in.position(in.position() + extension);
        var rows = new ArrayList<List<byte[]>>();
        while (true) {
            int count = in.getShort();
            if (count == -1) {
                assertFalse(in.hasRemaining(), "bytes after the trailer");
                return rows;
            }
            var fields = new ArrayList<byte[]>();
            for (int i = 0; i < count; i++) {
                int length = in.getInt();
                if (length == -1) {
                    fields.add(null);
                } else {
                    fields.add(Arrays.copyOfRange(bytes, in.position(), in.position() + length));
                    in.position(in.position() + length);
                }
            }
            rows.add(fields);
        }
    }
}

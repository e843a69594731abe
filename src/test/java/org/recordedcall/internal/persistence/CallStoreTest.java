package org.recordedcall.internal.persistence;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Settings;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CallStore#insertAllLocally}, the write past the container's transaction interceptor,
 * on a real H2: a batch commits whole or not at all, and the connection goes back as it came.
 */
class CallStoreTest {

    private final H2Unit h2 = new H2Unit();
    private final CallStore store = new CallStore(new StoreUnit(Settings.defaults()) {
        @Override
        public DataSource dataSource() {
            return h2.database;
        }

        @Override
        public void ensureSchema() {
            // H2Unit made the table
        }
    }, Settings.defaults());

    @AfterEach
    void close() {
        h2.close();
    }

    @Test
    void aBatchWrittenLocallyIsCommittedAndTheConnectionKeepsItsAutoCommit() throws SQLException {
        var calls = List.of(RecordedCallEntityTest.record("local-1"), RecordedCallEntityTest.record("local-2"));

        store.insertAllLocally(calls);

        assertEquals(2L, count("local-%"), "committed: seen from another connection");
        try (var connection = h2.database.getConnection()) {
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void aRefusedBatchLeavesNoneOfItsRows() throws SQLException {
        store.insertAllLocally(List.of(RecordedCallEntityTest.record("taken")));
        List<CallRecord> batch = List.of(RecordedCallEntityTest.record("fresh"), RecordedCallEntityTest.record("taken"));

        var refused = assertThrows(PersistenceException.class, () -> store.insertAllLocally(batch));

        assertTrue(WriteFailure.isDuplicateKey(refused), refused::toString);
        assertEquals(0L, count("fresh"), "rolled back with the rest of its batch");
    }

    @Test
    void outsideServersNoRegistrySaysThereIsNoTransaction() {
        store.prepare(); // looks the registry up: there is no naming context here

        assertEquals(false, store.outsideTransactions());
    }

    private long count(String idLike) throws SQLException {
        try (var connection = h2.database.getConnection();
             var statement = connection.prepareStatement("select count(*) from RECORDED_CALL where ID like ?")) {
            statement.setString(1, idLike);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

package org.recordedcall.internal.persistence;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.config.Settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CallStore#insertAllLocally}, the write past the container's transaction interceptor,
 * on a real H2 through one connection handed out again and again, as a pool does: a batch
 * commits whole or not at all, and the connection goes back with the auto-commit it came with.
 */
class CallStoreTest {

    private final H2Unit h2 = new H2Unit();
    private final Connection pooled;
    private final CallStore store;

    CallStoreTest() throws SQLException {
        var connection = h2.database.getConnection();
        // the same connection each time, its close() only handing it back
        pooled = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var settings = Settings.defaults();
        store = new CallStore(new StoreUnit(settings) {
            @Override
            public DataSource dataSource() {
                return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                        (proxy, method, args) -> method.getName().equals("getConnection") ? pooled : null);
            }

            @Override
            public void ensureSchema() {
                // H2Unit made the table
            }
        }, settings);
    }

    @AfterEach
    void close() throws SQLException {
        pooled.unwrap(Connection.class).close();
        h2.close();
    }

    @Test
    void aBatchWrittenLocallyIsCommittedAndTheConnectionGoesBackWithItsAutoCommit() throws SQLException {
        store.insertAllLocally(List.of(RecordedCallEntityTest.record("local-1"), RecordedCallEntityTest.record("local-2")));

        assertEquals(2L, count("local-%"), "committed: seen from another connection");
        assertTrue(pooled.getAutoCommit());

        pooled.setAutoCommit(false);
        store.insertAllLocally(List.of(RecordedCallEntityTest.record("local-3")));
        assertFalse(pooled.getAutoCommit(), "as it came");
        assertEquals(3L, count("local-%"));
    }

    @Test
    void aRefusedBatchLeavesNoneOfItsRows() throws SQLException {
        store.insertAllLocally(List.of(RecordedCallEntityTest.record("taken")));
        List<CallRecord> batch = List.of(RecordedCallEntityTest.record("fresh"), RecordedCallEntityTest.record("taken"));

        var refused = assertThrows(PersistenceException.class, () -> store.insertAllLocally(batch));

        assertTrue(WriteFailure.isDuplicateKey(refused), refused::toString);
        assertEquals(0L, count("fresh"), "rolled back with the rest of its batch");
        assertTrue(pooled.getAutoCommit(), "set back after the rollback");
    }

    @Test
    void withoutATransactionRegistryNoThreadIsKnownToBeOutsideATransaction() {
        store.prepare(); // looks the registry up: there is no naming context here

        assertFalse(store.knownOutsideTransaction());
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

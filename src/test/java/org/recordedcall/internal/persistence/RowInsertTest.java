package org.recordedcall.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recordedcall.CallRecord;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's JDBC insert, made from the entity's mapping, on a real H2 with the shipped DDL; read back through JPA. */
class RowInsertTest {

    private final H2Unit unit = new H2Unit();

    @AfterEach
    void close() {
        unit.close();
    }

    @Test
    void theInsertNamesEveryColumnOfTheTableOnce() throws SQLException {
        var sql = RowInsert.of(RecordedCallEntity.class).sql();
        var listed = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')')).split(", ");

        var columns = new TreeSet<String>();
        try (var connection = unit.database.getConnection();
             var found = connection.getMetaData().getColumns(null, null, "RECORDED_CALL", null)) {
            while (found.next()) {
                columns.add(found.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }

        assertEquals(columns.size(), listed.length, sql);
        assertEquals(columns, new TreeSet<>(Arrays.asList(listed)));
        assertTrue(sql.startsWith("insert into RECORDED_CALL ("), sql);
    }

    @Test
    void aBatchIsStoredAndReadsBackUnchangedThroughJpaNullsIncluded() {
        var full = RecordedCallEntityTest.record(UUID.randomUUID().toString());
        var bare = CallRecord.builder().id(UUID.randomUUID().toString()).kind(full.kind()).startedAt(full.startedAt()).build();
        var calls = new ArrayList<CallRecord>();
        calls.add(full);
        calls.add(bare);
        for (int i = 0; i < 250; i++) {
            calls.add(RecordedCallEntityTest.record(UUID.randomUUID().toString()));
        }

        unit.insert(calls.toArray(CallRecord[]::new));

        for (var call : calls) {
            var stored = unit.read(entities -> entities.find(RecordedCallEntity.class, call.id()).toRecord());
            assertEquals(call, stored);
        }
    }

    @Test
    void aRefusedRowFailsTheWholeBatchWithItsSqlState() throws SQLException {
        var twice = RecordedCallEntityTest.record(UUID.randomUUID().toString());
        var batch = List.of(RecordedCallEntityTest.record(UUID.randomUUID().toString()), twice, twice);

        try (var connection = unit.database.getConnection()) {
            connection.setAutoCommit(false);
            var refused = assertThrows(SQLException.class, () -> RowWriter.insert(connection, batch));
            connection.rollback();

            assertEquals(WriteFailure.RECORD, WriteFailure.of(refused));
            assertTrue(WriteFailure.isDuplicateKey(refused), refused::toString);
        }
        long stored = unit.read(entities -> entities.createQuery("select count(c) from RecordedCallEntity c", Long.class)
                .getSingleResult());
        assertEquals(0, stored);
    }

    @Test
    void aMappingItCannotBindIsRefusedWhenTheInsertIsMadeNotAtTheFirstRow() {
        var notAnEntity = assertThrows(IllegalArgumentException.class, () -> RowInsert.of(String.class));
        assertTrue(notAnEntity.getMessage().contains("no JPA entity"), notAnEntity.getMessage());

        var notInsertable = assertThrows(IllegalArgumentException.class, () -> RowInsert.of(ReadOnlyColumn.class));
        assertTrue(notInsertable.getMessage().contains("insertable"), notInsertable.getMessage());
        var inherited = assertThrows(IllegalArgumentException.class, () -> RowInsert.of(Inherited.class));
        assertTrue(inherited.getMessage().contains("inherited"), inherited.getMessage());

        var unbindable = assertThrows(IllegalArgumentException.class, () -> RowInsert.of(WithADate.class));
        assertTrue(unbindable.getMessage().contains("when") && unbindable.getMessage().contains("java.util.Date"),
                unbindable.getMessage());
    }

    @Test
    void parametersAreBoundOnTheStatementATracingWrapperWrapsAndTheBatchIsExecutedThroughTheWrapper() throws SQLException {
        var calls = List.of(RecordedCallEntityTest.record(UUID.randomUUID().toString()),
                RecordedCallEntityTest.record(UUID.randomUUID().toString()));
        var traced = new ArrayList<String>();

        try (var connection = unit.database.getConnection()) {
            connection.setAutoCommit(false);
            RowWriter.insert(tracing(connection, traced, Unwrap.TO_ITS_STATEMENT), calls);
            connection.commit();
        }

        assertEquals(List.of("prepareStatement", "unwrap", "executeBatch", "close"), traced);
        for (var call : calls) {
            assertEquals(call, unit.read(entities -> entities.find(RecordedCallEntity.class, call.id()).toRecord()));
        }
    }

    @Test
    void aWrapperThatRefusesToUnwrapIsBoundThrough() throws SQLException {
        var call = RecordedCallEntityTest.record(UUID.randomUUID().toString());
        var traced = new ArrayList<String>();

        try (var connection = unit.database.getConnection()) {
            connection.setAutoCommit(false);
            RowWriter.insert(tracing(connection, traced, Unwrap.REFUSED), List.of(call));
            connection.commit();
        }

        assertTrue(traced.contains("setString") && traced.contains("addBatch") && traced.contains("executeBatch"),
                traced::toString);
        assertEquals(call, unit.read(entities -> entities.find(RecordedCallEntity.class, call.id()).toRecord()));
    }

    @Test
    void aBatchTheDriverRanOnlyPartOfFailsRatherThanCountRowsThatAreNotThere() throws SQLException {
        var call = RecordedCallEntityTest.record(UUID.randomUUID().toString());

        try (var connection = unit.database.getConnection()) {
            connection.setAutoCommit(false);
            var lost = assertThrows(SQLException.class,
                    () -> RowWriter.insert(tracing(connection, new ArrayList<>(), Unwrap.TO_ANOTHER_STATEMENT), List.of(call)));
            connection.rollback();

            assertTrue(lost.getMessage().contains("0 of a batch of 1"), lost::getMessage);
            assertNull(lost.getSQLState(), "no SQLSTATE: the writer tries such a batch again");
        }
        assertNull(unit.read(entities -> entities.find(RecordedCallEntity.class, call.id())));
    }

    /** What a statement of {@link #tracing} answers to {@code unwrap}. */
    private enum Unwrap { TO_ITS_STATEMENT, REFUSED, TO_ANOTHER_STATEMENT }

    /**
     * The connection as a pool that traces every call on its statements hands it out: each
     * statement is a proxy that notes the calls that reach it and passes them on, {@code unwrap}
     * included; or refuses {@code unwrap}, as some wrappers do; or answers it with a statement
     * of its own, as no pool should.
     */
    private static Connection tracing(Connection connection, List<String> traced, Unwrap unwrap) {
        InvocationHandler connectionCalls = (proxy, method, args) -> {
            var result = invoke(method, connection, args);
            if (!method.getName().equals("prepareStatement")) {
                return result;
            }
            traced.add(method.getName());
            InvocationHandler statementCalls = (statement, call, callArgs) -> {
                traced.add(call.getName());
                if (call.getName().equals("unwrap") && unwrap == Unwrap.REFUSED) {
                    throw new SQLException("not a wrapper");
                }
                if (call.getName().equals("unwrap") && unwrap == Unwrap.TO_ANOTHER_STATEMENT) {
                    return connection.prepareStatement((String) args[0]);
                }
                return invoke(call, result, callArgs);
            };
            return Proxy.newProxyInstance(RowInsertTest.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                    statementCalls);
        };
        return (Connection) Proxy.newProxyInstance(RowInsertTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                connectionCalls);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Entity
    static class ReadOnlyColumn {
        @Id
        @Column(name = "id")
        String id;
        @Column(name = "made_by_db", insertable = false)
        String madeByTheDatabase;
    }

    @Entity
    static class Inherited extends ReadOnlyColumn {
        @Column(name = "more")
        String more;
    }

    @Entity
    static class WithADate {
        @Id
        @Column(name = "id")
        String id;
        @Column(name = "when_done")
        java.util.Date when;
    }
}

package org.recordedcall.internal.persistence;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The {@code INSERT} of an entity's rows as one JDBC batch, made from the entity's own mapping
 * ({@link RowMapping}): rows are written without the JPA provider's unit of work, which cost the
 * writer most of its CPU. Made once per entity class; refuses, when it is made, a mapping it
 * cannot bind rather than a row later.
 */
final class RowInsert<E> {

    private final String sql;
    private final List<RowMapping.MappedColumn> columns;

    private RowInsert(RowMapping<E> mapping) {
        var values = String.join(", ", mapping.columns().stream().map(column -> "?").toList());
        this.sql = "insert into " + mapping.table() + " (" + mapping.columnList() + ") values (" + values + ")";
        this.columns = mapping.columns();
    }

    /** The insert for this entity class, from its mapping. */
    static <E> RowInsert<E> of(Class<E> entity) {
        return new RowInsert<>(RowMapping.of(entity));
    }

    String sql() {
        return sql;
    }

    /**
     * Inserts the rows in one JDBC batch on this connection, in whatever transaction it is part
     * of. A batch the driver reports fewer counts for than rows fails, without a SQLSTATE (so
     * the writer tries it again), rather than count rows written that were not.
     */
    void insert(Connection connection, List<? extends E> rows) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            var parameters = parameters(statement);
            for (var row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(parameters, i + 1, columns.get(i), row);
                }
                parameters.addBatch();
            }
            var counts = statement.executeBatch();
            if (counts.length != rows.size()) {
                throw new SQLException("recorded-call: the driver ran " + counts.length + " of a batch of " + rows.size()
                        + " inserts");
            }
        }
    }

    /**
     * The statement to bind the rows' parameters on: the one under a tracing proxy, where the
     * pool hands out one. A pool made by Payara's {@code create-jdbc-connection-pool} traces
     * every JDBC call through a reflective proxy (a listener that does nothing, unless told
     * otherwise), which for the thirty parameters of each row cost about a fifth of the writer's
     * CPU. The batch is still executed through the statement the connection gave, so what the
     * server traces or monitors still sees every insert. Only a {@link Proxy} is looked under:
     * other pools' wrappers (WildFly's) check the connection's state on every call, and are
     * bound through.
     */
    private static PreparedStatement parameters(PreparedStatement statement) {
        if (!Proxy.isProxyClass(statement.getClass())) {
            return statement;
        }
        try {
            var wrapped = statement.unwrap(PreparedStatement.class);
            return wrapped == null ? statement : wrapped;
        } catch (SQLException | RuntimeException notWrapped) {
            return statement;
        }
    }

    /** One column's value of this row, as the JDBC type its kind maps to. */
    private static void bind(PreparedStatement statement, int index, RowMapping.MappedColumn column, Object row)
            throws SQLException {
        var value = column.value(row);
        if (value == null) {
            statement.setNull(index, sqlType(column.kind()));
        } else if (column.kind() == RowMapping.Kind.TEXT) {
            statement.setString(index, (String) value);
        } else {
            statement.setObject(index, value); // Boolean, Integer, Long, OffsetDateTime: JDBC 4.2 types
        }
    }

    private static int sqlType(RowMapping.Kind kind) {
        return switch (kind) {
            case TEXT -> Types.VARCHAR;
            case BOOLEAN -> Types.BOOLEAN;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case TIMESTAMP_WITH_TIME_ZONE -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }
}

package org.recordedcall.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The {@code INSERT} of an entity's rows as one JDBC batch, made from the entity's own mapping
 * ({@link Table}, {@link Column}, {@link Enumerated}): the entity stays the one definition of
 * the table, and rows are written without the JPA provider's unit of work, which cost the
 * writer most of its CPU. Made once per entity class; refuses, when it is made, a mapping it
 * cannot bind rather than a row later.
 */
final class RowInsert<E> {

    private final String sql;
    private final List<Binding> bindings;

    private RowInsert(String sql, List<Binding> bindings) {
        this.sql = sql;
        this.bindings = bindings;
    }

    /** The insert for this entity class, from its mapping. */
    static <E> RowInsert<E> of(Class<E> entity) {
        if (!entity.isAnnotationPresent(Entity.class)) {
            throw new IllegalArgumentException(entity.getName() + " is no JPA entity");
        }
        if (entity.getSuperclass() != Object.class) {
            throw new IllegalArgumentException(entity.getName() + ": inherited mappings are not supported");
        }
        var table = entity.getAnnotation(Table.class);
        var name = table == null || table.name().isEmpty() ? entity.getSimpleName() : table.name();
        if (table != null && !table.schema().isEmpty()) {
            name = table.schema() + "." + name;
        }
        var bindings = new ArrayList<Binding>();
        var columns = new StringJoiner(", ");
        var values = new StringJoiner(", ");
        for (var field : entity.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                    || field.isAnnotationPresent(Transient.class) || field.isSynthetic()) {
                continue;
            }
            var column = field.getAnnotation(Column.class);
            if (column != null && !column.insertable() || field.isAnnotationPresent(Embedded.class)) {
                throw new IllegalArgumentException(field + ": only plain insertable columns are supported");
            }
            columns.add(column == null || column.name().isEmpty() ? field.getName() : column.name());
            values.add("?");
            field.setAccessible(true);
            bindings.add(Binding.of(field));
        }
        var sql = "insert into " + name + " (" + columns + ") values (" + values + ")";
        return new RowInsert<>(sql, List.copyOf(bindings));
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
                for (int i = 0; i < bindings.size(); i++) {
                    bindings.get(i).bind(parameters, i + 1, row);
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

    /** One field to one parameter, with the JDBC type its Java type maps to. */
    private record Binding(Field field, int sqlType, boolean enumName) {

        static Binding of(Field field) {
            var type = field.getType();
            if (type.isEnum()) {
                var enumerated = field.getAnnotation(Enumerated.class);
                if (enumerated == null || enumerated.value() != EnumType.STRING) {
                    throw new IllegalArgumentException(field + ": only enums stored by name are supported");
                }
                return new Binding(field, Types.VARCHAR, true);
            }
            int sqlType;
            if (type == String.class) {
                sqlType = Types.VARCHAR;
            } else if (type == boolean.class || type == Boolean.class) {
                sqlType = Types.BOOLEAN;
            } else if (type == int.class || type == Integer.class) {
                sqlType = Types.INTEGER;
            } else if (type == long.class || type == Long.class) {
                sqlType = Types.BIGINT;
            } else if (type == OffsetDateTime.class) {
                sqlType = Types.TIMESTAMP_WITH_TIMEZONE;
            } else {
                throw new IllegalArgumentException(field + ": no JDBC binding for " + type.getName());
            }
            return new Binding(field, sqlType, false);
        }

        void bind(PreparedStatement statement, int index, Object row) throws SQLException {
            Object value;
            try {
                value = field.get(row);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e); // made accessible when the insert was made
            }
            if (value == null) {
                statement.setNull(index, sqlType);
            } else if (enumName) {
                statement.setString(index, ((Enum<?>) value).name());
            } else if (sqlType == Types.VARCHAR) {
                statement.setString(index, (String) value);
            } else {
                statement.setObject(index, value); // Boolean, Integer, Long, OffsetDateTime: JDBC 4.2 types
            }
        }
    }
}

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An entity's table and columns, read once from its own mapping ({@link Table}, {@link Column},
 * {@link Enumerated}), for the writer's statements that store rows without the JPA provider
 * ({@link RowInsert}, {@link RowCopy}): the entity stays the one definition of the table.
 * Refuses, when it is made, a mapping it cannot write rather than a row later.
 */
final class RowMapping<E> {

    /** The kinds of value a column holds, each with one way to write it. */
    enum Kind {
        TEXT, BOOLEAN, INTEGER, BIGINT, TIMESTAMP_WITH_TIME_ZONE
    }

    /** One field to one column. */
    record MappedColumn(String name, Field field, Kind kind, boolean enumName) {

        /** The field's value in this row: an enum as its name. */
        Object value(Object row) {
            Object value;
            try {
                value = field.get(row);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e); // made accessible when the mapping was read
            }
            return enumName && value != null ? ((Enum<?>) value).name() : value;
        }
    }

    private final String table;
    private final List<MappedColumn> columns;

    private RowMapping(String table, List<MappedColumn> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** The mapping of this entity class. */
    static <E> RowMapping<E> of(Class<E> entity) {
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
        var columns = new ArrayList<MappedColumn>();
        for (var field : entity.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                    || field.isAnnotationPresent(Transient.class) || field.isSynthetic()) {
                continue;
            }
            var column = field.getAnnotation(Column.class);
            if (column != null && !column.insertable() || field.isAnnotationPresent(Embedded.class)) {
                throw new IllegalArgumentException(field + ": only plain insertable columns are supported");
            }
            field.setAccessible(true);
            var columnName = column == null || column.name().isEmpty() ? field.getName() : column.name();
            columns.add(new MappedColumn(columnName, field, kind(field), field.getType().isEnum()));
        }
        return new RowMapping<>(name, List.copyOf(columns));
    }

    private static Kind kind(Field field) {
        var type = field.getType();
        if (type.isEnum()) {
            var enumerated = field.getAnnotation(Enumerated.class);
            if (enumerated == null || enumerated.value() != EnumType.STRING) {
                throw new IllegalArgumentException(field + ": only enums stored by name are supported");
            }
            return Kind.TEXT;
        }
        if (type == String.class) {
            return Kind.TEXT;
        } else if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        } else if (type == int.class || type == Integer.class) {
            return Kind.INTEGER;
        } else if (type == long.class || type == Long.class) {
            return Kind.BIGINT;
        } else if (type == OffsetDateTime.class) {
            return Kind.TIMESTAMP_WITH_TIME_ZONE;
        }
        throw new IllegalArgumentException(field + ": no JDBC binding for " + type.getName());
    }

    /** The table, with its schema where the mapping names one. */
    String table() {
        return table;
    }

    /** The columns, in the order of the entity's fields. */
    List<MappedColumn> columns() {
        return columns;
    }

    /** The columns' names, comma-separated, in that order. */
    String columnList() {
        return String.join(", ", columns.stream().map(MappedColumn::name).toList());
    }
}

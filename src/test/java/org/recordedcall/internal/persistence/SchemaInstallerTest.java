package org.recordedcall.internal.persistence;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaInstallerTest {

    private static final Pattern DROP_INDEX = Pattern.compile("DROP INDEX IF EXISTS (RECORDED_CALL_\\w+)");
    private static final Pattern COLUMN = Pattern.compile("^\\s{4}([a-z_]+)\\s", Pattern.MULTILINE);

    @Test
    void statementsAreSplitAtLineEndingSemicolonsWithoutComments() {
        var statements = SchemaInstaller.statements("-- a comment\nCREATE TABLE T (\n  a INT\n);\n\nCREATE INDEX I ON T (a);\n");

        assertEquals(List.of("CREATE TABLE T (\n  a INT\n)", "CREATE INDEX I ON T (a)"), statements);
    }

    @Test
    void everyStatementIsIdempotentAndDropsNoData() throws IOException {
        for (var ddl : List.of("h2.sql", "postgresql.sql")) {
            var text = read(ddl);
            for (var statement : SchemaInstaller.statements(text)) {
                if (statement.toUpperCase().contains("DROP")) {
                    // an index an earlier release made and this one replaces: no row is touched
                    var dropped = DROP_INDEX.matcher(statement);
                    assertTrue(dropped.matches(), ddl + ": " + statement);
                    assertTrue(!text.contains("CREATE INDEX IF NOT EXISTS " + dropped.group(1) + " "),
                            ddl + " drops an index it creates: " + statement);
                } else {
                    assertTrue(statement.contains("IF NOT EXISTS"), ddl + ": " + statement);
                }
            }
        }
    }

    @Test
    void bothDatabasesGetTheSameColumnsInTheSameOrder() throws IOException {
        assertEquals(columns("h2.sql"), columns("postgresql.sql"));
        assertEquals(org.recordedcall.CallRecord.class.getRecordComponents().length, columns("h2.sql").size(),
                "a column for each component of a record");
    }

    @Test
    void ddlIsChosenByDatabaseProduct() {
        assertEquals("META-INF/recorded-call/h2.sql", SchemaInstaller.ddlFor("H2"));
        assertEquals("META-INF/recorded-call/postgresql.sql", SchemaInstaller.ddlFor("PostgreSQL"));
        assertNull(SchemaInstaller.ddlFor("Oracle"));
    }

    private static LinkedHashSet<String> columns(String ddl) throws IOException {
        var matcher = COLUMN.matcher(read(ddl));
        var columns = new LinkedHashSet<String>();
        while (matcher.find()) {
            columns.add(matcher.group(1));
        }
        return columns;
    }

    private static String read(String ddl) throws IOException {
        try (var in = SchemaInstallerTest.class.getClassLoader().getResourceAsStream(SchemaInstaller.DDL_FOLDER + ddl)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

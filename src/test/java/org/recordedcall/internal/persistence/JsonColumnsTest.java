package org.recordedcall.internal.persistence;

import jakarta.json.stream.JsonGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.recordedcall.internal.JsonSupport;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON columns are written as the JSON-P provider's generator writes them, character for
 * character, so that rows stored before and after read and match ({@code LIKE} on an attribute)
 * the same; and they read back as written.
 */
class JsonColumnsTest {

    private static final JsonGeneratorFactory GENERATORS = JsonSupport.PROVIDER.createGeneratorFactory(Map.of());

    @Test
    void everyCharacterOfANameOrValueIsEscapedAsTheGeneratorEscapesIt() {
        for (int c = 0; c <= Character.MAX_VALUE; c += 256) {
            var chunk = new StringBuilder();
            for (int i = c; i < c + 256; i++) {
                chunk.append((char) i);
            }
            var text = chunk.toString();
            var headers = new TreeMap<String, List<String>>(Map.of("x-" + text, List.of(text, "", text + text)));
            assertEquals(generated(headers), JsonColumns.write(headers), () -> "characters from " + text.charAt(0));
            var attributes = Map.of(text, text, "plain", "value");
            assertEquals(generatedAttributes(attributes), JsonColumns.writeAttributes(attributes));
        }
    }

    @Test
    void headersAndAttributesReadBackAsWritten() {
        var headers = new LinkedHashMap<String, List<String>>();
        headers.put("accept", List.of("application/json", "text/plain; q=0.5"));
        headers.put("empty", List.of());
        headers.put("x-odd", List.of("\"quoted\" \\ back\tslash\n\u0001 \uD83D\uDE00 \uFFFD"));
        var values = new ArrayList<String>();
        values.add(null);
        values.add("after a null");
        headers.put("x-null", values);

        var written = JsonColumns.write(headers);
        assertEquals(generated(headers), written);
        var read = JsonColumns.read(written);
        assertEquals(List.of("", "after a null"), read.get("x-null"));
        read.put("x-null", values);
        assertEquals(headers, read);

        var attributes = Map.of("tenant", "acme \"east\"", "plan", "gold\n");
        assertEquals(new TreeMap<>(attributes), JsonColumns.readAttributes(JsonColumns.writeAttributes(attributes)));
        assertTrue(JsonColumns.writeAttributes(attributes).contains(JsonColumns.attributeFragment("tenant", "acme \"east\"")));
        assertEquals("{}", JsonColumns.write(Map.of()));
        assertNull(JsonColumns.write(null));
        assertNull(JsonColumns.writeAttributes(Map.of()));
    }

    @Test
    void aNameOrValueOfEveryControlCharacterIsEscapedNotWrittenRaw() {
        var controls = new char[0x20];
        for (char c = 0; c < 0x20; c++) {
            controls[c] = c;
        }
        var written = JsonColumns.write(Map.of("x", List.of(new String(controls))));
        assertTrue(written.chars().noneMatch(c -> c < 0x20), written);
        assertEquals(Arrays.asList(new String(controls)), JsonColumns.read(written).get("x"));
    }

    /** What the JSON-P generator writes for these headers, as the columns were written before. */
    private static String generated(Map<String, List<String>> headers) {
        var text = new StringWriter();
        try (var json = GENERATORS.createGenerator(text)) {
            json.writeStartObject();
            headers.forEach((name, values) -> {
                json.writeStartArray(name);
                values.forEach(value -> json.write(value == null ? "" : value));
                json.writeEnd();
            });
            json.writeEnd();
        }
        return text.toString();
    }

    private static String generatedAttributes(Map<String, String> attributes) {
        var text = new StringWriter();
        try (var json = GENERATORS.createGenerator(text)) {
            json.writeStartObject();
            new TreeMap<>(attributes).forEach((name, value) -> json.write(name, value == null ? "" : value));
            json.writeEnd();
        }
        return text.toString();
    }
}

package org.recordedcall.internal.persistence;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.recordedcall.internal.JsonSupport;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns that hold JSON objects: headers (name to an array of values) and attributes
 * (name to a value), written in name order with no spaces, so that one attribute is always the
 * same text in the column, which {@link #attributeFragment} finds.
 */
final class JsonColumns {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonColumns() {
    }

    static String write(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        var json = new StringBuilder(64 * headers.size() + 2).append('{');
        for (var header : headers.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, header.getKey()).append(":[");
            var first = true;
            for (var value : header.getValue()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(json, value == null ? "" : value);
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /**
     * A JSON string, escaped exactly as the JSON-P provider's generator escapes it (which wrote
     * these columns before, and which {@code JsonColumnsTest} holds it to): the columns' rows,
     * old and new, stay the same text, and {@link #attributeFragment} finds both. Written here
     * rather than through a generator, which took half as long again for a call's headers; runs
     * of plain characters are appended at once (character by character it was slower still).
     */
    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        int plain = 0; // where the run of characters written as they are starts
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return json.append(text, plain, text.length()).append('"');
    }

    /** Reads what {@link #write} wrote; a column edited into something else reads as no headers. */
    static Map<String, List<String>> read(String json) {
        if (json == null) {
            return null;
        }
        var object = object(json);
        var headers = new TreeMap<String, List<String>>();
        if (object != null) {
            object.forEach((name, values) -> headers.put(name, strings(values)));
        }
        return headers;
    }

    /** The column's JSON object, or {@code null} when the column was edited into something else. */
    private static JsonObject object(String json) {
        try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException | IllegalStateException unreadable) {
            return null;
        }
    }

    private static List<String> strings(JsonValue values) {
        var list = new ArrayList<String>();
        if (values instanceof JsonArray array) {
            array.forEach(value -> list.add(text(value)));
        }
        return list;
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : value.toString();
    }

    /** Attributes as the column stores them; {@code null} when there are none. */
    static String writeAttributes(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        var json = new StringBuilder(32 * attributes.size() + 2).append('{');
        for (var attribute : new TreeMap<>(attributes).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(string(json, attribute.getKey()).append(':'), attribute.getValue() == null ? "" : attribute.getValue());
        }
        return json.append('}').toString();
    }

    /** Reads what {@link #writeAttributes} wrote; a column edited into something else reads as none. */
    static Map<String, String> readAttributes(String json) {
        if (json == null) {
            return Map.of();
        }
        var object = object(json);
        var attributes = new TreeMap<String, String>();
        if (object != null) {
            object.forEach((name, value) -> attributes.put(name, text(value)));
        }
        return attributes;
    }

    /** The text one attribute is inside the column: {@code "tenant":"acme"}, for a {@code LIKE}. */
    static String attributeFragment(String name, String value) {
        var whole = writeAttributes(Map.of(name, value));
        return whole.substring(1, whole.length() - 1);
    }
}

package org.recordedcall.internal.persistence;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.recordedcall.internal.JsonSupport;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Headers as the column stores them: a JSON object of name to an array of values. */
final class HeadersJson {

    private HeadersJson() {
    }

    static String write(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        var text = new StringWriter(64 * headers.size() + 2);
        try (var json = JsonSupport.GENERATORS.createGenerator(text)) {
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

    /** Reads what {@link #write} wrote; a column edited into something else reads as no headers. */
    static Map<String, List<String>> read(String json) {
        if (json == null) {
            return null;
        }
        var headers = new TreeMap<String, List<String>>();
        try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(json))) {
            reader.readObject().forEach((name, values) -> headers.put(name, strings(values)));
        } catch (JsonException | ClassCastException | IllegalStateException unreadable) {
            return Map.of();
        }
        return headers;
    }

    private static List<String> strings(JsonValue values) {
        var list = new ArrayList<String>();
        if (values instanceof JsonArray array) {
            array.forEach(value -> list.add(value instanceof JsonString text ? text.getString() : value.toString()));
        }
        return list;
    }
}

package org.recordedcall.internal;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGeneratorFactory;

import java.util.Map;

/**
 * The one JSON-P provider of the library, looked up once: {@code jakarta.json.Json}'s static
 * methods look it up again on every call, through the class loader's resources, which costs
 * more than the JSON itself on every recorded call.
 */
public final class JsonSupport {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    /** Writers of JSON text, made once (a generator made by the provider looks up its configuration each time). */
    public static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    private JsonSupport() {
    }
}

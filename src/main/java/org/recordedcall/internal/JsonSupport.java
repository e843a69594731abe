package org.recordedcall.internal;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the library, looked up once: {@code jakarta.json.Json}'s static
 * methods look it up again on every call, through the class loader's resources, which costs
 * more than the JSON itself on every recorded call.
 */
public final class JsonSupport {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonSupport() {
    }
}

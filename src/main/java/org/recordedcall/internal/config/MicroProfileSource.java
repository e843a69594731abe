package org.recordedcall.internal.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.function.UnaryOperator;

/** Reads settings through MicroProfile Config; loaded only where the server provides it. */
final class MicroProfileSource implements UnaryOperator<String> {

    private final Config config;

    private MicroProfileSource(Config config) {
        this.config = config;
    }

    static UnaryOperator<String> create() {
        return new MicroProfileSource(ConfigProvider.getConfig(MicroProfileSource.class.getClassLoader()));
    }

    @Override
    public String apply(String key) {
        return config.getOptionalValue(key, String.class).orElse(null);
    }
}

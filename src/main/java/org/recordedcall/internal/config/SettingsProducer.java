package org.recordedcall.internal.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.function.UnaryOperator;

/** Makes the {@link Settings} injectable, read once per application. */
@Dependent
public class SettingsProducer {

    private static final String MICROPROFILE_CONFIG = "org.eclipse.microprofile.config.ConfigProvider";

    @Produces
    @Singleton
    static Settings settings() {
        return read();
    }

    /** The settings as they are now, for what runs before CDI serves beans (a servlet initializer). */
    public static Settings read() {
        return Settings.from(source());
    }

    /** MicroProfile Config when the server has it (it reads system properties and the environment too). */
    static UnaryOperator<String> source() {
        try {
            Class.forName(MICROPROFILE_CONFIG, false, SettingsProducer.class.getClassLoader());
            return MicroProfileSource.create();
        } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
            // no API, or an API without an implementation behind it
            return Settings::systemValue;
        }
    }
}

package org.recordedcall.internal.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the {@link Settings} injectable, read once per application. */
@Dependent
public class SettingsProducer {

    @Produces
    @Singleton
    static Settings settings() {
        return Settings.fromSystem();
    }
}

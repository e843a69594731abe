package org.recordedcall.internal.errors;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.recordedcall.internal.config.Settings;

/**
 * Registers the error envelope's exception mappers in the application, when
 * {@code recordedcall.errors.enabled} is set; otherwise nothing. They go in with the lowest
 * precedence, so that any mapper of the application's own, for the same type or a nearer
 * one, still wins.
 */
@Provider
public final class ErrorEnvelopeFeature implements Feature {

    /** Below the default of user providers ({@code Priorities.USER}, 5000), so theirs win. */
    static final int PRIORITY = Integer.MAX_VALUE - 100;

    @Override
    public boolean configure(FeatureContext context) {
        Settings settings;
        try {
            settings = CDI.current().select(Settings.class).get();
        } catch (RuntimeException noCdi) {
            return false;
        }
        if (!settings.errorEnvelope()) {
            return false;
        }
        context.register(UnmappedExceptionMapper.class, PRIORITY);
        context.register(ValidationFailureMapper.class, PRIORITY);
        return true;
    }
}

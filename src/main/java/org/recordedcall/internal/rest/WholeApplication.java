package org.recordedcall.internal.rest;

import jakarta.ws.rs.core.Application;
import org.recordedcall.RecordedCall;
import org.recordedcall.internal.RecordedCallLiteral;
import org.recordedcall.internal.config.Settings;

/**
 * Whether a Jakarta REST application is recorded whole, and by which annotation: its
 * {@code Application} subclass's {@code @RecordedCall}, or the default one when the setting
 * {@code recordedcall.applications} names it. Jersey hands providers a configuration that wraps
 * the application: it is unwrapped by its {@code getApplication()}.
 */
public final class WholeApplication {

    private WholeApplication() {
    }

    /** The annotation that records {@code application} whole, or {@code null}. */
    public static RecordedCall annotation(Object application, Settings settings) {
        Object current;
        try {
            current = application;
            if (current != null) {
                current.getClass(); // a proxy of a runtime that cannot tell the application yet fails here
            }
        } catch (RuntimeException unknown) {
            current = null;
        }
        for (int depth = 0; current instanceof Application && depth < 4; depth++) {
            var type = current.getClass();
            var annotation = type.getAnnotation(RecordedCall.class);
            if (annotation != null) {
                return annotation;
            }
            if (settings.recordsApplication(type)) {
                return RecordedCallLiteral.INSTANCE;
            }
            current = wrapped(current);
        }
        return settings.recordsApplication(null) ? RecordedCallLiteral.INSTANCE : null;
    }

    /**
     * The application's own {@code Application} class (below any wrapper of the runtime's), the
     * same from a provider at deployment and during a request; {@code null} when unknown.
     */
    public static Class<?> type(Object application) {
        Object current;
        try {
            current = application;
            if (current != null) {
                current.getClass();
            }
        } catch (RuntimeException unknown) {
            return null;
        }
        Class<?> type = null;
        for (int depth = 0; current instanceof Application && depth < 4; depth++) {
            type = current.getClass();
            current = wrapped(current);
        }
        return type;
    }

    private static Object wrapped(Object application) {
        try {
            var getter = application.getClass().getMethod("getApplication");
            var inner = getter.invoke(application);
            return inner == application ? null : inner;
        } catch (ReflectiveOperationException | RuntimeException none) {
            return null;
        }
    }
}

package org.recordedcall.internal.origin;

import io.opentelemetry.api.trace.Span;
import org.recordedcall.internal.Classes;

/**
 * The server span a call belongs to, where OpenTelemetry is active in the server (MicroProfile
 * Telemetry, or the OpenTelemetry API with an agent): its trace and span ids, and the call's id
 * noted on it as the attribute {@value #CALL_ID}, so that a record and its trace name each other.
 * Read through the OpenTelemetry API only where the application can load it: no OpenTelemetry
 * class is needed to deploy, and where there is none this answers {@code null} at the cost of
 * one flag.
 */
public final class ServerSpan {

    /** The attribute of the span that holds the call's id. */
    public static final String CALL_ID = "recordedcall.id";

    private static final boolean AVAILABLE = Classes.visible("io.opentelemetry.api.trace.Span",
            ServerSpan.class.getClassLoader());

    /** The trace and span id of a span, each in lower-case hex. */
    public record Ids(String traceId, String spanId) {
    }

    private ServerSpan() {
    }

    /**
     * The ids of the span current on this thread, having noted {@code callId} on it; {@code null}
     * where OpenTelemetry is absent or no span is current (its API then answers an invalid one).
     * Never throws.
     */
    public static Ids join(String callId) {
        if (!AVAILABLE) {
            return null;
        }
        try {
            return OpenTelemetry.join(callId);
        } catch (RuntimeException | LinkageError unusable) {
            return null; // an API of another shape than the one compiled against: as if there were none
        }
    }

    /** The only code that names OpenTelemetry's classes: loaded when first called, so only where they are. */
    private static final class OpenTelemetry {

        static Ids join(String callId) {
            var span = Span.current();
            var context = span.getSpanContext();
            if (!context.isValid()) {
                return null;
            }
            if (callId != null) {
                span.setAttribute(CALL_ID, callId);
            }
            return new Ids(context.getTraceId(), context.getSpanId());
        }
    }
}

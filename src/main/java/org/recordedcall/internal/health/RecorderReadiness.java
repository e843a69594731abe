package org.recordedcall.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.recordedcall.RecorderStatus;
import org.recordedcall.WriterStatus;
import org.recordedcall.internal.config.HealthSettings;
import org.recordedcall.internal.config.Settings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The recorder's readiness check, {@code recorded-call}, for a server with MicroProfile Health:
 * the writer's counters as data; DOWN while the database has been failing longer than
 * {@code recordedcall.health.outage-seconds}, or when calls were dropped within the last
 * {@code recordedcall.health.dropped-window-seconds}; UP otherwise. Added to the application
 * by the library's CDI extension only where the MicroProfile Health API is there.
 */
@Readiness
@ApplicationScoped
public class RecorderReadiness implements HealthCheck {

    /** The check's name, as the health endpoint lists it. */
    public static final String NAME = "recorded-call";

    private RecorderStatus status;
    private HealthSettings settings;

    /** For CDI. */
    public RecorderReadiness() {
    }

    @Inject
    void init(RecorderStatus status, Settings settings) {
        this.status = status;
        this.settings = settings.health();
    }

    @Override
    public HealthCheckResponse call() {
        return of(status.writer(), settings, Instant.now());
    }

    /**
     * The answer for the writer's counters at {@code now}; made with the response's constructor
     * rather than its builder, which needs the server's provider.
     */
    static HealthCheckResponse of(WriterStatus writer, HealthSettings settings, Instant now) {
        var data = new LinkedHashMap<String, Object>();
        data.put("accepted", writer.accepted());
        data.put("written", writer.written());
        data.put("dropped", writer.dropped());
        data.put("failed", writer.failed());
        data.put("queueDepth", (long) writer.queueDepth());
        var reasons = new ArrayList<String>();
        if (writer.failingSince() != null) {
            data.put("failingSince", writer.failingSince().toString());
            var failing = Duration.between(writer.failingSince(), now);
            if (failing.toSeconds() >= settings.outageSeconds()) {
                reasons.add("the database has not taken a write for " + failing.toSeconds() + " s");
            }
        }
        if (writer.lastDroppedAt() != null) {
            data.put("lastDroppedAt", writer.lastDroppedAt().toString());
            if (Duration.between(writer.lastDroppedAt(), now).toSeconds() < settings.droppedWindowSeconds()) {
                reasons.add("calls were dropped in the last " + settings.droppedWindowSeconds() + " s");
            }
        }
        // not the last error's text: the endpoint answers anyone, and a database's message may quote a row
        if (!reasons.isEmpty()) {
            data.put("reason", String.join("; ", reasons));
        }
        return new HealthCheckResponse(NAME, reasons.isEmpty() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}

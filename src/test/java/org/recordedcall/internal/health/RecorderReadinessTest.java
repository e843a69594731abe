package org.recordedcall.internal.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.recordedcall.WriterStatus;
import org.recordedcall.internal.config.HealthSettings;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the readiness check says DOWN, and what it shows. */
class RecorderReadinessTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final HealthSettings SETTINGS = new HealthSettings(30, 300);

    private static WriterStatus writer(Instant failingSince, Instant lastDroppedAt) {
        return new WriterStatus(10, 7, 2, 1, 0, 0, 0, null, null, 0, failingSince, lastDroppedAt);
    }

    private static HealthCheckResponse check(WriterStatus writer) {
        return RecorderReadiness.of(writer, SETTINGS, NOW);
    }

    @Test
    void upWithTheCountersAsData() {
        var response = check(writer(null, null));

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("recorded-call", response.getName());
        var data = response.getData().orElseThrow();
        assertEquals(10L, data.get("accepted"));
        assertEquals(7L, data.get("written"));
        assertEquals(2L, data.get("dropped"));
    }

    @Test
    void downOnceTheDatabaseHasFailedLongerThanTheSetting() {
        assertEquals(HealthCheckResponse.Status.UP, check(writer(NOW.minusSeconds(29), null)).getStatus(), "a short outage");
        var down = check(writer(NOW.minusSeconds(31), null));
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertTrue(down.getData().orElseThrow().get("reason").toString().contains("31 s"), down.getData().toString());
    }

    @Test
    void downWhileACallWasDroppedWithinTheWindow() {
        assertEquals(HealthCheckResponse.Status.DOWN, check(writer(null, NOW.minusSeconds(299))).getStatus());
        assertEquals(HealthCheckResponse.Status.UP, check(writer(null, NOW.minusSeconds(301))).getStatus(), "long ago");
    }
}

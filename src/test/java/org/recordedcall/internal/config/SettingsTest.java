package org.recordedcall.internal.config;

import org.junit.jupiter.api.Test;
import org.recordedcall.RecordedCallSettings;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        var settings = Settings.defaults();

        assertTrue(settings.enabled());
        assertEquals(65_536, settings.bodyMaxBytes());
        assertEquals(16_384, settings.jsonMaxChars());
        assertEquals(16_384, settings.stackMaxChars());
        assertEquals(Set.of("authorization", "proxy-authorization", "cookie", "set-cookie"), settings.maskedHeaders());
        assertTrue(settings.maskedNames().containsAll(Set.of("password", "token", "apikey", "secret", "creditcard")));
        assertEquals(new WriterSettings(10_000, 500, 200, WriterSettings.Overflow.DROP, 50, 10_000, 30_000),
                settings.writer());
        assertEquals(new HealthSettings(30, 300), settings.health());
        assertFalse(settings.traceFromSpan(), "MicroProfile Telemetry is off unless switched on");
    }

    @Test
    void callsTakeTheirTraceFromTheSpanWhereTheApplicationSwitchedTelemetryOnOrTheSettingSaysSo() {
        assertTrue(Settings.from(Map.of("otel.sdk.disabled", "false")::get).traceFromSpan());
        assertFalse(Settings.from(Map.of("otel.sdk.disabled", "true")::get).traceFromSpan());
        assertTrue(Settings.from(Map.of(RecordedCallSettings.TRACE_SPAN, "true")::get).traceFromSpan(), "an agent");
        assertFalse(Settings.from(Map.of("otel.sdk.disabled", "false", RecordedCallSettings.TRACE_SPAN, "false")::get)
                .traceFromSpan(), "the setting wins");
    }

    @Test
    void overflowPolicyIsReadCaseInsensitivelyAndUnknownOnesFallBack() {
        assertEquals(WriterSettings.Overflow.WRITE_THROUGH,
                Settings.from(Map.of(RecordedCallSettings.WRITER_OVERFLOW, "write-through")::get).writer().overflow());
        assertEquals(WriterSettings.Overflow.DROP,
                Settings.from(Map.of(RecordedCallSettings.WRITER_OVERFLOW, "block")::get).writer().overflow());
    }

    @Test
    void valuesAreReadAndNormalized() {
        var values = Map.of(
                RecordedCallSettings.ENABLED, " FALSE ",
                RecordedCallSettings.BODY_MAX_BYTES, "1024",
                RecordedCallSettings.MASKED_HEADERS, "X-Api-Key, Authorization ,,");

        var settings = Settings.from(values::get);

        assertFalse(settings.enabled());
        assertEquals(1024, settings.bodyMaxBytes());
        assertEquals(Set.of("x-api-key", "authorization"), settings.maskedHeaders());
    }

    @Test
    void invalidValuesFallBackToTheDefault() {
        var values = Map.of(
                RecordedCallSettings.ENABLED, "yes please",
                RecordedCallSettings.BODY_MAX_BYTES, "-5",
                RecordedCallSettings.JSON_MAX_CHARS, "lots");

        var settings = Settings.from(values::get);

        assertTrue(settings.enabled());
        assertEquals(65_536, settings.bodyMaxBytes());
        assertEquals(16_384, settings.jsonMaxChars());
    }

    @Test
    void theApiPathIsOneOrMoreSafeSegmentsElseTheDefault() {
        assertEquals("/recorded-calls", Settings.defaults().api().path());
        for (var good : Map.of("/ops/calls", "/ops/calls", "ops/calls/", "/ops/calls", " /v1.calls_x ", "/v1.calls_x")
                .entrySet()) {
            assertEquals(good.getValue(), Settings.from(Map.of(RecordedCallSettings.API_PATH, good.getKey())::get)
                    .api().path(), good.getKey());
        }
        for (var bad : new String[] {"/", "/ops/*", "/ops calls", "/ops/../admin", "/ops//calls", "/a?b", "/.."}) {
            assertEquals("/recorded-calls", Settings.from(Map.of(RecordedCallSettings.API_PATH, bad)::get).api().path(), bad);
        }
    }

    @Test
    void environmentNamesAreUpperSnakeCase() {
        assertEquals("RECORDEDCALL_BODY_MAX_BYTES", Settings.environmentName(RecordedCallSettings.BODY_MAX_BYTES));
    }
}

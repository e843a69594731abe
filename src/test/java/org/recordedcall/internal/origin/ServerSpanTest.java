package org.recordedcall.internal.origin;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A call joins the span current on its thread, with a real OpenTelemetry SDK: ids read, the call's id noted on the span. */
class ServerSpanTest {

    @Test
    void theCurrentSpanNamesTheCallsTraceAndCarriesTheCallsId() {
        var exported = InMemorySpanExporter.create();
        try (var tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build()) {
            var span = tracing.get("test").spanBuilder("GET /orders").startSpan();
            ServerSpan.Ids ids;
            try (var scope = span.makeCurrent()) {
                ids = ServerSpan.join("call-1");
            } finally {
                span.end();
            }

            assertEquals(span.getSpanContext().getTraceId(), ids.traceId());
            assertEquals(span.getSpanContext().getSpanId(), ids.spanId());
            assertEquals("call-1", exported.getFinishedSpanItems().get(0).getAttributes()
                    .get(AttributeKey.stringKey(ServerSpan.CALL_ID)));
        }
    }

    @Test
    void withoutACurrentSpanThereIsNothingToJoin() {
        assertNull(ServerSpan.join("call-2"));
    }
}

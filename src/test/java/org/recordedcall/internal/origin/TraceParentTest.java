package org.recordedcall.internal.origin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraceParentTest {

    @Test
    void traceIdIsReadFromAValidHeader() {
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736",
                TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    @Test
    void malformedOrInvalidHeadersGiveNoTraceId() {
        assertNull(TraceParent.traceId(null));
        assertNull(TraceParent.traceId("garbage"));
        assertNull(TraceParent.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        assertNull(TraceParent.traceId("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertNull(TraceParent.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
    }
}

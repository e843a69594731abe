package org.recordedcall.internal.persistence;

import org.recordedcall.internal.Classes;

/**
 * Times the writer's flushes as {@link FlushEvent}s where the runtime has Java Flight Recorder;
 * where it has not ({@code jdk.jfr} missing or hidden from the application), does nothing.
 */
final class FlushTiming {

    // asked first by name: defining FlushEvent where jdk.jfr is hidden (WildFly) fails with a logged stack trace
    private static volatile boolean available = Classes.visible("jdk.jfr.Event", FlushTiming.class.getClassLoader());

    private FlushTiming() {
    }

    /** A started event, or {@code null}. */
    static Object begin() {
        if (!available) {
            return null;
        }
        try {
            var event = new FlushEvent();
            event.begin();
            return event;
        } catch (LinkageError noFlightRecorder) {
            available = false;
            return null;
        }
    }

    static void end(Object started, long calls) {
        if (started == null) {
            return; // FlushEvent is not even resolved where the runtime has no Flight Recorder
        }
        if (started instanceof FlushEvent event) {
            event.calls = (int) Math.min(Integer.MAX_VALUE, calls);
            event.commit();
        }
    }
}

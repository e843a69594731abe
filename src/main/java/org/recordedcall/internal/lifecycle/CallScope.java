package org.recordedcall.internal.lifecycle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Instant;

/**
 * Which request and which recorded call the current thread serves. The servlet filter opens
 * a frame around the whole request; the Jakarta REST filter puts the call in it once the
 * request turns out to be recorded; the CDI interceptor opens a frame around a plain bean
 * method. Work that leaves the thread (asynchronous resources) carries the {@link CallDraft}
 * itself instead.
 */
final class CallScope {

    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private CallScope() {
    }

    /** One level of the thread's nesting. */
    static final class Frame {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final long startNanos = System.nanoTime();
        private final Instant startedAt = Instant.now();
        private CallDraft call;

        private Frame(HttpServletRequest request, HttpServletResponse response, CallDraft call) {
            this.request = request;
            this.response = response;
            this.call = call;
        }

        HttpServletRequest request() {
            return request;
        }

        HttpServletResponse response() {
            return response;
        }

        long startNanos() {
            return startNanos;
        }

        Instant startedAt() {
            return startedAt;
        }

        CallDraft call() {
            return call;
        }

        void call(CallDraft recorded) {
            call = recorded;
        }
    }

    static Frame current() {
        return CURRENT.get();
    }

    /** The call recorded on this thread, or {@code null}. */
    static CallDraft currentCall() {
        var frame = CURRENT.get();
        return frame == null ? null : frame.call;
    }

    /** Opens a frame for a servlet request; returns the frame to restore when it ends. */
    static Frame enter(HttpServletRequest request, HttpServletResponse response) {
        var outer = CURRENT.get();
        CURRENT.set(new Frame(request, response, null));
        return outer;
    }

    /** Opens a frame for a recorded bean method; returns the frame to restore when it ends. */
    static Frame enter(CallDraft call) {
        var outer = CURRENT.get();
        CURRENT.set(new Frame(null, null, call));
        return outer;
    }

    static void restore(Frame outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}

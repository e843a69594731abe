package org.recordedcall.internal.lifecycle;

import org.recordedcall.CallRecord;

/**
 * Where the recorder hands each finished call it stores, on the thread that finished it. Must
 * return at once and never block the request. (Integrators get calls in batches, off the request
 * thread, through {@link org.recordedcall.spi.CallSink}.)
 */
public interface CallHandoff {

    /** Takes a finished call; the implementation stores it later, off the caller's thread. */
    void accept(CallRecord call);
}

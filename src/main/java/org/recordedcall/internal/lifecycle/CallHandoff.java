package org.recordedcall.internal.lifecycle;

import org.recordedcall.CallRecord;

import java.util.function.Supplier;

/**
 * Where the recorder hands each finished call it stores, on the thread that finished it. Must
 * return at once and never block the request. (Integrators get calls in batches, off the request
 * thread, through {@link org.recordedcall.spi.CallSink}.)
 */
public interface CallHandoff {

    /**
     * Takes a finished call; the implementation stores it later, off the caller's thread. The
     * call's record is made (its bodies decoded, its secrets masked) the first time it is asked
     * for, on the thread that asks, unless a synchronous observer needed it already; it is the
     * same record every time, and asking may throw only what a bug in the recorder throws.
     */
    void accept(Supplier<CallRecord> call);
}

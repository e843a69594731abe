package org.recordedcall.internal.capture;

import org.recordedcall.CallRecord;

/** Where a finished call goes to be stored. Must return at once and never block the request. */
public interface CallSink {

    /** Takes a finished call; the implementation stores it later, off the caller's thread. */
    void accept(CallRecord call);
}

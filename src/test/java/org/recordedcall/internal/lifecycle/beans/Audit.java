package org.recordedcall.internal.lifecycle.beans;

import jakarta.enterprise.context.ApplicationScoped;
import org.recordedcall.NotRecorded;
import org.recordedcall.RecordedCall;

/** A bean recorded as a whole, with one method kept out. */
@ApplicationScoped
@RecordedCall
public class Audit {

    public String note(String entry) {
        return entry;
    }

    @NotRecorded
    public String ping() {
        return "pong";
    }
}

package org.recordedcall.internal.lifecycle.beans;

import jakarta.enterprise.context.ApplicationScoped;
import org.recordedcall.RecordedCall;

/** A recorded bean that recorded beans call: nested, it adds no call of its own. */
@ApplicationScoped
public class Ledger {

    @RecordedCall
    public void write(String entry) {
        // nothing to keep
    }
}

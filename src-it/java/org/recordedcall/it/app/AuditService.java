package org.recordedcall.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.recordedcall.RecordedCall;

/** A plain CDI bean with a recorded method: a call of kind METHOD unless a recorded call runs it. */
@ApplicationScoped
public class AuditService {

    @RecordedCall("audit")
    public String audit(String mark) {
        return "audited " + mark;
    }

    @RecordedCall
    public void refuse(String mark) {
        throw new IllegalArgumentException("refused " + mark);
    }
}

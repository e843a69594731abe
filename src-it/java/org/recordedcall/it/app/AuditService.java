package org.recordedcall.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recordedcall.CurrentCall;
import org.recordedcall.RecordedCall;

/** A plain CDI bean with a recorded method: a call of kind METHOD unless a recorded call runs it. */
@ApplicationScoped
public class AuditService {

    @Inject
    CurrentCall current;

    @RecordedCall("audit")
    public String audit(String mark) {
        current.attribute("audited", mark); // a bean the resource calls adds to the resource's call
        return "audited " + mark;
    }

    @RecordedCall
    public void refuse(String mark) {
        throw new IllegalArgumentException("refused " + mark);
    }
}

package org.recordedcall.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.recordedcall.CallEnded;
import org.recordedcall.CallFailed;
import org.recordedcall.CallStarted;

/** Application code observing the recorder's events synchronously, into the {@link EventLog}. */
@ApplicationScoped
public class SynchronousEvents {

    @Inject
    EventLog log;

    void started(@Observes CallStarted event) {
        log.add(EventLog.Seen.of("CallStarted", "sync", event.call()));
    }

    void failed(@Observes CallFailed event) {
        log.add(EventLog.Seen.of("CallFailed", "sync", event.call()));
    }

    void ended(@Observes CallEnded event) {
        log.add(EventLog.Seen.of("CallEnded", "sync", event.call()));
    }
}

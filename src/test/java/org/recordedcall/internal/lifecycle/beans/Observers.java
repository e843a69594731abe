package org.recordedcall.internal.lifecycle.beans;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import org.recordedcall.CallEnded;
import org.recordedcall.CallFailed;
import org.recordedcall.CallStarted;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Application observers: one records every event, another throws on a chosen operation, and
 * one observes {@link CallEnded} (only) asynchronously.
 */
@Singleton
public class Observers {

    public final List<Object> events = new CopyOnWriteArrayList<>();
    public final List<CallEnded> endedAsynchronously = new CopyOnWriteArrayList<>();
    public volatile String failOn;

    void endedAsynchronously(@ObservesAsync CallEnded event) {
        endedAsynchronously.add(event);
    }

    void started(@Observes CallStarted event) {
        events.add(event);
    }

    void failed(@Observes CallFailed event) {
        events.add(event);
    }

    void ended(@Observes CallEnded event) {
        events.add(event);
        if (event.call().operation().equals(failOn)) {
            throw new IllegalStateException("a broken observer");
        }
    }
}

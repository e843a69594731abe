package org.recordedcall.internal.lifecycle.beans;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
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
    /** For each asynchronous {@link CallEnded}: whether a request context was active meanwhile. */
    public final List<Boolean> requestContextActive = new CopyOnWriteArrayList<>();
    public volatile String failOn;

    @Inject
    BeanManager beans;

    void endedAsynchronously(@ObservesAsync CallEnded event) {
        boolean active;
        try {
            active = beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException none) {
            active = false;
        }
        requestContextActive.add(active);
        endedAsynchronously.add(event);
        if (event.call().operation().equals(failOn)) {
            throw new IllegalStateException("a broken asynchronous observer");
        }
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

package org.recordedcall.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.recordedcall.CallEnded;

import java.time.Duration;

/**
 * Application code observing the recorder: logs calls slower than 100 ms. Asynchronously, as
 * the README recommends: the request's thread does not wait for it, and the call's final record
 * is then made off the request's thread too (see README, Events).
 */
@ApplicationScoped
public class SlowCallLog {

    private static final System.Logger LOG = System.getLogger(SlowCallLog.class.getName());

    void onEnded(@ObservesAsync CallEnded ended) {
        var call = ended.call();
        if (call.durationNanos() != null && Duration.ofNanos(call.durationNanos()).toMillis() > 100) {
            LOG.log(System.Logger.Level.INFO, "slow call {0} {1} took {2} ms",
                    call.operation(), call.id(), Duration.ofNanos(call.durationNanos()).toMillis());
        }
    }
}

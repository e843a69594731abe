package org.recordedcall.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.recordedcall.CallEnded;

import java.time.Duration;

/**
 * Application code observing the recorder: logs calls slower than 100 ms. A synchronous
 * observer, as the check is cheap: {@code @ObservesAsync} hands every call to a managed
 * executor, worth it only for slow work (see README, Events).
 */
@ApplicationScoped
public class SlowCallLog {

    private static final System.Logger LOG = System.getLogger(SlowCallLog.class.getName());

    void onEnded(@Observes CallEnded ended) {
        var call = ended.call();
        if (call.durationNanos() != null && Duration.ofNanos(call.durationNanos()).toMillis() > 100) {
            LOG.log(System.Logger.Level.INFO, "slow call {0} {1} took {2} ms",
                    call.operation(), call.id(), Duration.ofNanos(call.durationNanos()).toMillis());
        }
    }
}

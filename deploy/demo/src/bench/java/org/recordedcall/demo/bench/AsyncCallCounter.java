package org.recordedcall.demo.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.recordedcall.CallEnded;

import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmark's application observes every call asynchronously, as the README's quick start
 * shows, so that the figures include what delivering the events costs.
 */
@ApplicationScoped
public class AsyncCallCounter {

    private final LongAdder ended = new LongAdder();

    void onEnded(@ObservesAsync CallEnded event) {
        ended.increment();
    }
}

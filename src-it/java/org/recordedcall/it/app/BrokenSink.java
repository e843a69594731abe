package org.recordedcall.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.recordedcall.CallRecord;
import org.recordedcall.spi.CallSink;

import java.util.List;

/** A call sink that throws on any batch holding a call whose correlation id starts with {@code broken-sink}. */
@ApplicationScoped
public class BrokenSink implements CallSink {

    @Override
    public void accept(List<CallRecord> calls) {
        if (calls.stream().anyMatch(call -> call.correlationId() != null && call.correlationId().startsWith("broken-sink"))) {
            throw new IllegalStateException("this sink is down");
        }
    }

    @Override
    public String name() {
        return "broken";
    }
}

package org.recordedcall.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.recordedcall.CallRecord;
import org.recordedcall.spi.CallSink;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A call sink of the application's: keeps the correlation ids of the calls it was handed. */
@ApplicationScoped
public class CollectingSink implements CallSink {

    private final Set<String> correlationIds = ConcurrentHashMap.newKeySet();

    @Override
    public void accept(List<CallRecord> calls) {
        calls.forEach(call -> correlationIds.add(call.correlationId()));
    }

    public boolean got(String correlationId) {
        return correlationIds.contains(correlationId);
    }
}

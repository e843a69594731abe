package org.recordedcall.internal.lifecycle.beans;

import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.lifecycle.CallHandoff;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Keeps the finished calls in memory, in place of the database writer. */
@Singleton
public class CollectingSink implements CallHandoff {

    public final List<CallRecord> calls = new CopyOnWriteArrayList<>();

    @Override
    public void accept(Supplier<CallRecord> call) {
        calls.add(call.get());
    }
}

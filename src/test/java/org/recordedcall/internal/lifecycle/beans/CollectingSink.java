package org.recordedcall.internal.lifecycle.beans;

import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.internal.lifecycle.CallHandoff;

import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Keeps the finished calls in memory, in place of the database writer. As the writer does, it
 * asks for each call's record only later, when a test reads it, after the call is over.
 */
@Singleton
public class CollectingSink implements CallHandoff {

    private final List<Supplier<CallRecord>> handed = new CopyOnWriteArrayList<>();

    /** The records of the calls handed over, each made (or found made) as it is read. */
    public final List<CallRecord> calls = new AbstractList<>() {
        @Override
        public CallRecord get(int index) {
            return handed.get(index).get();
        }

        @Override
        public int size() {
            return handed.size();
        }
    };

    @Override
    public void accept(Supplier<CallRecord> call) {
        handed.add(call);
    }
}

package org.recordedcall;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Fired exactly once for every recorded call, failed or not, with the final record: the one
 * that is persisted.
 *
 * <p>The record is made the first time {@link #call()} is asked for, by the thread that asks,
 * and is the same record after: nothing in it changes once the call has ended, so an
 * {@code @ObservesAsync} observer's thread makes it, not the request's. Immutable, and equal to
 * another {@code CallEnded} with an equal record.
 */
public final class CallEnded {

    private final Supplier<CallRecord> source;
    private CallRecord call;

    /** The event of a call whose final record is {@code call}. */
    public CallEnded(CallRecord call) {
        this.call = call;
        this.source = () -> call;
    }

    /**
     * The event of a call whose final record {@code source} makes when first asked for (the
     * recorder's way to keep that work off the request's thread); {@code source} is asked at
     * most once.
     */
    public CallEnded(Supplier<CallRecord> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The final record of the call. */
    public synchronized CallRecord call() {
        if (call == null) {
            call = source.get();
        }
        return call;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallEnded ended && Objects.equals(call(), ended.call());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(call());
    }

    @Override
    public String toString() {
        return "CallEnded[call=" + call() + "]";
    }
}

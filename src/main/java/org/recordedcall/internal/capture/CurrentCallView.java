package org.recordedcall.internal.capture;

import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.CurrentCall;

import java.util.Optional;

/** The {@link CurrentCall} of the thread serving a recorded call. */
@Singleton
public final class CurrentCallView implements CurrentCall {

    @Override
    public Optional<String> id() {
        return Optional.ofNullable(CallScope.currentCall()).map(CallDraft::id);
    }

    @Override
    public Optional<String> correlationId() {
        return Optional.ofNullable(CallScope.currentCall()).map(CallDraft::correlationId);
    }

    @Override
    public Optional<CallRecord> snapshot() {
        return Optional.ofNullable(CallScope.currentCall()).map(CallDraft::snapshot);
    }
}

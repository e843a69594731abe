package org.recordedcall.internal.lifecycle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.CallRecord;
import org.recordedcall.CurrentCall;

import java.util.Optional;

/** The {@link CurrentCall} of the thread serving a recorded call. */
@Singleton
public final class CurrentCallView implements CurrentCall {

    private final Recorder recorder;

    @Inject
    public CurrentCallView(Recorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Notes the exception that ends the thread's call, when the runtime raised it outside the
     * resource method (a body it could not read, a validation failure) and a mapper of the
     * library's answers it: the record then holds it as it would one the method threw. Before
     * a recorded call began (the runtime refused the request before choosing a method), it is
     * kept for the call that the refusal then makes. Does nothing when the call holds an
     * exception already.
     */
    public void failedWith(Throwable thrown) {
        var call = CallScope.currentCall();
        if (call != null) {
            recorder.failed(call, thrown);
            return;
        }
        var frame = CallScope.current();
        if (frame != null && frame.request() != null) {
            frame.request().setAttribute(HttpCalls.REFUSAL, thrown);
        }
    }

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
        return Optional.ofNullable(CallScope.currentCall()).map(recorder::snapshot);
    }

    @Override
    public void attribute(String name, Object value) {
        var call = CallScope.currentCall();
        if (call != null) {
            call.attribute(name, value);
        }
    }
}

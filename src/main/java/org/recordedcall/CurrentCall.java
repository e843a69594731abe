package org.recordedcall;

import java.util.Optional;

/**
 * A read-only view of the call being recorded on the current request, for application code:
 * {@code @Inject CurrentCall call;}. Outside a recorded call every method returns empty.
 */
public interface CurrentCall {

    /** The id of the current call, the value a client sees in {@code X-Request-Id} unless it sent its own. */
    Optional<String> id();

    /** The correlation id of the current call. */
    Optional<String> correlationId();

    /** A snapshot of the current call as recorded so far. */
    Optional<CallRecord> snapshot();
}

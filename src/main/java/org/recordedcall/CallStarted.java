package org.recordedcall;

/**
 * Fired once when a recorded call begins, with what is known at that moment (the request's
 * facts; no status, result or timing yet). Observe with {@code @Observes} or
 * {@code @ObservesAsync}.
 *
 * @param call the snapshot of the call as it began
 */
public record CallStarted(CallRecord call) {
}

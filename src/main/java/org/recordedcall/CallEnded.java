package org.recordedcall;

/**
 * Fired exactly once for every recorded call, failed or not, with the final record: the one
 * that is persisted.
 *
 * @param call the final record of the call
 */
public record CallEnded(CallRecord call) {
}

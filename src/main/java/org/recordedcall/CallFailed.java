package org.recordedcall;

/**
 * Fired when a recorded call fails with an exception, before any response exists. The
 * snapshot carries the exception type, message and stack trace. {@link CallEnded} still
 * follows.
 *
 * @param call the snapshot of the call at the moment it failed
 */
public record CallFailed(CallRecord call) {
}

package org.recordedcall;

/** What was recorded: an HTTP call served by a Jakarta REST resource, or a plain bean method. */
public enum CallKind {
    /** An HTTP request served by a {@link RecordedCall} resource method. */
    HTTP,
    /** An invocation of a {@link RecordedCall} CDI bean method outside any recorded call. */
    METHOD
}

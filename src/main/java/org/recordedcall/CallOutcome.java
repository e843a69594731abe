package org.recordedcall;

/** How a call ended, derived from its status and failure. */
public enum CallOutcome {
    /** Status below 400 and no exception. */
    SUCCESS,
    /** Status 400 to 499. */
    CLIENT_ERROR,
    /** Status 500 or above, or an exception that did not become a 4xx response. */
    SERVER_ERROR;

    /**
     * The outcome of a call.
     *
     * @param status the HTTP status sent, or {@code null} for a {@link CallKind#METHOD} call
     * @param failed whether an exception escaped the method or the filters
     */
    public static CallOutcome of(Integer status, boolean failed) {
        if (status != null && status >= 500) {
            return SERVER_ERROR;
        }
        if (status != null && status >= 400) {
            return CLIENT_ERROR;
        }
        return failed ? SERVER_ERROR : SUCCESS;
    }
}

package org.recordedcall;

/**
 * Every configuration key of recorded-call, each with its default. A key is read from a
 * Java system property of that name, else from the environment variable named by
 * upper-casing it and replacing {@code .} and {@code -} by {@code _} (for example
 * {@code RECORDEDCALL_BODY_MAX_BYTES}). Values are read once, when the application starts.
 */
public final class RecordedCallSettings {

    /** Master switch: {@code false} records nothing and fires no events. Default {@code true}. */
    public static final String ENABLED = "recordedcall.enabled";

    /** How many bytes of a request or response body are kept. Default {@code 65536}. */
    public static final String BODY_MAX_BYTES = "recordedcall.body.max-bytes";

    /** How many characters of the arguments' or the result's JSON are kept. Default {@code 16384}. */
    public static final String JSON_MAX_CHARS = "recordedcall.json.max-chars";

    /** How many characters of a stack trace are kept. Default {@code 16384}. */
    public static final String STACK_MAX_CHARS = "recordedcall.stack.max-chars";

    /**
     * Comma-separated header names whose values are masked, case-insensitive. Default
     * {@code Authorization,Proxy-Authorization,Cookie,Set-Cookie}.
     */
    public static final String MASKED_HEADERS = "recordedcall.headers.masked";

    private RecordedCallSettings() {
    }
}

package org.recordedcall;

/**
 * Every configuration key of recorded-call, each with its default. Values are read once,
 * when the application starts: through MicroProfile Config where the server provides it
 * (so also from the application's {@code META-INF/microprofile-config.properties}), else
 * from a Java system property of that name, else from the environment variable named by
 * upper-casing it and replacing {@code .} and {@code -} by {@code _} (for example
 * {@code RECORDEDCALL_BODY_MAX_BYTES}). An invalid value is logged and the default used.
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

    /**
     * JNDI name of the datasource the records are written to, for example a PostgreSQL
     * datasource that several application instances share. Default: none, meaning the
     * shipped persistence unit {@code recorded-call} on the server's default datasource
     * ({@code java:comp/DefaultDataSource}).
     */
    public static final String DATASOURCE = "recordedcall.datasource";

    /**
     * Whether the library creates the {@code RECORDED_CALL} table and its indexes at start-up
     * when they are missing (it never drops or alters anything). {@code false} for a schema
     * that a DBA creates from the DDL shipped in the jar under {@code META-INF/recorded-call/}.
     * Default {@code true}.
     */
    public static final String SCHEMA_CREATE = "recordedcall.schema.create";

    private RecordedCallSettings() {
    }
}

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
     * Comma-separated name fragments that make a field, parameter or header a secret: its value
     * is masked in JSON bodies, arguments and results (at any depth), query strings, form
     * bodies and headers. A name matches when, lower-cased and stripped of everything but
     * letters and digits, it contains a fragment so stripped ({@code api_key}, {@code apiKey}
     * and {@code X-Api-Key} all contain {@code apikey}). Default
     * {@code password,passwd,secret,token,apikey,authorization,cookie,creditcard,cardnumber,cvv,cvc,iban,privatekey}.
     * An endpoint adds names with {@link RecordedCall#masked()}.
     */
    public static final String MASKED_NAMES = "recordedcall.masked.names";

    /**
     * Comma-separated addresses ({@code 10.0.0.7}) or CIDR ranges ({@code 10.0.0.0/8},
     * {@code fd00::/8}) of the reverse proxies in front of the server, as the server reports
     * them as the peer; an entry that is neither is logged and ignored. Only from these is the client's address taken from
     * {@code Forwarded} or {@code X-Forwarded-For}; default none: the peer's address is recorded.
     */
    public static final String TRUSTED_PROXIES = "recordedcall.trusted-proxies";

    /**
     * The fraction of calls stored, from {@code 0} to {@code 1}, chosen at random per call;
     * an endpoint sets its own with {@link RecordedCall#sampleRate()}. Events fire for every
     * call. Default {@code 1}: every call.
     */
    public static final String SAMPLE_RATE = "recordedcall.sample-rate";

    /**
     * Comma-separated request paths, within the application (as {@code /api/health}), whose
     * calls are not stored: a path equal to one, or below it. Events still fire. Default none.
     */
    public static final String EXCLUDE_PATHS = "recordedcall.exclude-paths";

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

    /**
     * On PostgreSQL, whether the library creates {@code RECORDED_CALL} partitioned by the time a
     * call started: {@code none}, {@code daily} or {@code hourly}. Partitioned, the library's
     * scheduled task makes the partitions ahead of time (a call with no partition of its own lands
     * in the default partition, and is moved when the partition of its range is made ahead), and
     * the purge by age drops whole partitions instead of deleting rows. Other databases keep one table. An
     * existing unpartitioned table is not converted: see
     * {@code META-INF/recorded-call/postgresql-partition.sql}. Default {@code none}.
     */
    public static final String SCHEMA_PARTITIONS = "recordedcall.schema.partitions";

    /**
     * How many finished calls wait for the background writer at most (besides the one batch it
     * is writing). Default {@code 10000}.
     */
    public static final String WRITER_QUEUE_CAPACITY = "recordedcall.writer.queue-capacity";

    /**
     * How many calls the writer stores in one transaction at most. Default {@code 500}: into
     * PostgreSQL by {@code COPY}, 60,600-64,200 records/s against 52,500-55,700 with 200
     * (BENCHMARKS.md, session 12).
     */
    public static final String WRITER_BATCH_SIZE = "recordedcall.writer.batch-size";

    /**
     * How long, in milliseconds, the first call after a quiet spell waits in the queue before the
     * writer stores it, so that the calls arriving meanwhile go in the same batches; and, while
     * calls keep coming, how long after a flush those that arrived during it wait for the next
     * one (a backlog, full batches or a queue half full, does not wait). Default {@code 200}.
     */
    public static final String WRITER_FLUSH_INTERVAL_MS = "recordedcall.writer.flush-interval-ms";

    /**
     * What happens to a finished call when the queue is full: {@code DROP} it and count it (the
     * default), {@code WAIT} up to {@link #WRITER_OVERFLOW_WAIT_MS} for room and drop it after,
     * or {@code WRITE_THROUGH}: store it in the caller's thread before the response goes on.
     */
    public static final String WRITER_OVERFLOW = "recordedcall.writer.overflow";

    /** With {@code WAIT}, how long, in milliseconds, a call waits for room in the queue. Default {@code 50}. */
    public static final String WRITER_OVERFLOW_WAIT_MS = "recordedcall.writer.overflow-wait-ms";

    /** At undeploy or shutdown, how long, in milliseconds, the writer may take to store what is queued. Default {@code 10000}. */
    public static final String WRITER_DRAIN_TIMEOUT_MS = "recordedcall.writer.drain-timeout-ms";

    /** While the database is unavailable, the longest pause, in milliseconds, between two attempts. Default {@code 30000}. */
    public static final String WRITER_MAX_BACKOFF_MS = "recordedcall.writer.max-backoff-ms";

    /**
     * Whether recorded calls are written to the database. Default {@code true}. With
     * {@code false}, they go only to the application's {@link org.recordedcall.spi.CallSink}s:
     * no table is created, no retention purge runs, and the query API has nothing to read.
     */
    public static final String STORE_ENABLED = "recordedcall.store.enabled";

    /**
     * Whether calls go to a PostgreSQL table by {@code COPY} in its binary format, where the
     * application's class loader sees PostgreSQL's JDBC driver and the table's columns have the
     * shipped DDL's types. Default {@code true}; with {@code false}, and wherever COPY cannot
     * be used, by batched {@code INSERT}; one call alone always so. The choice is made as the
     * application starts (or, where the database does not answer then, with the first batch of
     * more than one call), and logged.
     */
    public static final String STORE_POSTGRES_COPY = "recordedcall.store.postgres-copy";

    /**
     * Whether the query API and dashboard (the library's servlet, below {@link #API_PATH},
     * by default {@code /recorded-calls}) answer. Default {@code false}: every request to them is a 404.
     */
    public static final String API_ENABLED = "recordedcall.api.enabled";

    /**
     * The role a caller must be in to use the query API and the dashboard. Default
     * {@code recorded-call-viewer}. Anonymous callers get 401, others 403.
     */
    public static final String API_ROLE = "recordedcall.api.role";

    /**
     * Where the query API and the dashboard answer, below the application's context root: a
     * path of one or more segments of letters, digits, {@code -}, {@code _} and {@code .}.
     * Default {@code /recorded-calls}. Read once, when the application starts.
     */
    public static final String API_PATH = "recordedcall.api.path";

    /**
     * Jakarta REST applications recorded whole, as if their {@code Application} subclass
     * carried {@link RecordedCall}: comma-separated class names, or {@code *} for every
     * application of the WAR. For an application that cannot be annotated (one packaged in
     * another jar). Default none. {@link NotRecorded} keeps a resource or method out.
     */
    public static final String APPLICATIONS = "recordedcall.applications";

    /**
     * Whether unmapped exceptions are answered in one JSON shape that carries the recorded
     * call's id ({@code {"code", "message", "callId"}}; codes in the README). Default
     * {@code false}: the application's and the server's own answers stand.
     */
    public static final String ERRORS_ENABLED = "recordedcall.errors.enabled";

    /**
     * Whether a call takes its trace id and span id from the server's current OpenTelemetry span
     * (and notes its id on it). Default: {@code true} where MicroProfile Telemetry is switched on
     * for the application ({@code otel.sdk.disabled=false}), else {@code false}; set it to
     * {@code true} where OpenTelemetry is active another way (an agent). Off, or where no span is
     * current, the trace id is that of an incoming {@code traceparent}.
     */
    public static final String TRACE_SPAN = "recordedcall.trace.span";

    /**
     * The readiness check ({@code recorded-call}, where the server has MicroProfile Health) is
     * DOWN once the database has failed every write for this many seconds. Default {@code 30}.
     */
    public static final String HEALTH_OUTAGE_SECONDS = "recordedcall.health.outage-seconds";

    /**
     * The readiness check is DOWN while a call was dropped (the write queue full) less than this
     * many seconds ago. Default {@code 300}.
     */
    public static final String HEALTH_DROPPED_WINDOW_SECONDS = "recordedcall.health.dropped-window-seconds";

    /** Calls older than this many days are deleted by the scheduled purge. Default {@code 0}: kept whatever their age. */
    public static final String RETENTION_MAX_AGE_DAYS = "recordedcall.retention.max-age-days";

    /** At most this many calls are kept; the scheduled purge deletes the oldest beyond it. Default {@code 0}: no cap. */
    public static final String RETENTION_MAX_ROWS = "recordedcall.retention.max-rows";

    /** How often, in milliseconds, the purge runs (when an age or a cap is set). Default {@code 600000} (10 minutes). */
    public static final String RETENTION_INTERVAL_MS = "recordedcall.retention.interval-ms";

    /** Calls deleted per transaction by the purge, so the table is never locked for long. Default {@code 500}. */
    public static final String RETENTION_BATCH_SIZE = "recordedcall.retention.batch-size";

    private RecordedCallSettings() {
    }
}

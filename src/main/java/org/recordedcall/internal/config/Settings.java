package org.recordedcall.internal.config;

import org.recordedcall.RecordedCallSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The effective settings, read once from system properties and the environment. The keys
 * and their defaults are documented in {@link RecordedCallSettings}.
 *
 * @param enabled        master switch
 * @param bodyMaxBytes   cap of a captured body
 * @param jsonMaxChars   cap of the arguments' and result's JSON
 * @param stackMaxChars  cap of a stack trace
 * @param maskedHeaders  lower-case names of masked headers
 * @param maskedNames    lower-case name fragments that make a field, parameter or header a secret
 * @param trustedProxies addresses of reverse proxies whose forwarding headers are believed
 * @param sampleRate     the fraction of calls stored, 0 to 1
 * @param excludePaths   request paths (and what is below them) whose calls are not stored
 * @param datasource     JNDI name of the datasource to write to, or {@code null} for the server's default datasource
 * @param createSchema   whether to create the table when it is missing
 * @param partitions     how a table the library creates on PostgreSQL is partitioned by time
 * @param writer         the background writer's settings
 * @param api            the query API's settings
 * @param retention      the scheduled purge's settings
 * @param errorEnvelope  whether unmapped exceptions are answered in the library's JSON shape
 * @param applications   class names of the Jakarta REST applications recorded whole ({@code *}: all)
 * @param storeEnabled   whether calls are written to the database (else only to the application's call sinks)
 * @param postgresCopy   whether calls go to PostgreSQL by COPY where it can take them
 * @param health         the readiness check's settings
 * @param traceFromSpan  whether a call takes its trace from the server's OpenTelemetry span
 */
public record Settings(boolean enabled, int bodyMaxBytes, int jsonMaxChars, int stackMaxChars,
                       Set<String> maskedHeaders, Set<String> maskedNames, Set<String> trustedProxies, double sampleRate,
                       List<String> excludePaths, String datasource, boolean createSchema, Partitioning partitions,
                       WriterSettings writer,
                       ApiSettings api, RetentionSettings retention, boolean errorEnvelope,
                       Set<String> applications, boolean storeEnabled, boolean postgresCopy, HealthSettings health,
                       boolean traceFromSpan) {

    private static final System.Logger LOG = System.getLogger(Settings.class.getName());

    /** The defaults, as documented. */
    public static Settings defaults() {
        return from(key -> null);
    }

    /** Reads every key through {@code source}, which answers {@code null} for a key that is not set. */
    public static Settings from(UnaryOperator<String> source) {
        return new Settings(
                bool(source, RecordedCallSettings.ENABLED, true),
                positive(source, RecordedCallSettings.BODY_MAX_BYTES, 65_536),
                positive(source, RecordedCallSettings.JSON_MAX_CHARS, 16_384),
                positive(source, RecordedCallSettings.STACK_MAX_CHARS, 16_384),
                names(source, RecordedCallSettings.MASKED_HEADERS,
                        "Authorization,Proxy-Authorization,Cookie,Set-Cookie"),
                names(source, RecordedCallSettings.MASKED_NAMES, "password,passwd,secret,token,apikey,authorization,"
                        + "cookie,creditcard,cardnumber,cvv,cvc,iban,privatekey"),
                names(source, RecordedCallSettings.TRUSTED_PROXIES, ""),
                fraction(source, RecordedCallSettings.SAMPLE_RATE, 1.0),
                paths(source, RecordedCallSettings.EXCLUDE_PATHS),
                text(source, RecordedCallSettings.DATASOURCE),
                bool(source, RecordedCallSettings.SCHEMA_CREATE, true),
                partitions(source),
                new WriterSettings(
                        positive(source, RecordedCallSettings.WRITER_QUEUE_CAPACITY, 10_000),
                        positive(source, RecordedCallSettings.WRITER_BATCH_SIZE, 500),
                        positive(source, RecordedCallSettings.WRITER_FLUSH_INTERVAL_MS, 200),
                        overflow(source),
                        positive(source, RecordedCallSettings.WRITER_OVERFLOW_WAIT_MS, 50),
                        positive(source, RecordedCallSettings.WRITER_DRAIN_TIMEOUT_MS, 10_000),
                        positive(source, RecordedCallSettings.WRITER_MAX_BACKOFF_MS, 30_000)),
                new ApiSettings(
                        bool(source, RecordedCallSettings.API_ENABLED, false),
                        Objects.requireNonNullElse(text(source, RecordedCallSettings.API_ROLE), "recorded-call-viewer"),
                        apiPath(source)),
                new RetentionSettings(
                        notNegative(source, RecordedCallSettings.RETENTION_MAX_AGE_DAYS, 0),
                        notNegative(source, RecordedCallSettings.RETENTION_MAX_ROWS, 0),
                        positive(source, RecordedCallSettings.RETENTION_INTERVAL_MS, 600_000),
                        positive(source, RecordedCallSettings.RETENTION_BATCH_SIZE, 500)),
                bool(source, RecordedCallSettings.ERRORS_ENABLED, false),
                items(Objects.requireNonNullElse(source.apply(RecordedCallSettings.APPLICATIONS), ""))
                        .collect(Collectors.toUnmodifiableSet()),
                bool(source, RecordedCallSettings.STORE_ENABLED, true),
                bool(source, RecordedCallSettings.STORE_POSTGRES_COPY, true),
                new HealthSettings(
                        positive(source, RecordedCallSettings.HEALTH_OUTAGE_SECONDS, 30),
                        positive(source, RecordedCallSettings.HEALTH_DROPPED_WINDOW_SECONDS, 300)),
                // MicroProfile Telemetry is off unless the application switches it on
                bool(source, RecordedCallSettings.TRACE_SPAN, !bool(source, "otel.sdk.disabled", true)));
    }

    /** Whether the application of this class is recorded whole by the setting. */
    public boolean recordsApplication(Class<?> application) {
        return applications.contains("*") || application != null && applications.contains(application.getName());
    }

    private static WriterSettings.Overflow overflow(UnaryOperator<String> source) {
        var key = RecordedCallSettings.WRITER_OVERFLOW;
        var value = source.apply(key);
        if (value == null || value.isBlank()) {
            return WriterSettings.Overflow.DROP;
        }
        try {
            return WriterSettings.Overflow.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            warnIgnored(key, value, "DROP, WAIT or WRITE_THROUGH", WriterSettings.Overflow.DROP);
            return WriterSettings.Overflow.DROP;
        }
    }

    private static Partitioning partitions(UnaryOperator<String> source) {
        var key = RecordedCallSettings.SCHEMA_PARTITIONS;
        var value = source.apply(key);
        if (value == null || value.isBlank()) {
            return Partitioning.NONE;
        }
        try {
            return Partitioning.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            warnIgnored(key, value, "none, daily or hourly", "none");
            return Partitioning.NONE;
        }
    }

    /** A key's value from this JVM: system property first, then environment variable. */
    static String systemValue(String key) {
        var value = System.getProperty(key);
        return value != null ? value : System.getenv(environmentName(key));
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static boolean bool(UnaryOperator<String> source, String key, boolean fallback) {
        var value = source.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        var trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(trimmed);
        }
        warnIgnored(key, value, "true or false", fallback);
        return fallback;
    }

    private static int positive(UnaryOperator<String> source, String key, int fallback) {
        return number(source, key, fallback, Integer::valueOf, parsed -> parsed > 0, "a positive integer");
    }

    private static long notNegative(UnaryOperator<String> source, String key, long fallback) {
        return number(source, key, fallback, Long::valueOf, parsed -> parsed >= 0, "zero or a positive integer");
    }

    private static double fraction(UnaryOperator<String> source, String key, double fallback) {
        return number(source, key, fallback, Double::valueOf, parsed -> parsed >= 0 && parsed <= 1,
                "a number from 0 to 1");
    }

    private static <N extends Number> N number(UnaryOperator<String> source, String key, N fallback,
                                               Function<String, N> parse, Predicate<N> valid, String expected) {
        var value = source.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            var parsed = parse.apply(value.trim());
            if (valid.test(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        warnIgnored(key, value, expected, fallback);
        return fallback;
    }

    private static List<String> paths(UnaryOperator<String> source, String key) {
        var value = source.apply(key);
        if (value == null) {
            return List.of();
        }
        return items(value)
                .map(path -> path.startsWith("/") ? path : "/" + path)
                .map(path -> path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
                .toList();
    }

    private static final java.util.regex.Pattern API_PATH = java.util.regex.Pattern.compile("(/[A-Za-z0-9._-]+)+");

    private static String apiPath(UnaryOperator<String> source) {
        var value = text(source, RecordedCallSettings.API_PATH);
        if (value == null) {
            return ApiSettings.DEFAULT_PATH;
        }
        var path = value.startsWith("/") ? value : "/" + value;
        path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!API_PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/..")) {
            warnIgnored(RecordedCallSettings.API_PATH, value, "a path of letters, digits, '-', '_' and '.' segments",
                    ApiSettings.DEFAULT_PATH);
            return ApiSettings.DEFAULT_PATH;
        }
        return path;
    }

    private static String text(UnaryOperator<String> source, String key) {
        var value = source.apply(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Set<String> names(UnaryOperator<String> source, String key, String fallback) {
        var value = source.apply(key);
        return items(value == null ? fallback : value)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The items of a comma-separated list, trimmed, empty ones left out. */
    private static Stream<String> items(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty());
    }

    private static void warnIgnored(String key, String value, String expected, Object fallback) {
        LOG.log(System.Logger.Level.WARNING,
                "recorded-call: setting {0}=''{1}'' is not {2}; using the default {3}. Fix the value to silence this warning.",
                key, value, expected, fallback);
    }
}

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The load driver of deploy/benchmark.sh: a separate process that talks plain HTTP/1.1 with
 * keep-alive to the demo on loopback, and prints every figure of the benchmark in one report.
 * Run by the script; its arguments are set there.
 *
 * <pre>java -cp postgresql.jar Bench.java PORT JDBC_URL SERVER_PID DB_CONTROL_SCRIPT</pre>
 */
public final class Bench {

    // the order every call sends; -Dbench.itemChars=N makes its item N characters long, which the
    // request body, the argument, the result and the response body then all carry (real bodies
    // are longer than the demo's 30 bytes: H2 keeps a CLOB over 256 bytes apart from its row)
    static final String ORDER = "{\"item\":\"" + item(Integer.getInteger("bench.itemChars", 4)) + "\",\"quantity\":2}";
    // -Dbench.requestIds=true: every call carries an X-Request-Id of its own, random, as many gateways
    // send one; the recorder keeps it as the call's correlation id (else the call's id, which grows with time)
    static final boolean REQUEST_IDS = Boolean.getBoolean("bench.requestIds");
    static final String RECORDED = "/demo/api/orders";
    // the same code unrecorded: its path routes like the recorded one's (UnrecordedOrdersResource)
    static final String UNRECORDED = "/demo/api/unseen";
    // the same, @NotRecorded: no interceptor binding at all (the bench profile's SkippedOrdersResource)
    static final String SKIPPED = "/demo/api/skipped";
    static final String WRITER = "/demo/api/recorder";

    static final int CONNECTIONS = Integer.getInteger("bench.connections", 4);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    static final int ROUND_SECONDS = Integer.getInteger("bench.roundSeconds", 3);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 20);
    static final int WRITER_WARMUP_RUNS = Integer.getInteger("bench.writerWarmupRuns", 5);
    static final int BATCHED_RECORDS = Integer.getInteger("bench.batchedRecords", 20_000);
    static final int NAIVE_RECORDS = Integer.getInteger("bench.naiveRecords", 2_000);
    // the library's default recordedcall.writer.batch-size
    static final int BATCH_SIZE = Integer.getInteger("bench.batchSize", 500);
    // the steady load on the unrecorded endpoint beside which the writer section's batches run again
    static final int LOAD_RATE = Integer.getInteger("bench.writerLoadRate", 2_000);
    // how long that load runs around each of those writer runs (which start a second into it)
    static final int LOAD_SECONDS = 6;
    static final int BURST = Integer.getInteger("bench.burst", 30_000);
    static final int UPLOAD_MB = Integer.getInteger("bench.uploadMb", 100);
    static final int UPLOAD_ROUNDS = Integer.getInteger("bench.uploadRounds", 3);
    // the server's recordedcall.body.max-bytes, when SERVER_OPTS changes it
    static final int BODY_CAP = Integer.getInteger("bench.bodyCap", 65_536);
    // "upload" runs only the upload's heap check (section 5), "query" only the query API on a million rows (6),
    // "calls" only the recorded against the unrecorded endpoint and the rows (1, 1b, 1c, 2), "bound" only 1c
    static final String ONLY = System.getProperty("bench.only", "");
    // requests of 1b slower than this are listed, with when they were due, in bench.slowLog, and its rounds with theirs
    static final long SLOW_NANOS = Long.getLong("bench.slowMillis", 10) * 1_000_000L;
    static final String SLOW_LOG = System.getProperty("bench.slowLog", "slow-requests.tsv");
    // the database's own process beside the server, whose CPU 1b prints too (PostgreSQL's postmaster; none for H2)
    static final String DB_PID = System.getProperty("bench.dbPid", "");
    static final long CLOCK_OFFSET_NANOS = clockOffsetNanos();
    final java.util.Queue<String> slow = new java.util.concurrent.ConcurrentLinkedQueue<>();
    static final int MILLION = Integer.getInteger("bench.queryRows", 1_000_000);
    // "capacity" (section 7): calls purged, and where the shipped DDL is (set by the script)
    static final int CAPACITY_ROWS = Integer.getInteger("bench.capacityRows", 10_000_000);
    static final String DDL = System.getProperty("bench.ddl", "src/main/resources/META-INF/recorded-call");

    final int port;
    final String jdbcUrl;
    final String serverPid;
    final String dbControl;
    long recordedCalls;

    static String item(int chars) {
        var item = new StringBuilder("book");
        while (item.length() < chars) {
            item.append(" and another book".substring(0, Math.min(17, chars - item.length())));
        }
        return item.substring(0, Math.max(1, chars));
    }

    Bench(String[] args) {
        port = Integer.parseInt(args[0]);
        jdbcUrl = args[1];
        serverPid = args[2];
        dbControl = args[3];
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Bench PORT JDBC_URL SERVER_PID DB_CONTROL_SCRIPT (run by deploy/benchmark.sh)");
            System.exit(2);
        }
        new Bench(args).run();
    }

    void run() throws Exception {
        if (ONLY.equals("upload")) {
            uploadHeap();
            return;
        }
        if (ONLY.equals("query")) {
            queryMillion();
            return;
        }
        if (ONLY.equals("writer")) {
            burst(1); // the writer's model record
            awaitQueueEmpty(60);
            // the writer's path warmed up as the full run's warm-up does before the calls' sections:
            // after one run of 20,000 the JIT is still compiling it (session 12: 7-10 µs a record, 4-6 warmed)
            for (int i = 0; i < WRITER_WARMUP_RUNS; i++) {
                writerRun(20_000, BATCH_SIZE);
            }
            writerSection();
            return;
        }
        if (ONLY.equals("capacity")) {
            burst(1); // the writers' model record
            awaitQueueEmpty(60);
            capacity();
            return;
        }
        System.out.printf(Locale.ROOT, "recorded-call benchmark: %d connections, %d rounds of %d s per endpoint, %d cores%s%n",
                CONNECTIONS, ROUNDS, ROUND_SECONDS, Runtime.getRuntime().availableProcessors(),
                REQUEST_IDS ? ", every call with a random X-Request-Id" : "");

        if (ONLY.equals("bound")) {
            unrecordedPaysNothing(); // 1c alone, its rounds as many as -Dbench.rounds says
            return;
        }

        // warm up both endpoints (JIT, pools, the writer) and drop the figures
        for (int i = 0; i < 4; i++) {
            drive(i % 2 == 0 ? RECORDED : UNRECORDED, WARMUP_SECONDS / 4.0);
        }
        // and the writer's own path (a transaction, the pool, the JDBC driver's batch), which the
        // calls above reach a few times a second only: without this the JIT is still compiling it
        // minutes later, and the writer runs as the JIT's profiling tier, during the measured rounds
        // (see the compiler's figures in 1b). Stored as the writer section's copies are, and not
        // counted among the calls (2.)
        for (int i = 0; i < WRITER_WARMUP_RUNS; i++) {
            writerRun(20_000, BATCH_SIZE);
        }

        // 1. recorded against unrecorded, interleaved round by round, the order alternating
        var saturated = interleaved(RECORDED, UNRECORDED, path -> drive(path, ROUND_SECONDS));
        var recorded = saturated[0];
        var unrecorded = saturated[1];
        System.out.println();
        System.out.println("1. Recorded vs unrecorded endpoint (POST /orders, JSON in and out), interleaved");
        System.out.printf(Locale.ROOT, "   unrecorded: %,10.0f req/s   p50 %6.3f ms   p99 %6.3f ms   (%,d calls)%n",
                unrecorded.throughput(), unrecorded.percentileMillis(50), unrecorded.percentileMillis(99), unrecorded.count());
        System.out.printf(Locale.ROOT, "   recorded:   %,10.0f req/s   p50 %6.3f ms   p99 %6.3f ms   (%,d calls)%n",
                recorded.throughput(), recorded.percentileMillis(50), recorded.percentileMillis(99), recorded.count());
        System.out.printf(Locale.ROOT, "   throughput ratio recorded/unrecorded: %.3f (target >= 0.80 on PostgreSQL, >= 0.75 on the embedded H2)%n",
                recorded.throughput() / unrecorded.throughput());
        System.out.printf(Locale.ROOT, "   p50 added: %+.3f ms   p99 added: %+.3f ms%n",
                recorded.percentileMillis(50) - unrecorded.percentileMillis(50),
                recorded.percentileMillis(99) - unrecorded.percentileMillis(99));

        // 1b. the same at a steady half of the unrecorded maximum: what a call costs when the
        // server is not saturated (latency measured from when each call was due: no coordinated omission)
        var rate = Math.floor(unrecorded.throughput() / 2 / 100) * 100;
        var writerCpuBefore = awaitQueueEmpty(60).get("cpuNanos");
        // one round of each at that rate first, not counted: the change from saturation to a steady
        // rate has a transient of its own, and so has the driver's first status request amid the
        // POSTs (a GET with another JSON answer: Flight Recorder showed the JIT compiler's code for
        // the POSTs dropped and compiled again just then, and a backlog of a second or two on the
        // round after it, whichever endpoint that was). No status request comes between these
        // rounds and the measured ones; the writer's CPU below spans both recorded rounds
        var settlingUnrecorded = driveAtRate(UNRECORDED, ROUND_SECONDS, rate);
        var settlingRecorded = driveAtRate(RECORDED, ROUND_SECONDS, rate);
        var atRate = interleaved(RECORDED, UNRECORDED, path -> driveAtRateMeasured(path, ROUND_SECONDS, rate));
        var recordedAtRate = atRate[0];
        var unrecordedAtRate = atRate[1];
        var writerCpuAfter = awaitQueueEmpty(60).get("cpuNanos");
        java.nio.file.Files.write(java.nio.file.Path.of(SLOW_LOG), slow);
        var writerCpu = writerCpuBefore < 0 ? Double.NaN : writerCpuAfter - writerCpuBefore;
        System.out.println();
        System.out.printf(Locale.ROOT, "1b. The same at a steady %,.0f req/s offered (half the unrecorded maximum), interleaved%n", rate);
        System.out.printf(Locale.ROOT, "   unrecorded: %,10.0f req/s   p50 %6.3f ms   p99 %6.3f ms   p99.9 %7.3f ms%n",
                unrecordedAtRate.throughput(), unrecordedAtRate.percentileMillis(50), unrecordedAtRate.percentileMillis(99),
                unrecordedAtRate.percentileMillis(99.9));
        System.out.printf(Locale.ROOT, "   recorded:   %,10.0f req/s   p50 %6.3f ms   p99 %6.3f ms   p99.9 %7.3f ms%n",
                recordedAtRate.throughput(), recordedAtRate.percentileMillis(50), recordedAtRate.percentileMillis(99),
                recordedAtRate.percentileMillis(99.9));
        System.out.printf(Locale.ROOT, "   throughput ratio: %.3f   p50 added: %+.3f ms   p99 added: %+.3f ms (target <= 1 ms)   "
                + "p99.9 added: %+.3f ms (target <= 5 ms)%n",
                recordedAtRate.throughput() / unrecordedAtRate.throughput(),
                recordedAtRate.percentileMillis(50) - unrecordedAtRate.percentileMillis(50),
                recordedAtRate.percentileMillis(99) - unrecordedAtRate.percentileMillis(99),
                recordedAtRate.percentileMillis(99.9) - unrecordedAtRate.percentileMillis(99.9));
        System.out.printf(Locale.ROOT, "   p99 round by round (ms): unrecorded %s; recorded %s; the settling rounds before them, "
                + "not counted: unrecorded %.1f, then recorded %.1f%n", String.join(" ", unrecordedAtRate.roundP99),
                String.join(" ", recordedAtRate.roundP99), settlingUnrecorded.percentileMillis(99), settlingRecorded.percentileMillis(99));
        var recordedCpu = recordedAtRate.cpuNanos / (double) recordedAtRate.count() / 1e3;
        var unrecordedCpu = unrecordedAtRate.cpuNanos / (double) unrecordedAtRate.count() / 1e3;
        var writerPerCall = writerCpu / (recordedAtRate.count() + settlingRecorded.count()) / 1e3;
        System.out.printf(Locale.ROOT, "   server CPU per call: unrecorded %.0f µs, recorded %.0f µs, added %.0f µs "
                + "(target <= 40 µs with PostgreSQL, <= 80 µs on the embedded H2)%n", unrecordedCpu, recordedCpu, recordedCpu - unrecordedCpu);
        System.out.printf(Locale.ROOT, "   of the added: the writer's flushes %.0f µs per call (ThreadMXBean), the rest %.0f µs "
                + "(split by the threads' kind below)%n",
                writerPerCall, recordedCpu - unrecordedCpu - writerPerCall);
        System.out.printf(Locale.ROOT, "   of which in the kernel: unrecorded %.0f µs, recorded %.0f µs, added %.0f µs;   "
                + "context switches per call: unrecorded %.2f, recorded %.2f, added %.2f%n",
                unrecordedAtRate.kernelNanos / (double) unrecordedAtRate.count() / 1e3,
                recordedAtRate.kernelNanos / (double) recordedAtRate.count() / 1e3,
                (recordedAtRate.kernelNanos / (double) recordedAtRate.count() - unrecordedAtRate.kernelNanos / (double) unrecordedAtRate.count()) / 1e3,
                unrecordedAtRate.switches / (double) unrecordedAtRate.count(), recordedAtRate.switches / (double) recordedAtRate.count(),
                recordedAtRate.switches / (double) recordedAtRate.count() - unrecordedAtRate.switches / (double) unrecordedAtRate.count());
        if (!DB_PID.isEmpty()) {
            var unrecordedDatabase = unrecordedAtRate.databaseNanos / (double) unrecordedAtRate.count() / 1e3;
            var recordedDatabase = recordedAtRate.databaseNanos / (double) recordedAtRate.count() / 1e3;
            System.out.printf(Locale.ROOT, "   beside the server, the database's processes (PostgreSQL on the same cores): unrecorded %.1f µs, "
                    + "recorded %.1f µs per call, added %+.1f µs; server and database together added %.0f µs%n",
                    unrecordedDatabase, recordedDatabase, recordedDatabase - unrecordedDatabase,
                    recordedCpu - unrecordedCpu + recordedDatabase - unrecordedDatabase);
        }
        // what the writer's, the observers' and the embedded H2's own threads did during the unrecorded
        // rounds is the recorded calls' work (an unrecorded call gives them none): the last flush of a
        // recorded round, and H2's background writer, which rewrites its file's chunks when the
        // database is idle, so mostly then; "added" above counted it against the unrecorded calls
        var recordsWork = (java.util.function.Predicate<String>) group -> isWriterThread(group) || isObserverThread(group)
                || isEmbeddedDatabase(group);
        var leftOver = unrecordedAtRate.nanosOf(recordsWork) / 1e3;
        System.out.printf(Locale.ROOT, "   recorded calls' work in the unrecorded rounds (the writer's, the observers' and the embedded "
                + "H2's threads): %.1f µs per unrecorded call, of it H2's %.1f µs; added with it counted as the recorded calls': "
                + "%.0f µs%n", leftOver / unrecordedAtRate.count(),
                unrecordedAtRate.nanosOf(Bench::isEmbeddedDatabase) / 1e3 / unrecordedAtRate.count(),
                recordedCpu - unrecordedCpu + leftOver / unrecordedAtRate.count() + leftOver / recordedAtRate.count());
        // issue 14's request-thread target is the request threads' own: the added CPU split by what the threads do
        // (from /proc, in the kernel's 10 ms ticks per thread: each part moves by a microsecond or so between runs)
        java.util.function.Predicate<String> other = group -> !isRequestThread(group) && !isObserverThread(group)
                && !isWriterThread(group) && !isCollector(group) && !isCompiler(group);
        System.out.printf(Locale.ROOT, "   the added CPU by the threads' kind: request threads (http-thread-pool, http-listener) %+.0f µs "
                + "(target <= 15 µs), event delivery to @ObservesAsync observers %+.0f µs, the writer %+.0f µs, "
                + "garbage collector %+.0f µs, JIT compiler %+.0f µs, others %+.0f µs%n",
                addedBy(unrecordedAtRate, recordedAtRate, Bench::isRequestThread),
                addedBy(unrecordedAtRate, recordedAtRate, Bench::isObserverThread),
                addedBy(unrecordedAtRate, recordedAtRate, Bench::isWriterThread),
                addedBy(unrecordedAtRate, recordedAtRate, Bench::isCollector),
                addedBy(unrecordedAtRate, recordedAtRate, Bench::isCompiler),
                addedBy(unrecordedAtRate, recordedAtRate, other));
        System.out.println("   CPU per call by the server's threads (µs; /proc/PID/task, names as the kernel keeps them, numbers as #):");
        var groups = new java.util.TreeSet<String>(recordedAtRate.threadNanos.keySet());
        groups.addAll(unrecordedAtRate.threadNanos.keySet());
        groups.stream()
                .sorted(java.util.Comparator.comparingDouble((String group) -> -(recordedAtRate.threadNanos.getOrDefault(group, 0L)
                        / (double) recordedAtRate.count())))
                .filter(group -> Math.max(recordedAtRate.threadNanos.getOrDefault(group, 0L) / (double) recordedAtRate.count(),
                        unrecordedAtRate.threadNanos.getOrDefault(group, 0L) / (double) unrecordedAtRate.count()) >= 1000)
                .forEach(group -> {
                    var unrec = unrecordedAtRate.threadNanos.getOrDefault(group, 0L) / (double) unrecordedAtRate.count() / 1e3;
                    var rec = recordedAtRate.threadNanos.getOrDefault(group, 0L) / (double) recordedAtRate.count() / 1e3;
                    System.out.printf(Locale.ROOT, "      %-18s unrecorded %6.1f   recorded %6.1f   added %+6.1f%n", group, unrec, rec, rec - unrec);
                });
        System.out.printf(Locale.ROOT, "   the JIT compiler's threads, µs per call round by round: unrecorded %s; recorded %s%n",
                String.join(" ", unrecordedAtRate.roundCompiler), String.join(" ", recordedAtRate.roundCompiler));
        // the compiler's part is the recorded path still being compiled, which a longer run leaves behind
        var compilerAdded = addedBy(unrecordedAtRate, recordedAtRate, Bench::isCompiler);
        System.out.printf(Locale.ROOT, "   added without the JIT compiler's threads: %.0f µs (the compiler's threads added %+.0f µs)%n",
                recordedCpu - unrecordedCpu - compilerAdded, compilerAdded);

        unrecordedPaysNothing();

        // 2. rows against calls
        var writer = awaitQueueEmpty(60);
        var rows = rows();
        System.out.println();
        System.out.println("2. Rows in the database vs recorded calls made");
        System.out.printf(Locale.ROOT, "   calls %,d   rows %,d   dropped %d   failed %d   -> %s%n", recordedCalls, rows,
                writer.get("dropped"), writer.get("failed"),
                rows == recordedCalls ? "equal" : "DIFFERENT by " + (rows - recordedCalls));
        if (ONLY.equals("calls")) {
            return;
        }

        writerSection();

        if (jdbcUrl.startsWith("jdbc:h2:")) {
            System.out.println();
            System.out.println("4. and 6. need PostgreSQL (an outage, a million rows by SQL): not run on the embedded H2");
            uploadHeap();
            return;
        }

        // 4. heap while the database is down and calls keep coming
        System.out.println();
        System.out.println("4. Heap with the database unavailable (queue capacity " + status().get("capacity") + ")");
        var baseline = heapUsedMb();
        System.out.printf(Locale.ROOT, "   heap used after GC, database up, queue empty: %,8.1f MB%n", baseline);
        db("stop");
        try {
            for (int burst = 1; burst <= 2; burst++) {
                var failures = burst(BURST);
                Thread.sleep(1_000);
                var state = status();
                var heap = heapUsedMb();
                System.out.printf(Locale.ROOT, "   after burst %d of %,d calls: %,8.1f MB (+%,.1f MB)   non-2xx responses %d   "
                        + "queue %s   dropped %s%n", burst, BURST, heap, heap - baseline, failures, state.get("queueDepth"),
                        state.get("dropped"));
            }
        } finally {
            db("start");
        }
        var before = status();
        var after = awaitQueueEmpty(180);
        var rowsAfter = rows();
        System.out.printf(Locale.ROOT, "   database back: queue emptied; written %s (was %s); rows %,d = calls %,d - dropped %s: %s%n",
                after.get("written"), before.get("written"), rowsAfter, recordedCalls, after.get("dropped"),
                rowsAfter == recordedCalls - after.get("dropped") ? "yes" : "NO");

        uploadHeap();
        queryMillion();
    }

    /**
     * 6. The query API on a million stored calls: synthetic rows spread over 30 days and 20
     * routes, inserted by PostgreSQL itself, then each query timed over HTTP (median of 5),
     * through the demo user. Deleted afterwards.
     */
    void queryMillion() throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "6. Query API on %,d stored calls (median of 5 over HTTP, demo user)%n", MILLION);
        try (var connection = DriverManager.getConnection(jdbcUrl); var sql = connection.createStatement()) {
            var started = System.nanoTime();
            sql.execute("insert into RECORDED_CALL (id, correlation_id, kind, operation, http_method, path, route, status,"
                    + " request_body_truncated, response_body_truncated, principal, started_at, ended_at, duration_nanos,"
                    + " outcome) select gen_random_uuid()::text, 'bench-million-' || n, 'HTTP', 'Bench#call',"
                    + " case when n % 4 = 0 then 'POST' else 'GET' end, '/api/r' || (n % 20) || '/' || n,"
                    + " '/api/r' || (n % 20) || '/{id}', case when n % 50 = 0 then 500 when n % 10 = 0 then 404 else 200 end,"
                    + " false, false, 'user' || (n % 100), now() - (n * interval '2592 milliseconds'),"
                    + " now() - (n * interval '2592 milliseconds') + ((n % 997) * interval '1 millisecond'),"
                    + " (n % 997) * 1000000, case when n % 50 = 0 then 'SERVER_ERROR' when n % 10 = 0 then 'CLIENT_ERROR'"
                    + " else 'SUCCESS' end from generate_series(1, " + MILLION + ") n");
            sql.execute("analyze RECORDED_CALL");
            System.out.printf(Locale.ROOT, "   inserted in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        try (var client = new Client(port)) {
            client.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
            var api = "/demo/recorded-calls/api/";
            timed(client, "first page, newest (50)", api + "calls?limit=50");
            var cursor = (String) null;
            for (int page = 0; page < 200; page++) { // walk 10 000 calls deep
                var body = client.request("GET", api + "calls?limit=50" + (cursor == null ? "" : "&after=" + cursor), null);
                cursor = body.replaceAll("(?s).*\"next\":\"([^\"]+)\".*", "$1");
            }
            timed(client, "page 201, newest, after 10 000 calls", api + "calls?limit=50&after=" + cursor);
            timed(client, "first page, slowest (50)", api + "calls?limit=50&order=SLOWEST");
            timed(client, "one route, status 500 (50 of 10 000)", api + "calls?limit=50&status=500&route=" + "%2Fapi%2Fr10%2F%7Bid%7D");
            timed(client, "one route, status 500: none match", api + "calls?limit=50&status=500&route=" + "%2Fapi%2Fr7%2F%7Bid%7D");
            timed(client, "one correlation id", api + "calls?correlationId=bench-million-123456");
            // the windows hold the synthetic calls and whatever this run recorded before
            statsTimed(client, "last hour", api + "stats?slowest=10");
            var dayAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
            statsTimed(client, "last day", api + "stats?slowest=10&from=" + dayAgo);
            var monthAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(31));
            statsTimed(client, "30 days", api + "stats?slowest=10&from=" + monthAgo);
            timed(client, "series, last hour, 60 buckets", api + "series");
        } finally {
            try (var connection = DriverManager.getConnection(jdbcUrl); var sql = connection.createStatement()) {
                sql.execute("delete from RECORDED_CALL where correlation_id like 'bench-million-%'");
            }
        }
    }

    /** Times a stats request, labelled with how many calls its window held. */
    void statsTimed(Client client, String window, String path) throws IOException {
        var body = client.request("GET", path, null);
        var count = body.replaceAll("(?s).*\"overall\":\\{[^}]*?\"count\":(\\d+).*", "$1");
        timed(client, String.format(Locale.ROOT, "stats, %s (%,d calls)", window, Long.parseLong(count)), path);
    }

    void timed(Client client, String what, String path) throws IOException {
        var times = new double[5];
        for (int i = 0; i < times.length; i++) {
            var start = System.nanoTime();
            client.request("GET", path, null);
            if (client.lastStatus != 200) {
                throw new IllegalStateException(what + ": status " + client.lastStatus);
            }
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "   %-42s %8.1f ms%n", what, median(times));
    }

    /**
     * 5. The server's live heap (after a full GC) while a large upload is half-way through
     * its stream, recorded and unrecorded: the recorder keeps at most its body cap of it.
     */
    void uploadHeap() throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "5. Live heap half-way through a %d MB upload read as a stream (text/plain; median of %d)%n",
                UPLOAD_MB, UPLOAD_ROUNDS);
        var idle = new double[UPLOAD_ROUNDS];
        var recorded = new double[UPLOAD_ROUNDS];
        var unrecorded = new double[UPLOAD_ROUNDS];
        for (int round = 0; round < UPLOAD_ROUNDS; round++) {
            awaitQueueEmpty(60); // the previous round's record, written and gone
            idle[round] = heapUsedMb();
            unrecorded[round] = heapMidUpload("/demo/api/_bench/upload/unrecorded");
            recorded[round] = heapMidUpload("/demo/api/_bench/upload/recorded");
            System.out.printf(Locale.ROOT, "   round %d: idle %,8.2f MB   unrecorded %,8.2f MB   recorded %,8.2f MB%n",
                    round + 1, idle[round], unrecorded[round], recorded[round]);
        }
        var difference = median(recorded) - median(unrecorded);
        System.out.printf(Locale.ROOT, "   median: idle %,8.2f MB   unrecorded %,8.2f MB   recorded %,8.2f MB%n",
                median(idle), median(unrecorded), median(recorded));
        var capMb = BODY_CAP / 1024.0 / 1024.0;
        // live-heap figures move by some hundred KB between runs, and a kept copy has some overhead:
        // "bounded" allows 10 % and half a megabyte above the cap (a body held whole would be 100 MB)
        System.out.printf(Locale.ROOT, "   recorded - unrecorded: %+,.2f MB for a %d MB body, body cap %,.2f MB -> %s%n",
                difference, UPLOAD_MB, capMb, difference <= capMb * 1.1 + 0.5 ? "bounded by the cap" : "ABOVE THE CAP");
    }

    /** Sends half of an upload, measures the server's live heap, sends the rest; returns the heap in MB. */
    double heapMidUpload(String path) throws Exception {
        long length = UPLOAD_MB * 1024L * 1024L;
        var chunk = new byte[65_536];
        Arrays.fill(chunk, (byte) 'a');
        try (var socket = new Socket("127.0.0.1", port)) {
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long sent = 0;
            for (; sent < length / 2; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
            Thread.sleep(500); // let the server catch up with what was sent
            var heap = heapUsedMb();
            for (; sent < length; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
            }
            out.flush();
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!answer.startsWith("HTTP/1.1 200") || !answer.endsWith(length + " bytes")) {
                throw new IllegalStateException("the upload was not read whole: " + answer);
            }
            return heap;
        }
    }

    /** The middle value; of an even number of values, the mean of the two in the middle (NaN of none). */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        var sorted = values.clone();
        Arrays.sort(sorted);
        var middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // ---- load

    /** 3. the batched writer against one transaction per record, through the same store. */
    void writerSection() throws Exception {
        // a warm-up run each, then the median of three (a batched run takes well under a second)
        var batched = medianWriterRun(BATCHED_RECORDS, BATCH_SIZE);
        var naive = medianWriterRun(NAIVE_RECORDS, 1);
        System.out.println();
        System.out.println("3. Writer: records stored per second (same store, same records)");
        // the statement is the store's: on PostgreSQL a COPY where it can (the server log says), one row an INSERT
        System.out.printf(Locale.ROOT, "   batched (%d per transaction):             %,10.0f records/s (%,d records), "
                + "writer CPU %.1f µs per record (target >= 60,000 records/s)%n",
                BATCH_SIZE, batched[0], BATCHED_RECORDS, batched[1]);
        System.out.printf(Locale.ROOT, "   naive (1 per transaction):                %,10.0f records/s (%,d records), "
                + "writer CPU %.1f µs per record%n", naive[0], NAIVE_RECORDS, naive[1]);
        System.out.printf(Locale.ROOT, "   ratio: %.1fx (target >= 20x)%n", batched[0] / naive[0]);
        // the same batches while the unrecorded endpoint takes a steady load on the same two cores: whether
        // sharing the machine with requests makes the writer's own work dearer (1b's writer meets, besides,
        // records the request threads left in memory up to a flush interval before, which these copies are not)
        var besideLoad = new java.util.ArrayList<double[]>();
        for (int i = 0; i < 3; i++) {
            var load = new java.util.concurrent.CompletableFuture<Void>();
            var driver = new Thread(() -> {
                try {
                    driveAtRate(UNRECORDED, LOAD_SECONDS, LOAD_RATE);
                    load.complete(null);
                } catch (Throwable e) {
                    load.completeExceptionally(e);
                }
            });
            driver.start();
            Thread.sleep(1_000);
            var started = System.nanoTime();
            besideLoad.add(writerRun(BATCHED_RECORDS, BATCH_SIZE));
            if (System.nanoTime() - started > (LOAD_SECONDS - 1) * 1_000_000_000L) {
                System.out.printf(Locale.ROOT, "   (a writer run outlasted the %d s of load: its figure is partly without it)%n",
                        LOAD_SECONDS);
            }
            load.get();
        }
        besideLoad.sort(java.util.Comparator.comparingDouble(run -> run[0]));
        System.out.printf(Locale.ROOT, "   batched, beside %,d unrecorded req/s:     %,10.0f records/s, writer CPU %.1f µs per record "
                + "(%,.0f / %,.0f / %,.0f records/s)%n", LOAD_RATE, besideLoad.get(1)[0], besideLoad.get(1)[1],
                besideLoad.get(0)[0], besideLoad.get(1)[0], besideLoad.get(2)[0]);
    }

    /**
     * 7. Capacity: the records per second one PostgreSQL takes from 1, 2 and 4 writers at once
     * (threads of the server, each with its own transactions and connection, as that many
     * instances would), then CAPACITY_ROWS calls older than the age (1 day, set by the script)
     * purged by the library's retention: deleted by batches from the plain table, then dropped
     * by partition from the table in the partitioned form (made with the shipped script).
     */
    void capacity() throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "7. Capacity: records per second into one PostgreSQL from several writers at once "
                + "(%d per transaction, %,d records a run, median of 3)%n", BATCH_SIZE, BATCHED_RECORDS);
        writerRun(BATCHED_RECORDS, BATCH_SIZE, 1);
        for (var writers : new int[] {1, 2, 4}) {
            var runs = new ArrayList<Double>();
            for (int i = 0; i < 3; i++) {
                runs.add(writerRun(BATCHED_RECORDS, BATCH_SIZE, writers)[0]);
            }
            runs.sort(null);
            System.out.printf(Locale.ROOT, "   %d writer(s): %,10.0f records/s   (%,.0f / %,.0f / %,.0f)%n", writers,
                    runs.get(1), runs.get(0), runs.get(1), runs.get(2));
        }
        try (var connection = DriverManager.getConnection(jdbcUrl); var sql = connection.createStatement()) {
            long calls;
            try (var result = sql.executeQuery("select count(*) from recorded_call")) {
                result.next();
                calls = result.getLong(1);
            }
            System.out.printf(Locale.ROOT, "   the table now: %,d calls of the demo's, %,.0f bytes each on disk with its indexes%n",
                    calls, tableBytes(sql) / (double) calls);
        }
        System.out.printf(Locale.ROOT, "   %,d calls (7 days of them) older than the age, purged by one run of the "
                + "library's retention:%n", CAPACITY_ROWS);
        purgeRun("plain table, deleted by batches");
        try (var connection = DriverManager.getConnection(jdbcUrl); var sql = connection.createStatement()) {
            // the partitioned form, as the README's upgrade makes it: the shipped script and DDL; the (empty) old
            // table it keeps as a partition is dropped, so that the days can have partitions of their own
            sql.execute("truncate recorded_call");
            sql.execute(java.nio.file.Files.readString(java.nio.file.Path.of(DDL, "postgresql-partition.sql")));
            sql.execute(java.nio.file.Files.readString(java.nio.file.Path.of(DDL, "postgresql.sql")));
            sql.execute("alter table recorded_call detach partition recorded_call_unpartitioned");
            sql.execute("drop table recorded_call_unpartitioned");
            // the days' partitions, as the library makes them ahead while it records
            for (int day = 8; day >= 0; day--) {
                var from = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                        .minus(java.time.Duration.ofDays(day));
                sql.execute("create table recorded_call_p" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")
                        .withZone(java.time.ZoneOffset.UTC).format(from) + " partition of recorded_call for values from ('"
                        + from + "') to ('" + from.plus(java.time.Duration.ofDays(1)) + "')");
            }
        }
        purgeRun("partitioned by day, dropped by partition");
    }

    /** CAPACITY_ROWS calls of 7 days that ended more than a day ago stored, then one purge timed; prints a line. */
    void purgeRun(String form) throws Exception {
        long before;
        double inserted;
        try (var connection = DriverManager.getConnection(jdbcUrl); var sql = connection.createStatement()) {
            var started = System.nanoTime();
            sql.execute("insert into RECORDED_CALL (id, correlation_id, kind, operation, http_method, path, route, status,"
                    + " request_body_truncated, response_body_truncated, principal, started_at, ended_at, duration_nanos,"
                    + " outcome, request_body, response_body) select gen_random_uuid()::text, 'bench-capacity-' || n, 'HTTP',"
                    + " 'Bench#call', 'POST', '/api/r' || (n % 20) || '/' || n, '/api/r' || (n % 20) || '/{id}', 201,"
                    + " false, false, 'user' || (n % 100), t, t + interval '1 millisecond', 1000000, 'SUCCESS',"
                    + " '{\"item\":\"book\",\"quantity\":' || n || '}', '{\"id\":' || n || ',\"item\":\"book\"}'"
                    + " from (select n, date_trunc('day', now()) - interval '8 days'"
                    + " + n * (interval '7 days' / " + CAPACITY_ROWS + ") as t from generate_series(0, " + (CAPACITY_ROWS - 1)
                    + ") n) calls");
            sql.execute("analyze RECORDED_CALL");
            inserted = (System.nanoTime() - started) / 1e9;
            before = tableBytes(sql);
        }
        String answer;
        try (var client = new Client(port)) {
            answer = client.request("POST", "/demo/api/_bench/writer/purge", null);
            if (client.lastStatus != 200) {
                throw new IllegalStateException("the purge failed: " + answer);
            }
        }
        long after;
        long left;
        try (var connection = DriverManager.getConnection(jdbcUrl); var sql = connection.createStatement()) {
            after = tableBytes(sql);
            try (var result = sql.executeQuery("select count(*) from RECORDED_CALL where correlation_id like 'bench-capacity-%'")) {
                result.next();
                left = result.getLong(1);
            }
        }
        var seconds = number(answer, "seconds");
        System.out.printf(Locale.ROOT, "   %-42s %,11.0f deleted in %7.1f s (%,9.0f calls/s), %,d left; table %,6.0f MB "
                + "before, %,6.0f MB after (stored in %.0f s)%n", form, number(answer, "deleted"), seconds,
                number(answer, "deleted") / seconds, left, before / 1e6, after / 1e6, inserted);
    }

    /** The table's bytes on disk, its partitions', indexes' and TOAST's included. */
    static long tableBytes(java.sql.Statement sql) throws java.sql.SQLException {
        try (var result = sql.executeQuery("select pg_total_relation_size('recorded_call') + coalesce((select "
                + "sum(pg_total_relation_size(inhrelid)) from pg_inherits where inhparent = 'recorded_call'::regclass), 0)")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Keeps CONNECTIONS clients busy on one endpoint for the given time; returns their latencies. */
    Figures drive(String path, double seconds) throws Exception {
        var figures = new Figures();
        var deadline = System.nanoTime() + (long) (seconds * 1e9);
        var threads = new ArrayList<Thread>();
        var lists = new ArrayList<long[]>();
        var counts = new int[CONNECTIONS];
        var errors = new AtomicLong();
        for (int c = 0; c < CONNECTIONS; c++) {
            var latencies = new long[1_000_000];
            lists.add(latencies);
            var index = c;
            var thread = new Thread(() -> {
                try (var client = new Client(port)) {
                    while (System.nanoTime() < deadline && counts[index] < latencies.length) {
                        var start = System.nanoTime();
                        var status = client.post(path, ORDER);
                        latencies[counts[index]++] = System.nanoTime() - start;
                        if (status != 201) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            });
            threads.add(thread);
        }
        var started = System.nanoTime();
        threads.forEach(Thread::start);
        for (var thread : threads) {
            thread.join();
        }
        var elapsed = System.nanoTime() - started;
        for (int c = 0; c < CONNECTIONS; c++) {
            figures.latencies.add(Arrays.copyOf(lists.get(c), counts[c]));
        }
        figures.nanos = elapsed;
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " calls to " + path + " failed");
        }
        if (path.equals(RECORDED)) {
            recordedCalls += figures.count();
        }
        return figures;
    }

    /** The wall clock minus System.nanoTime(), in nanoseconds, taken once. */
    static long clockOffsetNanos() {
        var now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    /** The wall-clock time, in nanoseconds since the epoch, of a {@link System#nanoTime()} reading. */
    static long epochNanos(long nanoTime) {
        return CLOCK_OFFSET_NANOS + nanoTime;
    }

    /**
     * Offers {@code rate} calls per second over CONNECTIONS clients, each call due at its slot;
     * a call's latency counts from when it was due, so a stall shows in the figures.
     */
    Figures driveAtRate(String path, double seconds, double rate) throws Exception {
        var figures = new Figures();
        var interval = (long) (1e9 * CONNECTIONS / rate);
        var start = System.nanoTime();
        var end = start + (long) (seconds * 1e9);
        var threads = new ArrayList<Thread>();
        var lists = new ArrayList<long[]>();
        var counts = new int[CONNECTIONS];
        var errors = new AtomicLong();
        for (int c = 0; c < CONNECTIONS; c++) {
            var latencies = new long[(int) (seconds * rate / CONNECTIONS) + 16];
            lists.add(latencies);
            var index = c;
            var thread = new Thread(() -> {
                try (var client = new Client(port)) {
                    for (long due = start + interval * index / CONNECTIONS; due < end && counts[index] < latencies.length;
                         due += interval) {
                        var wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        if (client.post(path, ORDER) != 201) {
                            errors.incrementAndGet();
                        }
                        var latency = System.nanoTime() - due;
                        latencies[counts[index]++] = latency;
                        if (latency > SLOW_NANOS) {
                            // when it was due, on the wall clock, to line it up with the server's recording
                            slow.add(String.format(Locale.ROOT, "%d\t%.3f\t%s", epochNanos(due), latency / 1e6, path));
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (var thread : threads) {
            thread.join();
        }
        figures.nanos = System.nanoTime() - start;
        for (int c = 0; c < CONNECTIONS; c++) {
            figures.latencies.add(Arrays.copyOf(lists.get(c), counts[c]));
        }
        // the round itself, for the stall finder to count the collections in each endpoint's rounds
        slow.add(String.format(Locale.ROOT, "round\t%d\t%d\t%s\t%d", epochNanos(start), epochNanos(start + figures.nanos),
                path, figures.count()));
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " calls to " + path + " failed");
        }
        if (path.equals(RECORDED)) {
            recordedCalls += figures.count();
        }
        return figures;
    }

    /**
     * {@link #driveAtRate}, with the server process's CPU time over the round (user + system,
     * from /proc): a writer flush that runs on after a round counts to the next one.
     */
    Figures driveAtRateMeasured(String path, double seconds, double rate) throws Exception {
        var before = serverCpu();
        var databaseBefore = databaseCpuNanos();
        var figures = driveAtRate(path, seconds, rate);
        figures.addCpu(serverCpu().minus(before));
        figures.databaseNanos += databaseCpuNanos() - databaseBefore;
        return figures;
    }

    /**
     * The CPU time so far of the database's processes beside the server (PostgreSQL's postmaster,
     * bench.dbPid, and the processes it started: the backends serving the server's pool, its
     * background workers), from /proc; 0 where the database runs inside the server (H2). The
     * time of children that ended is in the postmaster's own figures for its children, so the
     * sum only grows.
     */
    long databaseCpuNanos() throws IOException {
        if (DB_PID.isEmpty()) {
            return 0;
        }
        long ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var process : (Iterable<java.nio.file.Path>) processes::iterator) {
                var pid = process.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    var line = java.nio.file.Files.readString(process.resolve("stat"));
                    var after = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    // after the command name: the parent's pid is field 4, utime 14, stime 15, and the
                    // ended children's cutime 16 and cstime 17 (1-based over the line)
                    if (pid.equals(DB_PID)) {
                        ticks += Long.parseLong(after[11]) + Long.parseLong(after[12]) + Long.parseLong(after[13])
                                + Long.parseLong(after[14]);
                    } else if (after[1].equals(DB_PID)) {
                        ticks += Long.parseLong(after[11]) + Long.parseLong(after[12]);
                    }
                } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException ended) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks * 10_000_000L;
    }

    /** {@link #drive}, with the server process's CPU time over the round. */
    Figures driveMeasured(String path, double seconds) throws Exception {
        var before = serverCpu();
        var figures = drive(path, seconds);
        figures.addCpu(serverCpu().minus(before));
        return figures;
    }

    /**
     * The server process's CPU so far: user and kernel time from /proc/PID/stat (clock ticks of
     * 10 ms); each thread's CPU from /proc/PID/task/TID/stat, and the context switches of all of
     * them from .../status. A thread that ended between two readings takes its figures with it:
     * the server's threads live for the run.
     */
    ServerCpu serverCpu() throws IOException {
        var stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", serverPid, "stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command name: state is field 3, utime 14 and stime 15 (1-based over the whole line)
        long switches = 0;
        var threads = new java.util.HashMap<String, ThreadCpu>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc", serverPid, "task"))) {
            for (var task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                try {
                    var line = java.nio.file.Files.readString(task.resolve("stat"));
                    var after = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    threads.put(task.getFileName().toString(), new ThreadCpu(threadGroup(line.substring(line.indexOf('(') + 1,
                            line.lastIndexOf(')'))), (Long.parseLong(after[11]) + Long.parseLong(after[12])) * 10_000_000L));
                    for (var status : java.nio.file.Files.readAllLines(task.resolve("status"))) {
                        if (status.startsWith("voluntary_ctxt_switches:") || status.startsWith("nonvoluntary_ctxt_switches:")) {
                            switches += Long.parseLong(status.substring(status.indexOf(':') + 1).trim());
                        }
                    }
                } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return new ServerCpu(Long.parseLong(fields[11]) * 10_000_000L, Long.parseLong(fields[12]) * 10_000_000L, switches, threads);
    }

    /** A thread's name as the kernel keeps it (15 characters), its numbers taken out: one name for a pool's threads. */
    static String threadGroup(String comm) {
        return comm.replaceAll("[0-9]+", "#");
    }

    /** The CPU per call that the threads of the groups chosen added, recorded against unrecorded, in µs. */
    static double addedBy(Figures unrecorded, Figures recorded, java.util.function.Predicate<String> groups) {
        return (recorded.nanosOf(groups) / (double) recorded.count() - unrecorded.nanosOf(groups) / (double) unrecorded.count()) / 1e3;
    }

    /** The request threads: Payara's pool that serves requests, and Grizzly's threads that read and write them. */
    static boolean isRequestThread(String group) {
        return group.startsWith("http-");
    }

    /** The threads that deliver the events to {@code @ObservesAsync} observers (recorded-call-observer-N). */
    static boolean isObserverThread(String group) {
        return group.startsWith("recorded-call-o");
    }

    /** The embedded H2's own threads: H2-serialization, H2-save, its MVStore background writer. */
    static boolean isEmbeddedDatabase(String group) {
        return group.startsWith("H#-") || group.startsWith("MVStore");
    }

    /** The writer's thread (recorded-call-writer). */
    static boolean isWriterThread(String group) {
        return group.startsWith("recorded-call-w");
    }

    /** G1's threads, as grouped here: GC Thread##, G# Conc##, G# Refine##, G# Service, G# Main Marker. */
    static boolean isCollector(String group) {
        return group.startsWith("GC Thread") || group.startsWith("G# ");
    }

    /** The JIT compiler's threads: C# CompilerThre (the kernel keeps 15 characters of a name). */
    static boolean isCompiler(String group) {
        return group.contains("CompilerThre");
    }

    record ThreadCpu(String group, long nanos) {
    }

    /** The server's CPU over a stretch: user and kernel nanoseconds, its threads' context switches, CPU by thread. */
    record ServerCpu(long userNanos, long kernelNanos, long switches, Map<String, ThreadCpu> threads) {
        ServerCpu minus(ServerCpu earlier) {
            var delta = new java.util.HashMap<String, ThreadCpu>();
            threads.forEach((tid, now) -> {
                var then = earlier.threads.get(tid);
                delta.put(tid, new ThreadCpu(now.group(), now.nanos() - (then == null ? 0 : then.nanos())));
            });
            return new ServerCpu(userNanos - earlier.userNanos, kernelNanos - earlier.kernelNanos, switches - earlier.switches, delta);
        }

        /** CPU nanoseconds by group of threads. */
        Map<String, Long> byGroup() {
            var groups = new java.util.TreeMap<String, Long>();
            threads.values().forEach(thread -> groups.merge(thread.group(), thread.nanos(), Long::sum));
            return groups;
        }
    }

    /** Sends {@code calls} recorded calls as fast as it can; returns how many were not answered 201. */
    long burst(int calls) throws Exception {
        var next = new AtomicLong();
        var made = new AtomicLong();
        var failures = new AtomicLong();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < CONNECTIONS; c++) {
            var thread = new Thread(() -> {
                try (var client = new Client(port)) {
                    while (next.getAndIncrement() < calls) {
                        if (client.post(RECORDED, ORDER) != 201) {
                            failures.incrementAndGet();
                        }
                        made.incrementAndGet();
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (var thread : threads) {
            thread.join();
        }
        recordedCalls += made.get();
        return failures.get();
    }

    /** Latencies of many clients over a stretch of time. */
    static final class Figures {
        final List<long[]> latencies = new ArrayList<>();
        long nanos;
        long cpuNanos;
        long kernelNanos;
        long switches;
        long databaseNanos;
        final Map<String, Long> threadNanos = new java.util.TreeMap<>();
        final List<Double> roundThroughputs = new ArrayList<>();
        final List<Double> roundCpuMicros = new ArrayList<>();
        final List<String> roundCompiler = new ArrayList<>();
        final List<String> roundP99 = new ArrayList<>();

        void add(Figures other) {
            roundThroughputs.add(other.throughput());
            roundCpuMicros.add(other.cpuNanos / (double) Math.max(1, other.count()) / 1e3);
            roundP99.add(String.format(Locale.ROOT, "%.1f", other.percentileMillis(99)));
            roundCompiler.add(String.format(Locale.ROOT, "%.0f", other.nanosOf(Bench::isCompiler) / (double) Math.max(1, other.count()) / 1e3));
            latencies.addAll(other.latencies);
            nanos += other.nanos;
            cpuNanos += other.cpuNanos;
            kernelNanos += other.kernelNanos;
            switches += other.switches;
            databaseNanos += other.databaseNanos;
            other.threadNanos.forEach((group, nanos) -> threadNanos.merge(group, nanos, Long::sum));
        }

        void addCpu(ServerCpu cpu) {
            cpuNanos += cpu.userNanos() + cpu.kernelNanos();
            kernelNanos += cpu.kernelNanos();
            switches += cpu.switches();
            cpu.byGroup().forEach((group, nanos) -> threadNanos.merge(group, nanos, Long::sum));
        }

        long count() {
            return latencies.stream().mapToLong(each -> each.length).sum();
        }

        /** The CPU time of the threads of the groups chosen. */
        long nanosOf(java.util.function.Predicate<String> groups) {
            return threadNanos.entrySet().stream().filter(group -> groups.test(group.getKey())).mapToLong(Map.Entry::getValue).sum();
        }

        double throughput() {
            return count() / (nanos / 1e9);
        }

        /** This one's throughput over the other's, round by round: the spread of the ratio. */
        List<Double> roundRatios(Figures other) {
            return pairs(other, round -> roundThroughputs.get(round) / other.roundThroughputs.get(round));
        }

        /** This one's CPU per call minus the other's (µs), round by round. */
        List<Double> roundCpuAdded(Figures other) {
            return pairs(other, round -> roundCpuMicros.get(round) - other.roundCpuMicros.get(round));
        }

        /** A figure of each round this one and the other both ran, by the round's number. */
        private List<Double> pairs(Figures other, java.util.function.IntToDoubleFunction figure) {
            var values = new ArrayList<Double>();
            for (int i = 0; i < Math.min(roundThroughputs.size(), other.roundThroughputs.size()); i++) {
                values.add(figure.applyAsDouble(i));
            }
            return values;
        }

        double percentileMillis(double percentile) {
            var all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            var index = (int) Math.ceil(percentile / 100.0 * all.length) - 1;
            return all[Math.max(0, index)] / 1e6;
        }
    }

    // ---- the server and the database

    long rows() throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl);
             var statement = connection.createStatement();
             var result = statement.executeQuery("select count(*) from RECORDED_CALL where correlation_id is null "
                     + "or (correlation_id not like 'bench-writer-%' and correlation_id not like 'bench-million-%')")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** One round of load on an endpoint. */
    interface Round {
        Figures drive(String path) throws Exception;
    }

    /**
     * 1c. An endpoint no call records, with the library's interceptor binding (as every resource
     * gets it) against one the binding skips (@NotRecorded): saturated, interleaved. Besides the
     * ratio of all rounds, the rounds' own: their median and the 95% interval of their mean, and the
     * same for the CPU per call, since one round moves by several percent on this machine and the
     * target is a difference of one.
     */
    void unrecordedPaysNothing() throws Exception {
        // both warmed up first: the skipped endpoint is called nowhere else, and its first round was cold
        for (int i = 0; i < 4; i++) {
            drive(i % 2 == 0 ? UNRECORDED : SKIPPED, WARMUP_SECONDS / 4.0);
        }
        var pair = interleaved(UNRECORDED, SKIPPED, path -> driveMeasured(path, ROUND_SECONDS));
        var bound = pair[0];
        var skipped = pair[1];
        System.out.println();
        System.out.println("1c. Unrecorded endpoints pay nothing: bound by the library vs skipped by it (@NotRecorded), saturated");
        System.out.printf(Locale.ROOT, "   skipped: %,10.0f req/s   server CPU %.1f µs per call%n", skipped.throughput(),
                skipped.cpuNanos / (double) skipped.count() / 1e3);
        System.out.printf(Locale.ROOT, "   bound:   %,10.0f req/s   server CPU %.1f µs per call%n", bound.throughput(),
                bound.cpuNanos / (double) bound.count() / 1e3);
        var ratios = bound.roundRatios(skipped);
        var rounds = new java.util.StringJoiner(" ");
        ratios.forEach(ratio -> rounds.add(String.format(Locale.ROOT, "%.3f", ratio)));
        System.out.printf(Locale.ROOT, "   throughput ratio bound/skipped: %.3f (target >= 0.99); rounds bound/skipped: %s%n",
                bound.throughput() / skipped.throughput(), rounds);
        System.out.printf(Locale.ROOT, "   the rounds' ratios: median %.3f, mean %s; CPU per call bound minus skipped, "
                + "round by round: mean %s µs (%d pairs of rounds, 95%% intervals)%n",
                median(ratios.stream().mapToDouble(Double::doubleValue).toArray()), Spread.of(ratios).format("%.3f"),
                Spread.of(bound.roundCpuAdded(skipped)).format("%+.1f"), ratios.size());
    }

    /** A sample's mean and the half-width of its 95% interval (Student's t). */
    record Spread(double mean, double halfWidth) {
        // t(0.975) for 1 to 30 degrees of freedom; above, the normal's 1.96
        private static final double[] T = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

        static Spread of(List<Double> values) {
            var n = values.size();
            var mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            if (n < 2) {
                return new Spread(mean, Double.NaN);
            }
            var variance = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum() / (n - 1);
            var t = n - 1 <= T.length ? T[n - 2] : 1.96;
            return new Spread(mean, t * Math.sqrt(variance / n));
        }

        String format(String number) {
            return String.format(Locale.ROOT, number + " ± " + number.replace("+", ""), mean, halfWidth);
        }
    }

    /** ROUNDS rounds on each of two endpoints, interleaved, the order alternating; their figures, a's first. */
    Figures[] interleaved(String a, String b, Round round) throws Exception {
        var first = new Figures();
        var second = new Figures();
        for (int i = 0; i < ROUNDS; i++) {
            var aFirst = i % 2 == 0;
            (aFirst ? first : second).add(round.drive(aFirst ? a : b));
            (aFirst ? second : first).add(round.drive(aFirst ? b : a));
        }
        return new Figures[] {first, second};
    }

    /** After one warm-up run, the run of median rate among three; prints all three rates. */
    double[] medianWriterRun(int records, int batch) throws Exception {
        writerRun(records, batch);
        var runs = new java.util.ArrayList<double[]>();
        for (int i = 0; i < 3; i++) {
            runs.add(writerRun(records, batch));
        }
        runs.sort(java.util.Comparator.comparingDouble(run -> run[0]));
        System.out.printf(Locale.ROOT, "   (writer, %d per transaction: %,.0f / %,.0f / %,.0f records/s)%n", batch,
                runs.get(0)[0], runs.get(1)[0], runs.get(2)[0]);
        return runs.get(1);
    }

    /** Records per second and the writer thread's CPU in µs per record. */
    double[] writerRun(int records, int batch) throws Exception {
        return writerRun(records, batch, 1);
    }

    /** The same from {@code writers} writers at once (the CPU per record only for one). */
    double[] writerRun(int records, int batch, int writers) throws Exception {
        try (var client = new Client(port)) {
            var response = client.request("POST", "/demo/api/_bench/writer?records=" + records + "&batch=" + batch
                    + "&threads=" + writers, null);
            if (client.lastStatus != 200) {
                throw new IllegalStateException("writer benchmark failed: " + response);
            }
            return new double[] {number(response, "recordsPerSecond"),
                    writers == 1 ? number(response, "cpuMicrosPerRecord") : Double.NaN};
        }
    }

    /** The writer's counters, from the demo's health endpoint, and the queue capacity. */
    java.util.Map<String, Long> status() throws IOException {
        try (var client = new Client(port)) {
            var json = client.request("GET", WRITER, null);
            var counters = new java.util.LinkedHashMap<String, Long>();
            for (var name : List.of("accepted", "written", "dropped", "failed", "retried", "queueDepth")) {
                counters.put(name, (long) number(json, name));
            }
            // the writer's CPU time: a library from before it was counted has none (-1)
            counters.put("cpuNanos", json.contains("\"cpuNanos\"") ? (long) number(json, "cpuNanos") : -1L);
            counters.put("capacity", Long.getLong("bench.queueCapacity", 10_000));
            return counters;
        }
    }

    java.util.Map<String, Long> awaitQueueEmpty(int seconds) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            var status = status();
            if (status.get("queueDepth") == 0) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the writer's queue did not empty within " + seconds + " s: " + status);
            }
            Thread.sleep(200);
        }
    }

    double heapUsedMb() throws Exception {
        run("jcmd", serverPid, "GC.run");
        var info = run("jcmd", serverPid, "GC.heap_info");
        var matcher = Pattern.compile("used (\\d+)K").matcher(info);
        if (!matcher.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(matcher.group(1)) / 1024.0;
    }

    void db(String command) throws Exception {
        run("bash", dbControl, command);
    }

    static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    static double number(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*([0-9.Ee+-]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /**
     * One keep-alive HTTP/1.1 connection, opened again when the server closes it (Payara closes
     * a connection after a number of requests); just enough HTTP for the demo's answers.
     */
    static final class Client implements AutoCloseable {
        final int port;
        Socket socket;
        OutputStream out;
        InputStream in;
        int lastStatus;
        String authorization;

        Client(int port) throws IOException {
            this.port = port;
            connect();
        }

        private void connect() throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
        }

        /** A random UUID, as a gateway makes one, without {@code SecureRandom}'s cost in the driver. */
        private static String randomRequestId() {
            var random = java.util.concurrent.ThreadLocalRandom.current();
            return new java.util.UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L).toString();
        }

        int post(String path, String json) throws IOException {
            request("POST", path, json);
            return lastStatus;
        }

        String request(String method, String path, String json) throws IOException {
            var body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            var head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + (REQUEST_IDS ? "X-Request-Id: " + randomRequestId() + "\r\n" : "")
                    + (json == null ? "" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            var status = line();
            if (status == null) {
                throw new IOException("connection closed");
            }
            lastStatus = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            var chunked = false;
            var closing = false;
            for (var header = line(); header != null && !header.isEmpty(); header = line()) {
                var lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            String content;
            if (chunked) {
                var chunks = new StringBuilder();
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    chunks.append(new String(in.readNBytes((int) size), StandardCharsets.UTF_8));
                    line();
                }
                line();
                content = chunks.toString();
            } else {
                content = length <= 0 ? "" : new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
            }
            if (closing) {
                socket.close();
                connect();
            }
            return content;
        }

        private String line() throws IOException {
            var line = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    var length = line.length();
                    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

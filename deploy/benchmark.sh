#!/usr/bin/env bash
# The recorder's benchmark: starts the demo on Payara Micro, storing its records in a
# PostgreSQL of its own on loopback, drives load from a second process (deploy/bench/Bench.java,
# plain HTTP/1.1 with keep-alive) and prints, from one run:
#   1. throughput and p50/p99 latency of the recorded POST /orders and of the same endpoint
#      unrecorded, interleaved round by round, and their ratio; 1b. the same at half the
#      unrecorded maximum, with the server's CPU per call (split into kernel time, context switches,
#      and each group of the server's threads, the JIT compiler's round by round) and PostgreSQL's processes' CPU
#      per call beside it; 1c. an unrecorded endpoint with the
#      library's interceptor binding against one the binding skips (@NotRecorded)
#   2. rows in the database against recorded calls made
#   3. records stored per second by the batched writer against one transaction per record, and
#      by the batched writer again beside a steady load on the unrecorded endpoint
#   4. the server's heap while the database is down and calls keep coming
#   5. the server's live heap half-way through a 100 MB upload, recorded and unrecorded
#   6. the query API's answer times on a million stored calls
#   7. capacity: records per second one PostgreSQL takes from 1, 2 and 4 writers at once, and
#      10 million calls older than the age purged: deleted by batches from the plain table, and
#      dropped by partition from the partitioned form (issue 19; only with bench.only=capacity)
# Needs Java 17, Maven and PostgreSQL's server binaries (Debian: apt-get install postgresql).
#   deploy/benchmark.sh                      # report also in deploy/demo/target/bench/report.txt
#   BENCH_OPTS="-Dbench.rounds=4" deploy/benchmark.sh                   # driver settings (Bench.java)
#   BENCH_OPTS="-Dbench.only=upload" deploy/benchmark.sh                # only 5., in half a minute
#   BENCH_OPTS="-Dbench.only=query" deploy/benchmark.sh                 # only 6.
#   BENCH_OPTS="-Dbench.only=calls" deploy/benchmark.sh                 # only 1., 1b., 1c. and 2.
#   BENCH_OPTS="-Dbench.only=writer" deploy/benchmark.sh                # only 3.
#   BENCH_OPTS="-Dbench.only=bound -Dbench.rounds=20" deploy/benchmark.sh # only 1c., with more rounds
#   BENCH_OPTS="-Dbench.only=capacity" deploy/benchmark.sh              # only 7. (-Dbench.capacityRows=N to purge
#                                            # fewer than 10 million; ~6 GB of disk and 10 minutes at 10 million)
#   SERVER_OPTS="-Drecordedcall.writer.batch-size=200" deploy/benchmark.sh # recorder settings
#   PROFILE=1 BENCH_OPTS="-Dbench.only=calls" deploy/benchmark.sh      # + Flight Recorder and a GC log: where the server's CPU went
#                                            # (by thread, and the library's own work on the request threads),
#                                            # GC pauses, writer flushes, and what ran while 1b's slow requests waited
#   BENCH_OPTS="-Dbench.itemChars=1500" deploy/benchmark.sh          # orders 1,500 characters long, not 30 bytes
#   BENCH_OPTS="-Dbench.requestIds=true" deploy/benchmark.sh          # every call with a random X-Request-Id, as gateways
#                                            # send one (the correlation id; else the call's own, which grows with time)
#   BENCH_DB=h2 deploy/benchmark.sh          # the embedded default instead: the demo on the server's own H2
#                                            # (sections 1, 1b, 2, 3 and 5; 4 and 6 need PostgreSQL)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${PORT:-8080}"
pg_port="${BENCH_PG_PORT:-15434}"
work="$here/demo/target/bench"
pg_dir="$work/postgres"
postgres="$root/src-it/postgres/postgres.sh"

echo "building the library and the demo (with the benchmark's endpoint) ..."
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -q -f "$here/demo/pom.xml" package -Pbench
rm -rf "$pg_dir" "$work/server.log" "$work/report.txt" "$work/micro-root" "$work/slow-requests.tsv" "$work/gc.log" "$work/driver-gc.log"
mkdir -p "$work"

bench_props=()
if [[ "${BENCH_DB:-postgresql}" == "h2" ]]; then
    # the demo as a new user first runs it: records on Payara Micro's default datasource, an H2
    # file under the instance root, which the driver reads through H2's automatic server mode
    store_opts=(--rootdir "$work/micro-root")
    server_props=()
    jdbc_url="jdbc:h2:$work/micro-root/lib/databases/embedded_default;AUTO_SERVER=TRUE"
    driver_jar="$work/h2.jar"
    printf '#!/usr/bin/env bash\necho "no database outage with the embedded H2" >&2; exit 1\n' > "$work/db.sh"
else
    store_opts=(--addlibs "$work/postgresql.jar" --postbootcommandfile "$work/postboot.asadmin")
    server_props=(-Drecordedcall.datasource=jdbc/records)
    if [[ "${BENCH_OPTS:-}" == *bench.only=capacity* ]]; then
        # 7.'s purge deletes what is older than a day (and no cap: the demo's is 100,000), when the driver asks
        server_props+=(-Drecordedcall.retention.max-age-days=1 -Drecordedcall.retention.max-rows=0
                       -Drecordedcall.retention.interval-ms=86400000)
    fi
    jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/records?user=recorded&password=recorded"
    driver_jar="$work/postgresql.jar"

bash "$postgres" start "$pg_dir" "$pg_port"
# the postmaster, whose processes' CPU 1b prints beside the server's
bench_props+=(-Dbench.dbPid="$(head -n 1 "$pg_dir/data/postmaster.pid")")
cat > "$work/db.sh" <<EOF
#!/usr/bin/env bash
# the benchmark's database outage: db.sh stop | start
case "\$1" in
    stop) bash "$postgres" stop "$pg_dir" ;;
    start) bash "$postgres" resume "$pg_dir" "$pg_port" ;;
esac
EOF

# the server's own pool on PostgreSQL, checked before use so that it recovers after an outage
cat > "$work/postboot.asadmin" <<EOF
create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 32 --isconnectvalidatereq true --validationmethod custom-validation --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection true --property user=recorded:password=recorded:serverName=127.0.0.1:portNumber=$pg_port:databaseName=records:reWriteBatchedInserts=true RecordsPool
create-jdbc-resource --connectionpoolid RecordsPool jdbc/records
EOF
fi

server=""
cleanup() {
    if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
        kill "$server"
        wait "$server" 2>/dev/null || true
    fi
    bash "$postgres" stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "starting Payara Micro on port $port (log in $work/server.log) ..."
# shellcheck disable=SC2086
profile_opts=""
driver_opts=""
if [[ -n "${PROFILE:-}" ]]; then
    # the load driver's own pauses too: a request waits for them as for the server's
    driver_opts="-Xlog:gc,safepoint:file=$work/driver-gc.log:time,tags"
    profile_opts="-XX:StartFlightRecording=filename=$work/server.jfr,settings=profile,dumponexit=true -Xlog:gc*,safepoint:file=$work/gc.log:time,tags"
fi
java -Xmx1g "${server_props[@]}" ${SERVER_OPTS:-} $profile_opts \
    -jar "$here/demo/target/servers/payara-micro.jar" \
    --deploy "$here/demo/target/demo.war" --contextroot demo --port "$port" --nocluster --disablephonehome \
    "${store_opts[@]}" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://localhost:$port/demo/api/recorder" && break
    kill -0 "$server" 2>/dev/null || { echo "Payara Micro ended; see $work/server.log" >&2; exit 1; }
    sleep 1
done
curl -sf -o /dev/null "http://localhost:$port/demo/api/recorder" || { echo "the demo did not start" >&2; exit 1; }

# shellcheck disable=SC2086
java $driver_opts -Dbench.slowLog="$work/slow-requests.tsv" "${bench_props[@]}" -Dbench.ddl="$root/src/main/resources/META-INF/recorded-call" ${BENCH_OPTS:-} -cp "$driver_jar" "$here/bench/Bench.java" \
    "$port" "$jdbc_url" "$server" "$work/db.sh" \
    | tee "$work/report.txt"
if [[ -n "${PROFILE:-}" ]]; then
    kill "$server" && wait "$server" 2>/dev/null || true
    server=""
    echo
    echo "profile of the server over the whole run ($work/server.jfr), from jdk.ExecutionSample:"
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$work/server.jfr" | awk '
        /stackTrace = \[/ { samples++; getline; sub(/^[ \t]+/, ""); sub(/ +line:.*/, ""); top[$0]++; stack = $0; next }
        /^[ \t]*\]/ { if (stack != "") { if (stack ~ /ServiceLoader|ContextSetupProviderImpl|ContextServiceImpl/) capture++;
                    if (stack ~ /org\.recordedcall\.internal\.persistence\./) writer++; if (stack ~ /org\.eclipse\.persistence\./) eclipselink++ } stack = ""; next }
        { stack = stack $0 }
        END {
            printf "   samples %d; with a frame of: context capture (ServiceLoader, context setup) %.1f%%, the writer (org.recordedcall.internal.persistence) %.1f%%, EclipseLink %.1f%%\n",
                samples, 100 * capture / samples, 100 * writer / samples, 100 * eclipselink / samples
            print "   top frames (self):"
            for (f in top) printf "%7.1f%%  %s\n", 100 * top[f] / samples, f | "sort -rn | head -n 15"
        }'
    echo "   samples by thread, and the library's own work on the request threads (samples whose deepest library"
    echo "   frame is not one that only passes the call on: the servlet filter, the body interceptors and streams, the method's proceed):"
    jfr print --stack-depth 96 --events jdk.ExecutionSample "$work/server.jfr" | awk '
        /^jdk.ExecutionSample/ { inside = 1; stack = ""; thread = ""; next }
        inside && /sampledThread =/ { thread = $0; next }
        inside && /stackTrace = \[/ { frames = 1; next }
        inside && frames && /^[ \t]*\]/ {
            frames = 0; inside = 0; all++
            if (thread ~ /http-thread-pool/ && stack ~ /WriterBenchmarkResource/) benchWriter++
            else if (thread ~ /http-thread-pool/) {
                requests++
                n = split(stack, frame, "\n"); deepest = ""; callee = ""
                for (i = 1; i <= n; i++) if (frame[i] ~ /org\.recordedcall\.(internal\.|CallRecord)/) { deepest = frame[i]; if (i > 1) callee = frame[i - 1]; break }
                sub(/^[ \t]+/, "", deepest); sub(/\(.*/, "", deepest)
                # frames that only pass the call on: what runs under them is the runtime'\''s or the application'\''s work
                passing = deepest ~ /RecordingServletFilter\.doFilter$|EntityCapture\.aroundReadFrom$|ResponseBodyInterceptor\.aroundWriteTo$|RecordedCallInterceptor\.(aroundInvoke|record|proceed)$|TeeOutputStream\.(close|flush)$|TeeInputStream\.close$/ \
                    || deepest ~ /RecordedCallInterceptor\.observe$/ && callee ~ /\.proceed\(/ \
                    || deepest ~ /Tee(Output|Input)Stream\.(write|read)$/ && callee !~ /CappedBuffer/
                if (deepest != "" && !passing) {
                    own++; where[deepest]++
                }
            } else if (thread ~ /recorded-call-writer|ScheduledExecutor/) writer++
            else if (thread ~ /defaultManagedThreadFactory|recorded-call-observer/) observers++
            next
        }
        inside && frames { stack = stack "\n" $0; next }
        END {
            printf "   samples %d: request threads %d (and %d in the writer runs of the warm-up), the writer %d, the observer threads %d\n",
                all, requests, benchWriter, writer, observers
            printf "   the library'\''s own work: %d of the request threads'\'' samples (%.1f%%), by its deepest method:\n", own, 100 * own / requests
            for (f in where) printf "%7d  %s\n", where[f], f | "sort -rn | head -n 12"
        }'
    echo "   pauses of the garbage collector (longest pause of each collection) and the writer's flushes:"
    jfr print --events jdk.GarbageCollection,org.recordedcall.WriterFlush "$work/server.jfr" | awk '
        function ms(value, unit) {
            if (unit == "s") return value * 1000; if (unit == "ms") return value;
            if (unit == "us" || unit == "µs") return value / 1000; if (unit == "ns") return value / 1e6; return value
        }
        /^[A-Za-z.]+ \{/ { type = $1 }
        type == "jdk.GarbageCollection" && $1 == "longestPause" { gc[++gcs] = ms($3, $4) }
        type == "org.recordedcall.WriterFlush" && $1 == "duration" { flush[++flushes] = ms($3, $4) }
        type == "org.recordedcall.WriterFlush" && $1 == "calls" { calls += $3 }
        function report(name, values, n,    i, j, t) {
            if (n == 0) { printf "   %-28s none\n", name; return }
            for (i = 2; i <= n; i++) { t = values[i]; for (j = i - 1; j >= 1 && values[j] > t; j--) values[j + 1] = values[j]; values[j + 1] = t }
            printf "   %-28s %6d   p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms\n", name, n, values[int(n * 0.5) + (n * 0.5 > int(n * 0.5))],
                values[int(n * 0.99) + (n * 0.99 > int(n * 0.99))], values[n]
        }
        END {
            report("GC pauses", gc, gcs)
            report("writer flushes", flush, flushes)
            if (flushes > 0) printf "   %-28s %6.0f calls per flush on average\n", "", calls / flushes
        }'
    if [[ -s "$work/slow-requests.tsv" ]]; then
        # what the server was doing while the slow requests of 1b waited, the flushes' histogram, 1b's
        # top frames, its heap allocated per call and allocation sites, and the GC log's safepoints
        # (deploy/bench/Stalls.java)
        # shellcheck disable=SC2086
        java ${BENCH_OPTS:-} "$here/bench/Stalls.java" "$work/server.jfr" "$work/slow-requests.tsv" "$work/gc.log" "$work/driver-gc.log"
    fi
fi
if grep -q -i -E "warn|severe" "$work/server.log"; then
    echo
    echo "server warnings (expected: the writer's while the database was down):"
    grep -i -E "warn|severe" "$work/server.log" | cut -c1-240 | sort | uniq -c | sort -rn | head -n 8
fi

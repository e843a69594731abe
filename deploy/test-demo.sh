#!/usr/bin/env bash
# The demo, started the way the README says (deploy/run-demo.sh [wildfly]), on each server:
# it must print its address, answer its landing page, record an order and give that call back
# through the query API and the dashboard to demo/demo (and to nobody signed out), the call in the
# server's OpenTelemetry span (Telemetry switched on by system properties), and show the
# recorder's readiness check UP. Its records
# go to target/demo-test/<server>, not to deploy/data. 'mvn install' runs it after the
# integration tests, once the library is installed (-DskipTests skips it).
#   deploy/test-demo.sh                 # both servers
#   deploy/test-demo.sh wildfly         # one
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${DEMO_TEST_PORT:-18780}"
work="$root/target/demo-test"
base="http://localhost:$port/demo"
(( $# )) || set -- payara wildfly
telemetry="-Dotel.sdk.disabled=false -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none"
traceparent="00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

fail() {
    echo "demo test ($1): $2; the demo's output:" >&2
    sed 's/^/    /' "$work/$1.log" >&2 || true
    stop
    exit 1
}

pid=""
stop() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true # run-demo.sh stops its server and waits for it
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    pid=""
}
trap stop EXIT

# the status, or 000 when nothing answered (never a failed command: set -e would end the script unexplained)
status_of() { curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$@" || true; }

for server in "$@"; do
    rm -rf "${work:?}/$server" "$work/$server.log"
    mkdir -p "$work"
    started=$SECONDS
    # MicroProfile Telemetry switched on for the demo (nothing exported): a call joins the server's span
    PORT="$port" MANAGEMENT_PORT="$((port + 1000))" DATA="$work/$server" DEMO_JAVA_OPTIONS="$telemetry" \
        setsid "$here/run-demo.sh" "$server" >"$work/$server.log" 2>&1 &
    pid=$!
    until grep -qs "the demo answers at http://localhost:$port/demo/" "$work/$server.log"; do
        kill -0 "$pid" 2>/dev/null || fail "$server" "run-demo.sh ended before printing the demo's address"
        (( SECONDS - started < 420 )) || fail "$server" "no address printed within 420 s"
        sleep 1
    done
    answered=$((SECONDS - started))

    landing="$(curl -sf "$base/")" || fail "$server" "the landing page does not answer"
    grep -q 'recorded-calls/dashboard' <<<"$landing" || fail "$server" "the landing page does not lead to the dashboard"
    id="demo-test-$server-$RANDOM$RANDOM"
    created="$(status_of -X POST -H 'Content-Type: application/json' -H "X-Request-Id: $id" \
        -H "traceparent: $traceparent" -d '{"item":"book","quantity":2}' "$base/api/orders")"
    [[ "$created" == 201 ]] || fail "$server" "POST /api/orders answered $created, not 201"
    call=""
    for _ in $(seq 50); do
        call="$(curl -sf -u demo:demo "$base/recorded-calls/api/calls?correlationId=$id")" || call=""
        grep -q "\"correlationId\":\"$id\"" <<<"$call" && break
        sleep 0.2
    done
    grep -q "\"correlationId\":\"$id\"" <<<"$call" || fail "$server" "the order's call is not in the API's answer: $call"
    grep -q '"httpMethod":"POST"' <<<"$call" && grep -q '"status":201' <<<"$call" \
        || fail "$server" "the call read back is not the POST that answered 201: $call"
    # the server's span of the client's trace: the trace the header began, a span id of the server's own
    whole="$(curl -sf --max-time 10 -u demo:demo "$base/recorded-calls/api/calls?full=true&correlationId=$id" || true)"
    grep -q '"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"' <<<"$whole" \
        && grep -Eq '"spanId":"[0-9a-f]{16}"' <<<"$whole" && ! grep -q '"spanId":"00f067aa0ba902b7"' <<<"$whole" \
        || fail "$server" "the call did not join the server's span of the client's trace: $whole"
    [[ "$(status_of -u demo:demo "$base/recorded-calls/dashboard")" == 200 ]] || fail "$server" "the dashboard does not answer demo/demo"
    [[ "$(status_of -u demo:demo "$base/recorded-calls/uplot/uPlot.iife.min.js")" == 200 ]] || fail "$server" "no chart library"
    # the library's readiness check in the server's MicroProfile Health (the WildFly demo runs
    # WildFly's MicroProfile configuration, whose health endpoint is at the management port)
    if [[ "$server" == payara ]]; then ready="http://localhost:$port/health/ready"; else ready="http://localhost:$((port + 1000))/health/ready"; fi
    health="$(curl -s --max-time 10 "$ready" || true)"
    grep -q '"name":"recorded-call","status":"UP"' <<<"${health// /}" \
        || fail "$server" "no recorded-call check UP at $ready: $health"
    [[ "$(status_of "$base/recorded-calls/api/calls")" == 401 ]] || fail "$server" "the API answers without signing in"
    [[ "$(status_of -u demo:wrong "$base/recorded-calls/api/calls")" == 401 ]] || fail "$server" "a wrong password is let in"
    stop
    echo "demo test ($server): the address printed $answered s after the start, the order's call read back as demo/demo, its span and the readiness check recorded-call UP"
done

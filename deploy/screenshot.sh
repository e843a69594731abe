#!/usr/bin/env bash
# The README's picture of the dashboard: against a running demo (deploy/run-demo.sh), sends a
# few minutes of mixed calls (orders made and read, unknown orders, failing invoices, invalid
# orders, at a rate that changes), then takes the dashboard with the headless Chromium the
# tests use, signed in as demo/demo, into docs/dashboard.png.
#   deploy/screenshot.sh              # 4 minutes of calls, then the picture
#   SECONDS_OF_CALLS=0 deploy/screenshot.sh   # the picture of what is there
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${PORT:-8080}"
api="http://localhost:$port/demo/api"
curl -sf -o /dev/null "http://localhost:$port/demo/" || { echo "no demo at port $port: start deploy/run-demo.sh first" >&2; exit 1; }

json='Content-Type: application/json'
end=$((SECONDS + ${SECONDS_OF_CALLS:-240}))
ids=()
round=0
while (( SECONDS < end )); do
    round=$((round + 1))
    id="$(curl -s -D - -o /dev/null -X POST -H "$json" -d "{\"item\":\"book-$round\",\"quantity\":$((round % 5 + 1))}" \
        "$api/orders" | tr -d '\r' | sed -n 's#^[Ll]ocation: .*orders/##p')"
    [[ -n "$id" ]] && ids+=("$id")
    if (( ${#ids[@]} == 0 )); then
        sleep 1
        continue
    fi
    for _ in 1 2 3; do curl -s -o /dev/null "$api/orders/${ids[RANDOM % ${#ids[@]}]}"; done
    (( round % 4 == 0 )) && curl -s -o /dev/null "$api/orders/nope"
    (( round % 9 == 0 )) && curl -s -o /dev/null "$api/orders/${ids[RANDOM % ${#ids[@]}]}/invoice"
    (( round % 7 == 0 )) && curl -s -o /dev/null -X POST -H "$json" -d '{"item":"","quantity":0}' "$api/orders"
    # a rate that changes every forty rounds, so that the chart has a shape
    sleep "$(( (round / 40) % 2 )).$((RANDOM % 9 + 1))"
done
echo "$round rounds of calls sent"

mkdir -p "$root/docs"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,900 \
    --force-device-scale-factor=1 --virtual-time-budget=8000 --user-data-dir="$profile" \
    --screenshot="$root/docs/dashboard.png" \
    "http://demo:demo@localhost:$port/demo/recorded-calls/dashboard#window=15m" 2>/dev/null
echo "the dashboard is in docs/dashboard.png"

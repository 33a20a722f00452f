#!/usr/bin/env bash
# A bounded soak of the sample app on loopback: MINUTES one-minute wrk segments (default 10) of a
# mix of sign-ins (good and bad), refreshes, API-key calls, bearer calls and denied requests
# (benchmarks/load/soak.lua), with every Palisade feature on its defaults (audit sync with
# request authentications batched, rate limits with budgets raised so the load is not throttled
# away, Actuator and observations on). After each minute it forces a full GC in the app and prints
# the heap in use then, so a leak shows as a line that keeps rising after the warm-up.
# What the app keeps on purpose is bounded in time for the soak: a refresh family (one entry with
# its newest token's hash) lives at most 2 minutes and is swept every 30 s,
# instead of the sample's 30 days; the verified-token cache is bounded by size. So after the first
# WARMUP minutes (default 3) the retained data no longer grows and the heap after GC must not either.
# Prints one line per minute and a verdict: 0 responses >= 500, 0 socket errors, and the heap
# after the last minute within 25% of the heap after minute WARMUP.
#
#   ./mvnw -q -pl sample-app -am package -DskipTests
#   benchmarks/load/soak.sh [minutes] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/load/sample-client.sh
MINUTES=${1:-10}
CONNECTIONS=${2:-8}
WARMUP=${WARMUP:-3}
PORT=${PORT:-18090}
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
command -v jcmd >/dev/null || { echo "jcmd (from the JDK) is needed" >&2; exit 2; }

java ${JAVA_OPTS:--Xmx512m} -jar sample-app/target/palisade-sample-app.jar --server.port="$PORT" \
  --palisade.tokens.signing.directory="$WORK/keys" --palisade.audit.path="$WORK/audit" --logging.level.root=WARN \
  '--palisade.rate-limit.pre-auth-policies[0].name=token-endpoint' '--palisade.rate-limit.pre-auth-policies[0].paths=/auth/token' \
  '--palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=100000000' '--palisade.rate-limit.pre-auth-policies[0].limits[0].period=1m' \
  '--palisade.rate-limit.policies[0].name=api' '--palisade.rate-limit.policies[0].paths=/api/**' \
  '--palisade.rate-limit.policies[0].key-by=subject' '--palisade.rate-limit.policies[0].limits[0].capacity=100000000' \
  '--palisade.rate-limit.policies[0].limits[0].period=1m' \
  --palisade.refresh.absolute-lifetime=2m --palisade.refresh.idle-timeout=1m --palisade.refresh.sweep.interval=30s \
  >"$WORK/app.log" 2>&1 &
APP=$!
trap 'rc=$?; kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"; exit $rc' EXIT
base="http://127.0.0.1:$PORT"
wait_for "$base/api/v1/ping"
export SOAK_ACCESS_TOKEN; SOAK_ACCESS_TOKEN=$(token_of "$base" acme-dev)
ADMIN=$(token_of "$base" acme-admin)
export SOAK_API_KEY; SOAK_API_KEY=$(new_api_key "$base" "$ADMIN" soak)

heap_after_gc() { # MB in use after a full GC
  jcmd "$APP" GC.run >/dev/null
  jcmd "$APP" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit}}'
}
total5=0; totalsock=0; first=""; last=""
printf '%-6s %9s %8s %8s %8s %6s %6s %8s %9s\n' minute req/s 2xx 4xx 429 5xx sock p99_ms heap_MB
for minute in $(seq 1 "$MINUTES"); do
  out=$(wrk -t2 -c"$CONNECTIONS" -d60s -s benchmarks/load/soak.lua "$base")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  line=$(grep '^SOAK' <<<"$out")
  get() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$line"; }
  heap=$(heap_after_gc)
  [ "$minute" -eq "$WARMUP" ] && first=$heap
  last=$heap
  total5=$((total5 + $(get 5xx))); totalsock=$((totalsock + $(get socket_errors)))
  printf '%-6s %9s %8s %8s %8s %6s %6s %8s %9s\n' "$minute" "$rps" "$(get 2xx)" "$(get 4xx)" "$(get 429)" "$(get 5xx)" \
    "$(get socket_errors)" "$(get p99_ms)" "$heap"
done
growth=$(awk -v a="${first:-0}" -v b="$last" 'BEGIN {printf "%.2f", (a > 0) ? b / a : 0}')
echo "responses >= 500: $total5, socket errors: $totalsock, heap after GC: minute $WARMUP ${first} MB, last ${last} MB (${growth}x)"
if [ "$total5" -eq 0 ] && [ "$totalsock" -eq 0 ] && awk -v g="$growth" 'BEGIN {exit !(g <= 1.25)}'; then
  echo "SOAK PASSED"
else
  echo "SOAK FAILED (app log: the last lines follow)"; tail -20 "$WORK/app.log"; exit 1
fi

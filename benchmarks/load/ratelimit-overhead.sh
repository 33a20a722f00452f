#!/usr/bin/env bash
# Requests/s of GET /api/v1/me with a bearer token through the whole chain with rate limiting on
# (a per-user policy far above the load, so every request is counted and none is refused) and off
# (palisade.rate-limit.enabled=false), measured with wrk on loopback.
# The audit log is off in both runs so that only rate limiting differs. Prints both and the
# overhead ratio. Bounded: two app starts, two 15 s runs, then it stops.
#
#   ./mvnw -q -pl sample-app -am package -DskipTests
#   benchmarks/load/ratelimit-overhead.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15}
CONNECTIONS=${2:-32}
PORT=${PORT:-18081}
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
APP=
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; rm -rf "$WORK"' EXIT

# $1: label, remaining arguments: extra application arguments. Prints requests/s.
measure() {
  local label=$1; shift
  java -jar sample-app/target/palisade-sample-app.jar --server.port="$PORT" \
    --palisade.tokens.signing.directory="$WORK/keys" --logging.level.root=WARN \
    --palisade.audit.enabled=false "$@" >"$WORK/$label.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/api/v1/ping" >/dev/null 2>&1 && break
    sleep 0.5
  done
  local token
  token=$(curl -sf -d grant_type=password -d username=acme-dev -d password=acme-dev-password \
    "http://127.0.0.1:$PORT/auth/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/me" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/me" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$PORT/api/v1/me" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx: " $NF > "/dev/stderr"}'
  kill $APP; wait $APP 2>/dev/null || true; APP=
}

# one policy counting every /api request per user, far above what one machine can send; it is
# given whole on the command line because Spring Boot binds a list from one property source only
ON=$(measure on --palisade.rate-limit.policies[0].name=load --palisade.rate-limit.policies[0].paths=/api/** \
  --palisade.rate-limit.policies[0].key-by=subject \
  --palisade.rate-limit.policies[0].limits[0].capacity=1000000000 \
  --palisade.rate-limit.policies[0].limits[0].period=1s)
OFF=$(measure off --palisade.rate-limit.enabled=false)
echo "GET /api/v1/me, rate limiting on  : $ON req/s"
echo "GET /api/v1/me, rate limiting off : $OFF req/s"
awk -v a="$OFF" -v b="$ON" 'BEGIN { printf "overhead ratio (off / on): %.2fx\n", a / b }'

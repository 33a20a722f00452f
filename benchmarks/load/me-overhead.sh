#!/usr/bin/env bash
# Requests/s through Palisade's chain on loopback with wrk, in one run:
#   GET /api/v1/ping without a credential (a public path: the chain, no authentication)
#   GET /api/v1/ping with a bearer token (the same endpoint plus token authentication)
#   GET /api/v1/me with a bearer token (authentication, an access rule, a JSON body)
# and the ratios. The two /ping runs isolate the cost of authentication. Bounded: three runs of
# the given duration after short warm-ups, then it stops.
#
#   ./mvnw -q -pl sample-app -am package -DskipTests
#   benchmarks/load/me-overhead.sh [duration-seconds] [connections] [extra sample-app arguments...]
# e.g. --palisade.audit.enabled=false to measure authentication without the audit log
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15}
CONNECTIONS=${2:-32}
shift 2 2>/dev/null || shift $# # the rest are passed to the sample app
PORT=${PORT:-18080}
KEYS=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

java -jar sample-app/target/palisade-sample-app.jar --server.port="$PORT" \
  --palisade.tokens.signing.directory="$KEYS" --logging.level.root=WARN \
  --palisade.rate-limit.enabled=false --palisade.audit.path="$KEYS/audit" "$@" >"$KEYS/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$KEYS"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/v1/ping" >/dev/null 2>&1 && break
  sleep 0.5
done

TOKEN=$(curl -sf -d grant_type=password -d username=acme-dev -d password=acme-dev-password \
  "http://127.0.0.1:$PORT/auth/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/me" >/dev/null

# warm up both paths, then measure
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/me" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT/api/v1/ping" >/dev/null
ME=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/api/v1/me" | awk '/Requests\/sec/ {print $2}')
OPEN=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$PORT/api/v1/ping" | awk '/Requests\/sec/ {print $2}')
PING_BEARER=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/api/v1/ping" | awk '/Requests\/sec/ {print $2}')
echo "GET /api/v1/ping, no credential : $OPEN req/s"
echo "GET /api/v1/ping with bearer    : $PING_BEARER req/s"
echo "GET /api/v1/me with bearer      : $ME req/s"
awk -v a="$OPEN" -v b="$PING_BEARER" 'BEGIN { printf "authentication overhead (ping / ping+bearer): %.2fx\n", a / b }'
awk -v a="$OPEN" -v b="$ME" 'BEGIN { printf "ping / me: %.2fx\n", a / b }'

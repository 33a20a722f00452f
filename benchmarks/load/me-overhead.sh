#!/usr/bin/env bash
# Requests/s through Palisade's whole chain on loopback with wrk, in one run of the sample app:
#   OPEN   GET /api/v1/me/example  no credential, the same JSON body built by the same code
#   TOKEN  GET /api/v1/me          bearer access token (ES256, the sample's default)
#   KEY    GET /api/v1/me          API key in X-API-Key
# Each is measured ROUNDS times, alternated (open, token, key, open, ...), after warm-ups, and
# the script prints the medians and the ratios token/open and key/open. The app runs on its
# defaults (audit on, durability sync, request authentications off, Actuator and
# observations on) except rate limiting, which is off: the sample's plans allow 100 req/s.
#
#   ./mvnw -q -pl sample-app -am package -DskipTests
#   benchmarks/load/me-overhead.sh [duration-seconds] [connections] [extra sample-app arguments...]
# e.g. --palisade.audit.request-authentications=sync to measure every request waiting for an fsync
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/load/sample-client.sh
DURATION=${1:-10}
CONNECTIONS=${2:-32}
shift 2 2>/dev/null || shift $# # the rest are passed to the sample app
PORT=${PORT:-18080}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

java ${JAVA_OPTS:-} -jar sample-app/target/palisade-sample-app.jar --server.port="$PORT" \
  --palisade.tokens.signing.directory="$WORK/keys" --logging.level.root=WARN \
  --palisade.rate-limit.enabled=false --palisade.audit.path="$WORK/audit" "$@" >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
base="http://127.0.0.1:$PORT"
wait_for "$base/api/v1/ping"
TOKEN=$(token_of "$base" acme-dev)
ADMIN=$(token_of "$base" acme-admin)
KEY=$(new_api_key "$base" "$ADMIN" load)
curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/me" >/dev/null
curl -sf -H "X-API-Key: $KEY" "$base/api/v1/me" >/dev/null
curl -sf "$base/api/v1/me/example" >/dev/null

run() { # name duration [wrk header]
  local name=$1 duration=$2; shift 2
  local path=/api/v1/me; [ "$name" = open ] && path=/api/v1/me/example
  wrk -t2 -c"$CONNECTIONS" -d"${duration}s" "$@" "$base$path" | awk '/Requests\/sec/ {print $2}'
}
WARM=${WARM:-10}
run open "$WARM" >/dev/null; run token "$WARM" -H "Authorization: Bearer $TOKEN" >/dev/null; run key "$WARM" -H "X-API-Key: $KEY" >/dev/null
: >"$WORK/open"; : >"$WORK/token"; : >"$WORK/key"
for round in $(seq 1 "$ROUNDS"); do
  run open "$DURATION" >>"$WORK/open"
  run token "$DURATION" -H "Authorization: Bearer $TOKEN" >>"$WORK/token"
  run key "$DURATION" -H "X-API-Key: $KEY" >>"$WORK/key"
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
OPEN=$(median "$WORK/open"); TOK=$(median "$WORK/token"); KY=$(median "$WORK/key")
echo "runs (req/s): open $(paste -sd' ' "$WORK/open") | token $(paste -sd' ' "$WORK/token") | key $(paste -sd' ' "$WORK/key")"
echo "GET /api/v1/me/example, no credential : $OPEN req/s (median of $ROUNDS)"
echo "GET /api/v1/me, bearer token          : $TOK req/s"
echo "GET /api/v1/me, API key               : $KY req/s"
awk -v o="$OPEN" -v t="$TOK" -v k="$KY" 'BEGIN { printf "token / open: %.2fx   key / open: %.2fx\n", t / o, k / o }'

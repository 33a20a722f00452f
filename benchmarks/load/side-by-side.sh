#!/usr/bin/env bash
# Palisade's JWT path against a hand-configured stock Spring Security resource server, in one run.
# Starts the sample (RS256 tokens, otherwise its defaults: audit on, Actuator and observations on;
# rate limiting off because the sample's plans allow 100 req/s) and benchmarks/stock-resource-server
# (NimbusJwtDecoder with the sample's RS256 public key, issuer/audience/time checks, Actuator on),
# takes one token from the sample, and measures GET /api/v1/me with it on both, alternated, with
# wrk on loopback. Prints the medians and the ratio Palisade / stock. The open endpoint
# /api/v1/me/example of both is measured too, to show what each chain costs over no credential.
#
#   ./mvnw -q -pl sample-app -am package -DskipTests
#   ./mvnw -q -Pbenchmarks -pl benchmarks/stock-resource-server -am package -DskipTests
#   benchmarks/load/side-by-side.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/load/sample-client.sh
DURATION=${1:-10}
CONNECTIONS=${2:-32}
ROUNDS=${ROUNDS:-3}
WARM=${WARM:-10}
SAMPLE_PORT=${SAMPLE_PORT:-18080}
STOCK_PORT=${STOCK_PORT:-18081}
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
STOCK_JAR=benchmarks/stock-resource-server/target/stock-resource-server.jar
[ -f "$STOCK_JAR" ] || { echo "build $STOCK_JAR first (see the header of this script)" >&2; exit 2; }

ISSUER="http://localhost:$SAMPLE_PORT"
java ${JAVA_OPTS:-} -jar sample-app/target/palisade-sample-app.jar --server.port="$SAMPLE_PORT" \
  --palisade.tokens.signing.algorithm=RS256 --palisade.tokens.signing.directory="$WORK/keys" \
  --logging.level.root=WARN --palisade.rate-limit.enabled=false --palisade.audit.path="$WORK/audit" \
  >"$WORK/sample.log" 2>&1 &
SAMPLE=$!
trap 'kill $SAMPLE ${STOCK:-} 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for "http://127.0.0.1:$SAMPLE_PORT/api/v1/ping"
curl -sf "http://127.0.0.1:$SAMPLE_PORT/.well-known/jwks.json" >"$WORK/jwks.json"

java ${JAVA_OPTS:-} -jar "$STOCK_JAR" --server.port="$STOCK_PORT" --logging.level.root=WARN \
  --stock.jwks-file="$WORK/jwks.json" --stock.issuer="$ISSUER" --stock.audience=palisade-sample \
  >"$WORK/stock.log" 2>&1 &
STOCK=$!
wait_for "http://127.0.0.1:$STOCK_PORT/api/v1/me/example"

TOKEN=$(curl -sf -d grant_type=password -d username=acme-dev -d password=acme-dev-password \
  "http://127.0.0.1:$SAMPLE_PORT/auth/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
for port in "$SAMPLE_PORT" "$STOCK_PORT"; do
  curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/v1/me" >/dev/null \
    || { echo "the token is refused on port $port" >&2; tail -20 "$WORK/stock.log" >&2; exit 1; }
done

run() { # port path duration [wrk args]
  local port=$1 path=$2 duration=$3; shift 3
  wrk -t2 -c"$CONNECTIONS" -d"${duration}s" "$@" "http://127.0.0.1:$port$path" | awk '/Requests\/sec/ {print $2}'
}
AUTH=(-H "Authorization: Bearer $TOKEN")
for port in "$SAMPLE_PORT" "$STOCK_PORT"; do
  run "$port" /api/v1/me "$WARM" "${AUTH[@]}" >/dev/null
  run "$port" /api/v1/me/example "$WARM" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  run "$SAMPLE_PORT" /api/v1/me "$DURATION" "${AUTH[@]}" >>"$WORK/palisade-jwt"
  run "$STOCK_PORT" /api/v1/me "$DURATION" "${AUTH[@]}" >>"$WORK/stock-jwt"
  run "$SAMPLE_PORT" /api/v1/me/example "$DURATION" >>"$WORK/palisade-open"
  run "$STOCK_PORT" /api/v1/me/example "$DURATION" >>"$WORK/stock-open"
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
PJ=$(median "$WORK/palisade-jwt"); SJ=$(median "$WORK/stock-jwt")
PO=$(median "$WORK/palisade-open"); SO=$(median "$WORK/stock-open")
for f in palisade-jwt stock-jwt palisade-open stock-open; do echo "runs $f (req/s): $(paste -sd' ' "$WORK/$f")"; done
echo "GET /api/v1/me, RS256 token   Palisade: $PJ req/s   stock Spring Security: $SJ req/s"
echo "GET /api/v1/me/example, open  Palisade: $PO req/s   stock Spring Security: $SO req/s"
awk -v a="$PJ" -v b="$SJ" -v c="$PO" -v d="$SO" 'BEGIN {
  printf "JWT path Palisade / stock: %.2fx\n", a / b
  printf "token / open: Palisade %.2fx, stock %.2fx\n", a / c, b / d }'

#!/usr/bin/env bash
# Issue 14's benchmark: GET /api/v1/me with a bearer token through Palisade's whole chain, with the
# network policy on (a rule on /api/** allowing loopback and the actuator rule, the body size
# limit, CORS with an allowed Origin on every request, the security headers) against the same app
# with all of them off, on loopback with wrk. Both apps run at once on two ports; after warm-ups
# each round measures both, in ABBA order (on first in odd rounds, off first in even ones) so a
# JIT or VM drift falls on both alike, and the script prints each round's ratio, the median ratio
# and the median req/s of each.
# Rate limiting is off in both (the sample's plans allow 100 req/s); everything else is the
# sample's defaults.
#
#   ./mvnw -q -pl sample-app -am package -DskipTests
#   benchmarks/load/network-overhead.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/load/sample-client.sh
DURATION=${1:-10}
CONNECTIONS=${2:-32}
ROUNDS=${ROUNDS:-5}
ON_PORT=${ON_PORT:-18081}
OFF_PORT=${OFF_PORT:-18082}
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

start() { # port name [arguments...]
  local port=$1 name=$2; shift 2
  java ${JAVA_OPTS:-} -jar sample-app/target/palisade-sample-app.jar --server.port="$port" \
    --palisade.tokens.signing.directory="$WORK/keys" --logging.level.root=WARN \
    --palisade.rate-limit.enabled=false --palisade.audit.path="$WORK/audit-$name" \
    --palisade.crypto.aead.file="$WORK/keys/aead-$name.keyring" --palisade.secrets.local.directory="$WORK/secrets-$name" \
    "$@" >"$WORK/$name.log" 2>&1 &
  echo $!
}
ON=$(start "$ON_PORT" on \
  --palisade.network.rules[0].name=actuator --palisade.network.rules[0].paths=/actuator/** \
  --palisade.network.rules[0].allow=127.0.0.0/8 \
  --palisade.network.rules[1].name=api --palisade.network.rules[1].paths=/api/** \
  --palisade.network.rules[1].allow=127.0.0.0/8,::1 --palisade.network.rules[1].deny=10.0.0.0/8)
OFF=$(start "$OFF_PORT" off --palisade.network.rules= --palisade.cors.allowed-origins= \
  --palisade.network.limits.max-body-size=0 --palisade.network.headers.referrer-policy= \
  --palisade.network.headers.content-security-policy= --palisade.network.headers.permissions-policy=)
trap 'kill $ON $OFF 2>/dev/null; wait $ON $OFF 2>/dev/null; rm -rf "$WORK"' EXIT
on="http://127.0.0.1:$ON_PORT"; off="http://127.0.0.1:$OFF_PORT"
wait_for "$on/api/v1/ping"; wait_for "$off/api/v1/ping"
TOKEN_ON=$(token_of "$on" acme-dev); TOKEN_OFF=$(token_of "$off" acme-dev)
# the configurations are what they say: CORS and the headers answer on one and not the other
curl -sf -D - -o /dev/null -H "Origin: http://localhost:3000" -H "Authorization: Bearer $TOKEN_ON" "$on/api/v1/me" \
  | grep -qi '^access-control-allow-origin: http://localhost:3000' || { echo "CORS is not on" >&2; exit 1; }
curl -sf -D - -o /dev/null -H "Origin: http://localhost:3000" -H "Authorization: Bearer $TOKEN_OFF" "$off/api/v1/me" \
  | grep -qi -e '^access-control-allow-origin' -e '^referrer-policy' && { echo "CORS or headers are not off" >&2; exit 1; }

run() { # base token duration
  wrk -t2 -c"$CONNECTIONS" -d"${3}s" -H "Authorization: Bearer $2" -H "Origin: http://localhost:3000" \
    "$1/api/v1/me" | awk '/Requests\/sec/ {print $2}'
}
WARM=${WARM:-60}
run "$on" "$TOKEN_ON" "$WARM" >/dev/null; run "$off" "$TOKEN_OFF" "$WARM" >/dev/null
: >"$WORK/on"; : >"$WORK/off"
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then
    a=$(run "$on" "$TOKEN_ON" "$DURATION"); b=$(run "$off" "$TOKEN_OFF" "$DURATION")
  else
    b=$(run "$off" "$TOKEN_OFF" "$DURATION"); a=$(run "$on" "$TOKEN_ON" "$DURATION")
  fi
  echo "$a" >>"$WORK/on"; echo "$b" >>"$WORK/off"
  awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f\n", a / b }' >>"$WORK/ratio"
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
M_ON=$(median "$WORK/on"); M_OFF=$(median "$WORK/off")
echo "runs (req/s): on $(paste -sd' ' "$WORK/on") | off $(paste -sd' ' "$WORK/off")"
echo "ratio on/off per round: $(paste -sd' ' "$WORK/ratio")"
echo "GET /api/v1/me, network policy + limit + CORS + headers on : $M_ON req/s (median of $ROUNDS)"
echo "GET /api/v1/me, all of them off                           : $M_OFF req/s"
echo "on / off: $(median "$WORK/ratio")x (median of the rounds' ratios)"

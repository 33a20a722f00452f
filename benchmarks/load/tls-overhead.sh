#!/usr/bin/env bash
# Requests/s over HTTPS on loopback in one run of the sample app (tls profile, development PKI):
#   TLS    GET /api/v1/me/example  no client certificate
#   MTLS   GET /api/v1/me/example  the agent-runner client certificate (mutual TLS; Palisade validates
#          and maps it on every request)
# in two connection modes: NEW, a TLS connection per request with session resumption (one client
# SSLContext, TLS 1.3 PSK), and KEEPALIVE, one connection per client thread. Each pair is measured
# ROUNDS times, alternated (tls, mtls, mtls, tls, ...), after warm-ups; the script prints the medians
# and mtls/tls. The load client is benchmarks/load/TlsLoad.java (wrk cannot send a client certificate).
#
#   ./mvnw -q -pl sample-app -am package -DskipTests
#   benchmarks/load/tls-overhead.sh [duration-seconds] [threads]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}
THREADS=${2:-16}
PORT=${PORT:-18443}
ROUNDS=${ROUNDS:-4}
WARM=${WARM:-10}
WORK=$(mktemp -d)
java ${JAVA_OPTS:-} -jar sample-app/target/palisade-sample-app.jar --spring.profiles.active=tls --server.port="$PORT" \
  --palisade.tls.dev-pki.directory="$WORK/pki" --palisade.tokens.signing.directory="$WORK/keys" \
  --palisade.audit.path="$WORK/audit" --palisade.secrets.local.directory="$WORK/secrets" \
  --palisade.crypto.aead.file="$WORK/aead.keyring" --logging.level.root=WARN \
  --palisade.rate-limit.enabled=false >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf --cacert "$WORK/pki/ca.crt" "https://localhost:$PORT/api/v1/ping" >/dev/null 2>&1 && break; sleep 1
done
load() { # mode(tls|mtls) connections(new|keepalive) seconds
  local cert=(); [ "$1" = mtls ] && cert=("$WORK/pki/agent-runner.crt" "$WORK/pki/agent-runner.key")
  java -XX:+UseParallelGC benchmarks/load/TlsLoad.java localhost "$PORT" /api/v1/me/example "$3" "$THREADS" "$2" \
    "$WORK/pki/ca.crt" "${cert[@]}"
}
for connections in new keepalive; do
  load tls "$connections" "$WARM" >/dev/null; load mtls "$connections" "$WARM" >/dev/null
  : >"$WORK/tls"; : >"$WORK/mtls"
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then order="tls mtls"; else order="mtls tls"; fi
    for mode in $order; do load "$mode" "$connections" "$DURATION" >>"$WORK/$mode"; done
  done
  median() { sort -g "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
  T=$(median "$WORK/tls"); M=$(median "$WORK/mtls")
  echo "$connections connections: tls $(paste -sd' ' "$WORK/tls") | mtls $(paste -sd' ' "$WORK/mtls")"
  awk -v c="$connections" -v t="$T" -v m="$M" -v r="$ROUNDS" \
    'BEGIN { printf "%s: TLS %.0f req/s, mTLS %.0f req/s (medians of %d), mTLS / TLS = %.2f\n", c, t, m, r, m / t }'
done

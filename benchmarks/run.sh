#!/usr/bin/env bash
# Runs every JMH benchmark with one set of settings and keeps the results, so each target
# (Palisade vs the baseline its issue names) is measured in the same run.
#
#   benchmarks/run.sh [regex] [extra JMH options]
# builds benchmarks/target/benchmarks.jar if missing; results go to benchmarks/target/results.txt
set -euo pipefail
cd "$(dirname "$0")/.."
FILTER=${1:-.}
shift || true
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -Pbenchmarks -pl security-core,benchmarks -am package -DskipTests
java -jar benchmarks/target/benchmarks.jar "$FILTER" -f 1 -wi 3 -w 2s -i 5 -r 2s -rf text \
  -rff benchmarks/target/results.txt "$@"

#!/usr/bin/env bash
# AeadBenchmark as paired runs, so that the VM's speed drift over a long JMH run cannot bias the
# ratio (one JMH invocation runs every Palisade case before every raw one). Each round runs the
# two sides as separate JMH invocations back to back, in ABBA order (Palisade first in odd rounds,
# raw first in even ones), and takes the ratio Palisade/raw per case; the script prints every
# round's ratios and, per case, the median and the range.
#
#   ./mvnw -q -Pbenchmarks -pl security-core,benchmarks -am package -DskipTests -Djazzer.skip=true
#   benchmarks/aead-paired.sh [rounds]        (default 6; about 80 s per round)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-6}
JAR=benchmarks/target/benchmarks.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { # side, output
  java -jar "$JAR" "AeadBenchmark.$1\$" -f 1 -wi 3 -w 1s -i 5 -r 1s -rf csv -rff "$2" >/dev/null
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then run palisade "$WORK/p$round"; run rawJce "$WORK/r$round";
  else run rawJce "$WORK/r$round"; run palisade "$WORK/p$round"; fi
  # csv: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: algorithm","Param: size"
  paste -d, <(tail -n +2 "$WORK/p$round") <(tail -n +2 "$WORK/r$round") | awk -F, -v round="$round" '
    { gsub(/"/, ""); printf "round %d %s %s %.3f\n", round, $8, $9, $5 / $14 }'
done | tee "$WORK/ratios"
echo "median (min-max) of Palisade/raw per case over $ROUNDS rounds:"
awk '{ print $3, $4, $5 }' "$WORK/ratios" | sort -k1,1 -k2,2n -k3,3n | awk '
  { key = $1 " " $2; v[key] = v[key] " " $3; n[key]++ }
  END { for (k in v) { m = split(substr(v[k], 2), a, " ");
          med = (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2;
          printf "  %-20s %s  %.3f (%.3f-%.3f)\n", k, "", med, a[1], a[m] } }' | sort

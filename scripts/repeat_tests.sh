#!/usr/bin/env bash
# Runs the whole suite N times in a row, as CI runs it (a new property-test
# seed each time, printed; no regression file written; indexes in a cache
# of the run's own), and stops at the first run that fails. A test that
# passes only most of the time shows here, not in one green run.
#
#   bash scripts/repeat_tests.sh [N]     (N = 20 by default)
#
# Each run's output is kept in target/repeat-tests/run-K.log.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-20}"
logs=target/repeat-tests
mkdir -p "$logs"
export PROPTEST_DISABLE_FAILURE_PERSISTENCE=1
export CI="${CI:-true}"

cargo test --no-run --locked >/dev/null 2>&1 || cargo test --no-run --locked
for run in $(seq 1 "$runs"); do
  seed=$(( $(date +%s) + run ))
  cache="$(mktemp -d)"
  start=$(date +%s)
  if PROPTEST_RNG_SEED="$seed" XDG_CACHE_HOME="$cache" cargo test --locked >"$logs/run-$run.log" 2>&1; then
    rm -rf "$cache"
    tests=$(grep -E '^test result' "$logs/run-$run.log" | awk '{p += $4} END {print p}')
    echo "run $run of $runs: passed, $tests tests, seed $seed, $(( $(date +%s) - start )) s"
  else
    rm -rf "$cache"
    echo "run $run of $runs: FAILED (seed $seed); log: $logs/run-$run.log"
    grep -E '^(---- | +[a-z_:]+$|test .* FAILED)' "$logs/run-$run.log" | head -20
    exit 1
  fi
done
echo "all $runs runs passed"

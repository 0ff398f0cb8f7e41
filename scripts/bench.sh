#!/usr/bin/env bash
# Measures tintuc on synthetic collections and compares, in the same run,
# with `fzf --filter` over the same articles written one per line; then
# how fast `tintuc check` loads the same articles in each of the four
# layouts collections come in (the in-process figures are
# `cargo bench --bench load`).
#
#   bash scripts/bench.sh [SIZES...]        (default: 10000 100000)
#   TINTUC_BENCH_PART=load bash scripts/bench.sh 100000   (the layouts only)
#   TINTUC_BENCH_PART=frame bash scripts/bench.sh         (key to drawn frame only)
#
# The frame part is `cargo bench --bench frame` at the same sizes: a key
# through the key table, update and search to the whole screen drawn, while
# typing the query, stepping down the list and pasting (benches/frame.rs).
# It is not in the default run: at both sizes it takes about 20 minutes.
#
# Writes the corpora to ${TINTUC_BENCH_DIR:-/tmp/tintuc-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${TINTUC_BENCH_DIR:-/tmp/tintuc-bench}
mkdir -p "$dir"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
query="nong thon moi @bacninh #2020"

if [ "${TINTUC_BENCH_PART:-all}" = frame ]; then
  echo "machine: $(nproc) cores, cpu pressure: $(head -1 /proc/pressure/cpu 2>/dev/null || echo unknown)"
  TINTUC_BENCH_SIZES=$(IFS=,; echo "${sizes[*]}") cargo bench --bench frame
  exit
fi

cargo build --release --quiet --bin tintuc --example gen_corpus
bin=target/release/tintuc

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "cpu pressure: $(head -1 /proc/pressure/cpu 2>/dev/null || echo unknown)"
command -v fzf >/dev/null && echo "fzf: $(fzf --version)"
TIMEFORMAT=%R
for n in "${sizes[@]}"; do
  [ "${TINTUC_BENCH_PART:-all}" = load ] && break
  json="$dir/articles-$n.json"
  lines="$dir/articles-$n.txt"
  [ -s "$json" ] && [ -s "$lines" ] || target/release/examples/gen_corpus "$n" "$json" --lines "$lines"
  echo
  echo "== $n articles: $(du -m "$json" | cut -f1) MB of JSON"
  # The index on disk (cold and warm starts), then in memory.
  index="$dir/index-$n"
  "$bin" bench --data "$json" --query "$query" --index "$index"
  TINTUC_INDEX=memory "$bin" bench --data "$json" --query "$query"
  for q in "$query" "nong thon moi" "tuson"; do
    # Warm: the index the bench left.
    t=$( { time "$bin" search "$q" --data "$json" --index "$index" --limit 0 --json > "$dir/tintuc.out" || [ $? -eq 1 ]; } 2>&1 )
    hits=$(grep -c '"id"' "$dir/tintuc.out" || true)
    echo "tintuc search  ${q@Q}: ${t}s whole process, index opened, $hits results"
    if command -v fzf >/dev/null; then
      t=$( { time fzf --filter "$q" < "$lines" > "$dir/fzf.out" || true; } 2>&1 )
      echo "fzf --filter   ${q@Q}: ${t}s whole process, $(wc -l < "$dir/fzf.out") results"
    fi
  done
done
# The layouts are timed in turn, three rounds, and the median is reported:
# on a shared machine a single run says more about the neighbours.
for n in "${sizes[@]}"; do
  echo
  echo "== load of $n articles by layout (tintuc check, whole process, median of 3 interleaved rounds)"
  layouts=(compact pretty lines concatenated)
  declare -A file times
  for layout in "${layouts[@]}"; do
    ext=json; [ "$layout" = lines ] && ext=jsonl
    file[$layout]="$dir/articles-$n-$layout.$ext"
    [ -s "${file[$layout]}" ] || target/release/examples/gen_corpus "$n" "${file[$layout]}" --layout "$layout"
    times[$layout]=""
  done
  for round in 1 2 3; do
    for layout in "${layouts[@]}"; do
      t=$( { time "$bin" check --data "${file[$layout]}" > /dev/null; } 2>&1 )
      times[$layout]+="$t "
    done
  done
  for layout in "${layouts[@]}"; do
    mb=$(du -m "${file[$layout]}" | cut -f1)
    t=$(echo ${times[$layout]} | tr ' ' '\n' | sort -g | sed -n 2p)
    echo "$layout: $mb MB in ${t}s ($(awk "BEGIN { printf \"%.0f\", $mb / $t }") MB/s; runs: ${times[$layout]% })"
  done
  unset file times
done

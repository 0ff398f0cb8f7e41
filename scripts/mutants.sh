#!/usr/bin/env bash
# Mutation testing with cargo-mutants: small deliberate changes (a `<`
# made `<=`, a function returning a default, a `&&` made `||`) are made
# one at a time to the search engine and to the browser's update and key
# handling, and the tests are run against each. A mutant that no test
# notices ("missed") is a behaviour the suite does not pin down.
#
#   bash scripts/mutants.sh [search|tui|all] [cargo-mutants options...]
#
#   bash scripts/mutants.sh search --list          the mutants, not run
#   bash scripts/mutants.sh search --shard 0/40    one fortieth of them
#   TINTUC_MUTANTS_TESTS=all bash scripts/mutants.sh tui
#
# Options after the scope go to cargo-mutants as they are (`--shard k/n`,
# `--list`, `--in-place`, `-j N`, ...). On two cores the whole run takes
# hours: shard it, one shard per machine or per evening. `--in-place` in
# a checkout kept for the purpose reuses its build from one run to the
# next; `--iterate` then skips the mutants already caught.
#
# Tests (TINTUC_MUTANTS_TESTS): `scoped` (the default) runs the library's
# unit tests and the in-process tests/*.rs that judge the scope (search:
# the behaviour table, search, cli_search, ...; tui: tui_*, config_keys);
# `fast` every in-process tests/*.rs (none that starts a terminal, tmux or
# sshd); `all` the whole suite for each mutant.
#
# Results: target/mutants/<scope>/mutants.out (caught.txt, missed.txt,
# timeout.txt, unviable.txt, outcomes.json), never in the source tree;
# `python3 scripts/mutants_report.py <scope>` counts them over every run.
set -euo pipefail
cd "$(dirname "$0")/.."

scope=all
case "${1:-}" in
  search | tui | all) scope=$1; shift ;;
esac

command -v cargo-mutants >/dev/null 2>&1 || cargo install --locked cargo-mutants

files=()
if [ "$scope" != tui ]; then
  files+=(--file 'src/search/*.rs' --file 'src/search/**/*.rs')
fi
if [ "$scope" != search ]; then
  # The browser's update and key handling: the update router, the
  # actions and their keys (the key table), the state, each feature's
  # update (list, reader, find, place and date pickers), the key decoder,
  # the line editor, and the query edits the pickers make.
  for f in update action state input editor facets keymap keymap/table; do
    files+=(--file "src/tui/$f.rs")
  done
  for feature in list reader find places dates; do
    files+=(--file "src/tui/$feature/update.rs" --file "src/tui/$feature/mod.rs")
  done
fi

# Target selection goes to every cargo invocation (-C), so the build of a
# mutant builds only the test binaries that will run.
tests=(-C --lib)
case "${TINTUC_MUTANTS_TESTS:-scoped}" in
  all) tests=() ;;
  scoped)
    # The tests that judge the scope's files through their front doors:
    # search through the engine, the behaviour table, the typo and
    # relevance tests and `tintuc search`;
    # the browser through its screens and keys. Every test binary is
    # rebuilt for every mutant, so fewer binaries make each mutant cheaper;
    # a mutant only another test would catch is counted missed, never
    # caught, so the figure can only be lower than the truth.
    case "$scope" in
      search) names="behaviour_table search cli_search reading_state tui_highlights typos relevance place_words relative_dates" ;;
      tui) names="$(cd tests && ls tui_*.rs config_keys.rs | sed 's/\.rs$//')" ;;
      all) names="$(cd tests && ls behaviour_table.rs search.rs cli_search.rs reading_state.rs typos.rs relevance.rs place_words.rs relative_dates.rs tui_*.rs config_keys.rs | sed 's/\.rs$//')" ;;
    esac
    for name in $names; do
      # End-to-end tests (a real terminal, tmux, sshd) take most of the
      # suite's time and judge the same code through the binary.
      grep -qE 'common/pty\.rs|common/sshd\.rs|tmux' "tests/$name.rs" && continue
      tests+=(-C "--test=$name")
    done
    ;;
  fast)
    for t in tests/*.rs; do
      grep -qE 'common/pty\.rs|common/sshd\.rs|tmux' "$t" && continue
      tests+=(-C "--test=$(basename "$t" .rs)")
    done
    ;;
esac

# cargo-mutants builds a copy of the tree elsewhere, where the seeds this
# test compares with (../shared/seeds, outside the tree) are not.
test_args=(-- --skip fixtures_are_the_shared_seeds)

# mold, where it is installed, links the test binaries several times faster.
if command -v mold >/dev/null 2>&1; then
  export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-fuse-ld=mold"
fi

# A mutant's failing property test must not write a regression file
# into the tree, where every later mutant and run would replay it.
export PROPTEST_DISABLE_FAILURE_PERSISTENCE=1

echo "mutants: $scope; tests: ${tests[*]}" >&2

out="target/mutants/$scope"
mkdir -p "$out/history"
# cargo-mutants keeps only the last run aside (mutants.out.old): every
# run's outcomes are kept in history/ for scripts/mutants_report.py.
for list in caught timeout unviable missed previously_caught; do
  for run in "$out/mutants.out.old" "$out/mutants.out"; do
    if [ -f "$run/$list.txt" ]; then
      cat "$run/$list.txt" >>"$out/history/$list.txt"
    fi
  done
  if [ -f "$out/history/$list.txt" ]; then
    sort -u -o "$out/history/$list.txt" "$out/history/$list.txt"
  fi
done
# Two slow cores: one mutant at a time (the default), and a test timeout
# well above the baseline's (cargo-mutants measures it first), so that a
# busy machine does not turn a slow test into a "timeout": at least 60 s
# (TINTUC_MUTANTS_MIN_TIMEOUT), six times the slowest tenth of the test
# runs measured on a busy machine. A mutant that loops forever (a `+=`
# made `*=` on an index) costs that much each.
exec cargo mutants \
  "${files[@]}" \
  --output "$out" \
  --profile mutants \
  --timeout-multiplier 4 \
  --minimum-test-timeout "${TINTUC_MUTANTS_MIN_TIMEOUT:-60}" \
  --build-timeout 900 \
  "${tests[@]}" \
  "$@" \
  -- "${test_args[@]}"

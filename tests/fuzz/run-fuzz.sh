#!/bin/bash
# Runs one libFuzzer target for a short, reproducible time (a test of the
# fuzzing build):
#
#   run-fuzz.sh TARGET CORPUS RUNS
#
# The seed is fixed and the length is a number of executions, not seconds,
# so the run makes nearly the same inputs on every machine (the coverage
# feedback drifts a little from run to run): what it explores in CI was
# explored here before the commit. Finding new crashes is the job of the
# long runs by hand (tests/fuzz/README.md), which take a random seed.
# -max_total_time is only a ceiling for a very slow machine.
#
# New inputs go to a temporary directory, so the seed corpus in the tree is
# only read; a crash is written next to the target as crash-*/timeout-*/oom-*.
# -error_exitcode=1: libFuzzer's default, 77, means "skipped" to meson.
set -eu
target=$1 corpus=$2 runs=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/phoneset-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
# A GLib critical or warning (fatal in the tests) is a crash too: ASan
# reports the trap, and libFuzzer writes the input.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_sigtrap=1"
export G_DEBUG="${G_DEBUG:-fatal-warnings}"
# A dictionary beside the corpus (tests/fuzz/NAME.dict) gives the mutations
# the tokens the format is made of.
dict="$(dirname "$(dirname "$corpus")")/$(basename "$corpus").dict"
dict_arg=()
[ -f "$dict" ] && dict_arg=(-dict="$dict")
"$target" "$work" "$corpus" "${dict_arg[@]}" -seed=1 -runs="$runs" -max_total_time=60 -timeout=5 -rss_limit_mb=1024 \
  -error_exitcode=1 -print_final_stats=1 -artifact_prefix="$(dirname "$target")/$(basename "$target")-"

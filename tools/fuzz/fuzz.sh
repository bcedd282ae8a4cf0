#!/usr/bin/env bash
# tools/fuzz/fuzz.sh - builds the libFuzzer targets with clang (ASan and
# UBSan) and runs them on copies of their seed corpora, then prints one
# line of figures per target. Exit 1 if any target left a finding (crash,
# leak, timeout, sanitizer report: a file in WORK/TARGET/).
#
#   tools/fuzz/fuzz.sh [--seconds N] [--build DIR] [--work DIR] [TARGET...]
#
# TARGET: scenario, save, commands (default: all three, one after the
# other, N seconds each; default N 300). Run two invocations at once to use
# two cores. See tools/fuzz/README.md.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=300
build=/tmp/build-fuzz
work=/tmp/emesa-fuzz
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    scenario|save|commands) targets+=("$1"); shift ;;
    *) echo "fuzz.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(scenario save commands)
command -v clang > /dev/null || { echo "fuzz.sh: needs clang (Debian: apt-get install clang)" >&2; exit 2; }

if [ ! -f "$build/build.ninja" ]; then
    CC=clang CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
        LDFLAGS="-fsanitize=address,undefined" \
        meson setup "$build" "$root" -Dfuzz=true -Dwindow=disabled -Dtests=disabled > /dev/null || exit 2
fi
ninja -C "$build" -j2 $(printf 'tools/fuzz-%s ' "${targets[@]}") > /dev/null || exit 2

findings=0
for t in "${targets[@]}"; do
    case "$t" in
    scenario) seeds="$root/tools/fuzz/corpus"; dict="$root/tools/fuzz/lua.dict" ;;
    *) seeds="$root/tools/fuzz/corpus-$t"; dict="$root/tools/fuzz/saves.dict" ;;
    esac
    mkdir -p "$work/corpus-$t" "$work/$t"
    cp -n "$seeds"/* "$work/corpus-$t/"
    log="$work/$t.log"
    # -timeout: a hang is a finding; -rss_limit_mb: so is runaway memory
    # (and ASan's leak check at the end of each input: a leak).
    "$build/tools/fuzz-$t" "$work/corpus-$t" -dict="$dict" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/$t/" > "$log" 2>&1
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    corp=$(ls "$work/corpus-$t" | wc -l)
    found=$(ls "$work/$t" | wc -l)
    findings=$((findings + found))
    echo "$t: ${execs:-?} executions in $seconds s ($(( ${execs:-0} / seconds ))/s), ${cov:-cov: ?} edges," \
         "corpus $corp files, peak RSS ${rss:-?} MiB, $found findings (log $log)"
done
[ $findings -eq 0 ]

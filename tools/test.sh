#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: the unit tests, the
# golden headless games and the window tests, then all of them again built
# with AddressSanitizer and UndefinedBehaviorSanitizer. Ends with the line
# "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh --test || { echo "tests: 0 passed, 1 failed"; exit 1; }

werror=false
if [ "${CI:-}" = "true" ]; then werror=true; fi

passed=0
failed=0
# Runs one meson build dir's suite and adds its figures to the totals.
run_suite() {
    local dir="$1" label="$2"; shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" -Dwerror=$werror "$@" >"$dir.setup.log" 2>&1 || {
            cat "$dir.setup.log"; failed=$((failed + 1)); return; }
    fi
    if ! ninja -C "$dir" >"$dir.ninja.log" 2>&1; then
        cat "$dir.ninja.log"; echo "$label: build failed"; failed=$((failed + 1)); return
    fi
    local out
    out=$(meson test -C "$dir" --print-errorlogs --num-processes 2 2>&1)
    local rc=$?
    echo "$out" | grep -E '^ *[0-9]+/[0-9]+ ' || true
    if [ $rc -ne 0 ]; then echo "$out" | tail -60; fi
    # Each Check program prints "NN%: Checks: C, Failures: F, Errors: E";
    # other tests count one each.
    local log="$dir/meson-logs/testlog.txt" c=0 f=0
    if [ -f "$log" ]; then
        while read -r checks fails errs; do
            c=$((c + checks)); f=$((f + fails + errs))
        done < <(grep -Eo 'Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" | tr -dc '0-9 ,\n' | tr ',' ' ')
    fi
    local ok fail
    ok=$(echo "$out" | sed -n 's/^Ok: *\([0-9]*\).*/\1/p' | tail -1)
    fail=$(echo "$out" | sed -n 's/^Fail: *\([0-9]*\).*/\1/p' | tail -1)
    local nprog
    nprog=$(grep -c 'Checks: [0-9]' "$log" 2>/dev/null || echo 0)
    # Non-Check tests: meson's own count less the Check programs.
    local other_ok=$(( ${ok:-0} - nprog )); [ $other_ok -lt 0 ] && other_ok=0
    passed=$((passed + c - f + other_ok))
    failed=$((failed + f + ${fail:-0}))
    if [ "${fail:-0}" -gt 0 ] && [ $f -eq 0 ]; then :; fi
    echo "$label: $((c - f + other_ok)) passed, $((f + ${fail:-0})) failed"
}

run_suite build "plain build"
run_suite build-asan "asan+ubsan build" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

#!/bin/sh
# long-run.sh - the window monkey's long run under AddressSanitizer and
# UndefinedBehaviorSanitizer: a million random events (by default) of one
# seed, with the figures (events, failures, resident memory) at the end.
# Usage: tools/monkey/long-run.sh [EVENTS] [SEED] [ASAN_BUILD_DIR]
# The build dir (default build-asan-opt: the sanitizers with -O2, about
# twice as fast as tools/test.sh's -O0 build-asan) is set up if missing.
# A failure prints the seed and the event index; run
#   build-asan-opt/tools/monkey --seed SEED --events INDEX+1 --draw-every 64
# to see it again.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
events=${1:-1000000}
seed=${2:-1}
build=${3:-$here/build-asan-opt}
if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$here" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null
fi
ninja -C "$build" tools/monkey >/dev/null
export EMESA_SOURCE_DIR="$here"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0"
start=$(date +%s)
status=0
"$build/tools/monkey" --seed "$seed" --events "$events" --draw-every 64 || status=$?
echo "long-run: seed $seed, $events events, exit $status, $(( $(date +%s) - start )) s wall"
exit $status

#!/bin/sh
# balance.sh - seeded AI-vs-AI games for every scenario: the outcome table
# per outcome level and side, wins per side, and the AI's time per siege
# turn (median and 95th percentile; wall-clock, printed, not asserted).
#
#   tools/balance/balance.sh [BUILD_DIR] [balance options...]
#
# BUILD_DIR defaults to build/. Options go to the driver, e.g.
#   tools/balance/balance.sh build --games 200 --setups 3:3,3:s,s:3,2:2,1:1
# The scenarios are every scenarios/*.lua unless files are named after the
# options. A full headless game is also timed through the emesa binary.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
[ $# -gt 0 ] && shift
case $build in /*) ;; *) build=$root/$build ;; esac
ninja -C "$build" emesa tools/balance >/dev/null
have_file=no
for a in "$@"; do case $a in *.lua) have_file=yes ;; esac; done
if [ $have_file = no ]; then
    set -- "$@" "$root"/scenarios/*.lua
fi
"$build/tools/balance" "$@"
# One full headless AI-vs-AI game of the 638 scenario, start to finish.
if [ -f "$root/scenarios/emesa-638.lua" ]; then
    start=$(date +%s%N)
    "$build/emesa" --headless --scenario "$root/scenarios/emesa-638.lua" --seed 1 --ai all --quiet >/dev/null
    end=$(date +%s%N)
    echo
    echo "full headless game (emesa --headless --ai all, emesa-638, seed 1): $(( (end - start) / 1000000 )) ms"
fi

#!/bin/sh
# balance.sh - seeded AI-vs-AI games for every scenario: per scenario and
# level pairing the win shares and the median end turn, and the decision
# deltas: for each what-if switch a scenario declares, the Rashidun win
# share with the switch minus without, over the same seeds. Two Markdown
# tables at the end sum it up (the README's balance table is their copy).
#
#   tools/balance/balance.sh [BUILD_DIR] [balance options...] [SCENARIO...]
#
# BUILD_DIR defaults to build/. The defaults are
#   --games 200 --setups 2:2,3:3 --deltas 2:2
# (200 seeds a row; the deltas at level 2 against level 2). Options given
# go after them and so win, e.g. a quick look:
#   tools/balance/balance.sh build --games 40
# or the AI's timing against the simple player:
#   tools/balance/balance.sh build --setups 3:3,3:s,s:3
# --option ID plays every game with that switch on. The scenarios are
# every scenarios/*.lua unless files are named. The outcome tables per
# setup also give the AI's time per siege turn; a full headless game is
# timed through the emesa binary at the end (wall-clock, printed only).
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
"$build/tools/balance" --games 200 --setups 2:2,3:3 --deltas 2:2 "$@"
# One full headless AI-vs-AI game of the 638 scenario, start to finish.
if [ -f "$root/scenarios/emesa-638.lua" ]; then
    start=$(date +%s%N)
    "$build/emesa" --headless --scenario "$root/scenarios/emesa-638.lua" --seed 1 --ai all --quiet >/dev/null
    end=$(date +%s%N)
    echo
    echo "full headless game (emesa --headless --ai all, emesa-638, seed 1): $(( (end - start) / 1000000 )) ms"
fi

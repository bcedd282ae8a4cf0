#!/bin/sh
# bench-window.sh - the game window's figures, measured under Xvfb:
#   time from start to the first complete frame of the menu (median of 5),
#   frame time while panning and zooming the 638 map at 1920x1080,
#   CPU use of the idle menu over 10 s, and peak resident memory.
# Usage: tools/bench-window.sh [BUILD_DIR]   (default: build)
# Anchors (same machine): Crimson Fields ~95 ms to its menu, 0.8 % idle
# CPU, 20 MB; LGeneral ~155 ms, 15 %, 39 MB; Wesnoth 1.16 ~1.25 s, 43 %,
# 239 MB.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
if [ -z "${EMESA_BENCH_IN_X:-}" ]; then
    EMESA_BENCH_IN_X=1 exec xvfb-run -a -s '-screen 0 1920x1080x24' "$0" "$build"
fi
emesa=$build/emesa
[ -x "$emesa" ] || emesa=$build/src/app/emesa
bench=$build/src/ui/bench-window
[ -x "$emesa" ] && [ -x "$bench" ] || { echo "bench-window: build first (ninja -C $build)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME=$tmp/xdg EMESA_DATA_DIR=$here
mkdir -p "$XDG_DATA_HOME"
now() { date +%s.%N; }

# 1. Start to first menu frame: five runs, the median.
times=""
cpus=""
for i in 1 2 3 4 5; do
    rm -f "$tmp/out"; : >"$tmp/out"
    t0=$(now)
    EMESA_BENCH_FIRST_FRAME=1 "$emesa" >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    n=0
    while ! grep -q first-frame "$tmp/out" 2>/dev/null; do
        sleep 0.01; n=$((n + 1))
        [ $n -lt 1000 ] || { echo "bench-window: no first frame" >&2; cat "$tmp/err" >&2; kill $pid; exit 1; }
    done
    t1=$(awk '/first-frame/ { print $2 }' "$tmp/out")
    times="$times $(echo "$t0 $t1" | awk '{ printf "%.1f", ($2 - $1) * 1000 }')"
    # The CPU its main thread took (it waits for events after that frame;
    # the menu is read on a second thread meanwhile): steadier
    # than the wall clock when other work shares the machine.
    cpus="$cpus $(awk '{ printf "%.1f", $1 / 1e6 }' /proc/$pid/schedstat)"
    if [ $i -lt 5 ]; then kill $pid; wait $pid 2>/dev/null || true; fi
done
menu_ms=$(echo $times | tr ' ' '\n' | sort -n | sed -n 3p)
menu_cpu=$(echo $cpus | tr ' ' '\n' | sort -n | sed -n 3p)

# 2. Idle CPU of the last one, sitting in its menu, over 10 s.
sleep 2
tck=$(getconf CLK_TCK)
cpu0=$(awk '{ print $14 + $15 }' /proc/$pid/stat)
sleep 10
cpu1=$(awk '{ print $14 + $15 }' /proc/$pid/stat)
idle=$(echo "$cpu0 $cpu1 $tck" | awk '{ printf "%.2f", ($2 - $1) / $3 / 10 * 100 }')
menu_rss=$(awk '/VmHWM/ { print $2 }' /proc/$pid/status)
kill $pid; wait $pid 2>/dev/null || true

# 3. Frames while panning and zooming the map, and the game's peak memory.
"$bench" frames "$here" 1920 1080 >"$tmp/frames"

echo "emesa window benchmark (Xvfb 1920x1080, $(awk '/renderer/ { print $2 }' "$tmp/frames") renderer)"
echo "  start to first menu frame: ${menu_ms} ms (runs:${times})"
echo "  CPU of the main thread to its first menu frame: ${menu_cpu} ms (runs:${cpus})"
echo "  $(grep frame-ms "$tmp/frames")"
echo "  $(grep frame-cpu-ms "$tmp/frames")"
echo "  idle CPU in the menu over 10 s: ${idle} %"
echo "  peak RSS: menu $((menu_rss / 1024)) MB, game after panning and zooming all levels $(( $(awk '/game-peak-rss-kb/ { print $2 }' "$tmp/frames") / 1024 )) MB"

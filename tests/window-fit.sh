#!/usr/bin/env bash
# The window opens wholly inside the screen: on Xvfb at 1024x768, 1280x720
# and 1366x768, `emesa --scale 100|150|200` with no settings and with
# settings.ini remembering 1920x1080 (what F11 on and off used to leave).
# The window's place is read back from the X server (xwininfo), not from
# what the program asked for. Skips (77) without xvfb-run or xwininfo.
set -uo pipefail
emesa="$1"
if [ -z "${EMESA_FIT_SIZE:-}" ]; then
    command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null || { echo "skip: no xvfb-run/xwininfo"; exit 77; }
    fail=0
    for size in 1024x768 1280x720 1366x768; do
        EMESA_FIT_SIZE=$size xvfb-run -a -s "-screen 0 ${size}x24" "$0" "$emesa" || fail=1
    done
    exit $fail
fi
sw=${EMESA_FIT_SIZE%x*} sh=${EMESA_FIT_SIZE#*x}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for stored in none 1920x1080; do
    for scale in 100 150 200; do
        export XDG_DATA_HOME=$tmp/xdg-$stored-$scale
        mkdir -p "$XDG_DATA_HOME/emesa/emesa"
        [ $stored = none ] || printf 'width = 1920\nheight = 1080\n' >"$XDG_DATA_HOME/emesa/emesa/settings.ini"
        : >"$tmp/out"
        EMESA_BENCH_FIRST_FRAME=1 "$emesa" --scale "$scale" >"$tmp/out" 2>"$tmp/err" &
        pid=$!
        n=0
        while ! grep -q '^window' "$tmp/out"; do
            sleep 0.05; n=$((n + 1))
            [ $n -lt 400 ] || break
        done
        geo=$(xwininfo -root -tree | awk '/"Emesa( - [^"]*)?"/ { print $(NF-1), $NF; exit }')
        kill $pid; wait $pid 2>/dev/null
        # geo: WxH+X+Y  +absX+absY
        if [[ "$geo" =~ ^([0-9]+)x([0-9]+)\+-?[0-9]+\+-?[0-9]+\ \+(-?[0-9]+)\+(-?[0-9]+)$ ]]; then
            w=${BASH_REMATCH[1]} h=${BASH_REMATCH[2]} x=${BASH_REMATCH[3]} y=${BASH_REMATCH[4]}
            if [ "$x" -ge 0 ] && [ "$y" -ge 0 ] && [ $((x + w)) -le "$sw" ] && [ $((y + h)) -le "$sh" ]; then
                echo "ok: ${sw}x${sh} scale $scale settings $stored: window ${w}x${h} at $x,$y"
            else
                echo "FAIL: ${sw}x${sh} scale $scale settings $stored: window ${w}x${h} at $x,$y off the screen"; fail=1
            fi
        else
            echo "FAIL: ${sw}x${sh} scale $scale settings $stored: no window found ($geo)"; cat "$tmp/err"; fail=1
        fi
    done
done
exit $fail

#!/usr/bin/env bash
# Golden headless games. Each tests/golden/NAME.args holds the emesa
# arguments of one game (scenario path relative to the source root); the
# expected output is tests/golden/NAME.out. The games are played by the
# simple player (--ai-level 0), so tuning the AI does not rewrite them:
# they pin the rules.
#   tools/golden.sh check [EMESA]   compare (the test suite runs this)
#   tools/golden.sh regen [EMESA]   rewrite the .out files after a rule
#                                   change made on purpose; without EMESA
#                                   it rebuilds build/emesa first, and it
#                                   prints the lines added and removed per
#                                   file: review the diff before committing
set -euo pipefail
mode="${1:-check}"
root="$(cd "$(dirname "$0")/.." && pwd)"
emesa="${2:-$root/build/emesa}"
cd "$root"
case "$mode" in
check | regen) ;;
*)
    echo "usage: tools/golden.sh check|regen [EMESA]" >&2
    exit 2
    ;;
esac
if [ "$mode" = "regen" ] && [ $# -lt 2 ]; then
    ninja -C "$root/build" emesa
fi
shopt -s nullglob
status=0
n=0
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.diff"' EXIT
for args in tests/golden/*.args; do
    name="${args%.args}"
    n=$((n + 1))
    # shellcheck disable=SC2046
    actual=$("$emesa" $(cat "$args") 2>&1) || { echo "$name: emesa exited $?"; status=1; continue; }
    if [ "$mode" = "regen" ]; then
        old=/dev/null
        [ -f "$name.out" ] && old="$name.out"
        printf '%s\n' "$actual" > "$tmp"
        diff "$old" "$tmp" > "$tmp.diff" || true
        added=$(grep -c '^>' "$tmp.diff" || true)
        removed=$(grep -c '^<' "$tmp.diff" || true)
        rm -f "$tmp.diff"
        cp "$tmp" "$name.out"
        echo "wrote $name.out ($(wc -l < "$name.out") lines; +$added -$removed)"
    elif ! diff -u "$name.out" <(printf '%s\n' "$actual") > "$tmp"; then
        echo "$name: output differs from $name.out (tools/golden.sh regen rewrites it if the change is meant):"
        head -40 "$tmp"
        status=1
    else
        echo "$name: same as $name.out"
    fi
done
[ $n -gt 0 ] || { echo "no golden games found"; exit 1; }
exit $status

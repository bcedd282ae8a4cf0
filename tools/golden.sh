#!/usr/bin/env bash
# Golden headless games. Each tests/golden/NAME.args holds the emesa
# arguments of one game (scenario path relative to the source root); the
# expected output is tests/golden/NAME.out.
#   tools/golden.sh check [EMESA]   compare (the test suite runs this)
#   tools/golden.sh regen [EMESA]   rewrite the .out files after a rule
#                                   change made on purpose; review the diff
set -euo pipefail
mode="${1:-check}"
root="$(cd "$(dirname "$0")/.." && pwd)"
emesa="${2:-$root/build/emesa}"
cd "$root"
shopt -s nullglob
status=0
n=0
for args in tests/golden/*.args; do
    name="${args%.args}"
    n=$((n + 1))
    # shellcheck disable=SC2046
    actual=$("$emesa" $(cat "$args") 2>&1) || { echo "$name: emesa exited $?"; status=1; continue; }
    if [ "$mode" = "regen" ]; then
        printf '%s\n' "$actual" > "$name.out"
        echo "wrote $name.out ($(wc -l < "$name.out") lines)"
    elif ! diff -u "$name.out" <(printf '%s\n' "$actual") > /tmp/golden.$$.diff; then
        echo "$name: output differs from $name.out (tools/golden.sh regen rewrites it if the change is meant):"
        head -40 /tmp/golden.$$.diff
        status=1
    else
        echo "$name: same as $name.out"
    fi
done
rm -f /tmp/golden.$$.diff
[ $n -gt 0 ] || { echo "no golden games found"; exit 1; }
exit $status

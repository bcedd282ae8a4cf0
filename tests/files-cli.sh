#!/usr/bin/env bash
# Files from the command line as a careful Unix tool treats them (issue
# 16): a FIFO, a device or a directory given as a scenario, save, replay
# or command file is refused at once (exit 1, a message saying what it
# is); command lines are read whole and may end in a comment; a save goes
# through a symbolic link and never over a device; no diagnostic prints a
# raw control byte; the number flags state their real ranges.
set -uo pipefail
emesa="$1"
root="${EMESA_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
fixture="$root/tests/fixtures/saves/skirmish.lua"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/emesa-files-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
fnv() {
    local h=$((0xcbf29ce484222325)) b
    for b in $(od -An -v -tu1 "$1"); do h=$(((h ^ b) * 0x100000001b3)); done
    printf '%016x' "$h"
}
resign() {
    head -n -1 "$1" > "$tmp/body"
    { cat "$tmp/body"; echo "checksum $(fnv "$tmp/body")"; } > "$1"
}
# "binary" in a file: control bytes other than tab and newline (ESC, BEL,
# ...), DEL, bytes that are not UTF-8, and the C1 controls as UTF-8
raw_bytes() {
    local n
    n=$(LC_ALL=C tr -cd '\000-\010\013-\037\177' < "$1" | wc -c)
    iconv -f UTF-8 -t UTF-8 < "$1" > /dev/null 2>&1 || n=$((n + 1))
    LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$1" && n=$((n + 1))
    echo "$n"
}

mkfifo "$tmp/fifo"
play=(--headless --scenario "$fixture" --seed 5 --ai blue --ai-level 0)

# refused within a second, exit 1, saying what the file is
quick() { # label expected-words args...
    local label="$1" want="$2"
    shift 2
    local t0 t1 rc
    t0=$(date +%s%N)
    timeout 10 "$emesa" "$@" > "$tmp/err" 2>&1; rc=$?    # --check reports on stdout
    t1=$(date +%s%N)
    local ms=$(((t1 - t0) / 1000000))
    if [ $rc -eq 1 ] && [ $ms -lt 1000 ] && grep -q "$want" "$tmp/err"; then ok "$label: exit 1 in $ms ms: $(head -1 "$tmp/err")"
    else bad "$label: exit $rc after $ms ms: $(head -c 300 "$tmp/err")"; fi
}
quick "--check FIFO" "it is a FIFO (named pipe), not a file" --check "$tmp/fifo"
quick "--scenario FIFO" "$tmp/fifo: cannot open the scenario: it is a FIFO" --headless --scenario "$tmp/fifo" --ai all
quick "--commands FIFO" "cannot open the command file $tmp/fifo: it is a FIFO" "${play[@]}" --commands "$tmp/fifo"
quick "--commands /dev/zero" "/dev/zero: it is a device, not a file" "${play[@]}" --commands /dev/zero
quick "--commands /dev/urandom" "/dev/urandom: it is a device, not a file" "${play[@]}" --commands /dev/urandom
quick "--commands DIR" "$tmp: it is a directory, not a file" "${play[@]}" --commands "$tmp"
quick "--replay FIFO" "$tmp/fifo: cannot open the save: it is a FIFO" --headless --replay "$tmp/fifo"
quick "--continue FIFO" "$tmp/fifo: cannot open the save: it is a FIFO" --continue "$tmp/fifo" --ai all

# a save whose scenario line names a FIFO, with a wrong checksum: the
# checksum is judged first and the FIFO never opened
"$emesa" "${play[@]/blue/all}" --turns 1 --save "$tmp/g.save" > /dev/null
sed "s#^scenario skirmish .*#scenario skirmish $tmp/fifo#" "$tmp/g.save" > "$tmp/fifo.save"
quick "a save naming a FIFO, altered" "checksum does not match" --headless --replay "$tmp/fifo.save"
resign "$tmp/fifo.save"
quick "a save naming a FIFO, re-signed" "it is a FIFO (named pipe), not a file" --headless --replay "$tmp/fifo.save"

# lines whole: a 601-byte comment ending in end-turn is a comment
{ printf '#'; printf 'a%.0s' $(seq 1 591); printf 'end-turn\n'; } > "$tmp/long.cmd"
: > "$tmp/empty.cmd"
"$emesa" "${play[@]}" --commands "$tmp/long.cmd" > "$tmp/long.out" 2> "$tmp/long.err"; rc1=$?
"$emesa" "${play[@]}" --commands "$tmp/empty.cmd" > "$tmp/empty.out" 2> "$tmp/empty.err"; rc2=$?
sed -i "s#$tmp/[a-z]*.cmd#FILE#" "$tmp/long.err" "$tmp/empty.err"
[ $rc1 -eq $rc2 ] && cmp -s "$tmp/long.out" "$tmp/empty.out" && cmp -s "$tmp/long.err" "$tmp/empty.err" \
    && ok "a 601-byte comment line behaves as an empty file (exit $rc1)" \
    || bad "long comment: exit $rc1 vs $rc2, $(cat "$tmp/long.err") vs $(cat "$tmp/empty.err")"
{ printf 'end-turn'; printf ' %.0s' $(seq 1 600); printf '\n'; } > "$tmp/wide.cmd"
"$emesa" "${play[@]}" --turns 1 --commands "$tmp/wide.cmd" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 0 ] && ok "a command followed by 600 spaces is one command" || bad "wide line: exit $rc, $(cat "$tmp/err")"

# trailing comments, as the README's example has them
printf 'move r1 3,4          # unit id, then the hex as col,row\nend-turn   # and the turn\n' > "$tmp/c.cmd"
out=$("$emesa" "${play[@]}" --turns 1 --commands "$tmp/c.cmd" 2> "$tmp/err"); rc=$?
[ $rc -eq 0 ] && grep -q '^T1 move r1 1,4 -> 3,4' <<< "$out" && ok "a command with a trailing comment runs" \
    || bad "trailing comment: exit $rc, $(cat "$tmp/err")"
grep -E '^    (move|attack|end-impulse|end-turn)' "$root/README.md" | head -1 > "$tmp/readme.cmd"
"$emesa" --headless --scenario "$root/scenarios/emesa-638.lua" --ai coalition --commands "$tmp/readme.cmd" \
    > /dev/null 2> "$tmp/err"
grep -q "too many words" "$tmp/err" && bad "the README's command line: $(cat "$tmp/err")" \
    || ok "the README's first command line is read as a command: $(head -1 "$tmp/err")"

# no raw control bytes in any diagnostic
printf '\033]0;pwned\007\033[2Jmove r1 3,4\n' > "$tmp/esc.cmd"
"$emesa" "${play[@]}" --commands "$tmp/esc.cmd" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ "$(raw_bytes "$tmp/err")" -eq 0 ] && grep -q '\\x1b\]0;pwned\\x07' "$tmp/err" \
    && ok "a command line's ESC bytes are printed escaped: $(head -1 "$tmp/err")" || bad "ESC in commands: $(cat -v "$tmp/err")"
head -c 4096 /dev/urandom > "$tmp/random.cmd"
"$emesa" "${play[@]}" --commands "$tmp/random.cmd" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ "$(raw_bytes "$tmp/err")" -eq 0 ] && ok "random bytes as commands print no binary: $(head -c 100 "$tmp/err")" \
    || bad "random commands: exit $rc, $(raw_bytes "$tmp/err") raw bytes"
{ head -n 2 "$tmp/g.save"; printf '\033]2;owned\007\033[2J\n'; tail -n +3 "$tmp/g.save"; } > "$tmp/esc.save"
for signed in no yes; do
    [ $signed = yes ] && resign "$tmp/esc.save"
    "$emesa" --headless --replay "$tmp/esc.save" > /dev/null 2> "$tmp/err"; rc=$?
    [ $rc -eq 1 ] && [ "$(raw_bytes "$tmp/err")" -eq 0 ] && grep -q 'unknown line "\\x1b\]2;owned' "$tmp/err" \
        && ok "a save's ESC line is printed escaped (re-signed: $signed)" || bad "ESC in a save ($signed): $(cat -v "$tmp/err")"
done

# saves: through a link to its file; never over a device or a directory
echo old > "$tmp/target.save"
ln -s target.save "$tmp/link.save"
"$emesa" "${play[@]/blue/all}" --save "$tmp/link.save" > /dev/null; rc=$?
[ $rc -eq 0 ] && [ -L "$tmp/link.save" ] && head -1 "$tmp/target.save" | grep -q '^emesa-save' \
    && ok "--save LINK writes the link's file and leaves the link" || bad "--save LINK: exit $rc, $(ls -l "$tmp")"
"$emesa" --headless --replay "$tmp/link.save" > /dev/null && ok "the save written through the link replays" || bad "link replay"
# Never /dev/null itself: an Emesa with this bug, run as root, replaces the
# machine's /dev/null. A null device of our own when we may make one.
if mknod -m 666 "$tmp/null" c 1 3 2> /dev/null; then
    "$emesa" "${play[@]/blue/all}" --save "$tmp/null" > /dev/null 2> "$tmp/err"; rc=$?
    [ $rc -eq 1 ] && [ -c "$tmp/null" ] && grep -q "$tmp/null: cannot write the save: it is a device, not a file" "$tmp/err" \
        && ok "--save DEVICE is refused and the device stays a device" || bad "--save DEVICE: exit $rc, $(cat "$tmp/err")"
else
    echo "skip: --save DEVICE (mknod needs root)"
fi
"$emesa" "${play[@]/blue/all}" --save "$tmp/fifo" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ -p "$tmp/fifo" ] && grep -q "it is a FIFO (named pipe), not a file" "$tmp/err" \
    && ok "--save FIFO is refused and the FIFO stays" || bad "--save FIFO: exit $rc, $(cat "$tmp/err")"
mkdir "$tmp/dir.save"
"$emesa" "${play[@]/blue/all}" --save "$tmp/dir.save" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ -d "$tmp/dir.save" ] && grep -q "it is a directory, not a file" "$tmp/err" \
    && ok "--save DIR is refused" || bad "--save DIR: exit $rc, $(cat "$tmp/err")"

# a scenario path longer than a save can record: refused, saying so
d="$tmp"
for i in $(seq 1 12); do d="$d/$(printf 'd%.0s' $(seq 1 90))"; done
mkdir -p "$d" && cp "$fixture" "$d/s.lua"
"$emesa" --headless --scenario "$d/s.lua" --ai all --ai-level 0 --save "$tmp/long.save" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$tmp/long.save" ] && grep -q "bytes long; Emesa takes paths of up to 1023 bytes" "$tmp/err" \
    && ok "a scenario path over 1023 bytes is refused: $(cut -c1-60 "$tmp/err")..." || bad "long path: exit $rc, $(cat "$tmp/err")"

# the number flags say their real ranges
"$emesa" --headless --scenario "$fixture" --seed 18446744073709551615 --ai all --ai-level 0 --save "$tmp/max.save" > /dev/null; rc=$?
[ $rc -eq 0 ] && grep -qx 'seed 18446744073709551615' "$tmp/max.save" && "$emesa" --headless --replay "$tmp/max.save" > /dev/null \
    && ok "--seed takes 2^64-1, as a save does" || bad "--seed 2^64-1: exit $rc"
err=$("$emesa" --headless --seed 18446744073709551616 2>&1); rc=$?
[ $rc -eq 2 ] && [[ "$err" == *"from 0 to 18446744073709551615"* ]] && ok "--seed 2^64: $err" || bad "--seed 2^64: $rc $err"
err=$("$emesa" --headless --seed -1 2>&1); rc=$?
[ $rc -eq 2 ] && ok "--seed -1 is refused" || bad "--seed -1: $rc $err"
err=$("$emesa" --headless --turns 2147483647 2>&1); rc=$?
[ $rc -eq 2 ] && [[ "$err" == *"from 1 to 100000"* ]] && ok "--turns 2147483647: $err" || bad "--turns: $rc $err"
err=$("$emesa" --headless --turns "$(printf '\033[2J')" 2>&1); rc=$?
[ $rc -eq 2 ] && [[ "$err" == *'\x1b[2J'* ]] && ok "a flag's value is printed escaped" || bad "flag escape: $(cat -v <<< "$err")"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]

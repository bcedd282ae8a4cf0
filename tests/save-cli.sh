#!/usr/bin/env bash
# Saves and replays from the command line: a saved game re-played prints
# the same lines; a damaged, cut, edited or out-of-date save is refused
# with a message naming the file (exit 1), a replay that goes differently
# exits 3 naming the turn; a save can be continued (play by e-mail).
set -uo pipefail
# The fixture games use the simple built-in player (--ai-level 0): these
# tests are about saves, and must not move when the computer opponent is
# tuned.
emesa="$1"
root="${EMESA_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
fixture="$root/tests/fixtures/saves/skirmish.lua"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/emesa-save-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

# FNV-1a 64 of a file, as the checksum line has it (bash arithmetic wraps
# at 64 bits)
fnv() {
    local h=$((0xcbf29ce484222325)) b
    for b in $(od -An -v -tu1 "$1"); do h=$(((h ^ b) * 0x100000001b3)); done
    printf '%016x' "$h"
}
# Rewrites a save's checksum after an edit, as a careful forger would.
resign() {
    head -n -1 "$1" > "$tmp/body"
    { cat "$tmp/body"; echo "checksum $(fnv "$tmp/body")"; } > "$1"
}

for scen in "$root/scenarios/emesa-638.lua" "$fixture"; do
    name=$(basename "$scen" .lua)
    "$emesa" --headless --scenario "$scen" --seed 7 --ai all --ai-level 0 --save "$tmp/$name.save" > "$tmp/$name.game"; rc=$?
    [ $rc -eq 0 ] && [ -s "$tmp/$name.save" ] && ok "$name: --save writes a save" || bad "$name: --save exit $rc"
    "$emesa" --headless --replay "$tmp/$name.save" > "$tmp/$name.replay"; rc=$?
    [ $rc -eq 0 ] && ok "$name: --replay exits 0" || bad "$name: --replay exit $rc"
    cmp -s "$tmp/$name.game" "$tmp/$name.replay" && ok "$name: the replay prints every line the game did" \
        || bad "$name: replay output differs: $(diff "$tmp/$name.game" "$tmp/$name.replay" | head -3)"
    a=$(tail -1 "$tmp/$name.game"); b=$("$emesa" --replay "$tmp/$name.save" --quiet | tail -1)
    [[ "$a" == result:* ]] && [ "$a" = "$b" ] && ok "$name: same last line: $b" || bad "$name: last lines '$a' vs '$b'"
done
save="$tmp/skirmish.save"

# --turns: an unfinished game saves and replays as unfinished
"$emesa" --headless --scenario "$fixture" --seed 3 --ai all --ai-level 0 --turns 2 --save "$tmp/half.save" > "$tmp/half.game"
r=$("$emesa" --replay "$tmp/half.save" | tail -1)
[[ "$r" == "result: unfinished turn 3 "* ]] && [ "$r" = "$(tail -1 "$tmp/half.game")" ] \
    && ok "an unfinished game replays: $r" || bad "unfinished replay: $r"

# play by e-mail: continue the half game; the result is the whole game's
full=$("$emesa" --headless --scenario "$fixture" --seed 3 --ai all --ai-level 0 | tail -1)
cont=$("$emesa" --headless --continue "$tmp/half.save" --ai all --ai-level 0 --save "$tmp/whole.save" | tail -1)
[ "$cont" = "$full" ] && ok "--continue finishes the game as one run would: $cont" || bad "--continue: '$cont' vs '$full'"
r=$("$emesa" --replay "$tmp/whole.save" -q | tail -1)
[ "$r" = "$full" ] && ok "the continued save replays to the same end" || bad "continued replay: $r"
head -n 3 "$tmp/half.game" > "$tmp/first3"
"$emesa" --headless --continue "$tmp/half.save" --ai all --ai-level 0 | head -n 3 | cmp -s - "$tmp/first3" \
    && bad "--continue printed the first part again" || ok "--continue prints only the new events"

# play by e-mail with orders: red gives its turn's orders and saves; the
# computer plays blue; each player continues the save with the next orders
printf 'move r1 3,4\nend-turn\n' > "$tmp/red1.cmd"
"$emesa" --headless --scenario "$fixture" --seed 5 --ai blue --commands "$tmp/red1.cmd" --save "$tmp/pbem.save" \
    > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 0 ] && grep -q "the game so far is saved in $tmp/pbem.save" "$tmp/err" \
    && ok "orders run out with --save: the game is saved for the other player" || bad "pbem first part: exit $rc $(cat "$tmp/err")"
n1=$(grep -c '^cmd ' "$tmp/pbem.save")
printf 'move r2 3,5\nend-turn\n' > "$tmp/red2.cmd"
"$emesa" --headless --continue "$tmp/pbem.save" --ai blue --commands "$tmp/red2.cmd" --save "$tmp/pbem.save" \
    > /dev/null 2>&1; rc=$?
n2=$(grep -c '^cmd ' "$tmp/pbem.save")
[ $rc -eq 0 ] && [ "$n2" -gt "$n1" ] && grep -q '^cmd move r2 3,5$' "$tmp/pbem.save" \
    && ok "the continued save holds both turns' orders ($n1 then $n2 commands)" || bad "pbem continue: exit $rc, $n1 -> $n2"
"$emesa" --replay "$tmp/pbem.save" > /dev/null && ok "the e-mailed game replays" || bad "pbem replay"
printf 'move r2 3,5\n' > "$tmp/nosave.cmd"
"$emesa" --headless --scenario "$fixture" --seed 5 --ai blue --commands "$tmp/nosave.cmd" > /dev/null 2>&1; rc=$?
[ $rc -eq 1 ] && ok "without --save, orders that run out are still an error" || bad "short command file exit $rc"

# refusals: exit 1 (or 3), a message naming the file, never a crash
refuse() { # label file expected-exit pattern
    local out rc
    out=$("$emesa" --headless --replay "$2" 2>&1 >/dev/null); rc=$?
    if [ $rc -eq "$3" ] && [[ "$out" == *"$4"* ]]; then ok "$1 (exit $rc): $(echo "$out" | head -1)"
    else bad "$1: exit $rc, message: $out"; fi
}
cp "$save" "$tmp/flip.save"
off=$(grep -b -m1 '^cmd attack' "$save" | cut -d: -f1)
printf 'b' | dd of="$tmp/flip.save" bs=1 seek=$((off + 4)) conv=notrunc status=none
refuse "a flipped byte" "$tmp/flip.save" 1 "$tmp/flip.save:"
refuse "a flipped byte is caught by the checksum" "$tmp/flip.save" 1 "checksum does not match"
head -c $(($(wc -c < "$save") / 2)) "$save" > "$tmp/cut.save"
refuse "a save cut in half" "$tmp/cut.save" 1 "$tmp/cut.save:"
refuse "a save cut in half says so" "$tmp/cut.save" 1 "cut short"
: > "$tmp/empty.save"
refuse "an empty file" "$tmp/empty.save" 1 "$tmp/empty.save:1: the file is empty"
sed '1s/.*/emesa-save 9/' "$save" > "$tmp/v9.save"
refuse "an unknown version" "$tmp/v9.save" 1 "$tmp/v9.save:1: unknown save version 9"
refuse "a missing save" "$tmp/nothing.save" 1 "$tmp/nothing.save: cannot open the save"
refuse "not a save" "$fixture" 1 "not an Emesa save"

t2=$(grep -n '^turn 2 hash' "$save" | cut -d: -f1)
sed "${t2}s/hash .*/hash 0123456789abcdef/" "$save" > "$tmp/diverged.save"
resign "$tmp/diverged.save"
refuse "an edited hash with a good checksum diverges" "$tmp/diverged.save" 3 "$tmp/diverged.save:$t2: turn 2:"
refuse "a divergence names the turn" "$tmp/diverged.save" 3 "diverged from the save at turn 2"

cp "$fixture" "$tmp/mine.lua"
"$emesa" --headless --scenario "$tmp/mine.lua" --seed 4 --ai all --ai-level 0 --turns 1 --save "$tmp/mine.save" > /dev/null
"$emesa" --replay "$tmp/mine.save" > /dev/null && ok "a save of a scenario outside the data directory" \
    || bad "absolute scenario path replay"
echo "-- changed" >> "$tmp/mine.lua"
refuse "a changed scenario" "$tmp/mine.save" 1 "scenario 'skirmish' ($tmp/mine.lua) has changed since this game was saved"

# --save never leaves a partial file; a save that cannot be written is an error
"$emesa" --headless --scenario "$fixture" --seed 7 --ai all --ai-level 0 --save "$tmp/no/such/dir.save" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "$tmp/no/such/dir.save" "$tmp/err" && ok "an unwritable --save exits 1 naming it" \
    || bad "unwritable --save: exit $rc, $(cat "$tmp/err")"
"$emesa" --headless --replay "$save" --continue "$save" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "--replay with --continue is a usage error" || bad "--replay --continue exit $rc"

# What-if switches: the save records them (version 2), a replay and
# --continue apply them, --option may not overrule a save.
s635="$root/scenarios/emesa-635.lua"
"$emesa" --headless --scenario "$s635" --seed 5 --ai all --ai-level 0 --option no-sally --option no-feint \
    --save "$tmp/wi.save" > "$tmp/wi.game"; rc=$?
[ $rc -eq 0 ] && head -1 "$tmp/wi.save" | grep -qx 'emesa-save 2' && ok "a game with switches saves as version 2" \
    || bad "switch save: exit $rc, $(head -1 "$tmp/wi.save")"
[ "$(grep '^option ' "$tmp/wi.save" | tr '\n' ' ')" = "option no-feint option no-sally " ] \
    && ok "the save records the switches, in declaration order" || bad "option lines: $(grep '^option' "$tmp/wi.save")"
"$emesa" --headless --replay "$tmp/wi.save" > "$tmp/wi.replay"; rc=$?
[ $rc -eq 0 ] && cmp -s "$tmp/wi.game" "$tmp/wi.replay" && ok "the replay applies the switches: same lines" \
    || bad "switch replay: exit $rc, $(diff "$tmp/wi.game" "$tmp/wi.replay" | head -3)"
"$emesa" --headless --scenario "$s635" --seed 5 --ai all --ai-level 0 --option no-sally --turns 3 \
    --save "$tmp/wi3.save" > /dev/null
"$emesa" --headless --scenario "$s635" --seed 5 --ai all --ai-level 0 --option no-sally --turns 6 | tail -1 > "$tmp/wi6.direct"
"$emesa" --continue "$tmp/wi3.save" --ai all --ai-level 0 --turns 6 --quiet | tail -1 > "$tmp/wi6.cont"
cmp -s "$tmp/wi6.direct" "$tmp/wi6.cont" && ok "--continue applies the save's switches" \
    || bad "switch continue: $(cat "$tmp/wi6.direct") vs $(cat "$tmp/wi6.cont")"
"$emesa" --headless --replay "$tmp/wi.save" --option no-cold > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "the save records the what-if switches" "$tmp/err" && ok "--option with --replay is refused" \
    || bad "--replay --option: exit $rc, $(cat "$tmp/err")"
sed 's/^option no-sally$/option no-such/' "$tmp/wi.save" > "$tmp/wi-bad.save"; resign "$tmp/wi-bad.save"
"$emesa" --headless --replay "$tmp/wi-bad.save" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "unknown what-if switch 'no-such'" "$tmp/err" && ok "a save with an undeclared switch is refused" \
    || bad "bad switch save: exit $rc, $(cat "$tmp/err")"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]

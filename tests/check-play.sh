#!/usr/bin/env bash
# emesa --check --play N: a scenario checked by playing it; and a normal
# game's handler errors on stderr once each, counted in the summary,
# fatal with --strict.
set -uo pipefail
emesa="$1"
root="${EMESA_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
small="$root/tests/fixtures/play/small.lua"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

# the valid fixture passes
out=$("$emesa" --check --play 10 "$small"); rc=$?
[ $rc -eq 0 ] && ok "the small siege passes --check --play 10" || bad "small.lua: exit $rc: $out"
[[ "$out" == *"$small: 10 games (levels 1-3 and the chronicle): besiegers-major "*", garrison-major "* ]] &&
    ok "the outcome spread is printed" || bad "no spread: $out"
[[ "$out" == *"check --play: 1 file, 10 games, 0 errors, 0 warnings" ]] && ok "last line" || bad "last line: $out"

# a handler naming a missing unit on turn 3: file:line, the id, how often
sed 's/emesa.unit("g1")/emesa.unit("g9")/' "$small" > "$tmp/typo.lua"
"$emesa" --check "$tmp/typo.lua" >/dev/null && ok "the static check cannot see it" || bad "static check refused typo.lua"
out=$("$emesa" --check --play 10 "$tmp/typo.lua"); rc=$?
[ $rc -eq 1 ] && ok "--check --play exits 1 on a handler error" || bad "typo.lua exit $rc"
[[ "$out" == *"$tmp/typo.lua:37: emesa.unit: unknown unit 'g9' (in 10 of 10 games; first: seed 1, level 1, turn 3)"* ]] &&
    ok "the error names file:line and the id" || bad "typo.lua: $out"

# a chronicle order that cannot be given in the game
sed 's/order = "hold" }/order = "move b1 11,9" }/' "$small" > "$tmp/chron.lua"
out=$("$emesa" --check --play 8 "$tmp/chron.lua"); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"$tmp/chron.lua:34: chronicle (besiegers, turn 2): 'move b1 11,9' could not be given: b1 cannot reach 11,9"* ]] &&
    ok "a chronicle order not given: file:line" || bad "chron.lua exit $rc: $out"

# a side that never wins is a warning; --strict makes it fail
out=$("$emesa" --check --play 1 "$small"); rc=$?
[ $rc -eq 0 ] && [[ "$out" == *"$small: warning: besiegers won none of the 1 games"* ]] &&
    ok "a side that never wins: a warning" || bad "--play 1: exit $rc: $out"
"$emesa" --check --play 1 --strict "$small" >/dev/null; rc=$?
[ $rc -eq 1 ] && ok "--strict fails on a warning" || bad "--strict exit $rc"

# a game over on turn 1: every game is, so it is an error
sed 's/victory { side = "besiegers", kind = "take_place", place = "town" }/victory { side = "besiegers", kind = "take_place", place = "camp" }/' "$small" > "$tmp/early.lua"
out=$("$emesa" --check --play 3 "$tmp/early.lua"); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"$tmp/early.lua: no game went past turn 2"* ]] &&
    ok "games over at once: an error" || bad "early.lua exit $rc: $out"

"$emesa" --play 3 "$small" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "--play without --check is a usage error" || bad "--play alone exit $rc"

# a normal game: each different error once on stderr, also with --quiet
sed 's/if ev.turn == 3 then/if ev.turn >= 3 then/; s/emesa.unit("g1")/emesa.unit("g9")/' "$small" > "$tmp/every.lua"
"$emesa" --headless --quiet --ai all --seed 1 --scenario "$tmp/every.lua" >"$tmp/out" 2>"$tmp/err"; rc=$?
n=$(grep -c "every.lua:37: emesa.unit: unknown unit 'g9'" "$tmp/err")
[ $rc -eq 0 ] && [ "$n" = 1 ] && ok "a repeated error is printed once on stderr" || bad "exit $rc, $n lines: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/err")" = 1 ] && ok "and nothing else" || bad "stderr: $(cat "$tmp/err")"
grep -Eq '^  scenario errors: [0-9]+ in the event handlers' "$tmp/out" && ! grep -q '^  scenario errors: 1 ' "$tmp/out" &&
    ok "the summary counts every time it happened" || bad "summary: $(cat "$tmp/out")"
"$emesa" --headless --quiet --ai all --seed 1 --strict --scenario "$tmp/every.lua" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q '^result: unfinished turn 3 ' "$tmp/out" && grep -q -- '--strict' "$tmp/err" &&
    ok "--strict stops the game at the first error, exit 1" || bad "--strict: exit $rc: $(cat "$tmp/out" "$tmp/err")"
out=$("$emesa" --headless --quiet --ai all --seed 1 --scenario "$small" 2>&1)
[[ "$out" != *"scenario errors"* ]] && ok "no errors, no line in the summary" || bad "clean game: $out"

# The ten typical mistakes, each one line of the small siege changed (the
# fixtures m01..m10): each refused by --check --play 10 with exit 1 and one
# problem at the line of the mistake.
want=(
  "m01-unit-off-map.lua:21: unit[g1].at: hex 5,14 is off the map"
  "m02-unit-in-wall.lua:24: unit[b1].at: hex 4,3 is inside the town (wall)"
  "m03-misspelled-key.lua:5: side[besiegers].moral: unknown key 'moral'"
  "m04-gate-not-on-gate-hex.lua:20: gate[west].at: hex 4,5 is wall; a gate must stand on a gate hex"
  "m05-road-to-unknown-place.lua:44: route.to: unknown theatre place 'hmoe'"
  "m06-handler-missing-unit.lua:37: emesa.unit: unknown unit 'g9' (in 10 of 10 games"
  "m07-runtime-error-turn-3.lua:38: attempt to concatenate a nil value (field 'strength') (in 10 of 10 games; first: seed 1, level 1, turn 3)"
  "m08-victory-unknown-side.lua:30: victory.side: unknown side 'besieger'"
  "m09-map-row-length.lua:11: map.rows: row 4 has 11 letters; expected 12"
  "m10-reinforcement-turn-0.lua:28: unit[b5].arrives.turn: 0 is out of range"
)
for w in "${want[@]}"; do
    f="$root/tests/fixtures/play/${w%%:*}"
    out=$("$emesa" --check --play 10 "$f"); rc=$?
    problems=$(grep -c "^$f:[0-9]*: " <<< "$out")
    [ $rc -eq 1 ] && [[ "$out" == *"$root/tests/fixtures/play/$w"* ]] && [ "$problems" = 1 ] &&
        ok "mistake refused once at its line: ${w%%:*}" || bad "${w%%:*}: exit $rc, $problems problems: $out"
done

# the reference's "Intercepting a column" example, added to the 638 file,
# holds al-Qa'qa' at Palmyra two turns (the computer does not send him on)
{ cat "$root/scenarios/emesa-638.lua"; sed -n '/^local held_until = nil/,/^end)/p' "$root/scenarios/README.md"; } > "$tmp/ambush.lua"
out=$("$emesa" --headless --scenario "$tmp/ambush.lua" --seed 2 --ai all 2>&1)
[[ "$out" == *"T13 column al-Qa'qa's 4,000 (from Sa'd) halts at Palmyra"* ]] &&
    [[ "$out" == *"T15 column al-Qa'qa's 4,000 (from Sa'd) marches for Emesa at a forced pace"* ]] &&
    [[ "$out" != *"T14 column al-Qa'qa's"* ]] && [[ "$out" != *"scenario error"* ]] &&
    ok "the interception example stops the column, and only a handler sends it on" ||
    bad "interception example: $(grep -i "qa'qa's 4,000\|scenario error" <<< "$out")"

# a siege written from scenarios/README.md alone (not from the shipped
# files): Damascus 634, two gates with their camps, a relief column held
# on the road by its one handler, a chronicle of three steps
dam="$root/tests/fixtures/play/damascus-634.lua"
out=$("$emesa" --check --play 10 "$dam"); rc=$?
[ $rc -eq 0 ] && [[ "$out" == *"$dam: 10 games (levels 1-3 and the chronicle): "* ]] &&
    [[ "$out" == *"check --play: 1 file, 10 games, 0 errors, "* ]] &&
    ok "Damascus 634 from the reference passes --check --play 10" || bad "damascus-634.lua: exit $rc: $out"
out=$("$emesa" --headless --scenario "$dam" --seed 2 --ai all --ai-level 2 --chronicle 2>&1)
[[ "$out" == *"T3 column Relief from Emesa halts at Baalbek"* ]] &&
    [[ "$out" == *"T3 message Arab horsemen hold the relief on the road at Baalbek."* ]] &&
    [[ "$out" == *"T5 column Relief from Emesa marches for Damascus"* ]] &&
    ok "Damascus 634: its handler holds the relief at Baalbek two turns, then sends it on" ||
    bad "damascus relief: $(grep -i "relief\|baalbek" <<< "$out")"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]

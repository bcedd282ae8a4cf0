#!/usr/bin/env bash
# The command line as a user meets it: a seeded game plays to an end, the
# same seed gives the same last line, another seed another game, --check
# and the GNU-style flags behave.
set -uo pipefail
emesa="$1"
root="${EMESA_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
scen="$root/scenarios/emesa-638.lua"
fail=0
pass=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

a=$("$emesa" --headless --scenario "$scen" --seed 7 --ai all | tail -1)
b=$("$emesa" --headless --scenario "$scen" --seed 7 --ai all | tail -1)
c=$("$emesa" --headless --scenario "$scen" --seed 8 --ai all | tail -1)
[[ "$a" =~ ^result:\ [a-z-]+\ turn\ [0-9]+\ hash\ [0-9a-f]{16}$ ]] && ok "last line form: $a" || bad "last line form: $a"
[[ "$a" != *unfinished* ]] && ok "seed 7 plays to an end" || bad "seed 7 unfinished"
[ "$a" = "$b" ] && ok "same seed, same game" || bad "seed 7 twice: '$a' vs '$b'"
[ "$a" != "$c" ] && ok "seed 8 is another game" || bad "seed 8 gives the same: $c"
odd=$("$emesa" --headless --scenario "$scen" --seed 7 --ai all | grep -Ev '^(T[0-9]+(\.[0-9]+)? |summary:|  |result:)')
[ -z "$odd" ] && ok "every event line begins with the turn" || bad "lines neither events nor summary: $odd"
t=$("$emesa" --headless --scenario "$scen" --seed 7 --ai all --turns 2 | tail -1)
[[ "$t" == "result: unfinished turn 3 "* ]] && ok "--turns 2 stops: $t" || bad "--turns 2: $t"

"$emesa" --check "$root"/scenarios/*.lua && ok "--check passes the shipped scenarios" || bad "--check on shipped scenarios"
printf 'scenario { id = "x", title = "x" }\nmap { width = 5, height = 5, legend = { ["."] = "open" }, rows = [[\n.....\n..Q..\n.....\n.....\n.....\n]] }\n' > /tmp/emesa-bad.$$.lua
out=$("$emesa" --check /tmp/emesa-bad.$$.lua); rc=$?
[ $rc -eq 1 ] && ok "--check exits 1 on a bad file" || bad "--check exit $rc"
[[ "$out" == /tmp/emesa-bad.$$.lua:*:* ]] && ok "--check names file:line: $out" || bad "--check message: $out"
rm -f /tmp/emesa-bad.$$.lua

"$emesa" --help | grep -q '^Usage: emesa' && ok "--help" || bad "--help"
"$emesa" --version | grep -Eq '^emesa [0-9]+\.[0-9]+' && ok "--version" || bad "--version"
"$emesa" --frobnicate >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "unknown flag exits 2" || bad "unknown flag exit $rc"
u=$("$emesa" --frobnicate 2>&1)
[[ "$u" == *Usage:* ]] && ok "unknown flag prints usage" || bad "no usage on unknown flag"
"$emesa" --headless --scenario "$scen" --seed x --ai all >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "bad seed exits 2" || bad "bad seed exit $rc"

# The chronicle: the computer follows the recorded course, and says so.
ch=$("$emesa" --headless --scenario "$scen" --seed 7 --ai all --chronicle 2>/dev/null)
grep -q '^T1 chronicle rashidun: hold' <<< "$ch" && ok "--chronicle gives the recorded orders" || bad "--chronicle: no T1 hold order"
[[ "$(echo "$ch" | tail -1)" =~ ^result:\ [a-z-]+\ turn ]] && ok "--chronicle plays to an end" || bad "--chronicle: $(echo "$ch" | tail -1)"

# What-if switches: --list-options, --option in --headless and --check.
s635="$root/scenarios/emesa-635.lua"
lo=$("$emesa" --list-options --scenario "$s635")
[ "$(printf '%s\n' "$lo" | cut -f1 | head -1)" = no-feint ] && ok "--list-options: id first" || bad "--list-options: $lo"
[ "$(printf '%s\n' "$lo" | awk -F'\t' 'NF == 3' | wc -l)" -ge 3 ] && ok "--list-options: id, label, text for 3+ switches" || bad "--list-options fields: $lo"
plain=$("$emesa" --headless --quiet --scenario "$s635" --seed 3 --ai all --ai-level 0 | tail -1)
nosally=$("$emesa" --headless --quiet --scenario "$s635" --seed 3 --ai all --ai-level 0 --option no-sally | tail -1)
again=$("$emesa" --headless --quiet --scenario "$s635" --seed 3 --ai all --ai-level 0 --option no-sally | tail -1)
[ "$plain" != "$nosally" ] && ok "--option no-sally is another game" || bad "--option changed nothing: $plain"
[ "$nosally" = "$again" ] && ok "--option: same seed, same game" || bad "--option twice: '$nosally' vs '$again'"
two=$("$emesa" --headless --quiet --scenario "$s635" --seed 3 --ai all --ai-level 0 --option no-cold --option no-feint | tail -1)
owt=$("$emesa" --headless --quiet --scenario "$s635" --seed 3 --ai all --ai-level 0 --option no-feint --option no-cold | tail -1)
[ "$two" = "$owt" ] && ok "the order of --option flags does not matter" || bad "--option order: '$two' vs '$owt'"
err=$("$emesa" --headless --quiet --scenario "$s635" --seed 3 --ai all --option no-such 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && ok "unknown --option exits 1" || bad "unknown --option exit $rc"
[[ "$err" == *"unknown what-if switch 'no-such'"*"no-feint"* ]] && ok "unknown --option names the id and the switches" || bad "unknown --option: $err"
"$emesa" --check --option no-sally "$s635" && ok "--check with a switch on" || bad "--check --option no-sally"
err=$("$emesa" --check --option no-such "$s635" 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$err" == *"no-such"* ]] && ok "--check names an unknown switch" || bad "--check --option no-such: $rc $err"

# --what-if: a batch of seeded games on threads; the figures do not depend
# on the number of threads and every CSV row is the single headless game.
tmp=$(mktemp -d)
s638="$root/scenarios/emesa-638.lua"
lo638=$("$emesa" --list-options --scenario "$s638")
w1=$("$emesa" --what-if --scenario "$s635" --games 6 --jobs 1 --ai-level 1 --csv "$tmp/j1.csv" 2>"$tmp/err"); rc=$?
w2=$("$emesa" --what-if --scenario "$s635" --games 6 --jobs 2 --ai-level 1 --csv "$tmp/j2.csv")
[ $rc -eq 0 ] && ok "--what-if runs" || bad "--what-if exit $rc: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] && ok "--what-if: no progress line when stderr is not a terminal" || bad "--what-if stderr: $(cat "$tmp/err")"
[ "$w1" = "$w2" ] && ok "--what-if: --jobs 1 and --jobs 2 print the same" || bad "--what-if jobs: '$w1' vs '$w2'"
cmp -s "$tmp/j1.csv" "$tmp/j2.csv" && ok "--what-if: --jobs 1 and --jobs 2 write the same CSV" || bad "--what-if CSV differs"
last=$(tail -1 <<< "$w1")
iv='[0-9]+\.[0-9] % \([0-9]+\.[0-9]-[0-9]+\.[0-9]\)'
[[ "$last" =~ ^what-if:\ 6\ games,\ rashidun\ $iv,\ byzantine\ $iv,\ draw\ $iv,\ median\ end\ turn\ [0-9.]+$ ]] \
    && ok "--what-if last line: $last" || bad "--what-if last line: $last"
sum=$(head -n -1 <<< "$w1" | awk '{ n += $2 } END { print n }')
[ "$sum" = 6 ] && ok "--what-if: the outcome lines count every game" || bad "--what-if outcome lines: $w1"
[ "$(head -1 "$tmp/j1.csv")" = "seed,outcome,turn,hash,rashidun_morale,rashidun_sp_lost,byzantine_morale,byzantine_sp_lost,rashidun_food_days,byzantine_food_days,departures,homes_taken" ] \
    && ok "--what-if CSV header" || bad "--what-if CSV header: $(head -1 "$tmp/j1.csv")"
[ "$(wc -l < "$tmp/j1.csv")" -eq 7 ] && ok "--what-if CSV: a row per game" || bad "--what-if CSV rows: $(wc -l < "$tmp/j1.csv")"
for seed in 2 5; do
    row=$(awk -F, -v s=$seed '$1 == s { print "result: " $2 " turn " $3 " hash " $4 }' "$tmp/j1.csv")
    one=$("$emesa" --headless --quiet --scenario "$s635" --seed $seed --ai all --ai-level 1 | tail -1)
    [ "$row" = "$one" ] && ok "--what-if CSV row $seed is the headless game" || bad "--what-if row $seed: '$row' vs '$one'"
done
"$emesa" --what-if --scenario "$s638" --games 3 --jobs 2 --option "$(cut -f1 <<< "$lo638" | head -1)" --csv "$tmp/o.csv" >/dev/null \
    && ok "--what-if with a switch (638)" || bad "--what-if --option on 638"
row=$(awk -F, '$1 == 3 { print "result: " $2 " turn " $3 " hash " $4 }' "$tmp/o.csv")
one=$("$emesa" --headless --quiet --scenario "$s638" --seed 3 --ai all --option "$(cut -f1 <<< "$lo638" | head -1)" | tail -1)
[ "$row" = "$one" ] && ok "--what-if --option row 3 is the headless game with the switch" || bad "--what-if --option row: '$row' vs '$one'"
# The turn of each arrival and departure: the CSV's column for al-Qa'qa's
# arrival and the Arabs of Hit's going home are the turns of their events.
# (Seed 4 at level 1: the Arabs of Hit go home, the Tanukh stay.)
"$emesa" --what-if --scenario "$s638" --games 4 --jobs 2 --ai-level 1 --csv "$tmp/t.csv" >/dev/null
ev=$("$emesa" --headless --scenario "$s638" --seed 4 --ai all --ai-level 1)
col() { awk -F, -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == n) c = i } $1 == 4 { print $c }' "$tmp/t.csv"; }
want=$(grep -m1 "arrival: column al-Qa'qa'" <<< "$ev" | sed 's/^T\([0-9]*\) .*/\1/')
[ -n "$want" ] && [ "$(col qaqa_arrived)" = "$want" ] && ok "--what-if CSV: qaqa_arrived is the arrival's turn ($want)" \
    || bad "--what-if CSV qaqa_arrived: '$(col qaqa_arrived)' vs event turn '$want'"
want=$(grep -m1 "column al-Qa'qa'.* sets out" <<< "$ev" | sed 's/^T\([0-9]*\) .*/\1/')
[ -n "$want" ] && [ "$(col qaqa_out)" = "$want" ] && ok "--what-if CSV: qaqa_out is the setting out's turn ($want)" \
    || bad "--what-if CSV qaqa_out: '$(col qaqa_out)' vs event turn '$want'"
want=$(grep -m1 "dispersal: Arabs of Hit" <<< "$ev" | sed 's/^T\([0-9]*\) .*/\1/')
[ -n "$want" ] && [ "$(col hit_arabs_left)" = "$want" ] && [ -z "$(col tanukh_left)" ] && ok "--what-if CSV: hit_arabs_left is the dispersal's turn ($want), tanukh_left empty (never)" \
    || bad "--what-if CSV hit_arabs_left: '$(col hit_arabs_left)' vs event turn '$want'"
for args in "--games 0" "--jobs 0" "--games x" "--games 3 --headless" "--games 3" "--games 3 --seed 4" "--games 3 --turns 2"; do
    err=$("$emesa" $( [ "$args" = "--games 3" ] || echo --what-if ) $args --scenario "$s635" 2>&1 >/dev/null); rc=$?
    [ $rc -eq 2 ] && [ -n "$err" ] && ok "bad batch flags ($args) exit 2: $err" || bad "batch flags $args: exit $rc: $err"
done
err=$("$emesa" --what-if --games 2 --scenario "$s635" --csv "$tmp/no/such/out.csv" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && [[ "$err" == *"$tmp/no/such/out.csv"* ]] && ok "--csv into a missing directory names the path" \
    || bad "--csv missing dir: $rc $err"
err=$("$emesa" --what-if --games 2 --scenario "$s635" --option no-such 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [[ "$err" == *"no-such"* ]] && ok "--what-if with an unknown switch exits 1" || bad "--what-if --option no-such: $rc $err"
rm -rf "$tmp"

# tools/balance's decision deltas: one table row per switch (when built).
balance="$(dirname "$emesa")/tools/balance"
if [ -x "$balance" ]; then
    bt=$("$balance" --games 2 --setups s:s --deltas s:s --quiet "$s635")
    n=$(grep -c '^| emesa-635.lua | no-' <<< "$bt")
    [ "$n" -eq "$(printf '%s\n' "$lo" | wc -l)" ] && ok "balance --deltas: a row per switch ($n)" || bad "balance deltas rows: $n"
    grep -q '^| emesa-635.lua | s:s | 2 | rashidun ' <<< "$bt" && ok "balance: the setup row with the win shares" \
        || bad "balance setup row: $bt"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]

#!/bin/sh
# reports.sh MONKEY - the monkey's failure report: a game spoilt at a
# chosen event (--break-at) must stop the run there with exit 1, naming
# the seed, the event and the broken invariant, and where the window's
# files are kept; a clean run leaves none.
set -u
monkey=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Seed 4 is in a game by event 60.
TMPDIR=$tmp "$monkey" --seed 4 --events 400 --break-at 60 --quiet >"$tmp/out" 2>"$tmp/err"
rc=$?
fail() { echo "monkey-reports: $*"; cat "$tmp/err"; exit 1; }
[ $rc -eq 1 ] || fail "exit $rc, not 1"
grep -q '^monkey: seed 4, event 60 ' "$tmp/err" || fail "no 'seed 4, event 60' line"
grep -q "invariant check fails: unit .* on the map with 0 SP" "$tmp/err" || fail "the broken invariant is not named"
grep -q "files (settings, saves) are kept in $tmp/emesa-monkey-" "$tmp/err" || fail "the files' directory is not named"
rm -rf "$tmp"/emesa-monkey-*
TMPDIR=$tmp "$monkey" --seed 4 --events 100 --quiet >"$tmp/out" 2>"$tmp/err" || fail "the clean run failed"
[ -z "$(ls -A "$tmp" | grep -v '^out$\|^err$')" ] || fail "files left in TMPDIR: $(ls -A "$tmp")"
echo "monkey-reports: seed 4 stopped at event 60 with the broken invariant"

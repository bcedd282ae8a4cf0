#!/usr/bin/env bash
# The man page and --help list the same options: every option --help lists
# has an entry in the man page's OPTIONS section and every entry there is in
# --help; the page formats without groff warnings.
# Usage: man-help.sh EMESA MANPAGE
set -uo pipefail
emesa="$1" page="$2"
fail=0
pass=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
# "-s, --scenario=PATH" -> "-s" and "--scenario"
names() { grep -oE -- '--[a-z][a-z-]*|-[A-Za-z]\b' | sort -u; }

help=$(LANGUAGE=C LC_ALL=C "$emesa" --help | grep -E '^ +(-[A-Za-z], )?--[a-z]' | grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z-]*' | names)
man=$(awk '/^\.SH /{inopt = ($2 == "OPTIONS")} inopt && /^\.TP/{getline; print}' "$page" \
      | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' | grep -E '^\.(B|BR|I|IR) ' | names)
[ "$(wc -l <<<"$help")" -ge 20 ] && ok "--help lists $(wc -l <<<"$help") option names" || bad "--help lists too few: $help"
missing=$(comm -23 <(echo "$help") <(echo "$man"))
extra=$(comm -13 <(echo "$help") <(echo "$man"))
[ -z "$missing" ] && ok "every option of --help is in the man page" || bad "not in the man page: $(echo $missing)"
[ -z "$extra" ] && ok "every option of the man page is in --help" || bad "in the man page, not in --help: $(echo $extra)"
grep -q -- '--what-if' <<<"$man" && ok "the man page documents --what-if" || bad "no --what-if entry"
for s in 'EXIT STATUS' FILES ENVIRONMENT; do
    grep -q "^\.SH $s" "$page" && ok "section $s" || bad "no section $s"
done
if command -v groff >/dev/null; then
    w=$(groff -man -ww -z -Tutf8 "$page" 2>&1)
    [ -z "$w" ] && ok "groff: no warnings" || bad "groff: $w"
fi
echo "man-help: $pass passed, $fail failed"
[ $fail -eq 0 ]

#!/usr/bin/env bash
# Every message marked for translation in the sources (po/POTFILES) has a
# translation in each po/LANG.po of po/LINGUAS, and the .po files pass
# msgfmt --check (formats match). Skipped (77) without gettext's tools.
# Usage: po-check.sh SOURCE_ROOT
set -uo pipefail
root="$1"
for t in xgettext msgcmp msgfmt; do
    command -v "$t" >/dev/null || { echo "po-check: $t is not installed (package gettext)"; exit 77; }
done
tmp=$(mktemp -d /tmp/emesa-po.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
# the same keywords as po/meson.build
(cd "$root" && xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --add-comments=TRANSLATORS: \
    -o "$tmp/fresh.pot" --files-from=po/POTFILES) || bad "xgettext"
n=$(grep -c '^msgid ' "$tmp/fresh.pot")
[ "$n" -gt 50 ] && ok "$((n - 1)) messages marked" || bad "only $n messages marked"
for lang in $(grep -v '^#' "$root/po/LINGUAS"); do
    out=$(msgcmp "$root/po/$lang.po" "$tmp/fresh.pot" 2>&1) \
        && ok "$lang.po translates every marked message" || bad "$lang.po: $out"
    out=$(msgfmt --check -o /dev/null "$root/po/$lang.po" 2>&1) \
        && ok "$lang.po passes msgfmt --check" || bad "$lang.po: $out"
done
echo "po-check: $pass passed, $fail failed"
[ $fail -eq 0 ]

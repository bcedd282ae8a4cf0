#!/usr/bin/env bash
# An installed emesa finds its data: `meson install --destdir` stages the
# install in a temporary directory, and the staged binary, run from / with
# no EMESA_DATA_DIR, plays a game from the staged scenarios (the data
# directory beside it, bindir/../share/emesa) with the same result as the
# build's binary.
# With LANGUAGE=ar both print --help in Arabic (the build's from build/po,
# the staged one from its own localedir) and the game's lines stay English.
# Usage: install-cli.sh MESON BUILD_ROOT BINDIR DATADIR MANDIR LOCALEDIR
# (absolute, as configured: prefix/bindir, prefix/datadir, ...).
set -uo pipefail
meson="$1" build="$2" bindir="$3" share="$4" mandir="$5" localedir="$6"
datadir="$share/emesa"
fail=0
pass=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
stage=$(mktemp -d /tmp/emesa-install.XXXXXX)
trap 'rm -rf "$stage"' EXIT
unset EMESA_DATA_DIR DESTDIR

if "$meson" install -C "$build" --no-rebuild --quiet --destdir "$stage" >"$stage.log" 2>&1; then
    ok "meson install --destdir"
else
    bad "meson install: $(tail -5 "$stage.log")"
fi
rm -f "$stage.log"
exe="$stage$bindir/emesa"
data="$stage$datadir"
for f in "$exe" "$data/scenarios/emesa-635.lua" "$data/scenarios/emesa-638.lua" \
         "$data/scenarios/README.md" "$data/assets/units/infantry.svg" "$data/assets/terrain/wall.svg" \
         "$stage$share/applications/org.emesa.Emesa.desktop" "$stage$share/metainfo/org.emesa.Emesa.metainfo.xml" \
         "$stage$share/icons/hicolor/scalable/apps/org.emesa.Emesa.svg" "$stage$mandir/man6/emesa.6" "$stage$localedir/ar/LC_MESSAGES/emesa.mo"; do
    [ -e "$f" ] && ok "installed ${f#"$stage"}" || bad "not installed: ${f#"$stage"}"
done

want=$("$build/emesa" --headless --quiet --seed 1 --ai all | tail -1)
got=$(cd / && "$exe" --headless --quiet --seed 1 --ai all 2>&1 | tail -1); rc=$?
[ $rc -eq 0 ] && [[ "$got" == "result: "* ]] && [[ "$got" != *unfinished* ]] \
    && ok "installed binary plays a game from /: $got" || bad "installed binary from / (exit $rc): $got"
[ "$got" = "$want" ] && ok "same game as the build's binary" || bad "installed '$got' vs build '$want'"

grep -q "^\.I $datadir\$" "$stage$mandir/man6/emesa.6" \
    && ok "the man page names the configured data directory" || bad "the man page's FILES: no $datadir"

# Arabic --help, from / and with no locale but C.UTF-8 or none at all.
for e in "$build/emesa" "$exe"; do
    h=$(cd / && LANGUAGE=ar LC_ALL=C.UTF-8 "$e" --help | head -1)
    [[ "$h" == "الاستعمال: emesa"* ]] && ok "LANGUAGE=ar ${e#"$stage"} --help: $h" || bad "LANGUAGE=ar ${e#"$stage"} --help: $h"
done
h=$(cd / && env -u LANG -u LC_ALL -u LC_MESSAGES LANGUAGE=ar "$exe" --help | grep -c -- '--what-if')
[ "$h" -ge 3 ] && [[ "$(cd / && env -u LANG -u LC_ALL -u LC_MESSAGES LANGUAGE=ar "$exe" --help | head -1)" == "الاستعمال:"* ]] \
    && ok "LANGUAGE=ar in the C locale still translates" || bad "LANGUAGE=ar without LANG"
u=$(cd / && LANGUAGE=ar "$exe" --frobnicate 2>&1 | head -1)
[ "$u" = "emesa: خيار غير معروف --frobnicate" ] && ok "an error message in Arabic: $u" || bad "error in Arabic: $u"
got=$(cd / && LANGUAGE=ar "$exe" --headless --quiet --seed 1 --ai all 2>&1 | tail -1)
[ "$got" = "$want" ] && ok "the game's lines stay English under LANGUAGE=ar" || bad "LANGUAGE=ar game: $got"

# It read the staged data, not the source tree: without the staged default
# scenario it fails naming the staged path.
mv "$data/scenarios/emesa-638.lua" "$stage/moved.lua"
msg=$(cd / && "$exe" --headless --quiet --seed 1 --ai all 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$msg" == *"$data/scenarios/emesa-638.lua"* ]] \
    && ok "reads the installed data directory" || bad "without the staged scenario (exit $rc): $msg"
# --data-dir and EMESA_DATA_DIR still override it.
mkdir -p "$stage/other/scenarios" && mv "$stage/moved.lua" "$stage/other/scenarios/emesa-638.lua"
got=$(cd / && "$exe" --data-dir "$stage/other" --headless --quiet --seed 1 --ai all 2>&1 | tail -1)
[ "$got" = "$want" ] && ok "--data-dir overrides" || bad "--data-dir: $got"
got=$(cd / && EMESA_DATA_DIR="$stage/other" "$exe" --headless --quiet --seed 1 --ai all 2>&1 | tail -1)
[ "$got" = "$want" ] && ok "EMESA_DATA_DIR overrides" || bad "EMESA_DATA_DIR: $got"

echo "install-cli: $pass passed, $fail failed"
[ $fail -eq 0 ]

#!/usr/bin/env bash
# Validates what a desktop and a software centre read: the desktop entry
# (desktop-file-validate, package desktop-file-utils) and the AppStream
# metainfo (appstreamcli validate --no-net, package appstream; without
# --no-net it also tries to fetch the screenshots and the homepage).
# Exits 77 (a skip for meson test) when a validator is not installed.
# Usage: tools/validate-data.sh [DATA_DIR]   (default: the source's data/)
set -uo pipefail
dir="${1:-$(cd "$(dirname "$0")/../data" && pwd)}"
for t in desktop-file-validate appstreamcli; do
    if ! command -v "$t" >/dev/null; then
        echo "validate-data: $t is not installed (tools/deps.sh --test installs it)"
        exit 77
    fi
done
fail=0
echo "== desktop-file-validate $dir/org.emesa.Emesa.desktop"
desktop-file-validate "$dir/org.emesa.Emesa.desktop" || fail=1
echo "== appstreamcli validate --no-net $dir/org.emesa.Emesa.metainfo.xml"
appstreamcli validate --no-net "$dir/org.emesa.Emesa.metainfo.xml" || fail=1
[ $fail -eq 0 ] && echo "validate-data: ok" || echo "validate-data: FAILED"
exit $fail

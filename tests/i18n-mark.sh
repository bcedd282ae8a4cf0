#!/bin/sh
# i18n-mark.sh - tools/i18n-mark.py marks what the window shows and only
# that (a fixture: text, %s pieces, arrays, struct tables, ternaries; left
# alone: event lines, file names, "%d", marked ones, unlisted returns),
# changes nothing the second time, and src/ui has nothing left to mark.
# Usage: i18n-mark.sh SOURCE_DIR
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/tests/fixtures/i18n-mark/in.c" "$tmp/t.c"
python3 "$src/tools/i18n-mark.py" "$tmp/t.c" >/dev/null
diff -u "$src/tests/fixtures/i18n-mark/expected.c" "$tmp/t.c"
python3 "$src/tools/i18n-mark.py" --check "$tmp/t.c"
python3 "$src/tools/i18n-mark.py" --check "$src"/src/ui/*.c || {
    echo "i18n-mark: run tools/i18n-mark.py, then translate the new messages (po/)" >&2
    exit 1
}
echo "i18n-mark: ok"

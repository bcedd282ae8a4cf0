#!/usr/bin/env bash
# The rules engine depends on libc only: every #include in src/core must be
# a C standard library header or another core header. Prints offenders.
set -euo pipefail
dir="${1:-$(dirname "$0")/../src/core}"
allowed='assert|ctype|errno|float|inttypes|limits|math|stdarg|stdbool|stddef|stdint|stdio|stdlib|string|time'
bad=0
while IFS= read -r line; do
    file=${line%%:*}
    inc=$(echo "$line" | sed -E 's/.*#include *[<"]([^>"]+)[>"].*/\1/')
    if echo "$line" | grep -q '#include *"'; then
        [ -f "$(dirname "$file")/$inc" ] && continue
    else
        echo "$inc" | grep -Eq "^($allowed)\.h$" && continue
    fi
    echo "$line: core may include only libc and core headers"
    bad=1
done < <(grep -Hn '#include' "$dir"/*.c "$dir"/*.h)
if [ $bad -eq 0 ]; then echo "core includes libc and core headers only"; fi
exit $bad

#!/usr/bin/env bash
# Sets everything up and starts the game (the 638 scenario by default).
# Extra arguments go to emesa, e.g. tools/play.sh --scenario scenarios/emesa-635.lua
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
if [ ! -f build/build.ninja ]; then
    meson setup build --buildtype=debugoptimized
fi
ninja -C build emesa
exec build/emesa "$@"

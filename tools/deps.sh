#!/usr/bin/env bash
# Installs the Debian packages Emesa needs to build, run and test, if any
# are missing. Needs root (or sudo) only when something must be installed.
set -euo pipefail
PKGS=(build-essential meson ninja-build pkg-config check
      libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev liblua5.4-dev
      libfontconfig-dev fonts-dejavu-core xvfb xauth gettext)
if [ "${1:-}" = "--test" ]; then
    PKGS+=(clang valgrind desktop-file-utils appstream)
fi
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

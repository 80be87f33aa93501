#!/bin/bash
# tools/install-deps.sh
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages that building and testing need, only those missing,
# through sudo when not root. `install-deps.sh SET...` adds an extra set: fuzz (clang and
# libFuzzer, for make fuzz) or valgrind (for make check-valgrind).
set -eu

packages=(
  # build
  gcc make pkg-config meson ninja-build gettext libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libnotify-dev libjson-glib-dev
  # run
  adwaita-icon-theme libgtk-4-bin
  # tests: a display, a session bus, accessibility, validators, spelling
  xvfb xauth dbus at-spi2-core xdotool desktop-file-utils appstream locales poppler-utils
  hunspell hunspell-sv hunspell-da python3-gi
)

for set in "$@"; do
  case $set in
    fuzz) packages+=(clang libclang-rt-14-dev llvm) ;;
    valgrind) packages+=(valgrind) ;;
    *) echo "install-deps.sh: unknown set $set" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "Please install as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

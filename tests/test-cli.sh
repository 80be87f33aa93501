#!/bin/bash
# tests/test-cli.sh CRAFT-COMPANION
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line as a person uses it: --version, --help, --data-dir, and a second launch
# that raises the first window instead of opening another. Needs a display and a session bus,
# and counts windows on it, so it runs alone (is_parallel: false).
set -u
bin=${1:?path to craft-companion}
tmp=$(mktemp -d)
pids=()
cleanup () { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
failed=0

count_windows () {
  xdotool search --onlyvisible --name '^Craft Companion$' 2>/dev/null | wc -l
}

# Waits until there are $1 windows and the file $2 exists.
wait_for () {
  for _ in $(seq 1 100); do
    [ "$(count_windows)" -ge "$1" ] && [ -e "$2" ] && return 0
    sleep 0.2
  done
  return 1
}

echo "1..5"

out=$("$bin" --version 2>&1)
[ "$out" = "Craft Companion 0.1.0" ] && ok "--version prints the version" || not_ok "--version printed: $out"

"$bin" --help 2>&1 | grep -q -- '--data-dir=DIR' && ok "--help lists --data-dir" || not_ok "--help lacks --data-dir"

# A first launch opens the window and creates the private data folder.
"$bin" > "$tmp/first.log" 2>&1 &
pids+=($!)
if wait_for 1 "$XDG_DATA_HOME/craft-companion/craft-companion.db" \
   && [ "$(stat -c %a "$XDG_DATA_HOME/craft-companion")" = 700 ]; then
  ok "first launch opens a window and a private data folder"
else
  not_ok "first launch: no window or no private data folder"; cat "$tmp/first.log"
fi

# A second launch hands over to the first and exits; still one window.
if timeout 20 "$bin" > "$tmp/second.log" 2>&1 && sleep 1 && [ "$(count_windows)" -eq 1 ]; then
  ok "second launch raises the first window"
else
  not_ok "second launch: $(count_windows) windows"; cat "$tmp/second.log"
fi

# Another data folder is another profile, with its own window.
"$bin" --data-dir "$tmp/profile" > "$tmp/profile.log" 2>&1 &
pids+=($!)
if wait_for 2 "$tmp/profile/craft-companion.db" \
   && [ "$(stat -c %a "$tmp/profile")" = 700 ]; then
  ok "--data-dir keeps the data in the given folder"
else
  not_ok "--data-dir: no window or no database in $tmp/profile"; cat "$tmp/profile.log"
fi

exit $failed

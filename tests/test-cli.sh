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

echo "1..9"

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

# --export, --import and --backup work without a window and say one line when they fail.
"$bin" --data-dir "$tmp/profile" --export "$tmp/all.json" 2> "$tmp/export.log" \
  && "$bin" --data-dir "$tmp/moved" --import "$tmp/all.json" > "$tmp/import.log" 2>&1 \
  && "$bin" --data-dir "$tmp/moved" --export "$tmp/again.json" 2> /dev/null \
  && cmp -s "$tmp/all.json" "$tmp/again.json" \
  && ok "--export and --import move everything, and export again gives the same file" \
  || not_ok "export, import, export differ"; cat "$tmp/export.log" "$tmp/import.log" >&2

printf 'not json at all' > "$tmp/bad.json"
before=$(sha256sum "$tmp/moved/craft-companion.db" | cut -d' ' -f1)
"$bin" --data-dir "$tmp/moved" --import "$tmp/bad.json" > /dev/null 2> "$tmp/bad.log"
rc=$?
after=$(sha256sum "$tmp/moved/craft-companion.db" | cut -d' ' -f1)
if [ $rc -ne 0 ] && [ "$(wc -l < "$tmp/bad.log")" -eq 1 ] && [ "$before" = "$after" ]; then
  ok "--import of a damaged file: exit $rc, one line, data unchanged"
else
  not_ok "--import of a damaged file: exit $rc"; cat "$tmp/bad.log"
fi

"$bin" --data-dir "$tmp/profile" --export "$tmp/diary.csv" 2> /dev/null \
  && [ "$(head -c 3 "$tmp/diary.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] \
  && head -n 1 "$tmp/diary.csv" | grep -q 'what-happened' \
  && ok "--export FILE.csv writes the diary as CSV with a header" \
  || not_ok "--export FILE.csv"

"$bin" --data-dir "$tmp/profile" --backup "$tmp/copy.db" 2> "$tmp/backup.log" \
  && [ "$(stat -c %a "$tmp/copy.db")" = 600 ] \
  && ok "--backup writes a private copy" \
  || { not_ok "--backup"; cat "$tmp/backup.log"; }

exit $failed

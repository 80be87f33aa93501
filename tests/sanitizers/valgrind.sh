#!/bin/bash
# tests/sanitizers/valgrind.sh: the wrapper `make check-valgrind` runs each test through.
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Test programs run under memcheck with GLib's and GTK's own suppressions and ours (each
# explained in valgrind.supp); any memory error or definite leak fails the test. Scripts
# (the command-line test) run as they are: memcheck would check the shell, not the app.
# A child forked to start another program (g_spawn_async's intermediate process) ends
# without its parent's threads, so their memory looks lost: such children are not checked.
dir=$(cd "$(dirname "$0")" && pwd)
if [ "$(head -c 4 "$1" 2>/dev/null)" != $'\x7fELF' ]; then
  exec "$@"
fi
# The few bounds on time in the tests (how long the window may stand still while another
# program holds the database) allow for memcheck's slowdown.
export CRAFT_TEST_TIME_FACTOR=${CRAFT_TEST_TIME_FACTOR:-20}
exec valgrind --tool=memcheck --error-exitcode=1 --leak-check=full --child-silent-after-fork=yes \
  --show-leak-kinds=definite --errors-for-leak-kinds=definite --num-callers=40 \
  --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
  --suppressions=/usr/share/gtk-4.0/valgrind/gtk.supp \
  --suppressions="$dir/valgrind.supp" "$@"

#!/bin/bash
# tests/make-locales.sh OUTDIR STAMP
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Swedish and Danish locales into OUTDIR, so the UI tests see dates, weekdays and
# months as a person in Sweden or Denmark does, without touching the machine's locales.
set -eu
out=${1:?outdir}; stamp=${2:?stamp}
mkdir -p "$out"
for l in sv_SE da_DK; do
  # localedef warns about harmless things in glibc's own sources; only its exit code matters.
  localedef -i "$l" -f UTF-8 "$out/$l.UTF-8" 2>/dev/null || [ $? -eq 1 ]
done
touch "$stamp"

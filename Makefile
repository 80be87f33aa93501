# Makefile: the two commands README.md promises, on a fresh Debian 12 machine.
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later

BUILD ?= build
XVFB = xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"

.PHONY: all deps build run check clean

all: build

deps:
	@tools/install-deps.sh

build: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD)
	meson compile -C $(BUILD)

run: build
	meson devenv -C $(BUILD) -w "$(CURDIR)" craft-companion

# Every test runs with its own session bus and its own X display, nothing from the real
# desktop leaks in, and nothing is left running afterwards.
check: build
	dbus-run-session -- $(XVFB) meson test -C $(BUILD) --print-errorlogs

clean:
	rm -rf $(BUILD)

# Makefile: the two commands README.md promises, on a fresh Debian 12 machine.
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later

BUILD ?= build
XVFB = xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"

.PHONY: all deps build run check check-asan bench clean

all: build

deps:
	@tools/install-deps.sh

build: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD)
	meson compile -C $(BUILD)

run: build
	meson devenv -C $(BUILD) -w "$(CURDIR)" craft-companion

# Every test runs with its own session bus, its own X display and its own runtime folder
# (where the accessibility bus puts its socket, so two runs never share one); nothing from
# the real desktop leaks in, and nothing is left running afterwards.
RUNTIME = runtime=$$(mktemp -d) && chmod 700 $$runtime && XDG_RUNTIME_DIR=$$runtime

check: build
	$(RUNTIME) dbus-run-session -- $(XVFB) meson test -C $(BUILD) --print-errorlogs; \
	  rc=$$?; rm -rf $$runtime; exit $$rc

# The unit and UI suites under AddressSanitizer and UndefinedBehaviorSanitizer. The only
# suppressions are third-party caches, each explained in tests/sanitizers/lsan.supp.
check-asan: deps
	@[ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined -Dbuildtype=debug
	meson compile -C build-asan
	ASAN_OPTIONS=detect_leaks=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(RUNTIME) dbus-run-session -- $(XVFB) meson test -C build-asan --print-errorlogs \
	  --suite unit --suite ui; rc=$$?; rm -rf $$runtime; exit $$rc

# Speed and memory (README.md): builds the benchmark's programs, makes its data folders
# once (kept in $(BUILD)/bench/data), prints the table and writes $(BUILD)/bench/results.json.
bench: build
	meson compile -C $(BUILD) bench-programs
	$(RUNTIME) dbus-run-session -- $(XVFB) /usr/bin/python3 bench/run.py --build $(BUILD) \
	  $(BENCH_ARGS); rc=$$?; rm -rf $$runtime; exit $$rc

clean:
	rm -rf $(BUILD) build-asan

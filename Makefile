# Makefile: the two commands README.md promises, on a fresh Debian 12 machine.
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later

BUILD ?= build
XVFB = xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"

.PHONY: all deps build run check check-asan check-valgrind check-crash fuzz bench clean

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

# ---- Sanitizers, valgrind and fuzzing (README "Tests"; tests/sanitizers/, tests/fuzz/) ----
# Each installs the extra packages it needs on first use (tools/install-deps.sh SET).

# The unit and UI suites under AddressSanitizer and UndefinedBehaviorSanitizer. The sanitizer
# options and the only suppressions (third-party caches, each explained in
# tests/sanitizers/lsan.supp) are in the tests' environment (tests/meson.build).
check-asan: deps
	@[ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined -Dbuildtype=debug
	meson compile -C build-asan
	$(RUNTIME) dbus-run-session -- $(XVFB) meson test -C build-asan --print-errorlogs \
	  --timeout-multiplier 3 --suite unit --suite ui; rc=$$?; rm -rf $$runtime; exit $$rc

# The unit and UI suites under valgrind's memcheck (tests/sanitizers/valgrind.sh): no
# definite leak and no memory error may remain. Slow: about VALGRIND_TIMEOUT times the
# normal time limits.
VALGRIND_TIMEOUT ?= 10
check-valgrind: build
	@tools/install-deps.sh valgrind
	$(RUNTIME) G_SLICE=always-malloc G_DEBUG=gc-friendly GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
	  dbus-run-session -- $(XVFB) meson test -C $(BUILD) --print-errorlogs \
	  --wrapper $(CURDIR)/tests/sanitizers/valgrind.sh --timeout-multiplier $(VALGRIND_TIMEOUT) \
	  --suite unit --suite ui; rc=$$?; rm -rf $$runtime; exit $$rc

# Speed and memory (README.md): builds the benchmark's programs, makes its data folders
# once (kept in $(BUILD)/bench/data), prints the table and writes $(BUILD)/bench/results.json.
bench: build
	meson compile -C $(BUILD) bench-programs
	$(RUNTIME) dbus-run-session -- $(XVFB) /usr/bin/python3 bench/run.py --build $(BUILD) \
	  $(BENCH_ARGS); rc=$$?; rm -rf $$runtime; exit $$rc

# Crash safety in full: 200 rounds of a writer killed with SIGKILL (tests/test-crash.c; the
# unit suite runs 15), and the window and the real reminder process saving side by side for a
# minute (tests/test-hostile.c; a few seconds in the ui suite). CRAFT_CRASH_SEED=N repeats a run.
check-crash: build
	$(RUNTIME) CRAFT_CRASH_ROUNDS=200 CRAFT_CONCURRENT_SECONDS=60 \
	  dbus-run-session -- $(XVFB) meson test -C $(BUILD) --print-errorlogs \
	  --timeout-multiplier 10 test-crash test-hostile-en; rc=$$?; rm -rf $$runtime; exit $$rc

# Each libFuzzer target (tests/fuzz/) for FUZZ_SECONDS, built with clang in build-fuzz.
FUZZ_SECONDS ?= 60
fuzz: deps
	@tools/install-deps.sh fuzz
	@[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzzing=true \
	  -Db_sanitize=address,undefined -Db_lundef=false
	ninja -C build-fuzz fuzzers
	tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) build-asan build-fuzz

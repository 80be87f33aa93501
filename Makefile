# Makefile: the two commands README.md promises, on a fresh Debian 12 machine.
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later

BUILD ?= build
XVFB = xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"

.PHONY: all deps build run check check-asan check-valgrind fuzz clean

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

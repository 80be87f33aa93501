/* tests/fuzz/craft-fuzz.h: what every fuzz target defines.
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target is built twice: with clang and -fsanitize=fuzzer into a libFuzzer binary
 * (meson -Dfuzzing=true, `make fuzz`), and in every build with fuzz-replay.c into a plain
 * test that feeds it the seed corpus and every input that once crashed it (`make check`).
 * Targets keep their files in craft_test_make_dir() folders (tests/craft-test-util.h).
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* Called once before the first input (libFuzzer calls it; so does fuzz-replay.c). It is in
 * craft-fuzz.c: it makes criticals fatal, then calls craft_fuzz_setup() if the target has one. */
int   LLVMFuzzerInitialize      (int      *argc,
                                 char   ***argv);
/* A target's own preparation (a store to import into, say); optional. */
void  craft_fuzz_setup          (void) __attribute__ ((weak));
/* Called for each input; must not keep state that changes what the next input does. */
int   LLVMFuzzerTestOneInput    (const uint8_t *data,
                                 size_t         size);

G_END_DECLS

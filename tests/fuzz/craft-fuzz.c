/* tests/fuzz/craft-fuzz.c: the start every fuzz target shares.
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "craft-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical is a programming error the input led to: a find, like a crash. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  if (craft_fuzz_setup != NULL)
    craft_fuzz_setup ();
  return 0;
}

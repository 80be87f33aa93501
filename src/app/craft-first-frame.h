/* src/app/craft-first-frame.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*CraftFirstFrameFunc) (GtkWindow *window,
                                     gpointer   user_data);

/* Calls @func once @window has painted its first frame: for work that must not delay it. */
void craft_first_frame_watch      (GtkWindow           *window,
                                   CraftFirstFrameFunc  func,
                                   gpointer             user_data);
/* For the benchmarks (bench/): once @window has painted its first frame, prints the
 * milliseconds since the process started and the peak resident memory so far, then quits
 * the application. The start is $CRAFT_BENCH_START_NS (CLOCK_MONOTONIC nanoseconds, set
 * by the launcher just before exec) when given, else the start time in /proc/self/stat. */
void craft_first_frame_quit_after (GtkWindow *window);

G_END_DECLS

/* src/app/craft-first-frame.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app and bench/bare-window.c both build this file, so the window of the app and the
 * bare libadwaita window it is compared with are timed by the very same code.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "craft-first-frame.h"

/* Milliseconds since the process was started. */
static double
elapsed_ms (void)
{
  const char *start = g_getenv ("CRAFT_BENCH_START_NS");
  g_autofree char *stat = NULL;
  struct timespec now;
  guint64 start_ns = 0;
  guint64 ticks = 0;
  const char *p;

  if (start != NULL && g_ascii_string_to_unsigned (start, 10, 1, G_MAXUINT64, &start_ns, NULL))
    {
      clock_gettime (CLOCK_MONOTONIC, &now);
      return ((double) now.tv_sec * 1e9 + (double) now.tv_nsec - (double) start_ns) / 1e6;
    }

  /* Field 22 of /proc/self/stat, after the command name in parentheses: clock ticks
   * since boot (only 10 ms fine). */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (p = strrchr (stat, ')')) == NULL)
    return -1;
  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;
  ticks = g_ascii_strtoull (p + 1, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &now);
  return ((double) now.tv_sec * 1e3 + (double) now.tv_nsec / 1e6)
         - (double) ticks * 1e3 / (double) sysconf (_SC_CLK_TCK);
}

/* The peak resident memory (VmHWM) in kB. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* What to call after the window's first frame, kept on the window itself: a window closed
 * before it ever painted takes its watches with it, and holds no reference of ours. */
#define WATCHES_KEY "craft-first-frame-watches"

typedef struct
{
  CraftFirstFrameFunc  func;
  gpointer             user_data;
} Watch;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  g_autoptr(GArray) watches = NULL;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  watches = g_object_steal_data (G_OBJECT (window), WATCHES_KEY);
  if (watches == NULL)
    return;
  for (guint i = 0; i < watches->len; i++)
    {
      Watch *watch = &g_array_index (watches, Watch, i);

      watch->func (window, watch->user_data);
    }
}

static void
on_map_cb (GtkWidget *widget,
           gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (widget, on_map_cb, user_data);
  /* Disconnected by GLib should the window go before the clock paints. */
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_after_paint_cb), widget, 0);
}

void
craft_first_frame_watch (GtkWindow           *window,
                         CraftFirstFrameFunc  func,
                         gpointer             user_data)
{
  GArray *watches;
  Watch watch = { func, user_data };

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (func != NULL);

  watches = g_object_get_data (G_OBJECT (window), WATCHES_KEY);
  if (watches != NULL)
    {
      g_array_append_val (watches, watch);
      return;
    }

  watches = g_array_new (FALSE, FALSE, sizeof (Watch));
  g_array_append_val (watches, watch);
  g_object_set_data_full (G_OBJECT (window), WATCHES_KEY, watches,
                          (GDestroyNotify) g_array_unref);
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    on_map_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect_after (window, "map", G_CALLBACK (on_map_cb), NULL);
}

static void
print_and_quit (GtkWindow *window,
                gpointer   user_data)
{
  GApplication *application = g_application_get_default ();

  printf ("first-frame-ms %.2f\npeak-rss-kb %ld\n", elapsed_ms (), peak_rss_kb ());
  fflush (stdout);
  if (application != NULL)
    g_application_quit (application);
  else
    exit (0);
}

void
craft_first_frame_quit_after (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  craft_first_frame_watch (window, print_and_quit, NULL);
}

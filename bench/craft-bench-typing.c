/* bench/craft-bench-typing.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The longest stall of the main loop while a person types into a diary entry: the real
 * main window on the real store and saver, a new entry, and characters put into "What
 * happened" on a timer as fast as a quick typist (one every 50 ms), in bursts with a pause
 * after each so that the saver writes (it waits 400 ms after the last change). A heartbeat
 * at high priority every millisecond notes the longest gap between two of its beats: the
 * longest time the main loop could not answer a key press.
 *
 * One run is a new entry, a burst and its pause; the first run is the warm-up. Prints one
 * JSON object with the longest gap of each run, the same gap in processor time of the main
 * thread (which a busy machine's other programs do not inflate), the gap while idle (the
 * machine's own noise), and the two parts a save is made of, timed alone: writing the
 * field (and its processor time; the rest is the disk syncing the commit) and bringing the
 * diary list up to date. On standard error, for profiling, each run's longest key press,
 * frame layout and frame drawing in processor time, and every step (key, layout, paint,
 * save) that took 2 ms or more of it, with the number of keys typed before it; a save's
 * wall time too ("save-wall"), as its commit waits for the disk.
 *
 *   craft-bench-typing DATA_DIR RUNS
 */
#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "app/craft-context.h"
#include "app/craft-window.h"
#include "diary/craft-diary-model.h"

#define KEY_INTERVAL_MS 50
#define BURST_CHARS     30
#define PAUSE_MS        1000

static const char text[] = "Han kom hem sent och köket luktade öl. We talked. Vi snakkede lidt. ";

static gint64 last_beat;
static gint64 max_gap;
static gint64 last_beat_cpu;
static gint64 max_gap_cpu;
static GMainLoop *loop;

/* Where the time of a stall goes: the longest key press (the text view's own work and
 * what the editor does with the change) and the longest layout and drawing of a frame,
 * in the same runs. In processor time of the main thread, which, unlike the wall clock,
 * does not count the time other programs on a busy machine had the processor. */
static gint64 max_key;
static gint64 max_layout;
static gint64 max_paint;
static gint64 phase_start;
static guint keys_typed;
static GString *slow; /* for profiling: each slow step, with the key it followed */

static void
note_slow (const char *what,
           gint64      cpu)
{
  if (cpu >= 2000)
    g_string_append_printf (slow, " %s@%u=%.1f", what, keys_typed, cpu / 1000.0);
}

static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_frame_before_paint_cb (GdkFrameClock *clock)
{
  phase_start = cpu_now ();
}

static void
on_frame_layout_cb (GdkFrameClock *clock)
{
  gint64 now = cpu_now ();

  max_layout = MAX (max_layout, now - phase_start);
  note_slow ("layout", now - phase_start);
  phase_start = now;
}

static void
on_frame_paint_cb (GdkFrameClock *clock)
{
  gint64 now = cpu_now ();

  max_paint = MAX (max_paint, now - phase_start);
  note_slow ("paint", now - phase_start);
}

/* The saver has written what was queued: the processor time since the last heartbeat is
 * about that of the save (the heartbeat runs first whenever it is due). */
static void
on_saver_pending_cb (CraftSaver *saver)
{
  gint64 wall = g_get_monotonic_time () - last_beat;

  if (craft_saver_get_pending (saver))
    return;
  note_slow ("save", cpu_now () - last_beat_cpu);
  /* Its wall time too: the commit waits for the disk. */
  if (wall >= 2000)
    g_string_append_printf (slow, " save-wall@%u=%.1f", keys_typed, wall / 1000.0);
}

static gboolean
on_heartbeat_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = cpu_now ();

  if (last_beat > 0 && now - last_beat > max_gap)
    max_gap = now - last_beat;
  if (last_beat_cpu > 0 && cpu - last_beat_cpu > max_gap_cpu)
    max_gap_cpu = cpu - last_beat_cpu;
  last_beat = now;
  last_beat_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
reset_gap (void)
{
  max_gap = max_gap_cpu = max_key = max_layout = max_paint = 0;
  last_beat = g_get_monotonic_time ();
  last_beat_cpu = cpu_now ();
  keys_typed = 0;
  g_string_truncate (slow, 0);
}

static gboolean
on_quit_cb (gpointer user_data)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  g_timeout_add (ms, on_quit_cb, NULL);
  g_main_loop_run (loop);
}

typedef struct
{
  GtkTextBuffer *buffer;
  guint          typed;
  guint          offset;
} Typist;

static gboolean
on_key_cb (gpointer user_data)
{
  Typist *typist = user_data;
  const char *p = g_utf8_offset_to_pointer (text, typist->offset % g_utf8_strlen (text, -1));
  const char *next = g_utf8_next_char (p);
  gint64 start = cpu_now ();

  /* What a key press in the text view ends in. */
  gtk_text_buffer_insert_interactive_at_cursor (typist->buffer, p, (int) (next - p), TRUE);
  max_key = MAX (max_key, cpu_now () - start);
  keys_typed++;
  note_slow ("key", cpu_now () - start);
  typist->offset++;
  if (++typist->typed < BURST_CHARS)
    return G_SOURCE_CONTINUE;
  g_timeout_add (PAUSE_MS, on_quit_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* The keys and the pause after them, alone (callgrind --toggle-collect=run_burst). */
static G_GNUC_NO_INLINE void
run_burst (Typist *typist)
{
  reset_gap ();
  g_timeout_add (KEY_INTERVAL_MS, on_key_cb, typist);
  g_main_loop_run (loop);
}

/* One run: a new entry, a burst of typing into it, and the pause in which it is saved.
 * Returns the longest gap in milliseconds. */
static double
type_burst (GtkWindow *window)
{
  static guint offset = 0;
  Typist typist = { NULL, 0, offset };
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL);
  spin (300);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  if (!GTK_IS_TEXT_VIEW (focus))
    g_error ("A new entry should put the cursor in “What happened”, not in a %s",
             focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  typist.buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));

  run_burst (&typist);
  offset = typist.offset;
  /* For whoever profiles a stall (run.py keeps only the JSON on standard output). */
  g_printerr ("longest gap %.1f ms (%.1f ms processor time); longest key press %.1f, "
              "frame layout %.1f, frame drawing %.1f (processor time)\n", max_gap / 1000.0,
              max_gap_cpu / 1000.0, max_key / 1000.0, max_layout / 1000.0, max_paint / 1000.0);
  g_printerr ("  slow steps:%s\n", slow->str);
  return (double) max_gap / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(CraftContext) context = NULL;
  g_autoptr(GString) json = g_string_new ("{\n  \"typing-max-gap\": [");
  g_autoptr(GString) cpu_json = g_string_new (",\n  \"typing-max-gap-cpu\": [");
  g_autoptr(CraftDiaryModel) model = NULL;
  CraftDiaryFilter all = { 0 };
  GtkWindow *window;
  guint64 runs = 5;
  gint64 entry_id;

  if (argc < 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, 1000, &runs, NULL))
    {
      g_printerr ("Usage: %s DATA_DIR RUNS\n", argv[0]);
      return 2;
    }

  gtk_init ();
  slow = g_string_new (NULL);
  adw_init ();
  loop = g_main_loop_new (NULL, FALSE);

  store = craft_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  context = craft_context_new (store, NULL);
  window = craft_window_new (NULL, context);
  gtk_window_present (window);
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

    g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_before_paint_cb), NULL);
    g_signal_connect (clock, "layout", G_CALLBACK (on_frame_layout_cb), NULL);
    g_signal_connect (clock, "paint", G_CALLBACK (on_frame_paint_cb), NULL);
  }
  g_signal_connect (craft_context_get_saver (context), "notify::pending",
                    G_CALLBACK (on_saver_pending_cb), NULL);
  g_timeout_add_full (G_PRIORITY_HIGH, 1, on_heartbeat_cb, NULL, NULL);
  spin (1500);

  /* The machine's own noise: the longest gap while nothing happens. */
  reset_gap ();
  spin (1000);
  {
    double idle = (double) max_gap / 1000.0;

    type_burst (window); /* warm-up */
    for (guint i = 0; i < runs; i++)
      {
        g_string_append_printf (json, "%s%.3f", i > 0 ? ", " : "", type_burst (window));
        g_string_append_printf (cpu_json, "%s%.3f", i > 0 ? ", " : "", max_gap_cpu / 1000.0);
      }
    g_string_append_printf (json, "],\n  \"typing-idle-gap\": [%.3f]", idle);
    g_string_append_printf (json, "%s]", cpu_json->str);

    /* The same typing with the saver held back: what is left is drawing the window. */
    craft_saver_set_delays (craft_context_get_saver (context), 600000, 600000);
    g_string_append (json, ",\n  \"typing-max-gap-unsaved\": [");
    for (guint i = 0; i < runs; i++)
      g_string_append_printf (json, "%s%.3f", i > 0 ? ", " : "", type_burst (window));
    g_string_append (json, "]");
    craft_saver_set_delays (craft_context_get_saver (context), 400, 3000);
  }

  /* The two parts of a save, alone: the write of one field (with its commit) … */
  entry_id = craft_store_diary_create (store, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (entry_id == 0)
    g_error ("%s", error->message);
  /* (Its processor time apart: the rest is waiting for the disk to sync the commit.) */
  g_string_truncate (cpu_json, 0);
  g_string_append (cpu_json, "],\n  \"typing-save-field-cpu\": [");
  g_string_append (json, ",\n  \"typing-save-field\": [");
  for (guint i = 0; i <= runs; i++)
    {
      g_autofree char *value = g_strdup_printf ("Han kom hem sent %u", i);
      gint64 start = g_get_monotonic_time ();
      gint64 start_cpu = cpu_now ();

      if (!craft_store_diary_set (store, entry_id, "what-happened", value, &error))
        g_error ("%s", error->message);
      if (i > 0)
        {
          g_string_append_printf (json, "%s%.3f", i > 1 ? ", " : "",
                                  (double) (g_get_monotonic_time () - start) / 1000.0);
          g_string_append_printf (cpu_json, "%s%.3f", i > 1 ? ", " : "",
                                  (double) (cpu_now () - start_cpu) / 1000.0);
        }
    }
  g_string_append (json, cpu_json->str);
  /* … and bringing the diary list up to date, as the list does after each save. */
  model = craft_diary_model_new (store);
  if (!craft_diary_model_set_filter (model, &all, &error))
    g_error ("%s", error->message);
  g_string_append (json, "],\n  \"typing-list-update\": [");
  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!craft_diary_model_update_entry (model, entry_id, &error))
        g_error ("%s", error->message);
      if (i > 0)
        g_string_append_printf (json, "%s%.3f", i > 1 ? ", " : "",
                                (double) (g_get_monotonic_time () - start) / 1000.0);
    }
  g_string_append (json, "]\n}\n");
  g_print ("%s", json->str);

  gtk_window_destroy (window);
  return 0;
}

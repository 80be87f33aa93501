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
 * JSON object with the longest gap of each run, the gap while idle (the machine's own
 * noise), and the two parts a save is made of, timed alone: writing the field and bringing
 * the diary list up to date.
 *
 *   craft-bench-typing DATA_DIR RUNS
 */
#include "config.h"

#include <adwaita.h>

#include "app/craft-context.h"
#include "app/craft-window.h"
#include "diary/craft-diary-model.h"

#define KEY_INTERVAL_MS 50
#define BURST_CHARS     30
#define PAUSE_MS        1000

static const char text[] = "Han kom hem sent och köket luktade öl. We talked. Vi snakkede lidt. ";

static gint64 last_beat;
static gint64 max_gap;
static GMainLoop *loop;

static gboolean
on_heartbeat_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_beat > 0 && now - last_beat > max_gap)
    max_gap = now - last_beat;
  last_beat = now;
  return G_SOURCE_CONTINUE;
}

static void
reset_gap (void)
{
  max_gap = 0;
  last_beat = g_get_monotonic_time ();
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

  /* What a key press in the text view ends in. */
  gtk_text_buffer_insert_interactive_at_cursor (typist->buffer, p, (int) (next - p), TRUE);
  typist->offset++;
  if (++typist->typed < BURST_CHARS)
    return G_SOURCE_CONTINUE;
  g_timeout_add (PAUSE_MS, on_quit_cb, NULL);
  return G_SOURCE_REMOVE;
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

  reset_gap ();
  g_timeout_add (KEY_INTERVAL_MS, on_key_cb, &typist);
  g_main_loop_run (loop);
  offset = typist.offset;
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
  adw_init ();
  loop = g_main_loop_new (NULL, FALSE);

  store = craft_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  context = craft_context_new (store, NULL);
  window = craft_window_new (NULL, context);
  gtk_window_present (window);
  g_timeout_add_full (G_PRIORITY_HIGH, 1, on_heartbeat_cb, NULL, NULL);
  spin (1500);

  /* The machine's own noise: the longest gap while nothing happens. */
  reset_gap ();
  spin (1000);
  {
    double idle = (double) max_gap / 1000.0;

    type_burst (window); /* warm-up */
    for (guint i = 0; i < runs; i++)
      g_string_append_printf (json, "%s%.3f", i > 0 ? ", " : "", type_burst (window));
    g_string_append_printf (json, "],\n  \"typing-idle-gap\": [%.3f]", idle);

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
  g_string_append (json, ",\n  \"typing-save-field\": [");
  for (guint i = 0; i <= runs; i++)
    {
      g_autofree char *value = g_strdup_printf ("Han kom hem sent %u", i);
      gint64 start = g_get_monotonic_time ();

      if (!craft_store_diary_set (store, entry_id, "what-happened", value, &error))
        g_error ("%s", error->message);
      if (i > 0)
        g_string_append_printf (json, "%s%.3f", i > 1 ? ", " : "",
                                (double) (g_get_monotonic_time () - start) / 1000.0);
    }
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

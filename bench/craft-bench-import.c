/* bench/craft-bench-import.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One import of a JSON export into a new data folder, as --import and the window do it
 * (read and check, preview, then apply), with the time of each step: for profiling the
 * import alone, e.g. `valgrind --tool=callgrind craft-bench-import FILE DIR`.
 */
#include "config.h"

#include <glib.h>

#include "review/craft-export.h"
#include "store/craft-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(CraftImport) import = NULL;
  gint64 start, loaded, previewed, applied;

  if (argc != 3)
    {
      g_printerr ("Usage: %s FILE NEW_DATA_DIR\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  store = craft_store_open (argv[2], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  import = craft_import_load (file, &error);
  loaded = g_get_monotonic_time ();
  if (import == NULL || !craft_import_preview (import, store, &error))
    g_error ("%s", error->message);
  previewed = g_get_monotonic_time ();
  if (!craft_import_apply (import, store, &error))
    g_error ("%s", error->message);
  applied = g_get_monotonic_time ();

  g_print ("load %.0f ms, preview %.0f ms, apply %.0f ms, total %.0f ms; %u new entries\n",
           (loaded - start) / 1000.0, (previewed - loaded) / 1000.0,
           (applied - previewed) / 1000.0, (applied - start) / 1000.0,
           craft_import_get_summary (import)->diary_new);
  return 0;
}

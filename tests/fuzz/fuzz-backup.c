/* tests/fuzz/fuzz-backup.c: a database file from outside, as a backup to restore and as the
 * data folder's own file.
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup may come from a USB stick or another computer, and the data folder's file may have
 * been copied in by hand or by a sync tool: both are outside input. Each input is checked with
 * craft_store_backup_describe() and, when accepted, restored and opened the way the app does
 * (which migrates it) and exported; it is also opened where the app's own file lives. Each
 * input gets fresh folders, so no input sees what an earlier one left.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "craft-fuzz.h"
#include "craft-test-util.h"
#include "review/craft-export.h"
#include "store/craft-store-backup.h"

void
craft_fuzz_setup (void)
{
  craft_test_init_environment ();
}

/* Opens the store on @data_dir, reads a little of everything and exports it. */
static void
use_store (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (data_dir, &error);
  g_autofree char *export_path = NULL;
  g_autoptr(GFile) export_file = NULL;

  if (store == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  g_free (craft_store_get_meta (store, "plan-start", NULL));
  export_path = g_build_filename (data_dir, "export.json", NULL);
  export_file = g_file_new_for_path (export_path);
  if (craft_export_json (store, export_file, &error))
    {
      g_autoptr(CraftImport) import = craft_import_load (export_file, &error);

      /* A hand-made database can hold values the import refuses (an invalid uuid, say):
       * that must end in the import's own error, never a crash. */
      if (import == NULL)
        g_assert_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED);
    }
  else
    g_assert_nonnull (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *dir = craft_test_make_dir ("round");
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *restored = g_build_filename (dir, "restored", NULL);
  g_autofree char *own = g_build_filename (dir, "own", NULL);
  g_autofree char *own_file = g_build_filename (own, CRAFT_STORE_FILENAME, NULL);
  g_autoptr(GError) error = NULL;
  CraftBackupInfo info;

  g_assert_true (g_file_set_contents (backup, (const char *) data, (gssize) size, NULL));

  if (craft_store_backup_describe (backup, &info, &error))
    {
      g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 19, 30, 0);

      g_assert_cmpint (info.schema_version, <=, CRAFT_STORE_SCHEMA_VERSION);
      if (craft_store_restore_backup (restored, backup, now, NULL, &error))
        use_store (restored);
    }
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (own, 0700), ==, 0);
  g_assert_true (g_file_set_contents (own_file, (const char *) data, (gssize) size, NULL));
  use_store (own);

  craft_test_remove_tree (dir);
  return 0;
}

/* tests/test-data.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export, import, backups and restoring one, from a real window, as a person goes through
 * them: what the dialogs say, what the progress bar shows, and what the data is afterwards.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app/craft-application.h"
#include "app/craft-window.h"
#include "craft-test-util.h"
#include "review/craft-data-transfer.h"
#include "review/craft-export.h"
#include "review/craft-restore-window.h"
#include "store/craft-store-backup.h"

static CraftStore *
window_store (CraftTestWindow *fixture)
{
  return craft_context_get_store (fixture->context);
}

static gint64
add_entry (CraftStore *store,
           gint64      when,
           const char *what)
{
  g_autoptr(GError) error = NULL;
  gint64 id = craft_store_diary_create (store, when, &error);

  g_assert_no_error (error);
  craft_store_diary_set (store, id, "what-happened", what, &error);
  g_assert_no_error (error);
  return id;
}

static guint
count_entries (CraftStore *store)
{
  g_autoptr(GError) error = NULL;
  CraftDiaryFilter filter = { 0 };
  g_autoptr(GArray) hits = craft_store_diary_query (store, &filter, &error);

  g_assert_no_error (error);
  return hits->len;
}

/* The first shown toplevel of @type, waiting up to @timeout_ms for it. */
static gpointer
wait_for_toplevel (GType type,
                   guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      GList *toplevels = gtk_window_list_toplevels ();
      gpointer found = NULL;

      for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
        if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
          found = l->data;
      g_list_free (toplevels);
      if (found != NULL)
        return found;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return NULL;
}

static gboolean
has_data (gpointer    object,
          const char *key)
{
  return g_object_get_data (G_OBJECT (object), key) != NULL;
}

static void
wait_for_data (gpointer    object,
               const char *key)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!has_data (object, key) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_true (has_data (object, key));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not say “%s”", text, part);
}

/* An export with @n entries, made in a folder of its own. */
static GFile *
make_export (const char *name,
             guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = craft_test_make_dir (name);
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autofree char *path = g_build_filename (dir, "export.json", NULL);
  GFile *file = g_file_new_for_path (path);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *what = g_strdup_printf ("Imported entry number %u", i + 1);

      add_entry (store, 1790000000 + i * 3600, what);
    }
  craft_export_json (store, file, &error);
  g_assert_no_error (error);
  return file;
}

static void
test_import (CraftTestWindow *fixture,
             gconstpointer    data)
{
  g_autoptr(GFile) file = make_export ("import-source", 3);
  g_autofree char *new_line = NULL;
  AdwMessageDialog *dialog;

  add_entry (window_store (fixture), 1780000000, "Already here");
  craft_data_import_file (CRAFT_WINDOW (fixture->window), file);

  /* The preview says what would be added, and nothing is added yet. */
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 10000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   craft_test_expect ("Import This File?", "Importera den här filen?",
                                      "Importér denne fil?"));
  new_line = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "New diary entries: %u"), 3);
  assert_contains (adw_message_dialog_get_body (dialog), new_line);
  assert_contains (adw_message_dialog_get_body (dialog),
                   craft_test_expect ("New diary entries: 3", "Nya anteckningar: 3",
                                      "Nye notater: 3"));
  g_assert_cmpuint (count_entries (window_store (fixture)), ==, 1);

  /* Confirmed, it runs with a progress bar that reaches the end. */
  adw_message_dialog_response (dialog, "import");
  g_assert_cmpfloat (craft_window_get_progress (CRAFT_WINDOW (fixture->window)), >=, 0);
  wait_for_data (fixture->window, "craft-import-done");
  g_assert_cmpfloat (craft_window_get_progress (CRAFT_WINDOW (fixture->window)), ==, 1.0);
  g_assert_cmpuint (count_entries (window_store (fixture)), ==, 4);

  /* And the diary shows the new entries. */
  craft_test_spin (100);
  g_assert_nonnull (craft_test_find_label (fixture->window, "Imported entry number 3"));
}

static void
test_import_malformed (CraftTestWindow *fixture,
                       gconstpointer    data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                 "damaged-happened-at-string.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *db = g_build_filename (fixture->dir, CRAFT_STORE_FILENAME, NULL);
  g_autofree char *checksum = NULL;
  AdwMessageDialog *dialog;

  add_entry (window_store (fixture), 1780000000, "Already here");
  craft_saver_flush (craft_context_get_saver (fixture->context), NULL);
  checksum = craft_test_file_checksum (db);

  craft_data_import_file (CRAFT_WINDOW (fixture->window), file);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 10000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   craft_test_expect ("This File Cannot Be Imported",
                                      "Den här filen kan inte importeras",
                                      "Denne fil kan ikke importeres"));
  assert_contains (adw_message_dialog_get_body (dialog),
                   craft_test_expect ("Nothing was changed in Craft Companion.",
                                      "Ingenting har ändrats i Craft Companion.",
                                      "Intet er ændret i Craft Companion."));
  /* No progress is left showing, and the database is exactly as it was. */
  g_assert_cmpfloat (craft_window_get_progress (CRAFT_WINDOW (fixture->window)), <, 0);
  g_assert_cmpuint (count_entries (window_store (fixture)), ==, 1);
  g_assert_true (craft_test_file_has_checksum (db, checksum));
  adw_message_dialog_response (dialog, "close");
}

static void
test_export_imports_back (CraftTestWindow *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "my-export.json", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "my-diary.csv", NULL);
  g_autofree char *other = craft_test_make_dir ("export-target");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(CraftStore) target = NULL;
  g_autoptr(CraftImport) import = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  add_entry (window_store (fixture), 1780000000, "Goes along to the new computer");
  add_entry (window_store (fixture), 1780003600, "And this one too");

  craft_data_export_file (CRAFT_WINDOW (fixture->window), file);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   craft_test_expect ("Export Saved", "Exporten är sparad", "Eksporten er gemt"));
  /* It says the file is not protected and stays here unless moved. */
  assert_contains (adw_message_dialog_get_body (dialog), craft_export_get_warning ());
  assert_contains (adw_message_dialog_get_body (dialog),
                   craft_test_expect ("It stays on this computer unless you move or send it "
                                      "yourself.",
                                      "Den stannar på den här datorn om du inte själv flyttar "
                                      "eller skickar den.",
                                      "Den bliver på denne computer, medmindre du selv flytter "
                                      "eller sender den."));
  adw_message_dialog_response (dialog, "close");
  craft_test_spin (20);

  /* What was written imports back into an empty data folder. */
  target = craft_store_open (other, &error);
  g_assert_no_error (error);
  import = craft_import_load (file, &error);
  g_assert_no_error (error);
  craft_import_apply (import, target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (target), ==, 2);

  /* A name ending in .csv gives the diary as a table. */
  craft_data_export_file (CRAFT_WINDOW (fixture->window), csv);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000);
  adw_message_dialog_response (dialog, "close");
  g_file_get_contents (csv_path, &contents, NULL, &error);
  g_assert_no_error (error);
  assert_contains (contents, "Goes along to the new computer");
  g_assert_null (strstr (contents, "\"format\""));
}

static void
test_export_error (CraftTestWindow *fixture,
                   gconstpointer    data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/export.json");
  AdwMessageDialog *dialog;

  craft_data_export_file (CRAFT_WINDOW (fixture->window), file);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   craft_test_expect ("The Export Could Not Be Saved",
                                      "Exporten kunde inte sparas",
                                      "Eksporten kunne ikke gemmes"));
  adw_message_dialog_response (dialog, "close");
}

static void
test_back_up (CraftTestWindow *fixture,
              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "my-backup.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CraftBackupInfo info;

  add_entry (window_store (fixture), 1780000000, "Kept safe");
  craft_data_back_up_file (CRAFT_WINDOW (fixture->window), file);
  wait_for_data (fixture->window, "craft-backup-done");
  craft_store_backup_describe (path, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info.diary_entries, ==, 1);
}

static CraftApplication *
new_registered_application (void)
{
  CraftApplication *app = craft_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".TestRestore");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static void
test_restore (void)
{
  g_autoptr(CraftApplication) app = new_registered_application ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backups_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *data_dir = craft_application_get_data_dir (app);
  const char *name;
  gboolean kept = FALSE;
  GtkWindow *window, *restore_window, *after;
  AdwMessageDialog *dialog;
  CraftStore *store;
  GtkWindow *old_window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRAFT_IS_WINDOW (window));
  store = craft_context_get_store (craft_window_get_context (CRAFT_WINDOW (window)));

  add_entry (store, 1780000000, "In the backup");
  backup = g_build_filename (data_dir, "chosen-backup.db", NULL);
  craft_store_backup_to_file (store, backup, CRAFT_BACKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  add_entry (store, 1780003600, "Written after the backup");

  /* The list of automatic backups shows today's, with what it holds. */
  backups_dir = g_build_filename (data_dir, CRAFT_BACKUP_FOLDER, NULL);
  craft_test_spin (300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL);
  restore_window = wait_for_toplevel (CRAFT_TYPE_RESTORE_WINDOW, 5000);
  g_assert_nonnull (restore_window);
  g_assert_nonnull (craft_test_find_label (restore_window,
                                           craft_test_expect ("Automatic Backups",
                                                              "Automatiska säkerhetskopior",
                                                              "Automatiske sikkerhedskopier")));

  /* A chosen file: first what it holds and a warning, nothing changed yet. */
  craft_data_restore_file (CRAFT_WINDOW (window), backup);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   craft_test_expect ("Restore This Backup?",
                                      "Återställa den här säkerhetskopian?",
                                      "Gendan denne sikkerhedskopi?"));
  assert_contains (adw_message_dialog_get_body (dialog),
                   craft_test_expect ("1 diary entry", "1 anteckning", "1 notat"));
  assert_contains (adw_message_dialog_get_body (dialog), "craft-companion-before-restore-");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpuint (count_entries (store), ==, 2);

  /* Watched, not compared by address: the new window may be allocated where the old was. */
  old_window = window;
  g_object_add_weak_pointer (G_OBJECT (old_window), (gpointer *) &old_window);
  adw_message_dialog_response (dialog, "restore");
  for (int i = 0; i < 200; i++)
    {
      after = gtk_application_get_active_window (GTK_APPLICATION (app));
      if (old_window == NULL && after != NULL && CRAFT_IS_WINDOW (after))
        break;
      craft_test_spin (20);
    }
  after = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRAFT_IS_WINDOW (after));
  g_assert_null (old_window);

  /* The restored data is what the new window shows; what was there is kept aside. */
  store = craft_context_get_store (craft_window_get_context (CRAFT_WINDOW (after)));
  g_assert_cmpuint (count_entries (store), ==, 1);
  craft_window_show_page (CRAFT_WINDOW (after), "diary");
  craft_test_spin (100);
  g_assert_nonnull (craft_test_find_label (after, "In the backup"));
  g_assert_null (craft_test_find_label (after, "Written after the backup"));

  dir = g_dir_open (data_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    kept |= g_str_has_prefix (name, "craft-companion-before-restore-")
            && g_str_has_suffix (name, ".db");
  g_assert_true (kept);

  gtk_window_destroy (after);
  craft_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  craft_test_add_window ("/data/import", "diary", test_import);
  craft_test_add_window ("/data/import-malformed", "diary", test_import_malformed);
  craft_test_add_window ("/data/export-imports-back", "diary", test_export_imports_back);
  craft_test_add_window ("/data/export-error", "diary", test_export_error);
  craft_test_add_window ("/data/back-up", "diary", test_back_up);
  g_test_add_func ("/data/restore", test_restore);

  return g_test_run ();
}

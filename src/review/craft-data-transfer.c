/* src/review/craft-data-transfer.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving the data in and out from the window: export, import, backups and restoring one.
 * Each step says what will happen before it happens, and what went wrong in words a
 * relative understands; nothing is ever overwritten or deleted to recover from an error.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "app/craft-application.h"
#include "app/craft-dates.h"
#include "store/craft-store-backup.h"
#include "craft-data-transfer.h"
#include "craft-export.h"
#include "craft-restore-window.h"

static CraftStore *
window_store (CraftWindow *window)
{
  return craft_context_get_store (craft_window_get_context (window));
}

/* A dialog with one button that only closes it. */
static AdwMessageDialog *
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static char *
default_name (CraftWindow *window,
              const char  *format)
{
  g_autoptr(GDateTime) now = craft_context_now (craft_window_get_context (window));
  g_autofree char *day = craft_dates_to_day (now);

  return g_strdup_printf (format, day);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern,
            const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

typedef void (*FileFunc) (CraftWindow *window,
                          GFile       *file);

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CraftWindow     *window)
{
  FileFunc func = (FileFunc) g_object_get_data (G_OBJECT (chooser), "craft-file-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      func (window, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Shows @chooser over @window; the file chosen goes to @func. */
static void
show_chooser (CraftWindow          *window,
              GtkFileChooserNative *chooser,
              FileFunc              func)
{
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "craft-file-func", (gpointer) func);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export */

void
craft_data_export_file (CraftWindow *window,
                        GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *body = NULL;

  g_return_if_fail (CRAFT_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  /* What was typed a moment ago goes along. */
  craft_saver_flush (craft_context_get_saver (craft_window_get_context (window)), NULL);
  if (!craft_export_to_file (window_store (window), file, &error))
    {
      body = g_strdup_printf (_("%s Your diary and everything else in Craft Companion are "
                                "unchanged. Choose another place, such as your Documents "
                                "folder, and try again."), error->message);
      show_message (GTK_WINDOW (window), _("The Export Could Not Be Saved"), body);
      return;
    }

  {
    /* Translators: %s is the file's name and place. */
    g_autofree char *saved = g_strdup_printf (_("Saved as “%s”."), name);

    body = g_strdup_printf ("%s\n\n%s %s", saved, craft_export_get_warning (),
                            _("It stays on this computer unless you move or send it yourself."));
  }
  show_message (GTK_WINDOW (window), _("Export Saved"), body);
}

static gboolean
has_suffix (GFile      *file,
            const char *suffix)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *folded = g_utf8_casefold (base, -1);

  return g_str_has_suffix (folded, suffix);
}

static void
on_export_filter_changed_cb (GtkFileChooser *chooser,
                             GParamSpec     *pspec,
                             CraftWindow    *window)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);

  g_object_set_data (G_OBJECT (window), "craft-export-csv",
                     GINT_TO_POINTER (filter != NULL
                                      && g_object_get_data (G_OBJECT (filter), "craft-csv")));
}

static void
export_chosen_file (CraftWindow *window,
                    GFile       *chosen)
{
  g_autoptr(GFile) file = g_object_ref (chosen);

  /* The kind chosen in the dialog decides when the name does not. */
  if (!has_suffix (file, ".csv") && !has_suffix (file, ".json")
      && g_object_get_data (G_OBJECT (window), "craft-export-csv") != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *csv = g_strconcat (base, ".csv", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      g_object_unref (file);
      file = g_file_get_child (parent, csv);
    }
  craft_data_export_file (window, file);
}

void
craft_data_export (CraftWindow *window)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *json, *csv;
  g_autofree char *name = default_name (window, "craft-companion-%s.json");

  g_return_if_fail (CRAFT_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  json = new_filter (_("Everything (JSON, for moving to another computer)"), "*.json",
                     "application/json");
  csv = new_filter (_("The diary as a table (CSV, for a spreadsheet)"), "*.csv", "text/csv");
  g_object_set_data (G_OBJECT (csv), "craft-csv", GINT_TO_POINTER (TRUE));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), json);
  g_object_unref (json);
  g_object_unref (csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (window), "craft-export-csv", NULL);
  g_signal_connect_object (chooser, "notify::filter", G_CALLBACK (on_export_filter_changed_cb),
                           window, 0);
  show_chooser (window, chooser, export_chosen_file);
}

/* Import */

typedef struct
{
  CraftWindow *window;   /* a strong reference while the import runs */
  CraftImport *import;
  char        *data_dir;
  GFile       *file;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->window);
  g_clear_pointer (&job->import, craft_import_free);
  g_free (job->data_dir);
  g_clear_object (&job->file);
  g_free (job);
}

typedef struct
{
  CraftWindow *window;
  double       fraction;
} ProgressUpdate;

static gboolean
show_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  craft_window_set_progress (update->window, NULL, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->window);
  g_free (update);
}

/* Called in the worker thread: the window is only touched from the main loop. */
static void
on_import_progress_cb (guint    done,
                       guint    total,
                       gpointer user_data)
{
  ImportJob *job = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->window = g_object_ref (job->window);
  update->fraction = total > 0 ? (double) done / total : 1.0;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, update,
                              progress_update_free);
}

/* The worker has a connection of its own: the window's stays with the main thread. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (job->data_dir, &error);

  if (store == NULL
      || !craft_import_apply_with_progress (job->import, store, on_import_progress_cb, job,
                                            &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  CraftWindow *window = job->window;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Closed meanwhile: the import is done (or undone) all the same. */
  if (craft_window_get_context (window) == NULL)
    {
      if (!ok)
        g_warning ("The import failed after its window closed: %s", error->message);
      return;
    }
  if (!ok)
    {
      craft_window_set_progress (window, NULL, -1);
      show_message (GTK_WINDOW (window), _("The File Could Not Be Imported"), error->message);
      return;
    }

  /* The bar stays full a moment, so the end can be seen. */
  craft_window_set_progress (window, _("Import finished."), 1.0);
  craft_window_reload (window);
  {
    const CraftImportSummary *summary = craft_import_get_summary (job->import);
    g_autofree char *text = NULL;
    AdwToast *toast;

    text = g_strdup_printf (ngettext ("Imported: %u new diary entry",
                                      "Imported: %u new diary entries", summary->diary_new),
                            summary->diary_new);
    toast = adw_toast_new (text);
    craft_window_add_toast (window, toast);
  }
  g_object_set_data (G_OBJECT (window), "craft-import-done", GINT_TO_POINTER (TRUE));
}

static void
start_import (ImportJob *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_import_done_cb, NULL);

  craft_window_set_progress (job->window, _("Importing…"), 0);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_import_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              ImportJob        *job)
{
  if (g_str_equal (response, "import"))
    start_import (job);
  else
    import_job_free (job);
}

typedef struct
{
  GFile *file;
  char  *data_dir;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->file);
  g_free (job->data_dir);
  g_free (job);
}

static void
on_import_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CraftWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  CraftImport *import = g_task_propagate_pointer (G_TASK (result), &error);
  AdwMessageDialog *dialog;
  ImportJob *job;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  if (craft_window_get_context (window) == NULL)
    {
      g_clear_pointer (&import, craft_import_free);
      return;
    }
  craft_window_set_progress (window, NULL, -1);
  if (import == NULL)
    {
      g_clear_pointer (&import, craft_import_free);
      body = g_strdup_printf (_("%s Nothing was changed in Craft Companion."), error->message);
      show_message (GTK_WINDOW (window), _("This File Cannot Be Imported"), body);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->window = g_object_ref (window);
  job->import = import;
  job->data_dir = g_strdup (craft_store_get_data_dir (window_store (window)));
  job->file = g_object_ref (((LoadJob *) g_task_get_task_data (G_TASK (result)))->file);

  summary = craft_import_summary_to_string (craft_import_get_summary (import));
  body = g_strdup_printf ("%s\n\n%s", summary,
                          _("Nothing here is changed or removed: only what is missing is added, "
                            "all at once or not at all."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Import This File?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_dialog_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reading and checking a file of up to half a gigabyte, and working out what it would add,
 * is done in a thread, with a connection of its own; it writes nothing. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  g_autoptr(CraftImport) import = craft_import_load (job->file, &error);
  g_autoptr(CraftStore) store = NULL;

  if (import != NULL)
    store = craft_store_open (job->data_dir, &error);
  if (import == NULL || store == NULL || !craft_import_preview (import, store, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&import), (GDestroyNotify) craft_import_free);
}

void
craft_data_import_file (CraftWindow *window,
                        GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (CRAFT_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  craft_saver_flush (craft_context_get_saver (craft_window_get_context (window)), NULL);
  g_object_set_data (G_OBJECT (window), "craft-import-done", NULL);
  craft_window_set_progress (window, _("Checking the file…"), 0);
  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  job->data_dir = g_strdup (craft_store_get_data_dir (window_store (window)));
  task = g_task_new (NULL, NULL, on_import_loaded_cb, g_object_ref (window));
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

void
craft_data_import (CraftWindow *window)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *json;

  g_return_if_fail (CRAFT_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  json = new_filter (_("Craft Companion exports (JSON)"), "*.json", "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  g_object_unref (json);
  show_chooser (window, chooser, craft_data_import_file);
}

/* Backups */

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CraftWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  craft_window_set_progress (window, NULL, -1);
  if (!craft_store_backup_to_file_finish (CRAFT_STORE (source), result, &error))
    {
      if (craft_window_get_context (window) == NULL)
        {
          g_warning ("The backup failed after its window closed: %s", error->message);
          return;
        }
      g_autofree char *body = g_strdup_printf (_("%s Your data is unchanged. Choose another "
                                                 "place and try again."), error->message);

      show_message (GTK_WINDOW (window), _("The Backup Could Not Be Saved"), body);
      return;
    }
  if (craft_window_get_context (window) == NULL)
    return;
  toast = adw_toast_new (_("Backup saved"));
  craft_window_add_toast (window, toast);
  g_object_set_data (G_OBJECT (window), "craft-backup-done", GINT_TO_POINTER (TRUE));
}

void
craft_data_back_up_file (CraftWindow *window,
                         GFile       *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CRAFT_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_message (GTK_WINDOW (window), _("The Backup Could Not Be Saved"),
                    _("Backups can only be saved in a folder on this computer or on a drive "
                      "attached to it."));
      return;
    }
  craft_saver_flush (craft_context_get_saver (craft_window_get_context (window)), NULL);
  g_object_set_data (G_OBJECT (window), "craft-backup-done", NULL);
  craft_window_set_progress (window, _("Saving a backup…"), 0);
  /* The file chooser has already asked before replacing a file. */
  craft_store_backup_to_file_async (window_store (window), path, CRAFT_BACKUP_REPLACE, NULL,
                                    on_backup_done_cb, g_object_ref (window));
}

void
craft_data_back_up (CraftWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = default_name (window, "craft-companion-backup-%s.db");

  g_return_if_fail (CRAFT_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Back Up Now"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  show_chooser (window, chooser, craft_data_back_up_file);
}

/* Restore */

void
craft_data_restore (CraftWindow *window)
{
  g_return_if_fail (CRAFT_IS_WINDOW (window));

  gtk_window_present (craft_restore_window_new (window));
}

typedef struct
{
  CraftWindow *window;
  char        *path;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_clear_object (&job->window);
  g_free (job->path);
  g_free (job);
}

/* After the dialog has gone: restoring closes every window and opens a new one. */
static gboolean
restore_idle_cb (gpointer user_data)
{
  RestoreJob *job = user_data;
  g_autoptr(GtkApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *parent;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRAFT_IS_RESTORE_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  /* The window goes away with every other, and must not be kept alive from here. */
  application = gtk_window_get_application (GTK_WINDOW (job->window));
  if (application != NULL)
    g_object_ref (application);
  g_clear_object (&job->window);

  if (application == NULL || !CRAFT_IS_APPLICATION (application))
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("This window cannot restore a backup."));
  else
    craft_application_restore_backup (CRAFT_APPLICATION (application), job->path, &error);

  parent = application != NULL ? gtk_application_get_active_window (application) : NULL;
  if (error != NULL && parent != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("%s Nothing was changed."), error->message);

      show_message (parent, _("The Backup Could Not Be Restored"), body);
    }
  else if (error != NULL)
    g_warning ("The backup could not be restored: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
on_restore_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               RestoreJob       *job)
{
  if (g_str_equal (response, "restore"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_idle_cb, job,
                     (GDestroyNotify) restore_job_free);
  else
    restore_job_free (job);
}

char *
craft_data_describe_backup (const CraftBackupInfo *info)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("%u diary entry", "%u diary entries",
                                          info->diary_entries),
                          info->diary_entries);
  if (info->newest_entry_day[0] != '\0')
    {
      g_autofree char *day = craft_dates_format_day (info->newest_entry_day);

      g_string_append (text, ", ");
      /* Translators: after "12 diary entries, "; %s is a date. */
      g_string_append_printf (text, _("the newest from %s"), day);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, ngettext ("%u worksheet answer", "%u worksheet answers",
                                          info->answers),
                          info->answers);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u session done", "%u sessions done",
                                          info->sessions_done),
                          info->sessions_done);
  return g_string_free (text, FALSE);
}

void
craft_data_restore_file (CraftWindow *window,
                         const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  CraftBackupInfo info;
  AdwMessageDialog *dialog;
  GtkWindow *parent;
  RestoreJob *job;

  g_return_if_fail (CRAFT_IS_WINDOW (window));
  g_return_if_fail (path != NULL);

  parent = GTK_WINDOW (window);
  {
    GList *toplevels = gtk_window_list_toplevels ();

    /* Asked over the restore window when it is open. */
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (CRAFT_IS_RESTORE_WINDOW (l->data) && gtk_widget_get_visible (l->data))
        parent = l->data;
    g_list_free (toplevels);
  }

  if (!craft_store_backup_describe (path, &info, &error))
    {
      body = g_strdup_printf (_("%s Nothing was changed."), error->message);
      show_message (parent, _("This Backup Cannot Be Restored"), body);
      return;
    }

  what = craft_data_describe_backup (&info);
  body = g_strdup_printf ("%s\n%s\n\n%s", _("This backup holds:"), what,
                          _("Everything in Craft Companion will be as it was in the backup. What "
                            "you have now is not deleted: it is kept aside in the data folder "
                            "under a dated name (craft-companion-before-restore-…), so you can "
                            "go back to it."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  job = g_new0 (RestoreJob, 1);
  job->window = g_object_ref (window);
  job->path = g_strdup (path);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_dialog_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* src/app/craft-application.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-application-private.h"
#include "reminders/craft-notifier.h"
#include "reminders/craft-reminder-service.h"
#include "review/craft-export.h"
#include "store/craft-store-backup.h"
#include "craft-first-frame.h"
#include "craft-problem-window.h"
#include "craft-window.h"

struct _CraftApplication
{
  AdwApplication        parent_instance;

  char                 *data_dir;
  CraftContext         *context;
  CraftNotifier        *notifier;
  CraftReminderService *reminders;
  gboolean              background; /* started at login for reminders: no window */
  gboolean              held;       /* kept running without a window for reminders */
  gboolean              quit_after_first_frame; /* for bench/: time the start and quit */
  gboolean              check_hold; /* kept running without a window until the check ends */
};

G_DEFINE_FINAL_TYPE (CraftApplication, craft_application, ADW_TYPE_APPLICATION)

static void open_store (CraftApplication *self);

/* --export, --import and --backup: the same code as the window, no window, one line on
 * failure. Returns the exit status. */
static int
run_command_line_task (CraftApplication *self,
                       const char       *export_path,
                       const char       *import_path,
                       const char       *backup_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autofree char *data_dir = self->data_dir != NULL ? g_strdup (self->data_dir)
                                                     : craft_store_default_data_dir ();

  store = craft_store_open (data_dir, &error);
  if (store == NULL)
    goto failed;

  if (export_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (export_path);

      if (!craft_export_to_file (store, file, &error))
        goto failed;
      g_printerr ("%s\n", craft_export_get_warning ());
    }
  else if (import_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (import_path);
      g_autoptr(CraftImport) import = craft_import_load (file, &error);
      g_autofree char *summary = NULL;

      if (import == NULL || !craft_import_preview (import, store, &error)
          || !craft_import_apply (import, store, &error))
        goto failed;
      summary = craft_import_summary_to_string (craft_import_get_summary (import));
      g_print ("%s\n", summary);
    }
  else if (backup_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (backup_path);
      g_autofree char *path = g_file_get_path (file);

      if (!craft_store_backup_to_file (store, path, CRAFT_BACKUP_FLAGS_NONE, &error))
        goto failed;
    }
  return 0;

failed:
  /* One line, as scripts and people read it. */
  g_strdelimit (error->message, "\n", ' ');
  g_printerr ("craft-companion: %s\n", error->message);
  return 1;
}

static gint
craft_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  CraftApplication *self = CRAFT_APPLICATION (application);
  g_autofree char *data_dir = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "data-dir", "^ay", &data_dir))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (data_dir);

      /* Another data folder is another profile: it runs as its own instance instead of
       * handing over to one that shows someone else's notes. */
      self->data_dir = g_file_get_path (file);
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  self->quit_after_first_frame = g_variant_dict_contains (options, "quit-after-first-frame");

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      /* Waiting for reminders needs no GL, which GTK sets up as soon as it opens the
       * display (registering below starts GTK): 60 MB more for a process that runs all
       * day (bench/). A window opened later from a reminder draws without it. */
      if (g_getenv ("GSK_RENDERER") == NULL)
        {
          const char *debug = g_getenv ("GDK_DEBUG");
          g_autofree char *flags = debug != NULL && *debug != '\0'
                                   ? g_strconcat (debug, ",gl-disable", NULL)
                                   : g_strdup ("gl-disable");

          g_setenv ("GDK_DEBUG", flags, TRUE);
        }

      /* Already running: that instance keeps the reminders, nothing to do here. */
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("craft-companion: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (application))
        return 0;
      self->background = TRUE;
    }

  {
    g_autofree char *export_path = NULL;
    g_autofree char *import_path = NULL;
    g_autofree char *backup_path = NULL;

    g_variant_dict_lookup (options, "export", "^ay", &export_path);
    g_variant_dict_lookup (options, "import", "^ay", &import_path);
    g_variant_dict_lookup (options, "backup", "^ay", &backup_path);
    if ((export_path != NULL) + (import_path != NULL) + (backup_path != NULL) > 1)
      {
        g_printerr ("craft-companion: %s\n",
                    _("Give only one of --export, --import and --backup at a time."));
        return 1;
      }
    if (export_path != NULL || import_path != NULL || backup_path != NULL)
      return run_command_line_task (self, export_path, import_path, backup_path);
  }

  return G_APPLICATION_CLASS (craft_application_parent_class)->handle_local_options (application,
                                                                                     options);
}

static void
craft_application_startup (GApplication *application)
{
  CraftApplication *self = CRAFT_APPLICATION (application);

  G_APPLICATION_CLASS (craft_application_parent_class)->startup (application);

  if (self->data_dir == NULL)
    self->data_dir = craft_store_default_data_dir ();

  _craft_application_add_actions (self);
}

static void
update_hold (CraftApplication *self)
{
  gboolean active = self->reminders != NULL && craft_reminder_service_get_active (self->reminders);

  /* While a reminder is on, closing the window leaves the app running to keep the time. */
  if (active && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!active && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = active;
}

static void
on_reminder_settings_changed_cb (GSettings        *settings,
                                 const char       *key,
                                 CraftApplication *self)
{
  if (g_str_has_prefix (key, "reminder-"))
    update_hold (self);
}

static void
on_reminders_open_requested_cb (CraftReminderService *service,
                                const char           *what,
                                int                   session,
                                CraftApplication     *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !CRAFT_IS_WINDOW (window))
    window = craft_window_new (GTK_APPLICATION (self), self->context);
  gtk_window_present (window);
  if (g_str_equal (what, "session") && session > 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-session", "i", session);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL);
}

static void
on_daily_backup_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;

  /* A failed backup must not disturb the person's work; it is tried again next start. */
  if (!craft_store_backup_daily_finish (CRAFT_STORE (source), result, &made, &error))
    g_warning ("Today's backup could not be made: %s", error->message);
  else if (made != NULL)
    g_debug ("Made today's backup %s", made);
}

/* Once a day, in a worker thread on its own connection, so typing never waits for it. */
static void
start_daily_backup (CraftApplication *self)
{
  g_autoptr(GDateTime) now = craft_context_now (self->context);

  craft_store_backup_daily_async (craft_context_get_store (self->context), now, NULL,
                                  on_daily_backup_done_cb, NULL);
}

static void
start_reminders (CraftApplication *self)
{
  self->notifier = craft_notifier_new ();
  self->reminders = craft_reminder_service_new (self->context, self->notifier);
  g_signal_connect_object (self->reminders, "open-requested",
                           G_CALLBACK (on_reminders_open_requested_cb), self, 0);
  g_signal_connect_object (craft_context_get_settings (self->context), "changed",
                           G_CALLBACK (on_reminder_settings_changed_cb), self, 0);
  update_hold (self);
}

static void
on_problem_window_start_new_cb (CraftProblemWindow *window,
                                CraftApplication   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *kept = craft_store_set_aside (self->data_dir, now, &error);

  if (kept == NULL)
    {
      craft_problem_window_show_error (window, error);
      return;
    }

  g_message ("The damaged database was kept as %s", kept);
  /* Open the next window before this one goes, so the application never runs out of
   * windows and quits in between. */
  open_store (self);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_problem_window_retry_cb (CraftProblemWindow *window,
                            CraftApplication   *self)
{
  open_store (self);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The store's check found damage: nothing more is written to it, and the person gets
 * the same choices as when damage is found at start. */
static void
show_damage (CraftApplication *self,
             const GError     *error)
{
  GtkWindow *problem;
  GList *windows;

  problem = craft_problem_window_new (GTK_APPLICATION (self), self->data_dir, error);
  g_signal_connect_object (problem, "start-new", G_CALLBACK (on_problem_window_start_new_cb),
                           self, 0);
  g_signal_connect_object (problem, "retry", G_CALLBACK (on_problem_window_retry_cb), self, 0);
  gtk_window_present (problem);

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      if (window != problem)
        gtk_window_destroy (window);
    }
  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);
  g_clear_object (&self->context);
}

static void
on_store_checked_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CraftApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  gboolean current = self->context != NULL
                     && craft_context_get_store (self->context) == (CraftStore *) source;

  if (!craft_store_check_finish (CRAFT_STORE (source), result, &error))
    {
      if (current)
        show_damage (self, error);
    }
  else if (current)
    {
      /* The reminders write their state as they start, which would wait for the check. */
      if (self->reminders == NULL)
        start_reminders (self);
      /* Only a database known to be sound is copied into the rolling backups. */
      start_daily_backup (self);
    }
  if (self->check_hold)
    g_application_release (G_APPLICATION (self));
  self->check_hold = FALSE;
}

static void
check_store (CraftApplication *self)
{
  craft_store_check_async (craft_context_get_store (self->context), NULL, on_store_checked_cb,
                           g_object_ref (self));
}

static void
on_first_frame_cb (GtkWindow *window,
                   gpointer   user_data)
{
  CraftApplication *self = user_data;

  if (self->context != NULL)
    check_store (self);
}

static void
open_store (CraftApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  GtkWindow *window;
  gboolean pending;

  store = craft_store_open_deferring_check (self->data_dir, &error);
  if (store == NULL)
    {
      window = craft_problem_window_new (GTK_APPLICATION (self), self->data_dir, error);
      g_signal_connect_object (window, "start-new",
                               G_CALLBACK (on_problem_window_start_new_cb), self, 0);
      g_signal_connect_object (window, "retry",
                               G_CALLBACK (on_problem_window_retry_cb), self, 0);
      gtk_window_present (window);
      return;
    }

  /* Tests that start the program look for this line to know the data opened normally. */
  g_debug ("Opened the data in %s", self->data_dir);
  self->context = craft_context_new (store, NULL);
  /* Checking a large database takes a while: after the first frame, in a thread, and
   * whatever writes at start (the reminders) waits for it. With nothing to check (a new
   * database) everything starts at once. */
  pending = craft_store_get_check_pending (store);
  if (!pending)
    start_reminders (self);
  if (self->background)
    {
      if (pending && !self->check_hold)
        {
          g_application_hold (G_APPLICATION (self));
          self->check_hold = TRUE;
        }
      check_store (self);
      return;
    }
  window = craft_window_new (GTK_APPLICATION (self), self->context);
  if (self->quit_after_first_frame)
    craft_first_frame_quit_after (window);
  if (pending)
    craft_first_frame_watch (window, on_first_frame_cb, self);
  else
    check_store (self);
  gtk_window_present (window);
}

static void
craft_application_activate (GApplication *application)
{
  CraftApplication *self = CRAFT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* A second launch only raises what is already open. */
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->context != NULL)
    gtk_window_present (craft_window_new (GTK_APPLICATION (self), self->context));
  else
    open_store (self);

  /* At login for reminders only: the next launch by the person shows the window. */
  self->background = FALSE;
}

static void
craft_application_shutdown (GApplication *application)
{
  CraftApplication *self = CRAFT_APPLICATION (application);

  /* Disposing the context writes whatever is still queued. */
  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);
  g_clear_object (&self->context);

  G_APPLICATION_CLASS (craft_application_parent_class)->shutdown (application);
}

static void
craft_application_finalize (GObject *object)
{
  CraftApplication *self = CRAFT_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);
  g_clear_object (&self->context);
  g_free (self->data_dir);

  G_OBJECT_CLASS (craft_application_parent_class)->finalize (object);
}

static void
craft_application_class_init (CraftApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = craft_application_finalize;
  app_class->handle_local_options = craft_application_handle_local_options;
  app_class->startup = craft_application_startup;
  app_class->activate = craft_application_activate;
  app_class->shutdown = craft_application_shutdown;
}

static void
craft_application_init (CraftApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep all data in DIR instead of the usual folder"), N_("DIR") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export everything to FILE (JSON), or the diary to FILE.csv, and quit"), N_("FILE") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Add what an exported FILE holds, and quit"), N_("FILE") },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Save a backup copy of all data to FILE, and quit"), N_("FILE") },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window, only to keep reminders"), NULL },
    /* For bench/: prints how long the first frame took, then quits. */
    { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("A private companion for relatives of someone who drinks or uses drugs: the CRAFT "
      "program, a diary of difficult moments and a safety plan."));
}

CraftApplication *
craft_application_new (void)
{
  return g_object_new (CRAFT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

const char *
craft_application_get_data_dir (CraftApplication *self)
{
  g_return_val_if_fail (CRAFT_IS_APPLICATION (self), NULL);
  return self->data_dir;
}

CraftReminderService *
craft_application_get_reminders (CraftApplication *self)
{
  g_return_val_if_fail (CRAFT_IS_APPLICATION (self), NULL);
  return self->reminders;
}

CraftNotifier *
craft_application_get_notifier (CraftApplication *self)
{
  g_return_val_if_fail (CRAFT_IS_APPLICATION (self), NULL);
  return self->notifier;
}

CraftContext *
craft_application_get_context (CraftApplication *self)
{
  g_return_val_if_fail (CRAFT_IS_APPLICATION (self), NULL);
  return self->context;
}

/* Lets go of every connection to the database: windows, reminders and the context. The
 * daily backup may still hold the store for a moment in its thread; it is waited for. */
static gboolean
close_store (CraftApplication  *self,
             GError           **error)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  CraftStore *store = craft_context_get_store (self->context);
  gint64 deadline;

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);
  if (self->held)
    g_application_release (G_APPLICATION (self));
  self->held = FALSE;
  g_clear_object (&self->context);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (store != NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  if (store != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (store), (gpointer *) &store);
      g_set_error_literal (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY,
                           _("Craft Companion is still using your data."));
      return FALSE;
    }
  return TRUE;
}

gboolean
craft_application_restore_backup (CraftApplication  *self,
                                  const char        *path,
                                  GError           **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *kept = NULL;
  CraftBackupInfo info;
  gboolean ok;
  GtkWindow *window;

  g_return_val_if_fail (CRAFT_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  /* A backup that is damaged, not ours or too new is refused before anything closes, and
   * what was typed a moment ago is written first, so that it is kept aside too. */
  if (!craft_store_backup_describe (path, &info, error)
      || !craft_saver_flush (craft_context_get_saver (self->context), error))
    return FALSE;

  now = craft_context_now (self->context);
  /* No window for a moment: the application must not quit in between. */
  g_application_hold (G_APPLICATION (self));
  ok = close_store (self, error)
       && craft_store_restore_backup (self->data_dir, path, now, &kept, error);
  /* Whatever happened, the data folder is opened again: the backup, or what was there. */
  open_store (self);
  g_application_release (G_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (ok && window != NULL && CRAFT_IS_WINDOW (window))
    {
      g_autofree char *name = kept != NULL ? g_path_get_basename (kept) : NULL;
      g_autofree char *text = NULL;
      AdwToast *toast;

      if (name != NULL)
        /* Translators: %s is a file name such as
         * craft-companion-before-restore-2026-11-23-193000.db */
        text = g_strdup_printf (_("The backup is restored. What you had before is kept as "
                                  "“%s”."), name);
      else
        text = g_strdup (_("The backup is restored."));
      toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 0);
      craft_window_add_toast (CRAFT_WINDOW (window), toast);
    }
  return ok;
}

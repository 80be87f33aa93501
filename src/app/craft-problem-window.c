/* src/app/craft-problem-window.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown instead of the main window when the data cannot be opened. It never changes the
 * person's file: starting anew only moves the damaged file aside, after asking.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-problem-window.h"
#include "store/craft-store.h"

struct _CraftProblemWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *data_dir;
  char                 *title_text;
  char                 *description_text;

  AdwStatusPage        *status_page;
  GtkWidget            *retry_button;
  GtkWidget            *start_new_button;
};

G_DEFINE_FINAL_TYPE (CraftProblemWindow, craft_problem_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  START_NEW,
  RETRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_confirm_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        CraftProblemWindow *self)
{
  if (g_str_equal (response, "start-new"))
    g_signal_emit (self, signals[START_NEW], 0);
}

static void
start_new_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CraftProblemWindow *self = CRAFT_PROBLEM_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Start With a New Database?"),
                                   _("Craft Companion will start with an empty database. The "
                                     "damaged file is not deleted: it is renamed and kept in "
                                     "the same folder, so that it can be rescued later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start-new", _("_Start New"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start-new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[RETRY], 0);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CraftProblemWindow *self = CRAFT_PROBLEM_WINDOW (widget);
  g_autoptr(GFile) folder = g_file_new_for_path (self->data_dir);
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
craft_problem_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRAFT_TYPE_PROBLEM_WINDOW);

  G_OBJECT_CLASS (craft_problem_window_parent_class)->dispose (object);
}

static void
craft_problem_window_finalize (GObject *object)
{
  CraftProblemWindow *self = CRAFT_PROBLEM_WINDOW (object);

  g_free (self->data_dir);
  g_free (self->title_text);
  g_free (self->description_text);

  G_OBJECT_CLASS (craft_problem_window_parent_class)->finalize (object);
}

static void
craft_problem_window_class_init (CraftProblemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_problem_window_dispose;
  object_class->finalize = craft_problem_window_finalize;

  /* The person confirmed: move the damaged file aside and start anew. */
  signals[START_NEW] = g_signal_new ("start-new", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The person solved the cause (freed space, fixed the folder) and wants another try. */
  signals[RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/app/craft-problem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftProblemWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, CraftProblemWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, CraftProblemWindow, start_new_button);

  gtk_widget_class_install_action (widget_class, "problem.start-new", NULL, start_new_action);
  gtk_widget_class_install_action (widget_class, "problem.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "problem.open-folder", NULL,
                                   open_folder_action);
}

static void
craft_problem_window_init (CraftProblemWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
craft_problem_window_show_error (CraftProblemWindow *self,
                                 const GError       *error)
{
  g_autofree char *markup = NULL;
  gboolean damaged = FALSE;
  gboolean can_retry = TRUE;
  const char *title;
  const char *advice;

  g_return_if_fail (CRAFT_IS_PROBLEM_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NEWER_VERSION))
    {
      title = _("Your Data Is From a Newer Version");
      advice = _("Please install the newer version of Craft Companion that saved it. "
                 "Your data has not been changed.");
      can_retry = FALSE;
    }
  else if (g_error_matches (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT)
           || g_error_matches (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NOT_A_DATABASE))
    {
      title = _("Your Data Could Not Be Opened");
      advice = _("The file has not been changed. You can start with a new database; the "
                 "damaged file is then kept beside it under a dated name.");
      damaged = TRUE;
      can_retry = FALSE;
    }
  else if (g_error_matches (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY))
    {
      title = _("Your Data Is in Use");
      advice = _("Another copy of Craft Companion, or a backup program, may be using it. "
                 "Wait a moment or close that program, then try again. Nothing has been "
                 "changed.");
    }
  else
    {
      title = _("Your Data Folder Cannot Be Used");
      advice = _("Check that the folder exists, belongs to you and that the disk is not "
                 "full, then try again. Nothing has been changed.");
    }

  g_free (self->title_text);
  g_free (self->description_text);
  self->title_text = g_strdup (title);
  self->description_text = g_strdup_printf ("%s\n\n%s\n\n%s", error->message, advice,
                                            self->data_dir);

  markup = g_markup_escape_text (self->description_text, -1);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, markup);
  gtk_widget_set_visible (self->start_new_button, damaged);
  gtk_widget_set_visible (self->retry_button, can_retry);
}

GtkWindow *
craft_problem_window_new (GtkApplication *application,
                          const char     *data_dir,
                          const GError   *error)
{
  CraftProblemWindow *self;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (CRAFT_TYPE_PROBLEM_WINDOW, "application", application, NULL);
  self->data_dir = g_strdup (data_dir);
  craft_problem_window_show_error (self, error);
  return GTK_WINDOW (self);
}

const char *
craft_problem_window_get_title_text (CraftProblemWindow *self)
{
  g_return_val_if_fail (CRAFT_IS_PROBLEM_WINDOW (self), NULL);
  return self->title_text;
}

const char *
craft_problem_window_get_description_text (CraftProblemWindow *self)
{
  g_return_val_if_fail (CRAFT_IS_PROBLEM_WINDOW (self), NULL);
  return self->description_text;
}

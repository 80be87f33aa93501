/* src/app/craft-window.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "craft-window.h"
#include "diary/craft-diary-page.h"
#include "leader/craft-leader-page.h"
#include "program/craft-program-page.h"
#include "review/craft-data-transfer.h"
#include "review/craft-review-page.h"
#include "safety/craft-safety-page.h"

/* The places, in the order of the view switcher. Each is built the first time it is shown:
 * building all five before the first frame (the twelve sessions, the diary editor, the
 * charts) made the start half again as slow as a bare window (bench/). */
typedef enum
{
  PLACE_PROGRAM,
  PLACE_DIARY,
  PLACE_REVIEW,
  PLACE_SAFETY,
  PLACE_LEADER,
  N_PLACES
} Place;

static const char * const place_names[N_PLACES] = {
  "program", "diary", "review", "safety", "leader"
};

struct _CraftWindow
{
  AdwApplicationWindow  parent_instance;

  CraftContext         *context;

  AdwViewStack         *stack;
  AdwToastOverlay      *toast_overlay;
  GtkInfoBar           *save_error_bar;
  GtkLabel             *save_error_label;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  /* Where each place goes, and the place once it is built (NULL before). */
  AdwBin               *bins[N_PLACES];
  GtkWidget            *places[N_PLACES];
};

G_DEFINE_FINAL_TYPE (CraftWindow, craft_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
find_place (const char *name)
{
  for (int i = 0; i < N_PLACES; i++)
    if (g_strcmp0 (name, place_names[i]) == 0)
      return i;
  return -1;
}

/* The place, built now if it was not yet; NULL once the window is closing. */
static GtkWidget *
ensure_place (CraftWindow *self,
              Place        place)
{
  GtkWidget *page;

  if (self->places[place] != NULL || self->context == NULL || self->bins[place] == NULL)
    return self->places[place];

  /* The context first: a page shown at once reads its data as it is mapped. */
  switch (place)
    {
    case PLACE_PROGRAM:
      page = g_object_new (CRAFT_TYPE_PROGRAM_PAGE, NULL);
      craft_program_page_set_context (CRAFT_PROGRAM_PAGE (page), self->context);
      break;
    case PLACE_DIARY:
      page = g_object_new (CRAFT_TYPE_DIARY_PAGE, NULL);
      craft_diary_page_set_context (CRAFT_DIARY_PAGE (page), self->context);
      break;
    case PLACE_REVIEW:
      page = g_object_new (CRAFT_TYPE_REVIEW_PAGE, NULL);
      craft_review_page_set_context (CRAFT_REVIEW_PAGE (page), self->context);
      break;
    case PLACE_SAFETY:
      page = g_object_new (CRAFT_TYPE_SAFETY_PAGE, NULL);
      craft_safety_page_set_context (CRAFT_SAFETY_PAGE (page), self->context);
      break;
    case PLACE_LEADER:
      page = g_object_new (CRAFT_TYPE_LEADER_PAGE, NULL);
      craft_leader_page_set_context (CRAFT_LEADER_PAGE (page), self->context);
      break;
    case N_PLACES:
    default:
      g_assert_not_reached ();
    }

  self->places[place] = page;
  adw_bin_set_child (self->bins[place], page);
  return page;
}

/* The view switcher, a shortcut or an action showed a place: build it if it is new. */
static void
on_stack_visible_child_cb (AdwViewStack *stack,
                           GParamSpec   *pspec,
                           CraftWindow  *self)
{
  int place = find_place (adw_view_stack_get_visible_child_name (stack));

  if (place >= 0)
    ensure_place (self, place);
}

/* Shows @place and returns it, built. */
static GtkWidget *
show_place (CraftWindow *self,
            Place        place)
{
  craft_window_show_page (self, place_names[place]);
  return ensure_place (self, place);
}

/* What the bar above the window says while saving fails: the cause in plain words, that
 * the text is safe, and what to do. */
static char *
describe_save_error (const GError *error)
{
  if (error->domain == CRAFT_STORE_ERROR)
    switch ((CraftStoreError) error->code)
      {
      case CRAFT_STORE_ERROR_BUSY:
        return g_strdup (_("Another program is using your data right now, so your latest "
                           "changes could not be saved yet. They are kept in this window and "
                           "will be saved as soon as it is free."));
      case CRAFT_STORE_ERROR_DISK_FULL:
        return g_strdup (_("The disk is full, so your latest changes could not be saved yet. "
                           "They are kept in this window. Make some space, for example by "
                           "deleting files you no longer need, and they will be saved by "
                           "themselves."));
      case CRAFT_STORE_ERROR_READ_ONLY:
        return g_strdup (_("Your data folder cannot be written to right now, so your latest "
                           "changes could not be saved yet. They are kept in this window and "
                           "will be saved as soon as the folder can be written to again."));
      case CRAFT_STORE_ERROR_FOLDER_GONE:
        return g_strdup (_("Your data folder was removed while Craft Companion was open, so "
                           "your latest changes could not be saved yet. Everything you wrote "
                           "is still kept in this window. Choose Try Again to put it all back "
                           "in its folder."));
      default:
        break;
      }

  /* Translators: %s says why, e.g. "The data could not be read or written (disk I/O error)." */
  return g_strdup_printf (_("Your latest changes could not be saved yet: %s They are "
                            "kept in this window and will be saved as soon as it works "
                            "again."),
                          error->message);
}

static const char * const data_actions[] = { "win.export", "win.import", "win.back-up",
                                             "win.restore" };

static void
update_save_error (CraftWindow *self)
{
  CraftSaver *saver = craft_context_get_saver (self->context);
  const GError *error = craft_saver_get_error (saver);

  if (error != NULL)
    {
      g_autofree char *text = describe_save_error (error);

      gtk_label_set_text (self->save_error_label, text);
    }
  gtk_info_bar_set_revealed (self->save_error_bar, error != NULL);
}

static void
on_saver_failing_changed_cb (CraftSaver  *saver,
                             GParamSpec  *pspec,
                             CraftWindow *self)
{
  update_save_error (self);
}

static void
save_window_state (CraftWindow *self)
{
  GSettings *settings = craft_context_get_settings (self->context);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
on_close_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CraftWindow      *self)
{
  if (g_str_equal (response, "close"))
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
craft_window_close_request (GtkWindow *window)
{
  CraftWindow *self = CRAFT_WINDOW (window);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  save_window_state (self);

  if (craft_saver_flush_waiting (craft_context_get_saver (self->context), &error))
    return GTK_WINDOW_CLASS (craft_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       _("Your Latest Changes Are Not Saved"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s If you close now, what you typed since the last save "
                                    "will be lost. Keep the window open to try again once the "
                                    "problem is solved."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Window Open"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  craft_window_show_page (CRAFT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_safety_plan_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CraftWindow *self = CRAFT_WINDOW (widget);

  craft_safety_page_focus (CRAFT_SAFETY_PAGE (show_place (self, PLACE_SAFETY)));
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CraftWindow *self = CRAFT_WINDOW (widget);

  craft_diary_page_new_entry (CRAFT_DIARY_PAGE (show_place (self, PLACE_DIARY)));
}

static void
open_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CraftWindow *self = CRAFT_WINDOW (widget);

  craft_diary_page_open_entry (CRAFT_DIARY_PAGE (show_place (self, PLACE_DIARY)),
                               g_variant_get_int64 (parameter));
}

static void
open_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CraftWindow *self = CRAFT_WINDOW (widget);
  int number = g_variant_get_int32 (parameter);

  if (number < 1 || number > CRAFT_PROGRAM_N_SESSIONS)
    return;
  craft_program_page_open_session (CRAFT_PROGRAM_PAGE (show_place (self, PLACE_PROGRAM)),
                                   number);
}

static void
data_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CraftWindow *self = CRAFT_WINDOW (widget);

  if (g_str_equal (action_name, "win.export"))
    craft_data_export (self);
  else if (g_str_equal (action_name, "win.import"))
    craft_data_import (self);
  else if (g_str_equal (action_name, "win.back-up"))
    craft_data_back_up (self);
  else if (g_str_equal (action_name, "win.restore"))
    craft_data_restore (self);
}

/* The keyboard shortcuts (Ctrl+?), built the first time they are asked for: GtkApplication
 * would build them for every window before its first frame (bench/). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  /* Given to the window as GtkApplication would, so that it shows the shortcuts that the
   * application binds to actions. */
  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");

      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CraftWindow *self = CRAFT_WINDOW (widget);

  craft_saver_retry (craft_context_get_saver (self->context), NULL);
}

static void
craft_window_constructed (GObject *object)
{
  CraftWindow *self = CRAFT_WINDOW (object);
  GSettings *settings;
  int width, height;

  G_OBJECT_CLASS (craft_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  settings = craft_context_get_settings (self->context);
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Only the place shown at start is built now; the others when they are first shown. */
  on_stack_visible_child_cb (self->stack, NULL, self);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_stack_visible_child_cb), self, 0);

  g_signal_connect_object (craft_context_get_saver (self->context), "notify::error",
                           G_CALLBACK (on_saver_failing_changed_cb), self, 0);
  update_save_error (self);
}

static void
craft_window_dispose (GObject *object)
{
  CraftWindow *self = CRAFT_WINDOW (object);

  /* Nothing is built any more while the pages go. */
  g_clear_object (&self->context);
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, on_stack_visible_child_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_WINDOW);
  memset (self->places, 0, sizeof self->places);

  G_OBJECT_CLASS (craft_window_parent_class)->dispose (object);
}

static void
craft_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CraftWindow *self = CRAFT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CraftWindow *self = CRAFT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_window_class_init (CraftWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = craft_window_constructed;
  object_class->dispose = craft_window_dispose;
  object_class->get_property = craft_window_get_property;
  object_class->set_property = craft_window_set_property;
  window_class->close_request = craft_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CRAFT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/app/craft-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CraftWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CraftWindow, save_error_bar);
  gtk_widget_class_bind_template_child (widget_class, CraftWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, CraftWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CraftWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CraftWindow, progress_bar);
  for (guint i = 0; i < N_PLACES; i++)
    {
      g_autofree char *bin = g_strconcat (place_names[i], "_bin", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, bin, FALSE,
                                                 G_STRUCT_OFFSET (CraftWindow, bins)
                                                 + i * sizeof (AdwBin *));
    }

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-safety-plan", NULL,
                                   show_safety_plan_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "win.open-entry", "x", open_entry_action);
  gtk_widget_class_install_action (widget_class, "win.open-session", "i", open_session_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, data_action);
}

static void
craft_window_init (CraftWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
craft_window_new (GtkApplication *application,
                  CraftContext   *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CRAFT_IS_CONTEXT (context), NULL);

  return g_object_new (CRAFT_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

CraftContext *
craft_window_get_context (CraftWindow *self)
{
  g_return_val_if_fail (CRAFT_IS_WINDOW (self), NULL);
  return self->context;
}

void
craft_window_show_page (CraftWindow *self,
                        const char  *name)
{
  g_return_if_fail (CRAFT_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("No page called “%s”", name);
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
craft_window_get_page (CraftWindow *self)
{
  g_return_val_if_fail (CRAFT_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
craft_window_add_toast (CraftWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (CRAFT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
craft_window_show_error (GtkWidget    *widget,
                         const char   *what,
                         const GError *error)
{
  GtkWidget *window;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (what != NULL && error != NULL);

  text = g_strdup_printf ("%s %s", what, error->message);
  window = gtk_widget_get_ancestor (widget, CRAFT_TYPE_WINDOW);
  if (window == NULL)
    {
      g_warning ("%s", text);
      return;
    }
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  craft_window_add_toast (CRAFT_WINDOW (window), toast);
}

void
craft_window_set_progress (CraftWindow *self,
                           const char  *text,
                           double       fraction)
{
  g_return_if_fail (CRAFT_IS_WINDOW (self));

  /* Work that outlives a closed window has nothing left to show. */
  if (self->progress_label == NULL)
    return;
  if (text != NULL)
    gtk_label_set_text (self->progress_label, text);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  gtk_revealer_set_reveal_child (self->progress_revealer, fraction >= 0);
  /* While the import runs, nothing else may change the data under it. */
  for (guint i = 0; i < G_N_ELEMENTS (data_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), data_actions[i], fraction < 0);
}

double
craft_window_get_progress (CraftWindow *self)
{
  g_return_val_if_fail (CRAFT_IS_WINDOW (self), -1);

  if (self->progress_revealer == NULL || !gtk_revealer_get_reveal_child (self->progress_revealer))
    return -1;
  return gtk_progress_bar_get_fraction (self->progress_bar);
}

void
craft_window_reload (CraftWindow *self)
{
  g_return_if_fail (CRAFT_IS_WINDOW (self));

  /* A place not built yet reads the diary when it is. */
  if (self->context == NULL)
    return;
  if (self->places[PLACE_DIARY] != NULL)
    craft_diary_page_reload (CRAFT_DIARY_PAGE (self->places[PLACE_DIARY]));
  if (self->places[PLACE_REVIEW] != NULL)
    craft_review_page_refresh (CRAFT_REVIEW_PAGE (self->places[PLACE_REVIEW]));
}

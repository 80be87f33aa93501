/* src/program/craft-plan-window.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "app/craft-date-button.h"
#include "app/craft-dates.h"
#include "craft-plan-window.h"

struct _CraftPlanWindow
{
  AdwWindow             parent_instance;

  CraftContext         *context;
  CraftProgram         *program;

  CraftDateButton      *start_button;
  GtkLabel             *warning_label;
  AdwPreferencesGroup  *sessions_group;
  CraftDateButton      *session_buttons[CRAFT_PROGRAM_N_SESSIONS];
};

G_DEFINE_FINAL_TYPE (CraftPlanWindow, craft_plan_window, ADW_TYPE_WINDOW)

static void
report (CraftPlanWindow *self,
        const GError    *error)
{
  g_autofree char *text = g_strdup_printf (_("The plan could not be saved. %s"), error->message);

  gtk_label_set_text (self->warning_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), TRUE);
}

static void
update_warning (CraftPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  CraftSessionProgress progress[12];
  g_autofree char *overrun = NULL;

  if (!craft_store_get_progress (craft_context_get_store (self->context), progress, &error))
    {
      report (self, error);
      return;
    }
  overrun = craft_program_plan_overrun (craft_date_button_get_day (self->start_button), progress);
  if (overrun != NULL)
    {
      g_autofree char *day = craft_dates_format_day (overrun);
      /* Translators: %s is a date. */
      g_autofree char *text = g_strdup_printf (_("The last session is planned for %s, more than "
                                                 "six months after the first. CRAFT works best "
                                                 "within six months."),
                                               day);

      gtk_label_set_text (self->warning_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), overrun != NULL);
}

static void
on_session_day_changed_cb (CraftDateButton *button,
                           GParamSpec      *pspec,
                           CraftPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  int number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "craft-session"));

  if (!craft_store_set_session_planned (craft_context_get_store (self->context), number,
                                        craft_date_button_get_day (button), &error))
    {
      report (self, error);
      return;
    }
  update_warning (self);
}

static void
on_start_button_day_changed_cb (CraftDateButton *button,
                                GParamSpec      *pspec,
                                CraftPlanWindow *self)
{
  CraftStore *store = craft_context_get_store (self->context);
  const char *start = craft_date_button_get_day (button);
  g_autoptr(GError) error = NULL;
  CraftSessionProgress progress[12];
  int week = 0;

  if (!craft_store_set_meta (store, "plan-start", start, &error)
      || !craft_store_get_progress (store, progress, &error))
    {
      report (self, error);
      return;
    }
  if (*start == '\0')
    {
      update_warning (self);
      return;
    }

  /* Weekly from the first session; a session already done keeps its date. */
  for (int n = 1; n <= CRAFT_PROGRAM_N_SESSIONS; n++)
    {
      g_autofree char *day = NULL;

      if (progress[n - 1].done_at > 0)
        continue;
      day = craft_dates_add_days (start, 7 * week++);
      craft_date_button_set_day (self->session_buttons[n - 1], day);
    }
  update_warning (self);
}

static void
craft_plan_window_dispose (GObject *object)
{
  CraftPlanWindow *self = CRAFT_PLAN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_PLAN_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->program);

  G_OBJECT_CLASS (craft_plan_window_parent_class)->dispose (object);
}

static void
craft_plan_window_class_init (CraftPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_plan_window_dispose;

  g_type_ensure (CRAFT_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/program/craft-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftPlanWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, CraftPlanWindow, warning_label);
  gtk_widget_class_bind_template_child (widget_class, CraftPlanWindow, sessions_group);
  gtk_widget_class_bind_template_callback (widget_class, on_start_button_day_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
craft_plan_window_init (CraftPlanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
craft_plan_window_new (GtkWindow    *parent,
                       CraftContext *context,
                       CraftProgram *program)
{
  CraftPlanWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  CraftSessionProgress progress[12];

  g_return_val_if_fail (CRAFT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CRAFT_IS_PROGRAM (program), NULL);

  self = g_object_new (CRAFT_TYPE_PLAN_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->program = g_object_ref (program);

  start = craft_store_get_meta (craft_context_get_store (context), "plan-start", &error);
  if (start == NULL || !craft_store_get_progress (craft_context_get_store (context), progress,
                                                  &error))
    {
      report (self, error);
      return GTK_WINDOW (self);
    }

  /* Filled in before the handlers connect, so showing the plan does not rewrite it. */
  g_signal_handlers_block_by_func (self->start_button, on_start_button_day_changed_cb, self);
  craft_date_button_set_day (self->start_button, start);
  g_signal_handlers_unblock_by_func (self->start_button, on_start_button_day_changed_cb, self);

  for (int n = 1; n <= CRAFT_PROGRAM_N_SESSIONS; n++)
    {
      CraftSession *session = craft_program_get_session (program, n);
      g_autofree char *title = g_strdup_printf (_("%d. %s"), n, craft_session_get_title (session));
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = craft_date_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      craft_date_button_set_day (CRAFT_DATE_BUTTON (button), progress[n - 1].planned_on);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "craft-session", GINT_TO_POINTER (n));
      g_signal_connect (button, "notify::day", G_CALLBACK (on_session_day_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->sessions_group, row);
      self->session_buttons[n - 1] = CRAFT_DATE_BUTTON (button);
    }

  update_warning (self);
  return GTK_WINDOW (self);
}

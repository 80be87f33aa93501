/* src/leader/craft-group-editor.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is kept until Save, so a leader can try dates and close the window without a trace.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "app/craft-date-button.h"
#include "app/craft-dates.h"
#include "craft-group-editor.h"
#include "craft-leader-content.h"

struct _CraftGroupEditor
{
  AdwWindow             parent_instance;

  CraftContext         *context;
  gint64                group;

  GtkButton            *save_button;
  AdwEntryRow          *name_row;
  AdwComboRow          *language_row;
  CraftDateButton      *start_button;
  GtkLabel             *warning_label;
  AdwPreferencesGroup  *sessions_group;
  CraftDateButton      *session_buttons[CRAFT_LEADER_N_SESSIONS];
};

G_DEFINE_FINAL_TYPE (CraftGroupEditor, craft_group_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (CraftGroupEditor *self,
              const char       *text)
{
  gtk_label_set_text (self->warning_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), text != NULL);
}

static void
get_days (CraftGroupEditor *self,
          char              days[CRAFT_LEADER_N_SESSIONS][11])
{
  for (int i = 0; i < CRAFT_LEADER_N_SESSIONS; i++)
    g_strlcpy (days[i], craft_date_button_get_day (self->session_buttons[i]), 11);
}

static void
update_warning (CraftGroupEditor *self)
{
  char days[CRAFT_LEADER_N_SESSIONS][11];
  g_autofree char *overrun = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  get_days (self, days);
  overrun = craft_leader_plan_overrun (craft_date_button_get_day (self->start_button), days);
  if (overrun == NULL)
    {
      show_message (self, NULL);
      return;
    }
  day = craft_dates_format_day (overrun);
  /* Translators: %s is a date. */
  text = g_strdup_printf (_("The last group session is planned for %s, more than six months "
                            "after the first. CRAFT works best within six months."),
                          day);
  show_message (self, text);
}

static void
update_save (CraftGroupEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 *name != '\0'
                                 && *craft_date_button_get_day (self->start_button) != '\0');
}

static void
on_name_row_changed_cb (AdwEntryRow      *row,
                        CraftGroupEditor *self)
{
  update_save (self);
}

static void
on_name_row_activated_cb (AdwEntryRow      *row,
                          CraftGroupEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
on_session_day_changed_cb (CraftDateButton  *button,
                           GParamSpec       *pspec,
                           CraftGroupEditor *self)
{
  update_warning (self);
}

static void
on_start_button_day_changed_cb (CraftDateButton  *button,
                                GParamSpec       *pspec,
                                CraftGroupEditor *self)
{
  const char *start = craft_date_button_get_day (button);

  /* Weekly from the first group session. */
  if (*start != '\0')
    for (int i = 0; i < CRAFT_LEADER_N_SESSIONS; i++)
      {
        g_autofree char *day = craft_dates_add_days (start, 7 * i);

        craft_date_button_set_day (self->session_buttons[i], day);
      }
  update_warning (self);
  update_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CraftGroupEditor *self = CRAFT_GROUP_EDITOR (widget);
  CraftStore *store = craft_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *language = craft_leader_languages[MIN (adw_combo_row_get_selected (self->language_row),
                                                     CRAFT_LEADER_N_LANGUAGES - 1)];
  const char *start = craft_date_button_get_day (self->start_button);
  gint64 group = self->group;

  if (group == 0)
    group = craft_store_leader_create_group (store, name, language, start, &error);
  else if (!craft_store_leader_update_group (store, group, name, language, start, &error))
    group = 0;

  for (int i = 0; group != 0 && i < CRAFT_LEADER_N_SESSIONS; i++)
    if (!craft_store_leader_set_planned (store, group, i + 1,
                                         craft_date_button_get_day (self->session_buttons[i]),
                                         &error))
      group = 0;

  if (group == 0)
    {
      g_autofree char *text = g_strdup_printf (_("The group could not be saved. %s"),
                                               error->message);

      show_message (self, text);
      return;
    }
  self->group = group;
  g_signal_emit (self, signals[SAVED], 0, group);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
craft_group_editor_dispose (GObject *object)
{
  CraftGroupEditor *self = CRAFT_GROUP_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_GROUP_EDITOR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (craft_group_editor_parent_class)->dispose (object);
}

static void
craft_group_editor_class_init (CraftGroupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_group_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CRAFT_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/leader/craft-group-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftGroupEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CraftGroupEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CraftGroupEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, CraftGroupEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, CraftGroupEditor, warning_label);
  gtk_widget_class_bind_template_child (widget_class, CraftGroupEditor, sessions_group);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_button_day_changed_cb);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
craft_group_editor_init (CraftGroupEditor *self)
{
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CRAFT_LEADER_N_LANGUAGES; i++)
    gtk_string_list_append (languages, craft_leader_language_name (craft_leader_languages[i]));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));
}

GtkWindow *
craft_group_editor_new (GtkWindow    *parent,
                        CraftContext *context,
                        gint64        group)
{
  CraftGroupEditor *self;
  g_autoptr(CraftLeaderGroup) info = NULL;
  g_autoptr(GError) error = NULL;
  char days[CRAFT_LEADER_N_SESSIONS][11] = { { 0 } };
  const char *language = craft_program_get_ui_language ();
  g_autofree char *start = NULL;

  g_return_val_if_fail (CRAFT_IS_CONTEXT (context), NULL);

  self = g_object_new (CRAFT_TYPE_GROUP_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->group = group;

  if (group != 0)
    {
      info = craft_store_leader_get_group (craft_context_get_store (context), group, &error);
      if (info == NULL
          || !craft_store_leader_get_plan (craft_context_get_store (context), group, days, &error))
        {
          g_autofree char *text = g_strdup_printf (_("The group could not be read. %s"),
                                                   error->message);

          show_message (self, text);
          gtk_widget_set_sensitive (GTK_WIDGET (self->sessions_group), FALSE);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
          return GTK_WINDOW (self);
        }
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), info->name);
      language = info->language;
      start = g_strdup (info->start_on);
    }
  else
    {
      g_autoptr(GDateTime) now = craft_context_now (context);

      start = craft_dates_to_day (now);
    }

  gtk_window_set_title (GTK_WINDOW (self), group != 0 ? _("Edit Group") : _("New Group"));
  gtk_button_set_label (self->save_button, group != 0 ? _("_Save") : _("C_reate"));
  for (guint i = 0; i < CRAFT_LEADER_N_LANGUAGES; i++)
    if (g_str_equal (craft_leader_languages[i], language))
      adw_combo_row_set_selected (self->language_row, i);

  for (int n = 1; n <= CRAFT_LEADER_N_SESSIONS; n++)
    {
      /* Translators: a group session in the plan, e.g. "Group session 3" */
      g_autofree char *title = g_strdup_printf (_("Group session %d"), n);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = craft_date_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->sessions_group, row);
      self->session_buttons[n - 1] = CRAFT_DATE_BUTTON (button);
    }

  /* A new group is planned weekly from its first day; a kept group shows its own plan. */
  if (group == 0)
    craft_date_button_set_day (self->start_button, start);
  else
    {
      g_signal_handlers_block_by_func (self->start_button, on_start_button_day_changed_cb, self);
      craft_date_button_set_day (self->start_button, start);
      g_signal_handlers_unblock_by_func (self->start_button, on_start_button_day_changed_cb, self);
      for (int i = 0; i < CRAFT_LEADER_N_SESSIONS; i++)
        craft_date_button_set_day (self->session_buttons[i], days[i]);
    }
  for (int i = 0; i < CRAFT_LEADER_N_SESSIONS; i++)
    g_signal_connect (self->session_buttons[i], "notify::day",
                      G_CALLBACK (on_session_day_changed_cb), self);

  update_warning (self);
  update_save (self);
  return GTK_WINDOW (self);
}

/* src/app/craft-preferences-window.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-preferences-window.h"

/* The choices of the language row: the value kept in GSettings and the name shown. Language
 * names are written in their own language, as a person looks for their own. */
static const struct {
  const char *code;
  const char *name;
  gboolean    translate;
} languages[] = {
  { "", N_("System Language"), TRUE },
  { "en", "English", FALSE },
  { "sv", "Svenska", FALSE },
  { "da", "Dansk", FALSE },
};

struct _CraftPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *language_row;
  GtkStringList        *language_names;
  AdwActionRow         *data_dir_row;
};

G_DEFINE_FINAL_TYPE (CraftPreferencesWindow, craft_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
on_language_row_selected_cb (AdwComboRow            *row,
                             GParamSpec             *pspec,
                             CraftPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *current = NULL;

  if (self->settings == NULL || selected >= G_N_ELEMENTS (languages))
    return;

  current = g_settings_get_string (self->settings, "language");
  if (g_str_equal (current, languages[selected].code))
    return;

  g_settings_set_string (self->settings, "language", languages[selected].code);
  adw_preferences_window_add_toast (
    ADW_PREFERENCES_WINDOW (self),
    adw_toast_new (_("Restart Craft Companion to use the new language")));
}

static void
craft_preferences_window_dispose (GObject *object)
{
  CraftPreferencesWindow *self = CRAFT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (craft_preferences_window_parent_class)->dispose (object);
}

static void
craft_preferences_window_class_init (CraftPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, RESOURCE_PREFIX "/ui/app/craft-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, language_names);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, data_dir_row);
  gtk_widget_class_bind_template_callback (widget_class, on_language_row_selected_cb);
}

static void
craft_preferences_window_init (CraftPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (self->language_names,
                            languages[i].translate ? _(languages[i].name) : languages[i].name);
}

GtkWindow *
craft_preferences_window_new (GtkWindow  *parent,
                              GSettings  *settings,
                              const char *data_dir)
{
  CraftPreferencesWindow *self;
  g_autofree char *language = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CRAFT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  language = g_settings_get_string (settings, "language");
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i].code))
      adw_combo_row_set_selected (self->language_row, i);

  /* Connected only now, so showing the saved choice is not taken for a new one. */
  self->settings = g_object_ref (settings);
  if (data_dir != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (data_dir, -1);

      adw_action_row_set_subtitle (self->data_dir_row, escaped);
    }
  return GTK_WINDOW (self);
}

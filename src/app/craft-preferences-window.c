/* src/app/craft-preferences-window.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-preferences-window.h"
#include "reminders/craft-reminder-schedule.h"

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
  GtkSwitch            *diary_switch;
  AdwEntryRow          *diary_times_row;
  GtkBox               *weekdays_box;
  GtkSwitch            *homework_switch;
  GtkSwitch            *sessions_switch;
  AdwEntryRow          *quiet_start_row;
  AdwEntryRow          *quiet_end_row;
  GtkSwitch            *plain_switch;
  GtkLabel             *notifications_label;
  GtkWidget            *test_button;
  CraftReminderService *reminders;
  CraftNotifier        *notifier;
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
show_toast (CraftPreferencesWindow *self,
            const char             *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

/* "20:00, 21.30" → ["20:00", "21:30"]; NULL when a time cannot be read. */
static GStrv
parse_times (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",; ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int minutes;

      g_strdelimit (parts[i], ".", ':');
      if (*parts[i] == '\0')
        continue;
      minutes = craft_reminder_parse_time (parts[i]);
      if (minutes < 0)
        return NULL;
      {
        g_autofree char *normal = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

        g_strv_builder_add (builder, normal);
      }
    }
  return g_strv_builder_end (builder);
}

static void
on_diary_times_row_apply_cb (AdwEntryRow            *row,
                             CraftPreferencesWindow *self)
{
  g_auto(GStrv) times = parse_times (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (times == NULL || times[0] == NULL)
    {
      show_toast (self, _("Please write times like 20:00, separated by commas."));
      return;
    }
  g_settings_set_strv (self->settings, "reminder-diary-times", (const char * const *) times);
}

static void
on_quiet_row_apply_cb (AdwEntryRow            *row,
                       CraftPreferencesWindow *self)
{
  const char *key = row == self->quiet_start_row ? "reminder-quiet-start" : "reminder-quiet-end";
  g_auto(GStrv) times = parse_times (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (times == NULL || (times[0] != NULL && times[1] != NULL))
    {
      show_toast (self, _("Please write one time like 22:00, or leave it empty."));
      return;
    }
  g_settings_set_string (self->settings, key, times[0] != NULL ? times[0] : "");
}

static void
on_weekday_toggled_cb (GtkToggleButton        *button,
                       CraftPreferencesWindow *self)
{
  guint mask = 0;
  int day = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->weekdays_box));
       child != NULL; child = gtk_widget_get_next_sibling (child), day++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      mask |= CRAFT_REMINDER_WEEKDAY (day);
  g_settings_set_uint (self->settings, "reminder-diary-weekdays", mask);
}

static void
update_notifications_label (CraftPreferencesWindow *self)
{
  gboolean available = self->notifier != NULL && craft_notifier_probe (self->notifier);

  gtk_label_set_text (self->notifications_label,
                      available
                      ? _("Reminders appear as desktop notifications. They never show what you "
                          "wrote.")
                      : _("No notification service is running on this desktop, so reminders "
                          "cannot be shown. Everything else works as usual."));
  gtk_widget_set_sensitive (self->test_button, available && self->reminders != NULL);
}

static void
on_test_button_clicked_cb (GtkButton              *button,
                           CraftPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->reminders == NULL)
    return;
  if (!craft_reminder_service_send_test (self->reminders, &error))
    show_toast (self, error->message);
  update_notifications_label (self);
}

static void
craft_preferences_window_dispose (GObject *object)
{
  CraftPreferencesWindow *self = CRAFT_PREFERENCES_WINDOW (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);

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
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, diary_switch);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, diary_times_row);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, weekdays_box);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, homework_switch);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, sessions_switch);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, quiet_start_row);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, quiet_end_row);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, plain_switch);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow,
                                        notifications_label);
  gtk_widget_class_bind_template_child (widget_class, CraftPreferencesWindow, test_button);
  gtk_widget_class_bind_template_callback (widget_class, on_diary_times_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quiet_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_test_button_clicked_cb);
}

static void
craft_preferences_window_init (CraftPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (self->language_names,
                            languages[i].translate ? _(languages[i].name) : languages[i].name);
}

static void
bind_reminders (CraftPreferencesWindow *self)
{
  g_auto(GStrv) times = g_settings_get_strv (self->settings, "reminder-diary-times");
  g_autofree char *joined = g_strjoinv (", ", times);
  g_autofree char *quiet_start = g_settings_get_string (self->settings, "reminder-quiet-start");
  g_autofree char *quiet_end = g_settings_get_string (self->settings, "reminder-quiet-end");
  guint weekdays = g_settings_get_uint (self->settings, "reminder-diary-weekdays");
  /* 5 January 2026 is a Monday: its week gives the weekday names in the person's language. */
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 1, 5, 12, 0, 0);

  g_settings_bind (self->settings, "reminder-diary", self->diary_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-homework", self->homework_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-sessions", self->sessions_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-plain-wording", self->plain_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  gtk_editable_set_text (GTK_EDITABLE (self->diary_times_row), joined);
  gtk_editable_set_text (GTK_EDITABLE (self->quiet_start_row), quiet_start);
  gtk_editable_set_text (GTK_EDITABLE (self->quiet_end_row), quiet_end);

  for (int day = 1; day <= 7; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (monday, day - 1);
      g_autofree char *name = g_date_time_format (date, "%a");
      g_autofree char *full = g_date_time_format (date, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      full, -1);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    (weekdays & CRAFT_REMINDER_WEEKDAY (day)) != 0);
      g_signal_connect (button, "toggled", G_CALLBACK (on_weekday_toggled_cb), self);
      gtk_box_append (self->weekdays_box, button);
    }
  update_notifications_label (self);
}

void
craft_preferences_window_set_reminders (CraftPreferencesWindow *self,
                                        CraftReminderService   *reminders,
                                        CraftNotifier          *notifier)
{
  g_return_if_fail (CRAFT_IS_PREFERENCES_WINDOW (self));

  g_set_object (&self->reminders, reminders);
  g_set_object (&self->notifier, notifier);
  update_notifications_label (self);
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
  bind_reminders (self);
  if (data_dir != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (data_dir, -1);

      adw_action_row_set_subtitle (self->data_dir_row, escaped);
    }
  return GTK_WINDOW (self);
}

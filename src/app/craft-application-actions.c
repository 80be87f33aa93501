/* src/app/craft-application-actions.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-application-private.h"
#include "craft-preferences-window.h"

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing each window lets it save what is still waiting (and ask if it cannot). */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  /* Quit means quit, also while reminders keep the app running without a window; a window
   * that asked to be kept open (unsaved text) keeps it running instead. */
  if (gtk_application_get_windows (application) == NULL)
    g_application_quit (G_APPLICATION (application));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "The Craft Companion authors", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("Craft Companion"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Craft Companion authors"),
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Craft Companion supports relatives of someone who "
                                      "drinks or uses drugs. It follows CRAFT (Community "
                                      "Reinforcement And Family Training) and keeps a diary "
                                      "of difficult everyday moments. Everything you write "
                                      "stays on this computer."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Craft Companion authors",
                        NULL);
  gtk_window_present (about);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CraftApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  GtkWindow *window = craft_preferences_window_new (parent, settings,
                                                    craft_application_get_data_dir (self));

  craft_preferences_window_set_reminders (CRAFT_PREFERENCES_WINDOW (window),
                                          craft_application_get_reminders (self),
                                          craft_application_get_notifier (self));
  gtk_window_present (window);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

void
_craft_application_add_actions (CraftApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    /* What GtkApplication gives a help overlay it builds itself (the window builds ours). */
    { "win.show-help-overlay", { "<Control>question", "<Control>F1", NULL } },
    { "win.show-safety-plan", { "<Control><Shift>s", NULL } },
    { "win.new-entry", { "<Control>n", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.show-page::program", { "<Alt>1", NULL } },
    { "win.show-page::diary", { "<Alt>2", NULL } },
    { "win.show-page::review", { "<Alt>3", NULL } },
    { "win.show-page::safety", { "<Alt>4", NULL } },
    { "win.show-page::leader", { "<Alt>5", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

/* src/app/craft-preferences-window.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reminders/craft-notifier.h"
#include "reminders/craft-reminder-service.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_PREFERENCES_WINDOW (craft_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CraftPreferencesWindow, craft_preferences_window, CRAFT,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *craft_preferences_window_new (GtkWindow  *parent,
                                         GSettings  *settings,
                                         const char *data_dir);

/* Lets the Reminders page send a test reminder and say whether notifications can be shown. */
void       craft_preferences_window_set_reminders (CraftPreferencesWindow *self,
                                                   CraftReminderService   *reminders,
                                                   CraftNotifier          *notifier);

G_END_DECLS

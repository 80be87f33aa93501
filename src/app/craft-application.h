/* src/app/craft-application.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "app/craft-context.h"
#include "reminders/craft-notifier.h"
#include "reminders/craft-reminder-service.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_APPLICATION (craft_application_get_type ())
G_DECLARE_FINAL_TYPE (CraftApplication, craft_application, CRAFT, APPLICATION, AdwApplication)

CraftApplication *craft_application_new          (void);
/* The data folder in use: --data-dir, or the default one. */
const char       *craft_application_get_data_dir (CraftApplication *self);
/* The context, once the store has opened; NULL before or when it could not. */
CraftContext     *craft_application_get_context  (CraftApplication *self);

/* The reminders, once the store has opened; NULL before. */
CraftReminderService *craft_application_get_reminders (CraftApplication *self);
CraftNotifier        *craft_application_get_notifier  (CraftApplication *self);

/* Replaces the data with the backup at @path: every window closes, the current database is
 * kept aside under a dated name, and a new window opens on the restored data (with a toast
 * saying where the old data went). On failure the data folder is opened as it was. */
gboolean          craft_application_restore_backup (CraftApplication  *self,
                                                    const char        *path,
                                                    GError           **error);

G_END_DECLS

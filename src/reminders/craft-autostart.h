/* src/reminders/craft-autostart.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the login autostart entry lives: $XDG_CONFIG_HOME/autostart/APP_ID.desktop. */
char     *craft_autostart_get_path    (void);
/* Adds the entry that starts the app at login without a window (--background), or removes
 * it. Only our own entry is ever written or removed. */
gboolean  craft_autostart_set_enabled (gboolean   enabled,
                                       GError   **error);
gboolean  craft_autostart_is_enabled  (void);

G_END_DECLS

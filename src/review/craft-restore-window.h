/* src/review/craft-restore-window.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "app/craft-window.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_RESTORE_WINDOW (craft_restore_window_get_type ())
G_DECLARE_FINAL_TYPE (CraftRestoreWindow, craft_restore_window, CRAFT, RESTORE_WINDOW, AdwWindow)

/* Lists the daily backups of @parent's data folder, newest first, each with what it holds,
 * and offers to choose a backup file instead; choosing one asks before restoring it. */
GtkWindow *craft_restore_window_new (CraftWindow *parent);

G_END_DECLS

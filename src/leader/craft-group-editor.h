/* src/leader/craft-group-editor.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_GROUP_EDITOR (craft_group_editor_get_type ())
G_DECLARE_FINAL_TYPE (CraftGroupEditor, craft_group_editor, CRAFT, GROUP_EDITOR, AdwWindow)

/* Creates a group (@group 0) or edits one: name, language, first day and the 12 planned
 * days. Emits "saved" with the group's id once it is kept. */
GtkWindow *craft_group_editor_new (GtkWindow    *parent,
                                   CraftContext *context,
                                   gint64        group);

G_END_DECLS

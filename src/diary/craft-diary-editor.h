/* src/diary/craft-diary-editor.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_DIARY_EDITOR (craft_diary_editor_get_type ())
G_DECLARE_FINAL_TYPE (CraftDiaryEditor, craft_diary_editor, CRAFT, DIARY_EDITOR, GtkWidget)

/* The form for one diary entry, saved as it is typed. */
GtkWidget *craft_diary_editor_new        (void);
void       craft_diary_editor_set_context (CraftDiaryEditor *self,
                                           CraftContext     *context);
/* Shows an empty form for a new entry, "when" set to now; the entry is created in the store
 * with the first thing typed, so opening and leaving creates nothing. Focus goes to
 * "What happened". */
void       craft_diary_editor_new_entry  (CraftDiaryEditor *self);
/* Shows the saved entry @id. */
void       craft_diary_editor_load       (CraftDiaryEditor *self,
                                          gint64            id);
/* The entry shown: its id, or 0 while a new one has nothing typed yet. */
gint64     craft_diary_editor_get_id     (CraftDiaryEditor *self);

/* The words the form shows for the choice @id of "feelings", "coping-kind" or "try-next",
 * or NULL for an id it does not offer. */
const char *craft_diary_option_label     (const char       *field,
                                          const char       *id);

/* Signals:
 *   "changed" (gint64 id): an entry was created or a field of it saved, so lists can refresh.
 *   "delete-requested" (gint64 id): the person pressed Delete; the page moves it to the
 *     Trash and offers Undo.
 *   "close-requested": the person pressed Back / Escape. */

G_END_DECLS

/* src/diary/craft-diary-row.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "craft-diary-model.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_DIARY_ROW (craft_diary_row_get_type ())
G_DECLARE_FINAL_TYPE (CraftDiaryRow, craft_diary_row, CRAFT, DIARY_ROW, GtkWidget)

/* One entry in the diary list: its day above it when it is the first of that day, the
 * time, a line of text (the search match while searching) and small badges. In the Trash
 * it has a Restore button, which activates "diary.restore" with the entry's id. */
GtkWidget      *craft_diary_row_new             (void);
void            craft_diary_row_set_item        (CraftDiaryRow  *self,
                                                 CraftDiaryItem *item,
                                                 gboolean        show_day);
CraftDiaryItem *craft_diary_row_get_item        (CraftDiaryRow  *self);
/* Shows a check box while the list is in selection mode, ticked when @selected. Ticking it
 * activates "diary.set-selected" with the entry's id and the new state ("(xb)"). */
void            craft_diary_row_set_selection   (CraftDiaryRow  *self,
                                                 gboolean        selecting,
                                                 gboolean        selected);
/* The row read as one sentence, as screen readers say it. */
const char     *craft_diary_row_get_description (CraftDiaryRow  *self);

/* The store's snippet (matches between CRAFT_DIARY_MATCH_START and _END) as Pango markup,
 * the matches in bold. */
char           *craft_diary_snippet_to_markup   (const char     *snippet);

/* The words the entry form uses for the values of its choices, or NULL for an unknown
 * value. */
const char     *craft_diary_coping_label        (const char     *coping);
const char     *craft_diary_state_label         (const char     *state);
const char     *craft_diary_safe_label          (const char     *safe);

G_END_DECLS

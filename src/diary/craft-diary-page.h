/* src/diary/craft-diary-page.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_DIARY_PAGE (craft_diary_page_get_type ())
G_DECLARE_FINAL_TYPE (CraftDiaryPage, craft_diary_page, CRAFT, DIARY_PAGE, GtkWidget)

/* The Diary place: the entries by day, search, filters, a calendar, the Trash, and the
 * editor for one entry. */
void craft_diary_page_set_context (CraftDiaryPage *self,
                                   CraftContext   *context);
/* Opens the editor on a new entry (Ctrl+N from anywhere). */
void craft_diary_page_new_entry   (CraftDiaryPage *self);
/* Opens the editor on entry @id. */
void craft_diary_page_open_entry  (CraftDiaryPage *self,
                                   gint64          id);
/* Shows the list at the first entry of @day ("YYYY-MM-DD"), or the nearest earlier one. */
void craft_diary_page_go_to_day   (CraftDiaryPage *self,
                                   const char     *day);

/* Reads the entries again, after an import added some. */
void     craft_diary_page_reload  (CraftDiaryPage  *self);
/* Prints the ticked entries in selection mode, otherwise the entries the list shows, each
 * after a summary page; with @pdf_path saves a PDF there without a dialog. Also the actions
 * "diary.print" (Ctrl+P) and "diary.print-selected"; Ctrl+A ticks every entry shown. */
gboolean craft_diary_page_print   (CraftDiaryPage  *self,
                                   const char      *pdf_path,
                                   GError         **error);

G_END_DECLS

/* src/review/craft-diary-print.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/craft-store.h"

G_BEGIN_DECLS

/* The ids (a GArray of gint64) of the entries @filter finds. */
GArray  *craft_diary_print_query_ids  (CraftStore              *store,
                                       const CraftDiaryFilter  *filter,
                                       GError                 **error);
/* The ids (a GArray of gint64) of the diary entries, not the Trash, whose day lies between
 * @from_day and @to_day (YYYY-MM-DD, inclusive; NULL leaves that end open). */
GArray  *craft_diary_print_period_ids (CraftStore  *store,
                                       const char  *from_day,
                                       const char  *to_day,
                                       GError     **error);

/* Prints the diary entries @ids (a GArray of gint64; entries in the Trash are left out)
 * oldest first, after a summary page with their counts and charts. @covers says in words
 * what they are (a period, or "3 chosen entries") and @now is when it is printed. Nothing
 * else is read: no other entry and nothing of the safety plan. With @pdf_path it saves a PDF
 * there without a dialog; otherwise it shows the print dialog over @parent. A cancelled
 * dialog is not a failure. */
gboolean craft_diary_print            (GtkWindow   *parent,
                                       CraftStore  *store,
                                       GArray      *ids,
                                       const char  *covers,
                                       GDateTime   *now,
                                       const char  *pdf_path,
                                       GError     **error);

G_END_DECLS

/* src/review/craft-review-page.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_REVIEW_PAGE (craft_review_page_get_type ())
G_DECLARE_FINAL_TYPE (CraftReviewPage, craft_review_page, CRAFT, REVIEW_PAGE, GtkWidget)

/* The periods the Review place can look at, in the order the chooser shows them. */
typedef enum
{
  CRAFT_REVIEW_PERIOD_SINCE_SESSION,
  CRAFT_REVIEW_PERIOD_FOUR_WEEKS,
  CRAFT_REVIEW_PERIOD_THREE_MONTHS,
  CRAFT_REVIEW_PERIOD_ALL,
  CRAFT_REVIEW_PERIOD_CHOSEN,
} CraftReviewPeriod;

/* The Review place: a period to look at, the entries since the last session (flagged ones
 * first) and charts of the diary and the happiness scale, each also as words and a table.
 * Activating an entry activates the window action "win.open-entry" with its id (int64,
 * "x"); the window provides it. The figures are read again each time the page is shown. */
void              craft_review_page_set_context (CraftReviewPage   *self,
                                                 CraftContext      *context);
/* Reads the figures again, as when the page is shown. */
void              craft_review_page_refresh     (CraftReviewPage   *self);
void              craft_review_page_set_period  (CraftReviewPage   *self,
                                                 CraftReviewPeriod  period);
CraftReviewPeriod craft_review_page_get_period  (CraftReviewPage   *self);
/* For CRAFT_REVIEW_PERIOD_CHOSEN: the days (YYYY-MM-DD, inclusive; "" or NULL open). */
void              craft_review_page_set_dates   (CraftReviewPage   *self,
                                                 const char        *from_day,
                                                 const char        *to_day);

/* Prints the diary of the period shown (its summary and charts, then its entries), or with
 * @pdf_path saves it there as a PDF without a dialog. Also the action "review.print"
 * (Ctrl+P). */
gboolean          craft_review_page_print       (CraftReviewPage   *self,
                                                 const char        *pdf_path,
                                                 GError           **error);

G_END_DECLS

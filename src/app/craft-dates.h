/* src/app/craft-dates.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calendar days are kept as "YYYY-MM-DD" text; these turn them into dates and words. */

/* Midnight of @day in local time, or NULL when @day is not a valid day. */
GDateTime *craft_dates_parse_day  (const char *day);
/* "YYYY-MM-DD" of @when in its own time zone. */
char      *craft_dates_to_day     (GDateTime  *when);
/* @day moved by @days (negative goes back); NULL when @day is invalid or the result falls
 * outside the years 1 … 9999. */
char      *craft_dates_add_days   (const char *day,
                                   int         days);
/* @day moved by @months, for the six-month limit; NULL as for craft_dates_add_days(). */
char      *craft_dates_add_months (const char *day,
                                   int         months);
/* The day in the person's locale, e.g. "Monday 30 November 2026"; "" when invalid. */
char      *craft_dates_format_day (const char *day);

G_END_DECLS

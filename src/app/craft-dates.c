/* src/app/craft-dates.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "craft-dates.h"

GDateTime *
craft_dates_parse_day (const char *day)
{
  int y, m, d;
  char end;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

char *
craft_dates_to_day (GDateTime *when)
{
  g_return_val_if_fail (when != NULL, NULL);
  return g_date_time_format (when, "%Y-%m-%d");
}

char *
craft_dates_add_days (const char *day,
                      int         days)
{
  g_autoptr(GDateTime) start = craft_dates_parse_day (day);
  g_autoptr(GDateTime) moved = NULL;

  if (start == NULL)
    return NULL;
  moved = g_date_time_add_days (start, days);
  /* Past year 9999 or before year 1 (a plan start of 9999-12-31 from a backup, say). */
  if (moved == NULL)
    return NULL;
  return craft_dates_to_day (moved);
}

char *
craft_dates_add_months (const char *day,
                        int         months)
{
  g_autoptr(GDateTime) start = craft_dates_parse_day (day);
  g_autoptr(GDateTime) moved = NULL;

  if (start == NULL)
    return NULL;
  moved = g_date_time_add_months (start, months);
  /* Past year 9999 or before year 1 (a plan start of 9999-12-31 from a backup, say). */
  if (moved == NULL)
    return NULL;
  return craft_dates_to_day (moved);
}

char *
craft_dates_format_day (const char *day)
{
  g_autoptr(GDateTime) when = craft_dates_parse_day (day);
  g_autoptr(GString) text = NULL;
  g_autofree char *formatted = NULL;

  if (when == NULL)
    return g_strdup ("");
  /* Translators: a full date, as strftime() formats it: weekday, day, month, year. Reorder
   * to suit your language; %e is the day without a leading zero. */
  formatted = g_date_time_format (when, _("%A %e %B %Y"));
  /* %e pads single-digit days, with a space or (GLib) a figure space U+2007. */
  text = g_string_new (formatted);
  g_string_replace (text, "\xe2\x80\x87", " ", 0);
  while (g_string_replace (text, "  ", " ", 0) > 0)
    ;
  return g_strdup (text->str);
}

/* tests/fuzz/fuzz-dates.c: days and times as text, as they come from a database, an import
 * or the settings.
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days ("YYYY-MM-DD": plan dates, the plan's start, happiness days) and reminder times
 * ("HH:MM") are stored as text, so a restored backup or a hand-edited database can hold
 * anything there. The input is split at newlines into up to 13 texts: the plan's start and
 * the 12 sessions' planned days.
 */
#include "config.h"

#include <string.h>

#include "app/craft-dates.h"
#include "craft-fuzz.h"
#include "program/craft-program.h"
#include "reminders/craft-reminder-schedule.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) parts = g_strsplit (text, "\n", 13);
  CraftSessionProgress progress[12] = { 0 };
  g_autofree char *overrun = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GDateTime) day = craft_dates_parse_day (parts[i]);
      g_autofree char *later = craft_dates_add_days (parts[i], 400);
      g_autofree char *earlier = craft_dates_add_months (parts[i], -6);
      g_autofree char *words = craft_dates_format_day (parts[i]);
      int minutes = craft_reminder_parse_time (parts[i]);

      g_assert_true (later == NULL || day != NULL);
      g_assert_true (earlier == NULL || day != NULL);
      g_assert_true (g_utf8_validate (words, -1, NULL));
      g_assert_true (minutes >= -1 && minutes < 24 * 60);
      if (i > 0)
        g_strlcpy (progress[i - 1].planned_on, parts[i], sizeof progress[i - 1].planned_on);
    }
  overrun = craft_program_plan_overrun (parts[0] != NULL ? parts[0] : "", progress);
  return 0;
}

/* tests/test-reminders.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminders come when the person asked for them, once, never in the quiet hours, never in a
 * burst, and say nothing private to whoever glances at the screen. The clock is fake: every
 * test hands in its own "now" in a named time zone.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "reminders/craft-autostart.h"
#include "reminders/craft-notifier.h"
#include "reminders/craft-reminder-service.h"

#include <string.h>

#include "craft-test-util.h"
#include "reminders/craft-reminder-schedule.h"

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  g_assert_nonnull (tz);
  return tz;
}

static GTimeZone *
stockholm (void)
{
  return zone ("Europe/Stockholm");
}

static GDateTime *
at (GTimeZone *tz,
    int        year,
    int        month,
    int        day,
    int        hour,
    int        minute)
{
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* A reminder's due time on the wall clock, with the zone's abbreviation so that summer and
 * winter time are told apart: "2026-03-29 03:00 CEST". */
static char *
wall (GTimeZone *tz,
      gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%d %H:%M %Z");
}

static GHashTable *
fired_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* What the app does after showing a reminder. */
static void
mark_fired (GHashTable          *fired,
            const CraftReminder *reminder)
{
  for (guint i = 0; reminder->covers[i] != NULL; i++)
    g_hash_table_add (fired, g_strdup (reminder->covers[i]));
}

static GDateTime *
just_after (const CraftReminder *reminder,
            GTimeZone           *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (reminder->due + 1);

  return g_date_time_to_timezone (utc, tz);
}

static void
assert_next (const CraftReminderSettings *settings,
             const CraftReminderPlan     *plan,
             GDateTime                   *now,
             GHashTable                  *fired,
             GPtrArray                   *snoozed,
             CraftReminderKind            kind,
             const char                  *key,
             const char                  *expected_wall)
{
  GTimeZone *tz = g_date_time_get_timezone (now);
  g_autoptr(CraftReminder) next = craft_reminder_schedule_next (settings, plan, now, fired,
                                                                snoozed);
  g_autofree char *due = NULL;

  g_assert_nonnull (next);
  due = wall (tz, next->due);
  g_assert_cmpstr (due, ==, expected_wall);
  g_assert_cmpint (next->kind, ==, kind);
  g_assert_cmpstr (next->key, ==, key);
}

static void
settings_without_sessions (CraftReminderSettings *settings)
{
  craft_reminder_settings_init (settings);
  settings->homework_enabled = FALSE;
  settings->session_enabled = FALSE;
}

static void
test_defaults (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GDateTime) now = at (tz, 2026, 11, 23, 19, 30);
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);
  /* The diary reminder is off until the person turns it on. */
  g_assert_false (settings.diary_enabled);
  g_assert_null (craft_reminder_schedule_next (&settings, plan, now, NULL, NULL));

  /* One tap: every day at 20:00. */
  craft_reminder_settings_enable_diary (&settings);
  assert_next (&settings, plan, now, NULL, NULL, CRAFT_REMINDER_DIARY, "diary/2026-11-23T20:00",
               "2026-11-23 20:00 CET");
}

static void
test_diary_daily (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GDateTime) now = at (tz, 2026, 11, 23, 19, 30);
  g_autoptr(GDateTime) exactly = at (tz, 2026, 11, 23, 20, 0);
  g_autoptr(CraftReminder) first = NULL;
  g_autoptr(GDateTime) later = NULL;
  CraftReminderSettings settings;

  settings_without_sessions (&settings);
  craft_reminder_settings_enable_diary (&settings);

  first = craft_reminder_schedule_next (&settings, plan, now, fired, NULL);
  g_assert_nonnull (first);
  g_assert_cmpint (first->kind, ==, CRAFT_REMINDER_DIARY);
  g_assert_cmpint (first->session, ==, 0);
  /* Due at exactly now still counts as next. */
  assert_next (&settings, plan, exactly, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T20:00", "2026-11-23 20:00 CET");

  /* Once it has fired, the next one is tomorrow's, even when asked at the same second. */
  mark_fired (fired, first);
  assert_next (&settings, plan, exactly, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-24T20:00", "2026-11-24 20:00 CET");
  later = just_after (first, tz);
  assert_next (&settings, plan, later, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-24T20:00", "2026-11-24 20:00 CET");
}

static void
test_diary_weekdays (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GDateTime) tuesday = at (tz, 2026, 11, 24, 10, 0);
  g_autoptr(GDateTime) thursday_late = at (tz, 2026, 11, 26, 21, 0);
  g_autoptr(GDateTime) monday = at (tz, 2026, 11, 23, 8, 0);
  CraftReminderSettings settings;

  settings_without_sessions (&settings);
  craft_reminder_settings_enable_diary (&settings);
  settings.diary_weekdays = CRAFT_REMINDER_WEEKDAY (G_DATE_MONDAY)
                            | CRAFT_REMINDER_WEEKDAY (G_DATE_THURSDAY);
  settings.n_diary_times = 2;
  settings.diary_times[0] = 20 * 60;
  settings.diary_times[1] = 9 * 60 + 15;

  assert_next (&settings, plan, tuesday, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-26T09:15", "2026-11-26 09:15 CET");
  assert_next (&settings, plan, thursday_late, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-30T09:15", "2026-11-30 09:15 CET");
  assert_next (&settings, plan, monday, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T09:15", "2026-11-23 09:15 CET");

  /* Sunday only: a whole week ahead. */
  settings.diary_weekdays = CRAFT_REMINDER_WEEKDAY (G_DATE_SUNDAY);
  settings.n_diary_times = 1;
  assert_next (&settings, plan, monday, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-29T20:00", "2026-11-29 20:00 CET");

  /* No day chosen: no diary reminder at all. */
  settings.diary_weekdays = 0;
  g_assert_null (craft_reminder_schedule_next (&settings, plan, monday, NULL, NULL));
}

static CraftReminderPlan *
plan_with_session_5 (int      time,
                     gboolean homework_done)
{
  CraftReminderPlan *plan = craft_reminder_plan_new ();
  g_autoptr(GError) error = NULL;

  /* Thursday 26 November 2026. */
  g_assert_true (craft_reminder_plan_add_session (plan, 5, "2026-11-26", time, homework_done,
                                                  &error));
  g_assert_no_error (error);
  return plan;
}

static void
test_homework_evening_before (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = plan_with_session_5 (-1, FALSE);
  g_autoptr(GDateTime) now = at (tz, 2026, 11, 23, 12, 0);
  g_autoptr(GDateTime) evening = at (tz, 2026, 11, 25, 19, 30);
  g_autoptr(CraftReminder) next = NULL;
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);
  settings.session_enabled = FALSE;

  assert_next (&settings, plan, now, NULL, NULL, CRAFT_REMINDER_HOMEWORK,
               "homework/5/2026-11-26", "2026-11-25 19:00 CET");
  next = craft_reminder_schedule_next (&settings, plan, now, NULL, NULL);
  g_assert_cmpint (next->session, ==, 5);

  /* Past its time it does not come again by itself. */
  g_assert_null (craft_reminder_schedule_next (&settings, plan, evening, NULL, NULL));

  /* A later time of day for it. */
  settings.homework_time = 20 * 60 + 30;
  assert_next (&settings, plan, now, NULL, NULL, CRAFT_REMINDER_HOMEWORK,
               "homework/5/2026-11-26", "2026-11-25 20:30 CET");
}

static void
test_homework_ticked (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = plan_with_session_5 (-1, TRUE);
  g_autoptr(GDateTime) now = at (tz, 2026, 11, 23, 12, 0);
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);
  settings.session_enabled = FALSE;
  g_assert_null (craft_reminder_schedule_next (&settings, plan, now, NULL, NULL));

  /* Turned off, even unticked homework stays quiet. */
  g_clear_pointer (&plan, craft_reminder_plan_free);
  plan = plan_with_session_5 (-1, FALSE);
  settings.homework_enabled = FALSE;
  g_assert_null (craft_reminder_schedule_next (&settings, plan, now, NULL, NULL));
}

static void
test_session_day_and_hour_before (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = plan_with_session_5 (-1, TRUE);
  g_autoptr(CraftReminderPlan) morning = plan_with_session_5 (10 * 60, TRUE);
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GDateTime) now = at (tz, 2026, 11, 23, 12, 0);
  g_autoptr(GDateTime) started = at (tz, 2026, 11, 26, 18, 0);
  CraftReminder *next;
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);

  /* Planned without a time: 18:00 the day before, and 17:00 on the day. */
  next = craft_reminder_schedule_next (&settings, plan, now, fired, NULL);
  g_assert_cmpint (next->kind, ==, CRAFT_REMINDER_SESSION_DAY_BEFORE);
  g_assert_cmpstr (next->key, ==, "session-day-before/5/2026-11-26");
  g_assert_cmpint (next->session, ==, 5);
  g_assert_cmpint (next->due, ==, g_date_time_to_unix (now) + 2 * 86400 + 6 * 3600);
  mark_fired (fired, next);
  craft_reminder_free (next);
  assert_next (&settings, plan, now, fired, NULL, CRAFT_REMINDER_SESSION_HOUR_BEFORE,
               "session-hour-before/5/2026-11-26T18:00", "2026-11-26 17:00 CET");
  next = craft_reminder_schedule_next (&settings, plan, now, fired, NULL);
  mark_fired (fired, next);
  craft_reminder_free (next);
  g_assert_null (craft_reminder_schedule_next (&settings, plan, now, fired, NULL));
  g_assert_null (craft_reminder_schedule_next (&settings, plan, started, NULL, NULL));

  /* A session set for 10:00 is reminded of at 09:00. */
  g_hash_table_remove_all (fired);
  next = craft_reminder_schedule_next (&settings, morning, now, fired, NULL);
  mark_fired (fired, next);
  craft_reminder_free (next);
  assert_next (&settings, morning, now, fired, NULL, CRAFT_REMINDER_SESSION_HOUR_BEFORE,
               "session-hour-before/5/2026-11-26T10:00", "2026-11-26 09:00 CET");

  /* Turned off. */
  settings.session_enabled = FALSE;
  g_assert_null (craft_reminder_schedule_next (&settings, plan, now, NULL, NULL));
}

static void
test_session_across_fall_back (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GDateTime) now = at (tz, 2026, 10, 23, 12, 0);
  g_autoptr(CraftReminder) first = NULL;
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);
  g_assert_true (craft_reminder_plan_add_session (plan, 3, "2026-10-25", -1, TRUE, NULL));

  /* The day before is summer time, the session itself winter time: local times still hold. */
  assert_next (&settings, plan, now, fired, NULL, CRAFT_REMINDER_SESSION_DAY_BEFORE,
               "session-day-before/3/2026-10-25", "2026-10-24 18:00 CEST");
  first = craft_reminder_schedule_next (&settings, plan, now, fired, NULL);
  mark_fired (fired, first);
  assert_next (&settings, plan, now, fired, NULL, CRAFT_REMINDER_SESSION_HOUR_BEFORE,
               "session-hour-before/3/2026-10-25T18:00", "2026-10-25 17:00 CET");
}

static void
test_quiet_hours (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GDateTime) evening = at (tz, 2026, 11, 23, 21, 0);
  g_autoptr(GDateTime) night = at (tz, 2026, 11, 23, 23, 0);
  g_autoptr(GDateTime) small_hours = at (tz, 2026, 11, 24, 3, 0);
  g_autoptr(GDateTime) noon = at (tz, 2026, 11, 23, 11, 0);
  CraftReminderSettings settings;

  settings_without_sessions (&settings);
  craft_reminder_settings_enable_diary (&settings);
  settings.diary_times[0] = 22 * 60 + 30;
  settings.quiet_start = 22 * 60;
  settings.quiet_end = 7 * 60;

  /* Quiet from 22:00 to 07:00 across midnight: the 22:30 reminder waits until 07:00 and keeps
   * its own key, also while it is waiting. */
  assert_next (&settings, plan, evening, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T22:30", "2026-11-24 07:00 CET");
  assert_next (&settings, plan, night, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T22:30", "2026-11-24 07:00 CET");
  assert_next (&settings, plan, small_hours, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T22:30", "2026-11-24 07:00 CET");

  /* After midnight, before the end: the same morning. */
  settings.diary_times[0] = 5 * 60 + 45;
  assert_next (&settings, plan, small_hours, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-24T05:45", "2026-11-24 07:00 CET");

  /* The end itself is no longer quiet; a minute before it is. */
  settings.diary_times[0] = 7 * 60;
  assert_next (&settings, plan, evening, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-24T07:00", "2026-11-24 07:00 CET");
  settings.diary_times[0] = 21 * 60 + 59;
  assert_next (&settings, plan, evening, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T21:59", "2026-11-23 21:59 CET");

  /* Quiet hours within one day. */
  settings.quiet_start = 12 * 60;
  settings.quiet_end = 14 * 60;
  settings.diary_times[0] = 13 * 60;
  assert_next (&settings, plan, noon, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T13:00", "2026-11-23 14:00 CET");

  /* Equal start and end: no quiet hours. */
  settings.quiet_start = settings.quiet_end = 13 * 60;
  assert_next (&settings, plan, noon, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T13:00", "2026-11-23 13:00 CET");
}

static void
test_same_moment_is_one_notification (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = plan_with_session_5 (-1, FALSE);
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GDateTime) now = at (tz, 2026, 11, 25, 12, 0);
  g_autoptr(CraftReminder) next = NULL;
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);
  craft_reminder_settings_enable_diary (&settings);
  settings.session_enabled = FALSE;
  settings.diary_times[0] = 19 * 60;

  /* The diary and the homework both at 19:00: one notification standing for both. */
  next = craft_reminder_schedule_next (&settings, plan, now, fired, NULL);
  g_assert_nonnull (next);
  g_assert_cmpint (next->kind, ==, CRAFT_REMINDER_CATCH_UP);
  g_assert_cmpint (next->kinds, ==, (1u << CRAFT_REMINDER_DIARY) | (1u << CRAFT_REMINDER_HOMEWORK));
  g_assert_cmpint (next->session, ==, 5);
  g_assert_true (g_strv_contains ((const char * const *) next->covers, "diary/2026-11-25T19:00"));
  g_assert_true (g_strv_contains ((const char * const *) next->covers, "homework/5/2026-11-26"));

  mark_fired (fired, next);
  assert_next (&settings, plan, now, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-26T19:00", "2026-11-26 19:00 CET");
}

static void
test_snooze (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = plan_with_session_5 (-1, FALSE);
  g_autoptr(CraftReminderPlan) ticked = plan_with_session_5 (-1, TRUE);
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GPtrArray) snoozed =
    g_ptr_array_new_with_free_func ((GDestroyNotify) craft_reminder_free);
  g_autoptr(GDateTime) before = at (tz, 2026, 11, 23, 12, 0);
  g_autoptr(GDateTime) click = at (tz, 2026, 11, 23, 20, 5);
  g_autoptr(GDateTime) late_click = at (tz, 2026, 11, 23, 21, 30);
  g_autoptr(GDateTime) homework_click = at (tz, 2026, 11, 25, 19, 2);
  g_autoptr(CraftReminder) diary = NULL;
  g_autoptr(CraftReminder) homework = NULL;
  CraftReminder *again;
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);
  craft_reminder_settings_enable_diary (&settings);
  settings.session_enabled = FALSE;

  diary = craft_reminder_schedule_next (&settings, plan, before, fired, NULL);
  g_assert_cmpstr (diary->key, ==, "diary/2026-11-23T20:00");
  mark_fired (fired, diary);

  /* "Later" at 20:05: the same reminder at 21:05. */
  again = craft_reminder_schedule_snooze (diary, click);
  g_assert_cmpint (again->due, ==, g_date_time_to_unix (click) + 3600);
  g_ptr_array_add (snoozed, again);
  assert_next (&settings, plan, click, fired, snoozed, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T20:00", "2026-11-23 21:05 CET");

  /* Without the snooze it would not come back today. */
  assert_next (&settings, plan, click, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-24T20:00", "2026-11-24 20:00 CET");

  /* Snoozed into the quiet hours, it waits for them to end. */
  settings.quiet_start = 22 * 60;
  settings.quiet_end = 7 * 60;
  g_ptr_array_set_size (snoozed, 0);
  g_ptr_array_add (snoozed, craft_reminder_schedule_snooze (diary, late_click));
  assert_next (&settings, plan, late_click, fired, snoozed, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T20:00", "2026-11-24 07:00 CET");

  /* A diary snooze goes when the diary reminder is turned off. */
  settings.diary_enabled = FALSE;
  settings.quiet_start = settings.quiet_end = 0;
  homework = craft_reminder_schedule_next (&settings, plan, click, fired, snoozed);
  g_assert_cmpint (homework->kind, ==, CRAFT_REMINDER_HOMEWORK);
  mark_fired (fired, homework);

  /* A snoozed homework reminder goes once the homework is ticked off. */
  g_ptr_array_set_size (snoozed, 0);
  g_ptr_array_add (snoozed, craft_reminder_schedule_snooze (homework, homework_click));
  assert_next (&settings, plan, homework_click, fired, snoozed, CRAFT_REMINDER_HOMEWORK,
               "homework/5/2026-11-26", "2026-11-25 20:02 CET");
  g_assert_null (craft_reminder_schedule_next (&settings, ticked, homework_click, fired, snoozed));
}

static void
test_missed_gives_one_catch_up (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = plan_with_session_5 (-1, TRUE);
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GDateTime) last_check = at (tz, 2026, 11, 1, 21, 0);
  g_autoptr(GDateTime) wake = at (tz, 2026, 11, 25, 18, 30);
  g_autoptr(CraftReminder) missed = NULL;
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);
  craft_reminder_settings_enable_diary (&settings);

  /* Three weeks off, with a diary reminder every evening and the session's day-before
   * reminder at 18:00 today: exactly one notification. */
  missed = craft_reminder_schedule_missed (&settings, plan, last_check, wake, fired, NULL);
  g_assert_nonnull (missed);
  g_assert_cmpint (missed->kind, ==, CRAFT_REMINDER_CATCH_UP);
  g_assert_cmpint (missed->due, ==, g_date_time_to_unix (wake));
  g_assert_cmpint (missed->kinds, ==,
                   (1u << CRAFT_REMINDER_DIARY) | (1u << CRAFT_REMINDER_SESSION_DAY_BEFORE));
  g_assert_cmpint (missed->session, ==, 5);
  g_assert_true (g_strv_contains ((const char * const *) missed->covers, "diary/2026-11-02T20:00"));
  g_assert_true (g_strv_contains ((const char * const *) missed->covers, "diary/2026-11-24T20:00"));
  g_assert_false (g_strv_contains ((const char * const *) missed->covers,
                                   "diary/2026-11-01T20:00"));
  g_assert_true (g_strv_contains ((const char * const *) missed->covers,
                                  "session-day-before/5/2026-11-26"));
  /* 23 diary evenings, the session's day before and the catch-up itself. */
  g_assert_cmpuint (g_strv_length (missed->covers), ==, 25);

  /* Shown once, it is over: no second catch-up, and the next reminder is a new one. */
  mark_fired (fired, missed);
  g_assert_null (craft_reminder_schedule_missed (&settings, plan, last_check, wake, fired, NULL));
  assert_next (&settings, plan, wake, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-25T20:00", "2026-11-25 20:00 CET");
}

static void
test_missed_nothing (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminderPlan) plan = plan_with_session_5 (-1, FALSE);
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GDateTime) afternoon = at (tz, 2026, 11, 23, 14, 0);
  g_autoptr(GDateTime) evening = at (tz, 2026, 11, 23, 19, 30);
  g_autoptr(GDateTime) night = at (tz, 2026, 11, 23, 23, 0);
  g_autoptr(GDateTime) after_session = at (tz, 2026, 11, 27, 9, 0);
  g_autoptr(GDateTime) before_session = at (tz, 2026, 11, 25, 9, 0);
  g_autoptr(CraftReminder) shown = NULL;
  CraftReminderSettings settings;

  craft_reminder_settings_init (&settings);
  craft_reminder_settings_enable_diary (&settings);

  /* The very first start, and a gap with nothing in it. */
  g_assert_null (craft_reminder_schedule_missed (&settings, plan, NULL, evening, fired, NULL));
  g_assert_null (craft_reminder_schedule_missed (&settings, plan, afternoon, evening, fired,
                                                 NULL));

  /* What was shown in time is not missed. */
  shown = craft_reminder_schedule_next (&settings, plan, evening, fired, NULL);
  mark_fired (fired, shown);
  g_assert_null (craft_reminder_schedule_missed (&settings, plan, evening, night, fired, NULL));

  /* Session reminders are not caught up once the session has begun; the diary is. */
  settings.diary_enabled = FALSE;
  g_assert_null (craft_reminder_schedule_missed (&settings, plan, night, after_session, fired,
                                                 NULL));
  g_assert_null (craft_reminder_schedule_missed (&settings, plan, night, before_session, fired,
                                                 NULL));
  settings.diary_enabled = TRUE;
  g_clear_pointer (&shown, craft_reminder_free);
  shown = craft_reminder_schedule_missed (&settings, plan, night, after_session, fired, NULL);
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->kinds, ==, 1u << CRAFT_REMINDER_DIARY);
}

/* A daily 02:30 reminder on the night the clocks go forward (02:00 → 03:00). */
static void
test_dst_spring_forward (gconstpointer data)
{
  g_autoptr(GTimeZone) tz = zone (data);
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GDateTime) saturday = at (tz, 2026, 3, 28, 12, 0);
  g_autoptr(GDateTime) sunday = at (tz, 2026, 3, 29, 12, 0);
  g_autoptr(CraftReminder) first = NULL;
  g_autoptr(CraftReminder) missed = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *due = NULL;
  CraftReminderSettings settings;

  settings_without_sessions (&settings);
  craft_reminder_settings_enable_diary (&settings);
  settings.diary_times[0] = 2 * 60 + 30;

  /* 02:30 does not exist that night: the first valid moment after it, 03:00 summer time
   * (01:00 UTC), not 03:30. */
  first = craft_reminder_schedule_next (&settings, plan, saturday, fired, NULL);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->key, ==, "diary/2026-03-29T02:30");
  g_assert_cmpint (first->due, ==, 1774746000); /* 2026-03-29 01:00:00 UTC */
  due = wall (tz, first->due);
  g_assert_cmpstr (due, ==, "2026-03-29 03:00 CEST");

  mark_fired (fired, first);
  later = just_after (first, tz);
  assert_next (&settings, plan, later, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-03-30T02:30", "2026-03-30 02:30 CEST");

  /* Asleep all night: it was missed once, not twice and not never. */
  g_hash_table_remove_all (fired);
  missed = craft_reminder_schedule_missed (&settings, plan, saturday, sunday, fired, NULL);
  g_assert_nonnull (missed);
  g_assert_cmpuint (g_strv_length (missed->covers), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) missed->covers, "diary/2026-03-29T02:30"));
}

/* A daily 02:30 reminder on the night the clocks go back (03:00 → 02:00): 02:30 shows twice. */
static void
test_dst_fall_back (gconstpointer data)
{
  g_autoptr(GTimeZone) tz = zone (data);
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GHashTable) fired = fired_new ();
  g_autoptr(GDateTime) saturday = at (tz, 2026, 10, 24, 12, 0);
  g_autoptr(GDateTime) sunday = at (tz, 2026, 10, 25, 12, 0);
  g_autoptr(GDateTime) between = NULL;
  g_autoptr(GDateTime) second_pass = NULL;
  g_autoptr(CraftReminder) first = NULL;
  g_autoptr(CraftReminder) missed = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *due = NULL;
  CraftReminderSettings settings;

  settings_without_sessions (&settings);
  craft_reminder_settings_enable_diary (&settings);
  settings.diary_times[0] = 2 * 60 + 30;

  /* The first 02:30, still summer time (00:30 UTC). */
  first = craft_reminder_schedule_next (&settings, plan, saturday, fired, NULL);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->key, ==, "diary/2026-10-25T02:30");
  g_assert_cmpint (first->due, ==, 1792888200); /* 2026-10-25 00:30:00 UTC */
  due = wall (tz, first->due);
  g_assert_cmpstr (due, ==, "2026-10-25 02:30 CEST");

  /* Once fired, the second 02:30 an hour later does not fire again. */
  mark_fired (fired, first);
  later = just_after (first, tz);
  assert_next (&settings, plan, later, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-10-26T02:30", "2026-10-26 02:30 CET");
  between = g_date_time_new_from_unix_utc (1792891800); /* the second 02:30, in winter time */
  second_pass = g_date_time_to_timezone (between, tz);
  assert_next (&settings, plan, second_pass, fired, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-10-26T02:30", "2026-10-26 02:30 CET");

  /* Asleep all night: missed once. */
  g_hash_table_remove_all (fired);
  missed = craft_reminder_schedule_missed (&settings, plan, saturday, sunday, fired, NULL);
  g_assert_nonnull (missed);
  g_assert_cmpuint (g_strv_length (missed->covers), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) missed->covers, "diary/2026-10-25T02:30"));
}

static void
test_time_zone_change (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(GTimeZone) new_york = zone ("America/New_York");
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GDateTime) now = at (tz, 2026, 11, 23, 19, 30);
  g_autoptr(GDateTime) travelled = g_date_time_to_timezone (now, new_york);
  CraftReminderSettings settings;

  settings_without_sessions (&settings);
  craft_reminder_settings_enable_diary (&settings);

  /* The same moment, but the computer now says New York: 20:00 there. */
  assert_next (&settings, plan, now, NULL, NULL, CRAFT_REMINDER_DIARY, "diary/2026-11-23T20:00",
               "2026-11-23 20:00 CET");
  assert_next (&settings, plan, travelled, NULL, NULL, CRAFT_REMINDER_DIARY,
               "diary/2026-11-23T20:00", "2026-11-23 20:00 EST");
}

static gboolean
contains_nocase (const char *text,
                 const char *word)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_word = g_utf8_casefold (word, -1);

  return strstr (folded_text, folded_word) != NULL;
}

static CraftReminder *
reminder_of_kind (CraftReminderKind kind,
                  GTimeZone        *tz)
{
  g_autoptr(GDateTime) due = at (tz, 2026, 11, 25, 18, 0);
  g_autoptr(GDateTime) start = at (tz, 2026, 11, 26, 18, 0);
  CraftReminder reminder = { 0 };
  char *covers[] = { (char *) "k", NULL };

  reminder.kind = kind;
  reminder.key = (char *) "k";
  reminder.due = g_date_time_to_unix (due);
  reminder.session = kind == CRAFT_REMINDER_DIARY ? 0 : 5;
  reminder.session_start = kind == CRAFT_REMINDER_DIARY ? 0 : g_date_time_to_unix (start);
  reminder.kinds = kind == CRAFT_REMINDER_CATCH_UP
                   ? (1u << CRAFT_REMINDER_DIARY) | (1u << CRAFT_REMINDER_HOMEWORK)
                     | (1u << CRAFT_REMINDER_SESSION_HOUR_BEFORE)
                   : 1u << kind;
  reminder.covers = covers;
  return craft_reminder_copy (&reminder);
}

static void
test_text_is_discreet (void)
{
  /* What a diary entry and a plan might hold; none of it may reach the screen. */
  const char *never[] = {
    "I was so scared last night", "Maria", "Johan", "addiction", "alcohol", "drug", "drink",
    "diary", "CRAFT", "homework", "session",
  };
  g_autoptr(GTimeZone) tz = stockholm ();

  for (CraftReminderKind kind = CRAFT_REMINDER_DIARY; kind <= CRAFT_REMINDER_CATCH_UP; kind++)
    {
      g_autoptr(CraftReminder) reminder = reminder_of_kind (kind, tz);
      g_autofree char *summary = NULL;
      g_autofree char *body = NULL;

      craft_reminder_get_text (reminder, FALSE, tz, &summary, &body);
      g_assert_cmpstr (summary, !=, "");
      g_assert_cmpstr (body, !=, "");
      for (guint i = 0; i < G_N_ELEMENTS (never); i++)
        {
          g_assert_false (contains_nocase (summary, never[i]));
          g_assert_false (contains_nocase (body, never[i]));
        }
    }
}

static void
test_text_plainer (void)
{
  const char *never[] = { "addiction", "alcohol", "drug", "Maria" };
  g_autoptr(GTimeZone) tz = stockholm ();
  struct {
    CraftReminderKind kind;
    const char *summary;
    const char *body;
  } expected[] = {
    { CRAFT_REMINDER_DIARY, "Time for your diary",
      "Would you like to write a few lines in your diary?" },
    { CRAFT_REMINDER_HOMEWORK, "Homework for session 5",
      "Some of the homework is not ticked off yet. Would you like to go through it?" },
    { CRAFT_REMINDER_SESSION_DAY_BEFORE, "Your CRAFT session tomorrow",
      "Session 5 starts tomorrow at 18:00." },
    { CRAFT_REMINDER_SESSION_HOUR_BEFORE, "Your CRAFT session is coming up",
      "Session 5 starts at 18:00." },
    { CRAFT_REMINDER_CATCH_UP, "Your reminders",
      "Writing in your diary\nHomework for session 5\nSession 5 is coming up" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      g_autoptr(CraftReminder) reminder = reminder_of_kind (expected[k].kind, tz);
      g_autofree char *summary = NULL;
      g_autofree char *body = NULL;

      craft_reminder_get_text (reminder, TRUE, tz, &summary, &body);
      g_assert_cmpstr (summary, ==, expected[k].summary);
      g_assert_cmpstr (body, ==, expected[k].body);
      for (guint i = 0; i < G_N_ELEMENTS (never); i++)
        {
          g_assert_false (contains_nocase (summary, never[i]));
          g_assert_false (contains_nocase (body, never[i]));
        }
    }
}

static void
test_text_session_day (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  g_autoptr(CraftReminder) reminder = reminder_of_kind (CRAFT_REMINDER_SESSION_DAY_BEFORE, tz);
  g_autoptr(GDateTime) morning = at (tz, 2026, 11, 26, 9, 0);
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  craft_reminder_get_text (reminder, FALSE, tz, &summary, &body);
  g_assert_cmpstr (summary, ==, "A reminder for tomorrow");
  g_assert_cmpstr (body, ==, "You have something planned tomorrow at 18:00.");
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&body, g_free);

  /* Quiet hours moved it to the session's own morning: then it says today. */
  reminder->due = g_date_time_to_unix (morning);
  craft_reminder_get_text (reminder, TRUE, tz, &summary, &body);
  g_assert_cmpstr (summary, ==, "Your CRAFT session today");
  g_assert_cmpstr (body, ==, "Session 5 starts today at 18:00.");
}

static void
test_actions (void)
{
  g_autoptr(GTimeZone) tz = stockholm ();
  struct {
    CraftReminderKind kind;
    const char *ids;
    const char *labels;
  } expected[] = {
    { CRAFT_REMINDER_DIARY, "diary later", "Write in Diary|Later" },
    { CRAFT_REMINDER_HOMEWORK, "session later", "Open Session|Later" },
    { CRAFT_REMINDER_SESSION_DAY_BEFORE, "session later", "Open Session|Later" },
    { CRAFT_REMINDER_SESSION_HOUR_BEFORE, "session later", "Open Session|Later" },
    { CRAFT_REMINDER_CATCH_UP, "diary session later", "Write in Diary|Open Session|Later" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      g_autoptr(CraftReminder) reminder = reminder_of_kind (expected[k].kind, tz);
      g_auto(GStrv) ids = NULL;
      g_auto(GStrv) labels = NULL;
      g_autofree char *joined_ids = NULL;
      g_autofree char *joined_labels = NULL;

      craft_reminder_get_actions (reminder, &ids, &labels);
      joined_ids = g_strjoinv (" ", ids);
      joined_labels = g_strjoinv ("|", labels);
      g_assert_cmpstr (joined_ids, ==, expected[k].ids);
      g_assert_cmpstr (joined_labels, ==, expected[k].labels);
    }
}

static void
test_plan_and_times (void)
{
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (craft_reminder_plan_add_session (plan, 2, "2026-02-30", -1, FALSE, &error));
  g_assert_error (error, CRAFT_REMINDER_SCHEDULE_ERROR, CRAFT_REMINDER_SCHEDULE_ERROR_INVALID_DAY);
  g_clear_error (&error);
  g_assert_false (craft_reminder_plan_add_session (plan, 2, "next week", -1, FALSE, &error));
  g_assert_error (error, CRAFT_REMINDER_SCHEDULE_ERROR, CRAFT_REMINDER_SCHEDULE_ERROR_INVALID_DAY);

  g_assert_cmpint (craft_reminder_parse_time ("20:00"), ==, 20 * 60);
  g_assert_cmpint (craft_reminder_parse_time ("07:05"), ==, 7 * 60 + 5);
  g_assert_cmpint (craft_reminder_parse_time ("0:00"), ==, 0);
  g_assert_cmpint (craft_reminder_parse_time ("24:00"), ==, -1);
  g_assert_cmpint (craft_reminder_parse_time ("12:60"), ==, -1);
  g_assert_cmpint (craft_reminder_parse_time ("12:00 pm"), ==, -1);
  g_assert_cmpint (craft_reminder_parse_time (""), ==, -1);
}


/* The service with a real notification service: a recording stand-in on the test's own
 * session bus (tests/notification-server.py). */

static gint64 fake_now;

static GDateTime *
fake_clock (gpointer user_data)
{
  return g_date_time_new_from_unix_local (fake_now);
}

static GPid
start_notification_server (const char *log)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "notification-server.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, log, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  GPid pid = 0;

  g_assert_no_error (error);
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (
        bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
        "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.Notifications"),
        G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      gboolean owned = FALSE;

      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return pid;
      g_usleep (50 * 1000);
    }
  g_error ("The test notification service did not start");
}

static void
stop_notification_server (GPid pid)
{
  kill (pid, SIGTERM);
  g_spawn_close_pid (pid);
  /* Let the bus notice it is gone. */
  craft_test_spin (200);
}

static char **
read_lines (const char *path)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_new0 (char *, 1);
  g_strchomp (text);
  return *text != '\0' ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1);
}

static void
on_open_requested_cb (CraftReminderService *service,
                      const char           *what,
                      int                   session,
                      char                **out)
{
  g_free (*out);
  *out = g_strdup (what);
}

static void
test_service_notifies_once_and_opens_diary (void)
{
  g_autofree char *dir = craft_test_make_dir ("service");
  g_autofree char *log = g_build_filename (dir, "notify.log", NULL);
  g_autofree char *opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(CraftContext) context = NULL;
  g_autoptr(CraftNotifier) notifier = NULL;
  g_autoptr(CraftReminderService) service = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 23, 19, 59, 59);
  GVariant *reply;
  g_auto(GStrv) lines = NULL;
  g_autofree char *autostart = craft_autostart_get_path ();
  const char *diary_times[] = { "20:00", NULL };
  GPid server;
  gint64 id;

  g_assert_no_error (error);
  /* A diary entry whose words must never reach a notification. */
  id = craft_store_diary_create (store, g_date_time_to_unix (start) - 3600, &error);
  g_assert_true (craft_store_diary_set (store, id, "what-happened",
                                        "Peter skrek om pengarna igen", &error));

  server = start_notification_server (log);
  fake_now = g_date_time_to_unix (start);
  context = craft_context_new (store, settings);
  craft_context_set_clock (context, fake_clock, NULL);
  notifier = craft_notifier_new ();
  g_assert_true (craft_notifier_probe (notifier));
  service = craft_reminder_service_new (context, notifier);
  g_signal_connect (service, "open-requested", G_CALLBACK (on_open_requested_cb), &opened);

  /* One tap: diary reminders at 20:00 every day; the login entry appears with it. */
  g_settings_set_strv (settings, "reminder-diary-times", diary_times);
  g_settings_set_uint (settings, "reminder-diary-weekdays", 127);
  g_settings_set_boolean (settings, "reminder-diary", TRUE);
  g_assert_true (craft_reminder_service_get_active (service));
  g_assert_true (g_file_test (autostart, G_FILE_TEST_EXISTS));
  g_assert_cmpint (craft_reminder_service_get_next_due (service), ==, fake_now + 1);

  /* Whole-second timers may be up to a second late by design. */
  fake_now += 1;
  craft_test_spin (2500);

  lines = read_lines (log);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_null (strstr (lines[0], "Peter"));
  g_assert_null (strstr (lines[0], "pengarna"));
  g_assert_null (g_strstr_len (lines[0], -1, "ddiction"));
  g_assert_nonnull (strstr (lines[0], "\"diary\""));
  g_assert_nonnull (strstr (lines[0], "\"later\""));

  /* "Write in Diary" opens the new-entry view. */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.craftcompanion.TestNotifications", "Invoke",
                                       g_variant_new ("(us)", 1, "diary"), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  craft_test_spin (300);
  g_assert_cmpstr (opened, ==, "diary");

  /* Shown once: the same reminder does not come again, and the next is tomorrow. */
  g_assert_cmpint (craft_reminder_service_get_next_due (service), ==, fake_now + 24 * 3600);
  g_clear_pointer (&lines, g_strfreev);
  lines = read_lines (log);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);

  /* "Later" on a reminder brings it back in an hour, also after the app restarted. */
  g_assert_true (craft_reminder_service_send_test (service, &error));
  g_assert_no_error (error);
  {
    g_autofree char *key = g_strdup_printf ("test/%" G_GINT64_FORMAT, fake_now);
    g_autoptr(CraftReminderService) again = NULL;

    g_signal_emit_by_name (notifier, "activated", key, "later");
    g_assert_cmpint (craft_reminder_service_get_next_due (service), ==, fake_now + 3600);
    g_clear_object (&service);
    again = craft_reminder_service_new (context, notifier);
    g_assert_cmpint (craft_reminder_service_get_next_due (again), ==, fake_now + 3600);
    service = g_steal_pointer (&again);
  }

  /* Moving to another zone moves the wall-clock reminders with it. */
  {
    gint64 snoozed_until = fake_now + 3600;

    fake_now += 7200; /* past the snooze: the next is a diary reminder at 20:00 */
    craft_reminder_service_set_time_zone (service, "Europe/Stockholm");
    {
      gint64 stockholm = craft_reminder_service_get_next_due (service);

      craft_reminder_service_set_time_zone (service, "America/New_York");
      g_assert_cmpint (craft_reminder_service_get_next_due (service), !=, stockholm);
      craft_reminder_service_set_time_zone (service, "Europe/Stockholm");
      g_assert_cmpint (craft_reminder_service_get_next_due (service), ==, stockholm);
      g_assert_cmpint (stockholm, >, snoozed_until);
    }
  }

  /* With no notification service the app logs it and keeps going. */
  stop_notification_server (server);
  g_assert_false (craft_reminder_service_send_test (service, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_settings_set_boolean (settings, "reminder-diary", FALSE);
  g_assert_false (craft_reminder_service_get_active (service));
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));
}

static void
test_autostart_entry_valid (void)
{
  g_autofree char *path = craft_autostart_get_path ();
  g_autofree char *validator = g_find_program_in_path ("desktop-file-validate");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (craft_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  if (validator == NULL)
    {
      g_test_skip ("desktop-file-validate is not installed");
      return;
    }
  {
    const char *argv[] = { validator, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                  NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (craft_autostart_set_enabled (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/defaults", test_defaults);
  g_test_add_func ("/reminders/diary/daily", test_diary_daily);
  g_test_add_func ("/reminders/diary/weekdays", test_diary_weekdays);
  g_test_add_func ("/reminders/homework/evening-before", test_homework_evening_before);
  g_test_add_func ("/reminders/homework/ticked", test_homework_ticked);
  g_test_add_func ("/reminders/session/day-and-hour-before", test_session_day_and_hour_before);
  g_test_add_func ("/reminders/session/across-fall-back", test_session_across_fall_back);
  g_test_add_func ("/reminders/quiet-hours", test_quiet_hours);
  g_test_add_func ("/reminders/same-moment", test_same_moment_is_one_notification);
  g_test_add_func ("/reminders/snooze", test_snooze);
  g_test_add_func ("/reminders/missed/one-catch-up", test_missed_gives_one_catch_up);
  g_test_add_func ("/reminders/missed/nothing", test_missed_nothing);
  g_test_add_data_func ("/reminders/dst/spring-forward/stockholm", "Europe/Stockholm",
                        test_dst_spring_forward);
  g_test_add_data_func ("/reminders/dst/spring-forward/copenhagen", "Europe/Copenhagen",
                        test_dst_spring_forward);
  g_test_add_data_func ("/reminders/dst/fall-back/stockholm", "Europe/Stockholm",
                        test_dst_fall_back);
  g_test_add_data_func ("/reminders/dst/fall-back/copenhagen", "Europe/Copenhagen",
                        test_dst_fall_back);
  g_test_add_func ("/reminders/time-zone-change", test_time_zone_change);
  g_test_add_func ("/reminders/text/discreet", test_text_is_discreet);
  g_test_add_func ("/reminders/text/plainer", test_text_plainer);
  g_test_add_func ("/reminders/text/session-day", test_text_session_day);
  g_test_add_func ("/reminders/actions", test_actions);
  g_test_add_func ("/reminders/plan-and-times", test_plan_and_times);

  g_test_add_func ("/reminders/service/notifies-once-and-opens-diary",
                   test_service_notifies_once_and_opens_diary);
  g_test_add_func ("/reminders/autostart/entry-valid", test_autostart_entry_valid);

  return g_test_run ();
}

/* src/reminders/craft-reminder-schedule.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "craft-reminder-schedule.h"

/* Local days are counted from 1970-01-01, whose GDate Julian day number this is. */
#define EPOCH_JULIAN 719163
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
/* A catch-up only needs to know that something was missed, not walk years of diary days. */
#define MAX_MISSED_DAYS 400
/* Enough for a diary reminder on one weekday only, plus one day of quiet hours. */
#define LOOK_AHEAD_DAYS 8

typedef struct
{
  int      number;
  gint64   day;  /* local day number */
  int      time; /* minutes after midnight */
  gboolean homework_done;
} PlannedSession;

struct _CraftReminderPlan
{
  GArray *sessions;
};

G_DEFINE_QUARK (craft-reminder-schedule-error-quark, craft_reminder_schedule_error)
G_DEFINE_BOXED_TYPE (CraftReminder, craft_reminder, craft_reminder_copy, craft_reminder_free)

void
craft_reminder_settings_init (CraftReminderSettings *settings)
{
  g_return_if_fail (settings != NULL);

  *settings = (CraftReminderSettings) {
    .diary_enabled = FALSE,
    .n_diary_times = 1,
    .diary_times = { 20 * 60 },
    .diary_weekdays = CRAFT_REMINDER_EVERY_DAY,
    .homework_enabled = TRUE,
    .homework_time = 19 * 60,
    .session_enabled = TRUE,
    .session_time = CRAFT_REMINDER_DEFAULT_SESSION_TIME,
    .quiet_start = 0,
    .quiet_end = 0,
    .plainer_wording = FALSE,
  };
}

void
craft_reminder_settings_enable_diary (CraftReminderSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->diary_enabled = TRUE;
  if (settings->n_diary_times == 0)
    {
      settings->n_diary_times = 1;
      settings->diary_times[0] = 20 * 60;
    }
  /* A reminder on no day at all would look like a broken switch. */
  if ((settings->diary_weekdays & CRAFT_REMINDER_EVERY_DAY) == 0)
    settings->diary_weekdays = CRAFT_REMINDER_EVERY_DAY;
}

int
craft_reminder_parse_time (const char *text)
{
  int hours, minutes, end = 0;

  g_return_val_if_fail (text != NULL, -1);

  if (sscanf (text, "%2d:%2d%n", &hours, &minutes, &end) != 2 || text[end] != '\0'
      || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return -1;
  return hours * 60 + minutes;
}

static gboolean
parse_day (const char *text,
           gint64     *day)
{
  unsigned int year, month, mday;
  int end = 0;
  GDate date;

  if (sscanf (text, "%4u-%2u-%2u%n", &year, &month, &mday, &end) != 3 || end != 10
      || text[end] != '\0' || !g_date_valid_dmy (mday, month, year))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, mday, month, year);
  *day = (gint64) g_date_get_julian (&date) - EPOCH_JULIAN;
  return TRUE;
}

/* "YYYY-MM-DD" of a local day number; only for keys, never shown. */
static char *
format_day (gint64 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day + EPOCH_JULIAN);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

CraftReminderPlan *
craft_reminder_plan_new (void)
{
  CraftReminderPlan *plan = g_new0 (CraftReminderPlan, 1);

  plan->sessions = g_array_new (FALSE, FALSE, sizeof (PlannedSession));
  return plan;
}

void
craft_reminder_plan_free (CraftReminderPlan *plan)
{
  if (plan == NULL)
    return;
  g_array_unref (plan->sessions);
  g_free (plan);
}

gboolean
craft_reminder_plan_add_session (CraftReminderPlan  *plan,
                                 int                 number,
                                 const char         *day,
                                 int                 time,
                                 gboolean            homework_done,
                                 GError            **error)
{
  PlannedSession session = { number, 0, time, homework_done };

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (number > 0, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  g_return_val_if_fail (time >= -1 && time < 24 * 60, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_day (day, &session.day))
    {
      g_set_error (error, CRAFT_REMINDER_SCHEDULE_ERROR, CRAFT_REMINDER_SCHEDULE_ERROR_INVALID_DAY,
                   _("The planned day “%s” is not a valid date."), day);
      return FALSE;
    }
  if (time < 0)
    session.time = CRAFT_REMINDER_DEFAULT_SESSION_TIME;
  g_array_append_val (plan->sessions, session);
  return TRUE;
}

CraftReminder *
craft_reminder_copy (const CraftReminder *reminder)
{
  CraftReminder *copy;

  g_return_val_if_fail (reminder != NULL, NULL);

  copy = g_memdup2 (reminder, sizeof *reminder);
  copy->key = g_strdup (reminder->key);
  copy->covers = g_strdupv (reminder->covers);
  return copy;
}

void
craft_reminder_free (CraftReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->key);
  g_strfreev (reminder->covers);
  g_free (reminder);
}

static CraftReminder *
reminder_new (CraftReminderKind  kind,
              char              *key,
              gint64             due,
              int                session,
              gint64             session_start)
{
  CraftReminder *reminder = g_new0 (CraftReminder, 1);

  reminder->kind = kind;
  reminder->key = key;
  reminder->due = due;
  reminder->session = session;
  reminder->session_start = session_start;
  reminder->kinds = 1u << kind;
  reminder->covers = g_new0 (char *, 2);
  reminder->covers[0] = g_strdup (key);
  return reminder;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b < 0);
}

/* What the wall clock in @tz shows at @instant, as seconds since 1970-01-01 00:00 on it. */
static gint64
wall_clock_at (GTimeZone *tz,
               gint64     instant)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);

  return instant + g_time_zone_get_offset (tz, interval);
}

static void
split_wall_clock (GTimeZone *tz,
                  gint64     instant,
                  gint64    *day,
                  int       *minute)
{
  gint64 wall = wall_clock_at (tz, instant);

  *day = floor_div (wall, SECONDS_PER_DAY);
  *minute = (int) ((wall - *day * SECONDS_PER_DAY) / 60);
}

/* The first moment at which the wall clock shows @minute on local @day or later. This is
 * more than g_date_time_new() gives: on a spring-forward night 02:30 never shows, and the
 * reminder belongs at 03:00, the first moment after the gap (GLib would say 03:30); on a
 * fall-back night 02:30 shows twice, and the first one is when a person expects it. That it
 * fires only once is up to the key, which is made of the local day and time. */
static gint64
resolve_wall_clock (GTimeZone *tz,
                    gint64     day,
                    int        minute)
{
  gint64 wall = day * SECONDS_PER_DAY + minute * 60;
  /* Real zones change their offset at most once in a day, so the offsets a day either side
   * are the only ones this wall-clock time can have. */
  gint64 a = wall - (wall_clock_at (tz, wall - SECONDS_PER_DAY) - (wall - SECONDS_PER_DAY));
  gint64 b = wall - (wall_clock_at (tz, wall + SECONDS_PER_DAY) - (wall + SECONDS_PER_DAY));
  gint64 lo = MIN (a, b), hi = MAX (a, b);

  if (wall_clock_at (tz, lo) == wall)
    return lo;
  if (wall_clock_at (tz, hi) == wall)
    return hi;

  /* In the gap: the clock shows less than @wall at lo and more at hi; the transition between
   * them is the first moment it shows @wall or later. */
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (wall_clock_at (tz, mid) >= wall)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

static gboolean
in_quiet_hours (const CraftReminderSettings *settings,
                int                          minute)
{
  int start = settings->quiet_start, end = settings->quiet_end;

  if (start < end)
    return minute >= start && minute < end;
  if (start > end)
    return minute >= start || minute < end;
  return FALSE;
}

/* Reminders due in the quiet hours wait until the quiet hours end. */
static gint64
leave_quiet_hours (const CraftReminderSettings *settings,
                   GTimeZone                   *tz,
                   gint64                       due)
{
  gint64 day;
  int minute;

  split_wall_clock (tz, due, &day, &minute);
  if (!in_quiet_hours (settings, minute))
    return due;
  /* Past midnight the quiet hours end on the same day, before it on the next. */
  if (settings->quiet_start > settings->quiet_end && minute >= settings->quiet_start)
    day++;
  return resolve_wall_clock (tz, day, settings->quiet_end);
}

static gboolean
is_snoozed (GPtrArray  *snoozed,
            const char *key)
{
  for (guint i = 0; snoozed != NULL && i < snoozed->len; i++)
    if (g_str_equal (((CraftReminder *) g_ptr_array_index (snoozed, i))->key, key))
      return TRUE;
  return FALSE;
}

static const PlannedSession *
find_session (const CraftReminderPlan *plan,
              GTimeZone               *tz,
              int                      number,
              gint64                   start)
{
  for (guint i = 0; i < plan->sessions->len; i++)
    {
      const PlannedSession *session = &g_array_index (plan->sessions, PlannedSession, i);

      if (session->number == number
          && resolve_wall_clock (tz, session->day, session->time) == start)
        return session;
    }
  return NULL;
}

/* A snooze outlives what it was about when the person turns the kind off, ticks off the
 * homework or moves the session; then it should not come back. */
static gboolean
snooze_still_wanted (const CraftReminderSettings *settings,
                     const CraftReminderPlan     *plan,
                     GTimeZone                   *tz,
                     const CraftReminder         *reminder)
{
  const PlannedSession *session;

  switch (reminder->kind)
    {
    case CRAFT_REMINDER_DIARY:
      return settings->diary_enabled;
    case CRAFT_REMINDER_HOMEWORK:
      session = find_session (plan, tz, reminder->session, reminder->session_start);
      return settings->homework_enabled && session != NULL && !session->homework_done;
    case CRAFT_REMINDER_SESSION_DAY_BEFORE:
    case CRAFT_REMINDER_SESSION_HOUR_BEFORE:
      session = find_session (plan, tz, reminder->session, reminder->session_start);
      return settings->session_enabled && session != NULL;
    case CRAFT_REMINDER_CATCH_UP:
    default:
      return TRUE;
    }
}

static void
add_candidate (GPtrArray                   *out,
               const CraftReminderSettings *settings,
               GTimeZone                   *tz,
               CraftReminder               *reminder)
{
  reminder->due = leave_quiet_hours (settings, tz, reminder->due);
  /* A reminder about a session is no use once the session has begun. */
  if (reminder->kind != CRAFT_REMINDER_CATCH_UP && reminder->session_start != 0
      && reminder->due >= reminder->session_start)
    {
      craft_reminder_free (reminder);
      return;
    }
  g_ptr_array_add (out, reminder);
}

/* Every reminder the settings and the plan give (diary ones on local days @first_day …
 * @last_day), moved out of the quiet hours, without those that fired; snoozed ones take the
 * place of their originals. */
static GPtrArray *
collect_candidates (const CraftReminderSettings *settings,
                    const CraftReminderPlan     *plan,
                    GTimeZone                   *tz,
                    gint64                       first_day,
                    gint64                       last_day,
                    GHashTable                  *fired,
                    GPtrArray                   *snoozed)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_reminder_free);
  g_autoptr(GPtrArray) made = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (settings->diary_enabled)
    for (gint64 day = first_day; day <= last_day; day++)
      {
        g_autofree char *day_text = format_day (day);
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_julian (&date, day + EPOCH_JULIAN);
        if ((settings->diary_weekdays & CRAFT_REMINDER_WEEKDAY (g_date_get_weekday (&date))) == 0)
          continue;
        for (guint i = 0; i < settings->n_diary_times; i++)
          {
            int time = settings->diary_times[i];
            char *key = g_strdup_printf ("diary/%sT%02d:%02d", day_text, time / 60, time % 60);

            g_ptr_array_add (made, reminder_new (CRAFT_REMINDER_DIARY, key,
                                                 resolve_wall_clock (tz, day, time), 0, 0));
          }
      }

  for (guint i = 0; i < plan->sessions->len; i++)
    {
      const PlannedSession *session = &g_array_index (plan->sessions, PlannedSession, i);
      gint64 start = resolve_wall_clock (tz, session->day, session->time);
      gint64 evening_before = session->day - 1;
      int number = session->number;
      g_autofree char *day_text = format_day (session->day);

      if (settings->homework_enabled && !session->homework_done)
        {
          char *key = g_strdup_printf ("homework/%d/%s", number, day_text);
          gint64 due = resolve_wall_clock (tz, evening_before, settings->homework_time);

          g_ptr_array_add (made, reminder_new (CRAFT_REMINDER_HOMEWORK, key, due, number, start));
        }
      if (settings->session_enabled)
        {
          char *key = g_strdup_printf ("session-day-before/%d/%s", number, day_text);
          gint64 due = resolve_wall_clock (tz, evening_before, settings->session_time);

          g_ptr_array_add (made, reminder_new (CRAFT_REMINDER_SESSION_DAY_BEFORE, key, due,
                                               number, start));
          /* Keyed by the planned time too, so that moving the session reminds again. */
          key = g_strdup_printf ("session-hour-before/%d/%sT%02d:%02d", number, day_text,
                                 session->time / 60, session->time % 60);
          g_ptr_array_add (made, reminder_new (CRAFT_REMINDER_SESSION_HOUR_BEFORE, key,
                                               start - 60 * 60, number, start));
        }
    }

  for (guint i = 0; i < made->len; i++)
    {
      CraftReminder *reminder = g_ptr_array_index (made, i);

      /* The same time twice in the settings is still one reminder. */
      if ((fired != NULL && g_hash_table_contains (fired, reminder->key))
          || is_snoozed (snoozed, reminder->key)
          || !g_hash_table_add (seen, g_strdup (reminder->key)))
        craft_reminder_free (reminder);
      else
        add_candidate (out, settings, tz, reminder);
    }

  for (guint i = 0; snoozed != NULL && i < snoozed->len; i++)
    {
      const CraftReminder *reminder = g_ptr_array_index (snoozed, i);

      if (snooze_still_wanted (settings, plan, tz, reminder))
        add_candidate (out, settings, tz, craft_reminder_copy (reminder));
    }

  return out;
}

static void
add_covers (GPtrArray     *covers,
            char * const  *keys)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (covers, keys[i], g_str_equal, NULL))
      g_ptr_array_add (covers, g_strdup (keys[i]));
}

/* One reminder for all of @reminders at @due: a single one as it is, several as a catch-up,
 * because several notifications at once would be a burst. */
static CraftReminder *
merge_reminders (GPtrArray *reminders,
                 gint64     due,
                 gboolean   always_catch_up)
{
  CraftReminder *merged;
  g_autoptr(GPtrArray) covers = NULL;

  g_assert (reminders->len > 0);

  if (reminders->len == 1 && !always_catch_up)
    return craft_reminder_copy (g_ptr_array_index (reminders, 0));

  merged = reminder_new (CRAFT_REMINDER_CATCH_UP,
                         g_strdup_printf ("catch-up/%" G_GINT64_FORMAT, due), due, 0, 0);
  merged->kinds = 0;
  covers = g_ptr_array_new_with_free_func (g_free);
  add_covers (covers, merged->covers);
  for (guint i = 0; i < reminders->len; i++)
    {
      const CraftReminder *reminder = g_ptr_array_index (reminders, i);

      merged->kinds |= reminder->kinds;
      add_covers (covers, reminder->covers);
      if (reminder->session != 0
          && (merged->session == 0 || reminder->session_start < merged->session_start))
        {
          merged->session = reminder->session;
          merged->session_start = reminder->session_start;
        }
    }
  g_ptr_array_add (covers, NULL);
  g_strfreev (merged->covers);
  merged->covers = (char **) g_ptr_array_steal (covers, NULL);
  return merged;
}

static gboolean
settings_valid (const CraftReminderSettings *settings)
{
  if (settings->n_diary_times > CRAFT_REMINDER_MAX_DIARY_TIMES)
    return FALSE;
  for (guint i = 0; i < settings->n_diary_times; i++)
    if (settings->diary_times[i] < 0 || settings->diary_times[i] >= 24 * 60)
      return FALSE;
  return settings->homework_time >= 0 && settings->homework_time < 24 * 60
         && settings->session_time >= 0 && settings->session_time < 24 * 60
         && settings->quiet_start >= 0 && settings->quiet_start < 24 * 60
         && settings->quiet_end >= 0 && settings->quiet_end < 24 * 60;
}

CraftReminder *
craft_reminder_schedule_next (const CraftReminderSettings *settings,
                              const CraftReminderPlan     *plan,
                              GDateTime                   *now,
                              GHashTable                  *fired,
                              GPtrArray                   *snoozed)
{
  GTimeZone *tz;
  gint64 t, today, best = G_MAXINT64;
  int minute;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  g_return_val_if_fail (settings != NULL && settings_valid (settings), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  tz = g_date_time_get_timezone (now);
  t = g_date_time_to_unix (now);
  split_wall_clock (tz, t, &today, &minute);
  /* From yesterday: its late reminders may still be waiting out the quiet hours. */
  candidates = collect_candidates (settings, plan, tz, today - 1, today + LOOK_AHEAD_DAYS,
                                   fired, snoozed);

  for (guint i = 0; i < candidates->len; i++)
    {
      const CraftReminder *reminder = g_ptr_array_index (candidates, i);

      if (reminder->due >= t)
        best = MIN (best, reminder->due);
    }
  if (best == G_MAXINT64)
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    if (((CraftReminder *) g_ptr_array_index (candidates, i))->due == best)
      g_ptr_array_add (chosen, g_ptr_array_index (candidates, i));
  return merge_reminders (chosen, best, FALSE);
}

CraftReminder *
craft_reminder_schedule_missed (const CraftReminderSettings *settings,
                                const CraftReminderPlan     *plan,
                                GDateTime                   *last_check,
                                GDateTime                   *now,
                                GHashTable                  *fired,
                                GPtrArray                   *snoozed)
{
  GTimeZone *tz;
  gint64 from, t, first_day, last_day;
  int minute;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) missed = g_ptr_array_new ();

  g_return_val_if_fail (settings != NULL && settings_valid (settings), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (last_check == NULL)
    return NULL;

  tz = g_date_time_get_timezone (now);
  from = g_date_time_to_unix (last_check);
  t = g_date_time_to_unix (now);
  if (from >= t)
    return NULL;
  split_wall_clock (tz, from, &first_day, &minute);
  split_wall_clock (tz, t, &last_day, &minute);
  first_day = MAX (first_day - 1, last_day - MAX_MISSED_DAYS);
  candidates = collect_candidates (settings, plan, tz, first_day, last_day, fired, snoozed);

  for (guint i = 0; i < candidates->len; i++)
    {
      CraftReminder *reminder = g_ptr_array_index (candidates, i);

      if (reminder->due < from || reminder->due >= t)
        continue;
      /* "Your session starts soon" is wrong once it has started; the diary is always open. */
      if (reminder->kind != CRAFT_REMINDER_DIARY && reminder->kind != CRAFT_REMINDER_CATCH_UP
          && reminder->session_start <= t)
        continue;
      g_ptr_array_add (missed, reminder);
    }
  if (missed->len == 0)
    return NULL;
  return merge_reminders (missed, t, TRUE);
}

CraftReminder *
craft_reminder_schedule_snooze (const CraftReminder *reminder,
                                GDateTime           *now)
{
  CraftReminder *snoozed;

  g_return_val_if_fail (reminder != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  snoozed = craft_reminder_copy (reminder);
  snoozed->due = g_date_time_to_unix (now) + CRAFT_REMINDER_SNOOZE_SECONDS;
  return snoozed;
}

/* Times of day are shown as the 24-hour clock Swedish and Danish readers expect. */
static char *
format_time (GTimeZone *tz,
             gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%H:%M");
}

/* Whether the session is on the same local day as the reminder (else the day after). */
static gboolean
session_is_today (const CraftReminder *reminder,
                  GTimeZone           *tz)
{
  gint64 due_day, session_day;
  int minute;

  split_wall_clock (tz, reminder->due, &due_day, &minute);
  split_wall_clock (tz, reminder->session_start, &session_day, &minute);
  return due_day == session_day;
}

/* The plainer catch-up lists what waits, one line each; the discreet one says nothing. */
static char *
list_catch_up (const CraftReminder *reminder)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (reminder->kinds & (1u << CRAFT_REMINDER_DIARY))
    /* Translators: one line of a list of reminders that waited; only in plainer wording. */
    g_ptr_array_add (lines, g_strdup (_("Writing in your diary")));
  if (reminder->kinds & (1u << CRAFT_REMINDER_HOMEWORK))
    g_ptr_array_add (lines, g_strdup_printf (_("Homework for session %d"), reminder->session));
  if (reminder->kinds & ((1u << CRAFT_REMINDER_SESSION_DAY_BEFORE)
                         | (1u << CRAFT_REMINDER_SESSION_HOUR_BEFORE)))
    g_ptr_array_add (lines, g_strdup_printf (_("Session %d is coming up"), reminder->session));
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

void
craft_reminder_get_text (const CraftReminder  *reminder,
                         gboolean              plainer,
                         GTimeZone            *tz,
                         char                **summary,
                         char                **body)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *time = NULL;
  gboolean today = FALSE;

  g_return_if_fail (reminder != NULL);
  g_return_if_fail (summary != NULL && body != NULL);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  if (reminder->session_start != 0)
    {
      time = format_time (tz, reminder->session_start);
      today = session_is_today (reminder, tz);
    }

  switch (reminder->kind)
    {
    case CRAFT_REMINDER_DIARY:
      /* Translators: reminders come in two wordings. The discreet one (the default) may be
       * read by anyone near the screen, so it must not say diary, homework, session or
       * anything about drinking or drugs; the plainer one, chosen in the preferences, may. */
      *summary = g_strdup (plainer ? _("Time for your diary") : _("A moment for yourself"));
      *body = g_strdup (plainer ? _("Would you like to write a few lines in your diary?")
                                : _("Would you like to write a few lines?"));
      break;

    case CRAFT_REMINDER_HOMEWORK:
      *summary = plainer ? g_strdup_printf (_("Homework for session %d"), reminder->session)
                         : g_strdup (_("A small reminder"));
      *body = g_strdup (plainer ? _("Some of the homework is not ticked off yet. "
                                    "Would you like to go through it?")
                                : _("There is something you planned to do. "
                                    "Would you like to take a look?"));
      break;

    case CRAFT_REMINDER_SESSION_DAY_BEFORE:
      if (plainer)
        {
          *summary = g_strdup (today ? _("Your CRAFT session today")
                                     : _("Your CRAFT session tomorrow"));
          /* Translators: %d is the session number, %s a time of day such as 18:00. */
          *body = g_strdup_printf (today ? _("Session %d starts today at %s.")
                                         /* Translators: %d a session, %s e.g. 18:00. */
                                         : _("Session %d starts tomorrow at %s."),
                                   reminder->session, time);
        }
      else
        {
          *summary = g_strdup (today ? _("A reminder for today") : _("A reminder for tomorrow"));
          /* Translators: %s is a time of day such as 18:00. */
          *body = g_strdup_printf (today ? _("You have something planned today at %s.")
                                         /* Translators: %s is a time such as 18:00. */
                                         : _("You have something planned tomorrow at %s."),
                                   time);
        }
      break;

    case CRAFT_REMINDER_SESSION_HOUR_BEFORE:
      if (plainer)
        {
          *summary = g_strdup (_("Your CRAFT session is coming up"));
          /* Translators: %d is the session number, %s a time of day such as 18:00. */
          *body = g_strdup_printf (_("Session %d starts at %s."), reminder->session, time);
        }
      else
        {
          *summary = g_strdup (_("Coming up soon"));
          /* Translators: %s is a time of day such as 18:00. */
          *body = g_strdup_printf (_("You have something planned at %s."), time);
        }
      break;

    case CRAFT_REMINDER_CATCH_UP:
    default:
      if (plainer)
        {
          *summary = g_strdup (_("Your reminders"));
          *body = list_catch_up (reminder);
        }
      else
        {
          *summary = g_strdup (_("Something is waiting for you"));
          *body = g_strdup (_("Would you like to take a look when you have a moment?"));
        }
      break;
    }
}

void
craft_reminder_get_actions (const CraftReminder  *reminder,
                            GStrv                *ids,
                            GStrv                *labels)
{
  g_autoptr(GStrvBuilder) id_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) label_builder = g_strv_builder_new ();
  guint sessions = (1u << CRAFT_REMINDER_HOMEWORK) | (1u << CRAFT_REMINDER_SESSION_DAY_BEFORE)
                   | (1u << CRAFT_REMINDER_SESSION_HOUR_BEFORE);

  g_return_if_fail (reminder != NULL);
  g_return_if_fail (ids != NULL && labels != NULL);

  if (reminder->kinds & (1u << CRAFT_REMINDER_DIARY))
    {
      g_strv_builder_add (id_builder, CRAFT_REMINDER_ACTION_DIARY);
      g_strv_builder_add (label_builder, _("Write in Diary"));
    }
  if (reminder->kinds & sessions)
    {
      g_strv_builder_add (id_builder, CRAFT_REMINDER_ACTION_SESSION);
      g_strv_builder_add (label_builder, _("Open Session"));
    }
  g_strv_builder_add (id_builder, CRAFT_REMINDER_ACTION_LATER);
  /* Translators: a notification button; the reminder comes back in an hour. */
  g_strv_builder_add (label_builder, _("Later"));

  *ids = g_strv_builder_end (id_builder);
  *labels = g_strv_builder_end (label_builder);
}

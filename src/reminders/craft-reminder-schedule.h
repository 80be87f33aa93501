/* src/reminders/craft-reminder-schedule.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* When reminders are due and what they say. Plain logic: no GTK, no store, no timer. The
 * caller hands in the settings, the planned sessions, the time now (whose time zone is the
 * one used) and what already fired, and gets decisions back.
 *
 * How the app drives it (one timer, no polling):
 *   at start, on wake and on a time-zone change:
 *     show craft_reminder_schedule_missed (last_check, now), if any; then arm the timer;
 *   arming: r = craft_reminder_schedule_next (now); one timer for r->due - now, or none;
 *   the timer fires at t: when t - r->due <= CRAFT_REMINDER_LATE_SECONDS show r, else (the
 *     computer slept through it) show craft_reminder_schedule_missed (last_check, t);
 *   after showing any reminder: add each of its covers to the fired keys, drop snoozes
 *     whose key is among them, set last_check to now, and arm again;
 *   "Later": add craft_reminder_schedule_snooze (r, now) to the snoozes, arm again.
 * Fired keys carry local dates, so they can be forgotten once they are a few weeks old. */

/* A reminder shown later than this after its time was missed (the computer slept). */
#define CRAFT_REMINDER_LATE_SECONDS (10 * 60)
/* How long "Later" waits. */
#define CRAFT_REMINDER_SNOOZE_SECONDS (60 * 60)
#define CRAFT_REMINDER_MAX_DIARY_TIMES 4
/* Weekday bits for diary_weekdays: Monday is bit 0, Sunday bit 6. */
#define CRAFT_REMINDER_WEEKDAY(iso_day) (1u << ((iso_day) - 1))
#define CRAFT_REMINDER_EVERY_DAY 0x7fu
/* A session planned without a time starts at 18:00. */
#define CRAFT_REMINDER_DEFAULT_SESSION_TIME (18 * 60)

/* Ids of the notification buttons, as craft_reminder_get_actions() gives them. */
#define CRAFT_REMINDER_ACTION_DIARY "diary"
#define CRAFT_REMINDER_ACTION_SESSION "session"
#define CRAFT_REMINDER_ACTION_LATER "later"

#define CRAFT_REMINDER_SCHEDULE_ERROR (craft_reminder_schedule_error_quark ())

typedef enum
{
  CRAFT_REMINDER_SCHEDULE_ERROR_INVALID_DAY,
} CraftReminderScheduleError;

typedef enum
{
  CRAFT_REMINDER_DIARY,
  CRAFT_REMINDER_HOMEWORK,
  CRAFT_REMINDER_SESSION_DAY_BEFORE,
  CRAFT_REMINDER_SESSION_HOUR_BEFORE,
  /* Several reminders in one notification: missed ones, or ones due at the same moment. */
  CRAFT_REMINDER_CATCH_UP,
} CraftReminderKind;

/* What the person chose. Times are minutes after midnight, local wall-clock time. */
typedef struct
{
  gboolean diary_enabled;
  guint    n_diary_times;
  int      diary_times[CRAFT_REMINDER_MAX_DIARY_TIMES];
  guint    diary_weekdays;   /* CRAFT_REMINDER_WEEKDAY bits */
  gboolean homework_enabled;
  int      homework_time;    /* on the evening before the session */
  gboolean session_enabled;
  int      session_time;     /* on the day before; the second one is an hour before */
  int      quiet_start;      /* may wrap midnight; equal to quiet_end means none */
  int      quiet_end;
  gboolean plainer_wording;
} CraftReminderSettings;

/* One notification to show. */
typedef struct
{
  CraftReminderKind   kind;
  char               *key;           /* stable, e.g. "diary/2026-11-23T20:00" */
  gint64              due;           /* Unix seconds, already moved out of quiet hours */
  int                 session;       /* the session it is about (homework: the one it is
                                      * for), 0 for none; for a catch-up the earliest */
  gint64              session_start; /* Unix seconds when that session starts, or 0 */
  guint               kinds;         /* 1 << kind of everything it stands for */
  char              **covers;        /* every key it stands for, its own included */
} CraftReminder;

/* The planned sessions that are not done yet. */
typedef struct _CraftReminderPlan CraftReminderPlan;

GQuark             craft_reminder_schedule_error_quark (void);

/* Fills @settings with the defaults: diary off (20:00 every day once on), homework at 19:00,
 * the session at 18:00 the day before and an hour before, no quiet hours. */
void               craft_reminder_settings_init        (CraftReminderSettings  *settings);
/* The one tap that turns the diary reminder on: at 20:00 every day unless times are set. */
void               craft_reminder_settings_enable_diary (CraftReminderSettings *settings);
/* Minutes after midnight of "HH:MM", or -1 when @text is not a time of day. */
int                craft_reminder_parse_time           (const char             *text);

CraftReminderPlan *craft_reminder_plan_new             (void);
void               craft_reminder_plan_free            (CraftReminderPlan      *plan);
/* Adds session @number planned on @day (YYYY-MM-DD) at @time (minutes after midnight, -1 for
 * the default 18:00); @homework_done says whether the homework to bring to it is ticked. */
gboolean           craft_reminder_plan_add_session     (CraftReminderPlan      *plan,
                                                        int                     number,
                                                        const char             *day,
                                                        int                     time,
                                                        gboolean                homework_done,
                                                        GError                **error);

GType              craft_reminder_get_type             (void) G_GNUC_CONST;
CraftReminder     *craft_reminder_copy                 (const CraftReminder    *reminder);
void               craft_reminder_free                 (CraftReminder          *reminder);

/* The next reminder due at or after @now that has not fired (@fired: a set of keys, or NULL),
 * taking snoozes (@snoozed: CraftReminder copies, or NULL) into account; NULL for none.
 * Local times are those of @now's time zone. */
CraftReminder     *craft_reminder_schedule_next        (const CraftReminderSettings *settings,
                                                        const CraftReminderPlan     *plan,
                                                        GDateTime                   *now,
                                                        GHashTable                  *fired,
                                                        GPtrArray                   *snoozed);
/* One catch-up for everything that was due from @last_check until before @now and did not
 * fire, or NULL when nothing was missed (or @last_check is NULL: the very first start). */
CraftReminder     *craft_reminder_schedule_missed      (const CraftReminderSettings *settings,
                                                        const CraftReminderPlan     *plan,
                                                        GDateTime                   *last_check,
                                                        GDateTime                   *now,
                                                        GHashTable                  *fired,
                                                        GPtrArray                   *snoozed);
/* "Later": the same reminder again, an hour after @now. */
CraftReminder     *craft_reminder_schedule_snooze      (const CraftReminder         *reminder,
                                                        GDateTime                   *now);

/* The notification's title and text, discreet unless @plainer; times are shown in @tz (NULL
 * for local time). */
void               craft_reminder_get_text             (const CraftReminder    *reminder,
                                                        gboolean                plainer,
                                                        GTimeZone              *tz,
                                                        char                  **summary,
                                                        char                  **body);
/* The notification's buttons: parallel NULL-terminated ids and translated labels. */
void               craft_reminder_get_actions          (const CraftReminder    *reminder,
                                                        GStrv                  *ids,
                                                        GStrv                  *labels);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftReminder, craft_reminder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftReminderPlan, craft_reminder_plan_free)

G_END_DECLS

/* src/reminders/craft-reminder-service.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Waiting costs nothing: one timer for the next due reminder, no polling. What was shown is
 * remembered in the store, so a restart never repeats a reminder and a long sleep gives one
 * catch-up, never a burst.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "craft-autostart.h"
#include "craft-reminder-schedule.h"
#include "craft-reminder-service.h"
#include "program/craft-program.h"

#define META_FIRED      "reminder-fired"
#define META_LAST_CHECK "reminder-last-check"
#define META_SNOOZED    "reminder-snoozed"
#define MAX_FIRED_KEPT  500

/* For tests only: CRAFT_REMINDER_TIME_SCALE=N (2 to 86400) makes the service's clock run N
 * times as fast from the moment the service starts, so that the real background process
 * shows, and notes in the store, many reminders within a minute (tests/test-hostile.c, the
 * window and the reminder process saving side by side). Nothing in the app sets it and no
 * window or setting reaches it; unset, or anything else, the clock is the real one. */
#define TIME_SCALE_VARIABLE "CRAFT_REMINDER_TIME_SCALE"
#define MAX_TIME_SCALE      86400

struct _CraftReminderService
{
  GObject        parent_instance;

  CraftContext  *context;
  CraftNotifier *notifier;
  CraftProgram  *program;     /* for the homework tasks of each session, loaded on need */

  GHashTable    *fired;       /* keys already shown */
  GPtrArray     *fired_order; /* the same keys, oldest first, to forget the oldest */
  GPtrArray     *snoozed;     /* CraftReminder */
  GHashTable    *shown;       /* key -> CraftReminder, while its notification may be clicked */
  CraftReminder *next;
  guint          timeout_id;
  guint          sleep_watch;
  guint          timezone_watch;
  GDBusConnection *system_bus;
  GTimeZone     *tz;          /* the zone reminders are placed in: the system's, kept fresh */
  guint          time_scale;  /* 1, or how much faster the clock runs (TIME_SCALE_VARIABLE) */
  GDateTime     *scale_start; /* when that faster clock started, or NULL */
};

G_DEFINE_FINAL_TYPE (CraftReminderService, craft_reminder_service, G_TYPE_OBJECT)

enum {
  OPEN_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The context's clock (a test may fake it) seen in the system's current zone, which GLib's
 * own local zone does not follow when it changes while the app runs. */
static GDateTime *
service_now (CraftReminderService *self)
{
  g_autoptr(GDateTime) now = craft_context_now (self->context);

  if (self->scale_start != NULL)
    {
      GTimeSpan since = g_date_time_difference (now, self->scale_start);
      g_autoptr(GDateTime) faster = g_date_time_add (now, since * (self->time_scale - 1));

      return g_date_time_to_timezone (faster, self->tz);
    }
  return g_date_time_to_timezone (now, self->tz);
}

/* TIME_SCALE_VARIABLE's value, or 1 when it is unset or not a whole number in range. */
static guint
read_time_scale (void)
{
  const char *text = g_getenv (TIME_SCALE_VARIABLE);
  guint64 scale = 1;

  if (text == NULL
      || !g_ascii_string_to_unsigned (text, 10, 2, MAX_TIME_SCALE, &scale, NULL))
    return 1;
  return (guint) scale;
}

static void
read_settings (CraftReminderService  *self,
               CraftReminderSettings *out)
{
  GSettings *settings = craft_context_get_settings (self->context);
  g_auto(GStrv) times = g_settings_get_strv (settings, "reminder-diary-times");
  g_autofree char *quiet_start = g_settings_get_string (settings, "reminder-quiet-start");
  g_autofree char *quiet_end = g_settings_get_string (settings, "reminder-quiet-end");

  craft_reminder_settings_init (out);
  out->diary_enabled = g_settings_get_boolean (settings, "reminder-diary");
  out->n_diary_times = 0;
  for (guint i = 0; times[i] != NULL && out->n_diary_times < CRAFT_REMINDER_MAX_DIARY_TIMES; i++)
    {
      int minutes = craft_reminder_parse_time (times[i]);

      if (minutes >= 0)
        out->diary_times[out->n_diary_times++] = minutes;
    }
  out->diary_weekdays = g_settings_get_uint (settings, "reminder-diary-weekdays");
  out->homework_enabled = g_settings_get_boolean (settings, "reminder-homework");
  out->session_enabled = g_settings_get_boolean (settings, "reminder-sessions");
  out->plainer_wording = g_settings_get_boolean (settings, "reminder-plain-wording");
  if (craft_reminder_parse_time (quiet_start) >= 0 && craft_reminder_parse_time (quiet_end) >= 0)
    {
      out->quiet_start = craft_reminder_parse_time (quiet_start);
      out->quiet_end = craft_reminder_parse_time (quiet_end);
    }
}

gboolean
craft_reminder_service_get_active (CraftReminderService *self)
{
  CraftReminderSettings settings;

  g_return_val_if_fail (CRAFT_IS_REMINDER_SERVICE (self), FALSE);

  read_settings (self, &settings);
  return (settings.diary_enabled && settings.n_diary_times > 0) || settings.homework_enabled
         || settings.session_enabled;
}

/* Whether the homework given in session @number - 1 (brought to session @number) is all
 * ticked off. Session 1 has none before it. */
static gboolean
homework_done_before (CraftReminderService *self,
                      int                   number)
{
  CraftContentNode *homework;
  CraftStore *store = craft_context_get_store (self->context);

  if (number <= 1)
    return TRUE;
  if (self->program == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->program = craft_program_new ("en", &error);
      if (self->program == NULL)
        {
          g_warning ("Reminders cannot read the program: %s", error->message);
          return TRUE;
        }
    }

  homework = craft_content_node_find_child (
    craft_session_get_root (craft_program_get_session (self->program, number - 1)), "homework");
  for (guint i = 0; homework != NULL && i < craft_content_node_get_n_children (homework); i++)
    {
      const char *task = craft_content_node_get_attribute (
        craft_content_node_get_child (homework, i), "id");
      gboolean done = FALSE;

      if (task != NULL && craft_store_get_homework_done (store, number - 1, task, &done, NULL)
          && !done)
        return FALSE;
    }
  return TRUE;
}

static CraftReminderPlan *
read_plan (CraftReminderService *self)
{
  g_autoptr(CraftReminderPlan) plan = craft_reminder_plan_new ();
  g_autoptr(GError) error = NULL;
  CraftSessionProgress progress[12];

  if (!craft_store_get_progress (craft_context_get_store (self->context), progress, &error))
    {
      g_warning ("Reminders cannot read the plan: %s", error->message);
      return g_steal_pointer (&plan);
    }
  for (int i = 0; i < 12; i++)
    {
      if (*progress[i].planned_on == '\0' || progress[i].done_at > 0)
        continue;
      if (!craft_reminder_plan_add_session (plan, i + 1, progress[i].planned_on, -1,
                                            homework_done_before (self, i + 1), &error))
        {
          g_warning ("Session %d has an unusable date: %s", i + 1, error->message);
          g_clear_error (&error);
        }
    }
  return g_steal_pointer (&plan);
}

static void
load_state (CraftReminderService *self)
{
  CraftStore *store = craft_context_get_store (self->context);
  g_autofree char *fired = craft_store_get_meta (store, META_FIRED, NULL);
  g_auto(GStrv) keys = g_strsplit (fired != NULL ? fired : "", "\n", -1);

  g_autofree char *snoozed = craft_store_get_meta (store, META_SNOOZED, NULL);
  g_auto(GStrv) lines = g_strsplit (snoozed != NULL ? snoozed : "", "\n", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    if (*keys[i] != '\0' && g_hash_table_add (self->fired, g_strdup (keys[i])))
      g_ptr_array_add (self->fired_order, g_strdup (keys[i]));

  /* "Later" survives a restart: kind, session, times, kinds and what it covers. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      CraftReminder *r;

      if (g_strv_length (f) != 7)
        continue;
      r = g_new0 (CraftReminder, 1);
      r->key = g_strdup (f[0]);
      r->kind = (CraftReminderKind) g_ascii_strtoll (f[1], NULL, 10);
      r->due = g_ascii_strtoll (f[2], NULL, 10);
      r->session = (int) g_ascii_strtoll (f[3], NULL, 10);
      r->session_start = g_ascii_strtoll (f[4], NULL, 10);
      r->kinds = (guint) g_ascii_strtoull (f[5], NULL, 10);
      r->covers = g_strsplit (f[6], ",", -1);
      g_ptr_array_add (self->snoozed, r);
    }
}

static void
save_state (CraftReminderService *self,
            GDateTime            *now)
{
  CraftStore *store = craft_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) fired = g_string_new (NULL);
  g_autoptr(GString) snoozed = g_string_new (NULL);
  g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (now));

  /* Old keys can never come back (they name past days): forget the oldest. */
  while (self->fired_order->len > MAX_FIRED_KEPT)
    {
      g_hash_table_remove (self->fired, self->fired_order->pdata[0]);
      g_ptr_array_remove_index (self->fired_order, 0);
    }
  for (guint i = 0; i < self->fired_order->len; i++)
    g_string_append_printf (fired, "%s\n", (char *) self->fired_order->pdata[i]);
  for (guint i = 0; i < self->snoozed->len; i++)
    {
      const CraftReminder *r = self->snoozed->pdata[i];
      g_autofree char *covers = r->covers != NULL ? g_strjoinv (",", r->covers) : g_strdup ("");

      g_string_append_printf (snoozed, "%s\t%d\t%" G_GINT64_FORMAT "\t%d\t%" G_GINT64_FORMAT
                              "\t%u\t%s\n", r->key, (int) r->kind, r->due, r->session,
                              r->session_start, r->kinds, covers);
    }

  if (!craft_store_set_meta (store, META_FIRED, fired->str, &error)
      || !craft_store_set_meta (store, META_SNOOZED, snoozed->str, &error)
      || !craft_store_set_meta (store, META_LAST_CHECK, last, &error))
    g_warning ("Reminders could not note what was shown: %s", error->message);
}

static GDateTime *
read_last_check (CraftReminderService *self)
{
  g_autofree char *text = craft_store_get_meta (craft_context_get_store (self->context),
                                                META_LAST_CHECK, NULL);
  gint64 seconds = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &seconds, NULL))
    return NULL;
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);

    return g_date_time_to_timezone (utc, self->tz);
  }
}

static void
show (CraftReminderService *self,
      const CraftReminder  *reminder,
      GDateTime            *now)
{
  CraftReminderSettings settings;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) labels = NULL;

  read_settings (self, &settings);
  craft_reminder_get_text (reminder, settings.plainer_wording, self->tz, &summary, &body);
  craft_reminder_get_actions (reminder, &ids, &labels);

  if (craft_notifier_send (self->notifier, reminder->key, summary, body,
                           (const char * const *) ids, (const char * const *) labels, &error))
    g_hash_table_replace (self->shown, g_strdup (reminder->key), craft_reminder_copy (reminder));
  else
    /* Counted as shown all the same: repeating it later would make a burst. */
    g_message ("A reminder could not be shown: %s", error->message);

  for (guint i = 0; reminder->covers != NULL && reminder->covers[i] != NULL; i++)
    {
      const char *key = reminder->covers[i];

      if (g_hash_table_add (self->fired, g_strdup (key)))
        g_ptr_array_add (self->fired_order, g_strdup (key));
      for (guint j = self->snoozed->len; j > 0; j--)
        if (g_str_equal (((CraftReminder *) self->snoozed->pdata[j - 1])->key, key))
          g_ptr_array_remove_index (self->snoozed, j - 1);
    }
  save_state (self, now);
}

static void arm (CraftReminderService *self, GDateTime *now);

static gboolean
on_timeout_cb (gpointer user_data)
{
  CraftReminderService *self = user_data;
  g_autoptr(GDateTime) now = service_now (self);
  g_autoptr(CraftReminder) due = g_steal_pointer (&self->next);

  self->timeout_id = 0;
  if (due != NULL && g_date_time_to_unix (now) - due->due <= CRAFT_REMINDER_LATE_SECONDS)
    show (self, due, now);
  else
    {
      /* The computer slept through it: one catch-up for all that was missed. */
      craft_reminder_service_reschedule (self);
      return G_SOURCE_REMOVE;
    }
  arm (self, now);
  return G_SOURCE_REMOVE;
}

static void
arm (CraftReminderService *self,
     GDateTime            *now)
{
  CraftReminderSettings settings;
  g_autoptr(CraftReminderPlan) plan = NULL;
  gint64 wait;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->next, craft_reminder_free);

  read_settings (self, &settings);
  plan = read_plan (self);
  self->next = craft_reminder_schedule_next (&settings, plan, now, self->fired, self->snoozed);
  if (self->next == NULL)
    return;

  wait = MAX (0, self->next->due - g_date_time_to_unix (now));
  if (self->time_scale > 1)
    self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                           (guint) MIN (wait * 1000 / self->time_scale,
                                                        (gint64) G_MAXUINT / 2),
                                           on_timeout_cb, self, NULL);
  else
    self->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                   (guint) MIN (wait, (gint64) G_MAXUINT / 2),
                                                   on_timeout_cb, self, NULL);
}

void
craft_reminder_service_reschedule (CraftReminderService *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) last_check = NULL;
  g_autoptr(CraftReminder) missed = NULL;
  g_autoptr(CraftReminderPlan) plan = NULL;
  CraftReminderSettings settings;

  g_return_if_fail (CRAFT_IS_REMINDER_SERVICE (self));

  now = service_now (self);
  last_check = read_last_check (self);
  if (last_check != NULL && g_date_time_compare (last_check, now) < 0)
    {
      read_settings (self, &settings);
      plan = read_plan (self);
      missed = craft_reminder_schedule_missed (&settings, plan, last_check, now, self->fired,
                                               self->snoozed);
    }
  if (missed != NULL)
    show (self, missed, now);
  else
    save_state (self, now);
  arm (self, now);
}

gint64
craft_reminder_service_get_next_due (CraftReminderService *self)
{
  g_return_val_if_fail (CRAFT_IS_REMINDER_SERVICE (self), 0);
  return self->next != NULL ? self->next->due : 0;
}

static void
on_settings_changed_cb (GSettings            *settings,
                        const char           *key,
                        CraftReminderService *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_has_prefix (key, "reminder-"))
    return;
  /* While any reminder is on, the app starts quietly at login to keep the time. */
  if (!craft_autostart_set_enabled (craft_reminder_service_get_active (self), &error))
    g_warning ("%s", error->message);
  craft_reminder_service_reschedule (self);
}

static void
on_notifier_activated_cb (CraftNotifier        *notifier,
                          const char           *key,
                          const char           *action,
                          CraftReminderService *self)
{
  CraftReminder *reminder = g_hash_table_lookup (self->shown, key);

  if (reminder == NULL)
    return;

  if (g_str_equal (action, "later"))
    {
      g_autoptr(GDateTime) now = service_now (self);

      g_ptr_array_add (self->snoozed, craft_reminder_schedule_snooze (reminder, now));
      save_state (self, now);
      arm (self, now);
      return;
    }

  if (g_str_equal (action, "session")
      || (g_str_equal (action, "default") && reminder->session > 0))
    g_signal_emit (self, signals[OPEN_REQUESTED], 0, "session", reminder->session);
  else
    g_signal_emit (self, signals[OPEN_REQUESTED], 0, "diary", 0);
}

static void
on_notifier_closed_cb (CraftNotifier        *notifier,
                       const char           *key,
                       CraftReminderService *self)
{
  g_hash_table_remove (self->shown, key);
}

/* After the computer wakes, the timer (which does not count sleep) is late: look again. */
static void
on_prepare_for_sleep_cb (GDBusConnection *connection,
                         const char      *sender,
                         const char      *path,
                         const char      *interface,
                         const char      *signal,
                         GVariant        *parameters,
                         gpointer         user_data)
{
  gboolean going_to_sleep = TRUE;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    craft_reminder_service_reschedule (CRAFT_REMINDER_SERVICE (user_data));
}

void
craft_reminder_service_set_time_zone (CraftReminderService *self,
                                      const char           *identifier)
{
  GTimeZone *tz;

  g_return_if_fail (CRAFT_IS_REMINDER_SERVICE (self));

  tz = identifier != NULL ? g_time_zone_new_identifier (identifier) : NULL;
  if (tz == NULL)
    tz = g_time_zone_new_local ();
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz;
  craft_reminder_service_reschedule (self);
}

/* The person moved to another zone (or the system's changed): place reminders there. */
static void
on_timedate_changed_cb (GDBusConnection *connection,
                        const char      *sender,
                        const char      *path,
                        const char      *interface,
                        const char      *signal,
                        GVariant        *parameters,
                        gpointer         user_data)
{
  CraftReminderService *self = CRAFT_REMINDER_SERVICE (user_data);
  g_autoptr(GVariant) changed = NULL;
  const char *zone = NULL;

  g_variant_get (parameters, "(&s@a{sv}@as)", NULL, &changed, NULL);
  if (g_variant_lookup (changed, "Timezone", "&s", &zone))
    craft_reminder_service_set_time_zone (self, zone);
}

gboolean
craft_reminder_service_send_test (CraftReminderService *self,
                                  GError              **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *key = NULL;
  CraftReminderSettings settings;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) labels = NULL;
  CraftReminder sample = { 0 };

  g_return_val_if_fail (CRAFT_IS_REMINDER_SERVICE (self), FALSE);

  now = service_now (self);
  key = g_strdup_printf ("test/%" G_GINT64_FORMAT, g_date_time_to_unix (now));
  sample.kind = CRAFT_REMINDER_DIARY;
  sample.key = key;
  sample.due = g_date_time_to_unix (now);
  read_settings (self, &settings);
  craft_reminder_get_text (&sample, settings.plainer_wording, self->tz, &summary, &body);
  craft_reminder_get_actions (&sample, &ids, &labels);
  if (!craft_notifier_send (self->notifier, key, summary, body, (const char * const *) ids,
                            (const char * const *) labels, error))
    return FALSE;
  g_hash_table_replace (self->shown, g_strdup (key), craft_reminder_copy (&sample));
  return TRUE;
}

static void
craft_reminder_service_dispose (GObject *object)
{
  CraftReminderService *self = CRAFT_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->sleep_watch != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_watch);
  if (self->timezone_watch != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->timezone_watch);
  self->sleep_watch = self->timezone_watch = 0;
  g_clear_object (&self->system_bus);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (craft_context_get_settings (self->context), self);
  if (self->notifier != NULL)
    g_signal_handlers_disconnect_by_data (self->notifier, self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->program);
  g_clear_object (&self->context);
  g_clear_pointer (&self->next, craft_reminder_free);

  G_OBJECT_CLASS (craft_reminder_service_parent_class)->dispose (object);
}

static void
craft_reminder_service_finalize (GObject *object)
{
  CraftReminderService *self = CRAFT_REMINDER_SERVICE (object);

  g_hash_table_unref (self->fired);
  g_ptr_array_unref (self->fired_order);
  g_ptr_array_unref (self->snoozed);
  g_hash_table_unref (self->shown);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->scale_start, g_date_time_unref);

  G_OBJECT_CLASS (craft_reminder_service_parent_class)->finalize (object);
}

static void
craft_reminder_service_class_init (CraftReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = craft_reminder_service_dispose;
  object_class->finalize = craft_reminder_service_finalize;

  signals[OPEN_REQUESTED] = g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
}

static void
craft_reminder_service_init (CraftReminderService *self)
{
  self->fired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->fired_order = g_ptr_array_new_with_free_func (g_free);
  self->snoozed = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_reminder_free);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) craft_reminder_free);
  self->tz = g_time_zone_new_local ();
}

CraftReminderService *
craft_reminder_service_new (CraftContext  *context,
                            CraftNotifier *notifier)
{
  CraftReminderService *self;

  g_return_val_if_fail (CRAFT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CRAFT_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (CRAFT_TYPE_REMINDER_SERVICE, NULL);
  self->context = g_object_ref (context);
  self->notifier = g_object_ref (notifier);
  self->time_scale = read_time_scale ();
  if (self->time_scale > 1)
    {
      g_message ("Reminder clock runs %u times as fast (%s, for tests)", self->time_scale,
                 TIME_SCALE_VARIABLE);
      self->scale_start = craft_context_now (context);
    }
  load_state (self);

  g_signal_connect (craft_context_get_settings (context), "changed",
                    G_CALLBACK (on_settings_changed_cb), self);
  g_signal_connect (notifier, "activated", G_CALLBACK (on_notifier_activated_cb), self);
  g_signal_connect (notifier, "closed", G_CALLBACK (on_notifier_closed_cb), self);

  self->system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  if (self->system_bus != NULL)
    self->sleep_watch = g_dbus_connection_signal_subscribe (self->system_bus,
                                                            "org.freedesktop.login1",
                                                            "org.freedesktop.login1.Manager",
                                                            "PrepareForSleep",
                                                            "/org/freedesktop/login1", NULL,
                                                            G_DBUS_SIGNAL_FLAGS_NONE,
                                                            on_prepare_for_sleep_cb, self, NULL);
  if (self->system_bus != NULL)
    self->timezone_watch = g_dbus_connection_signal_subscribe (self->system_bus,
                                                               "org.freedesktop.timedate1",
                                                               "org.freedesktop.DBus.Properties",
                                                               "PropertiesChanged",
                                                               "/org/freedesktop/timedate1",
                                                               "org.freedesktop.timedate1",
                                                               G_DBUS_SIGNAL_FLAGS_NONE,
                                                               on_timedate_changed_cb, self, NULL);

  /* The login entry follows the settings also when they changed while the app was closed. */
  if (craft_reminder_service_get_active (self) != craft_autostart_is_enabled ())
    {
      g_autoptr(GError) error = NULL;

      if (!craft_autostart_set_enabled (craft_reminder_service_get_active (self), &error))
        g_warning ("%s", error->message);
    }

  craft_reminder_service_reschedule (self);
  return self;
}

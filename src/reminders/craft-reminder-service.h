/* src/reminders/craft-reminder-service.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "app/craft-context.h"
#include "reminders/craft-notifier.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_REMINDER_SERVICE (craft_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (CraftReminderService, craft_reminder_service, CRAFT, REMINDER_SERVICE,
                      GObject)

/* Keeps one timer for the next due reminder, shows it through @notifier, remembers what was
 * shown, and catches up once after the computer was off or asleep. Signal
 * "open-requested" (const char *what, int session): the person chose "Write in Diary"
 * (what = "diary") or "Open Session" / clicked a session reminder (what = "session"). */
CraftReminderService *craft_reminder_service_new         (CraftContext         *context,
                                                          CraftNotifier        *notifier);
/* Whether any kind of reminder is switched on. */
gboolean              craft_reminder_service_get_active  (CraftReminderService *self);
/* Looks again at settings, plan and clock: shows what was missed, sets the timer. Call after
 * the plan or the progress changed; settings changes are noticed by themselves. */
void                  craft_reminder_service_reschedule  (CraftReminderService *self);
/* Unix seconds of the next reminder, or 0 when none is set. */
gint64                craft_reminder_service_get_next_due (CraftReminderService *self);
/* Places reminders in the zone @identifier (e.g. "Europe/Copenhagen"); NULL for the
 * system's. Done by itself when the system's zone changes (timedate1). */
void                  craft_reminder_service_set_time_zone (CraftReminderService *self,
                                                            const char           *identifier);
/* Shows a sample reminder now (Preferences' "Send a Test Reminder"). */
gboolean              craft_reminder_service_send_test   (CraftReminderService *self,
                                                          GError              **error);

G_END_DECLS

/* src/reminders/craft-notifier.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRAFT_TYPE_NOTIFIER (craft_notifier_get_type ())
G_DECLARE_FINAL_TYPE (CraftNotifier, craft_notifier, CRAFT, NOTIFIER, GObject)

/* Desktop notifications through libnotify. Signals: "activated" (key, action) when the
 * person clicks an action, or the notification itself (action "default"); "closed" (key). */
CraftNotifier *craft_notifier_new           (void);
/* Shows a notification; @action_ids and @action_labels are NULL-terminated and parallel.
 * Fails (and the app goes on) when no notification service runs. */
gboolean       craft_notifier_send          (CraftNotifier       *self,
                                             const char          *key,
                                             const char          *summary,
                                             const char          *body,
                                             const char * const  *action_ids,
                                             const char * const  *action_labels,
                                             GError             **error);
/* Whether a notification service answers; asks it. */
gboolean       craft_notifier_probe         (CraftNotifier       *self);
/* How many notifications are on screen and may still be clicked. */
guint          craft_notifier_get_n_showing (CraftNotifier       *self);

G_END_DECLS

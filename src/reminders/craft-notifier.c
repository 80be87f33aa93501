/* src/reminders/craft-notifier.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libnotify/notify.h>

#include "craft-notifier.h"

struct _CraftNotifier
{
  GObject     parent_instance;

  GHashTable *showing; /* key -> NotifyNotification, until closed */
};

G_DEFINE_FINAL_TYPE (CraftNotifier, craft_notifier, G_TYPE_OBJECT)

enum {
  ACTIVATED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
craft_notifier_dispose (GObject *object)
{
  CraftNotifier *self = CRAFT_NOTIFIER (object);

  g_clear_pointer (&self->showing, g_hash_table_unref);

  G_OBJECT_CLASS (craft_notifier_parent_class)->dispose (object);
}

static void
craft_notifier_class_init (CraftNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = craft_notifier_dispose;

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     G_TYPE_STRING, G_TYPE_STRING);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
craft_notifier_init (CraftNotifier *self)
{
  self->showing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (!notify_is_initted ())
    notify_init (PACKAGE_NAME);
}

CraftNotifier *
craft_notifier_new (void)
{
  return g_object_new (CRAFT_TYPE_NOTIFIER, NULL);
}

static void
on_action_cb (NotifyNotification *notification,
              char               *action,
              gpointer            user_data)
{
  CraftNotifier *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (notification), "craft-key");

  g_signal_emit (self, signals[ACTIVATED], 0, key, action);
}

static void
on_closed_cb (NotifyNotification *notification,
              CraftNotifier      *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (notification), "craft-key"));

  if (self->showing == NULL)
    return;
  g_hash_table_remove (self->showing, key);
  g_signal_emit (self, signals[CLOSED], 0, key);
}

gboolean
craft_notifier_send (CraftNotifier       *self,
                     const char          *key,
                     const char          *summary,
                     const char          *body,
                     const char * const  *action_ids,
                     const char * const  *action_labels,
                     GError             **error)
{
  g_autoptr(GObject) owner = NULL;
  NotifyNotification *notification;

  g_return_val_if_fail (CRAFT_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (key != NULL && summary != NULL, FALSE);

  /* libnotify 0.8 defines no autoptr for its type; own it through a GObject pointer. */
  notification = notify_notification_new (summary, body, APPLICATION_ID);
  owner = G_OBJECT (notification);
  g_object_set_data_full (G_OBJECT (notification), "craft-key", g_strdup (key), g_free);
  notify_notification_set_app_name (notification, PACKAGE_NAME);
  notify_notification_set_hint_string (notification, "desktop-entry", APPLICATION_ID);
  /* Clicking the notification itself opens the app at the right place. */
  notify_notification_add_action (notification, "default", _("Open"), on_action_cb, self, NULL);
  for (guint i = 0; action_ids != NULL && action_ids[i] != NULL; i++)
    notify_notification_add_action (notification, action_ids[i], action_labels[i],
                                    on_action_cb, self, NULL);
  g_signal_connect_object (notification, "closed", G_CALLBACK (on_closed_cb), self, 0);

  if (!notify_notification_show (notification, error))
    {
      g_prefix_error (error, "%s", _("No notification could be shown: "));
      return FALSE;
    }

  g_hash_table_replace (self->showing, g_strdup (key), g_steal_pointer (&owner));
  return TRUE;
}

gboolean
craft_notifier_probe (CraftNotifier *self)
{
  g_autofree char *name = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *version = NULL;
  g_autofree char *spec = NULL;

  g_return_val_if_fail (CRAFT_IS_NOTIFIER (self), FALSE);
  return notify_get_server_info (&name, &vendor, &version, &spec);
}

guint
craft_notifier_get_n_showing (CraftNotifier *self)
{
  g_return_val_if_fail (CRAFT_IS_NOTIFIER (self), 0);
  return g_hash_table_size (self->showing);
}

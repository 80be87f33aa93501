/* src/app/craft-saver.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves what a person types without a Save button: changes wait a moment so a burst of
 * typing becomes one write, and a write that fails (a full disk, a locked database) stays
 * queued and is tried again, so the text is never dropped.
 */
#include "config.h"

#include "craft-saver.h"

#define DEFAULT_SAVE_DELAY_MS  400
#define DEFAULT_RETRY_DELAY_MS 3000
/* Another program's lock (most often the reminder process saving a line) is usually gone
 * in a moment: try again soon, and only tell the person when it has lasted this long. */
#define DEFAULT_BUSY_GRACE_MS  2000
#define BUSY_RETRY_DELAY_MS    250

typedef struct
{
  char           *key;
  CraftSaveFunc   func;
  gpointer        data;
  GDestroyNotify  destroy;
} PendingSave;

struct _CraftSaver
{
  GObject     parent_instance;

  CraftStore *store;
  GQueue      pending; /* PendingSave, oldest first */
  GError     *error;
  guint       timeout_id;
  guint       save_delay_ms;
  guint       retry_delay_ms;
  guint       busy_grace_ms;
  gint64      busy_since; /* monotonic µs of the first busy failure in a row, or 0 */
};

G_DEFINE_FINAL_TYPE (CraftSaver, craft_saver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING,
  PROP_FAILING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pending_save_free (PendingSave *save)
{
  if (save->destroy != NULL)
    save->destroy (save->data);
  g_free (save->key);
  g_free (save);
}

static void
craft_saver_finalize (GObject *object)
{
  CraftSaver *self = CRAFT_SAVER (object);

  /* Last chance: whatever is still queued is written before the store goes away. */
  if (!g_queue_is_empty (&self->pending))
    {
      g_autoptr(GError) error = NULL;

      if (!craft_saver_flush_waiting (self, &error))
        g_warning ("Changes could not be saved on exit: %s", error->message);
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_save_free);
  g_clear_error (&self->error);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (craft_saver_parent_class)->finalize (object);
}

static void
craft_saver_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CraftSaver *self = CRAFT_SAVER (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, craft_saver_get_pending (self));
      break;
    case PROP_FAILING:
      g_value_set_boolean (value, self->error != NULL);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_saver_class_init (CraftSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = craft_saver_finalize;
  object_class->get_property = craft_saver_get_property;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FAILING] =
    g_param_spec_boolean ("failing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The last failure; notified when its kind changes, so what the window says follows. */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
craft_saver_init (CraftSaver *self)
{
  g_queue_init (&self->pending);
  self->save_delay_ms = DEFAULT_SAVE_DELAY_MS;
  self->retry_delay_ms = DEFAULT_RETRY_DELAY_MS;
  self->busy_grace_ms = DEFAULT_BUSY_GRACE_MS;
}

CraftSaver *
craft_saver_new (CraftStore *store)
{
  CraftSaver *self;

  g_return_val_if_fail (CRAFT_IS_STORE (store), NULL);

  self = g_object_new (CRAFT_TYPE_SAVER, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
craft_saver_set_delays (CraftSaver *self,
                        guint       save_delay_ms,
                        guint       retry_delay_ms)
{
  g_return_if_fail (CRAFT_IS_SAVER (self));

  self->save_delay_ms = save_delay_ms;
  self->retry_delay_ms = retry_delay_ms;
}

void
craft_saver_set_busy_grace (CraftSaver *self,
                            guint       busy_grace_ms)
{
  g_return_if_fail (CRAFT_IS_SAVER (self));

  self->busy_grace_ms = busy_grace_ms;
}

static gboolean retry (CraftSaver *self, gboolean asked, GError **error);

static gboolean
on_timeout_cb (gpointer user_data)
{
  CraftSaver *self = user_data;

  self->timeout_id = 0;
  retry (self, FALSE, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule (CraftSaver *self,
          guint       delay_ms)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay_ms, on_timeout_cb, self);
}

static void
set_error (CraftSaver *self,
           GError     *error)
{
  gboolean was_failing = self->error != NULL;
  gboolean same_kind = self->error != NULL && error != NULL
                       && self->error->domain == error->domain
                       && self->error->code == error->code;

  g_clear_error (&self->error);
  self->error = error;
  if (!same_kind && (was_failing || error != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (was_failing != (error != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILING]);
}

void
craft_saver_queue (CraftSaver     *self,
                   const char     *key,
                   CraftSaveFunc   func,
                   gpointer        data,
                   GDestroyNotify  destroy)
{
  gboolean was_pending;
  PendingSave *save;

  g_return_if_fail (CRAFT_IS_SAVER (self));
  g_return_if_fail (key != NULL && func != NULL);

  was_pending = !g_queue_is_empty (&self->pending);

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      PendingSave *old = l->data;

      if (g_str_equal (old->key, key))
        {
          g_queue_delete_link (&self->pending, l);
          pending_save_free (old);
          break;
        }
    }

  save = g_new0 (PendingSave, 1);
  save->key = g_strdup (key);
  save->func = func;
  save->data = data;
  save->destroy = destroy;
  g_queue_push_tail (&self->pending, save);

  /* While the disk refuses, keep the retry rhythm instead of hammering it per keystroke. */
  if (self->error == NULL)
    schedule (self, self->save_delay_ms);

  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Whether @error is another program's lock that has not lasted long enough to mention. */
static gboolean
is_brief_busy (CraftSaver   *self,
               const GError *error)
{
  gint64 now = g_get_monotonic_time ();

  if (!g_error_matches (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY))
    {
      self->busy_since = 0;
      return FALSE;
    }
  if (self->busy_since == 0)
    self->busy_since = now;
  /* Once the person has been told, keep telling them until it works. */
  return self->error == NULL && now - self->busy_since < (gint64) self->busy_grace_ms * 1000;
}

gboolean
craft_saver_flush (CraftSaver  *self,
                   GError     **error)
{
  gboolean was_pending;

  g_return_val_if_fail (CRAFT_IS_SAVER (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  was_pending = !g_queue_is_empty (&self->pending);

  while (!g_queue_is_empty (&self->pending))
    {
      PendingSave *save = g_queue_peek_head (&self->pending);
      GError *local_error = NULL;

      if (!save->func (self->store, save->data, &local_error))
        {
          if (error != NULL)
            *error = g_error_copy (local_error);
          if (is_brief_busy (self, local_error))
            {
              /* Kept and tried again in a moment, without alarming anyone. */
              g_error_free (local_error);
              schedule (self, MIN (BUSY_RETRY_DELAY_MS, self->retry_delay_ms));
              return FALSE;
            }
          set_error (self, local_error);
          schedule (self, self->retry_delay_ms);
          return FALSE;
        }
      pending_save_free (g_queue_pop_head (&self->pending));
    }

  self->busy_since = 0;
  set_error (self, NULL);
  if (was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return TRUE;
}

/* Tries the queued saves again, first making the store usable if it can be. */
static gboolean
retry (CraftSaver  *self,
       gboolean     asked,
       GError     **error)
{
  GError *local_error = NULL;

  /* Only when the person asks: after the data folder was removed, put everything back
   * where it belongs (never behind their back: they may have removed it on purpose). */
  if (asked && craft_store_has_moved (self->store))
    {
      if (!craft_store_put_back (self->store, &local_error))
        {
          if (error != NULL)
            *error = g_error_copy (local_error);
          set_error (self, local_error);
          schedule (self, self->retry_delay_ms);
          return FALSE;
        }
    }
  /* A disk that was forced read-only and mounted again is a new file system: the old
   * connection would fail for ever, a new one works. Failing to open is no news. */
  else if (g_error_matches (self->error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_READ_ONLY))
    craft_store_reopen (self->store, NULL);

  return craft_saver_flush (self, error);
}

gboolean
craft_saver_retry (CraftSaver  *self,
                   GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_SAVER (self), FALSE);
  return retry (self, TRUE, error);
}

gboolean
craft_saver_flush_waiting (CraftSaver  *self,
                           GError     **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (CRAFT_IS_SAVER (self), FALSE);

  /* Each try waits the store's busy timeout: a few of them outlast a brief lock. */
  for (guint i = 0; !craft_saver_flush (self, &local_error); i++)
    {
      if (i >= 6 || !g_error_matches (local_error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      g_clear_error (&local_error);
    }
  return TRUE;
}

gboolean
craft_saver_get_pending (CraftSaver *self)
{
  g_return_val_if_fail (CRAFT_IS_SAVER (self), FALSE);
  return !g_queue_is_empty (&self->pending);
}

const GError *
craft_saver_get_error (CraftSaver *self)
{
  g_return_val_if_fail (CRAFT_IS_SAVER (self), NULL);
  return self->error;
}

/* One value for a worksheet field (worksheet), a worksheet row (id) or a diary entry (id). */
typedef struct
{
  char   *worksheet;
  char   *field;
  char   *value;
  gint64  id;
} FieldValue;

static void
field_value_free (FieldValue *fv)
{
  g_free (fv->worksheet);
  g_free (fv->field);
  g_free (fv->value);
  g_free (fv);
}

static gboolean
save_answer (CraftStore *store,
             gpointer    data,
             GError    **error)
{
  FieldValue *fv = data;

  return craft_store_set_answer (store, fv->worksheet, fv->field, fv->value, error);
}

static gboolean
save_row_value (CraftStore *store,
                gpointer    data,
                GError    **error)
{
  FieldValue *fv = data;

  return craft_store_set_row_value (store, fv->id, fv->field, fv->value, error);
}

void
craft_saver_queue_answer (CraftSaver *self,
                          const char *worksheet,
                          const char *field,
                          const char *value)
{
  FieldValue *fv = g_new0 (FieldValue, 1);
  g_autofree char *key = g_strdup_printf ("answer/%s/%s", worksheet, field);

  fv->worksheet = g_strdup (worksheet);
  fv->field = g_strdup (field);
  fv->value = g_strdup (value);
  craft_saver_queue (self, key, save_answer, fv, (GDestroyNotify) field_value_free);
}

static gboolean
save_diary_field (CraftStore *store,
                  gpointer    data,
                  GError    **error)
{
  FieldValue *fv = data;

  return craft_store_diary_set (store, fv->id, fv->field, fv->value, error);
}

void
craft_saver_queue_diary_field (CraftSaver *self,
                               gint64      entry_id,
                               const char *field,
                               const char *value)
{
  FieldValue *fv = g_new0 (FieldValue, 1);
  g_autofree char *key = g_strdup_printf ("diary/%" G_GINT64_FORMAT "/%s", entry_id, field);

  fv->id = entry_id;
  fv->field = g_strdup (field);
  fv->value = g_strdup (value);
  craft_saver_queue (self, key, save_diary_field, fv, (GDestroyNotify) field_value_free);
}

void
craft_saver_queue_row_value (CraftSaver *self,
                             gint64      row_id,
                             const char *field,
                             const char *value)
{
  FieldValue *fv = g_new0 (FieldValue, 1);
  g_autofree char *key = g_strdup_printf ("row/%" G_GINT64_FORMAT "/%s", row_id, field);

  fv->id = row_id;
  fv->field = g_strdup (field);
  fv->value = g_strdup (value);
  craft_saver_queue (self, key, save_row_value, fv, (GDestroyNotify) field_value_free);
}

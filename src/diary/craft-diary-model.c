/* src/diary/craft-diary-model.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary as a list. A diary may hold a hundred thousand entries, so the model keeps only
 * their ids and times (16 bytes each) and reads an entry when a row is shown; a small cache
 * keeps scrolling back and forth from reading the same entries again.
 *
 * To filter and search, it also keeps every entry outside the Trash with what the filters
 * look at (CraftDiaryTraits, 24 bytes each, in the order of the list), read once and then
 * kept up to date entry by entry: a filter is a pass over that array in memory, and a
 * search or a tag only asks the database which entries have the words or the tag (the
 * full-text index's row ids, the tag's index) instead of reading every match's row and
 * sorting them. The Trash and spans of days are still asked of the database.
 */
#include "config.h"

#include <string.h>

#include "app/craft-dates.h"
#include "craft-diary-model.h"

/* Enough for a few screens of rows in both directions. */
#define CACHE_SIZE 200
/* A preview is one line; the label ellipsizes, this only bounds the work. */
#define PREVIEW_MAX_CHARS 240

/* CraftDiaryItem */

struct _CraftDiaryItem
{
  GObject  parent_instance;

  gint64   id;
  gint64   happened_at;
  gint64   deleted_at;
  char    *day;
  char    *preview;
  char    *coping;
  char    *loved_one_state;
  char    *snippet;
  int      stress;
  gboolean flagged;
};

G_DEFINE_FINAL_TYPE (CraftDiaryItem, craft_diary_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_HAPPENED_AT,
  ITEM_PROP_DAY,
  ITEM_PROP_PREVIEW,
  ITEM_PROP_STRESS,
  ITEM_PROP_COPING,
  ITEM_PROP_LOVED_ONE_STATE,
  ITEM_PROP_FLAGGED,
  ITEM_PROP_DELETED_AT,
  ITEM_PROP_SNIPPET,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
craft_diary_item_finalize (GObject *object)
{
  CraftDiaryItem *self = CRAFT_DIARY_ITEM (object);

  g_free (self->day);
  g_free (self->preview);
  g_free (self->coping);
  g_free (self->loved_one_state);
  g_free (self->snippet);

  G_OBJECT_CLASS (craft_diary_item_parent_class)->finalize (object);
}

static void
craft_diary_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CraftDiaryItem *self = CRAFT_DIARY_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ITEM_PROP_HAPPENED_AT:
      g_value_set_int64 (value, self->happened_at);
      break;
    case ITEM_PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case ITEM_PROP_PREVIEW:
      g_value_set_string (value, self->preview);
      break;
    case ITEM_PROP_STRESS:
      g_value_set_int (value, self->stress);
      break;
    case ITEM_PROP_COPING:
      g_value_set_string (value, self->coping);
      break;
    case ITEM_PROP_LOVED_ONE_STATE:
      g_value_set_string (value, self->loved_one_state);
      break;
    case ITEM_PROP_FLAGGED:
      g_value_set_boolean (value, self->flagged);
      break;
    case ITEM_PROP_DELETED_AT:
      g_value_set_int64 (value, self->deleted_at);
      break;
    case ITEM_PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_diary_item_class_init (CraftDiaryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = craft_diary_item_finalize;
  object_class->get_property = craft_diary_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  item_properties[ITEM_PROP_HAPPENED_AT] =
    g_param_spec_int64 ("happened-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  item_properties[ITEM_PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_PREVIEW] =
    g_param_spec_string ("preview", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_STRESS] =
    g_param_spec_int ("stress", NULL, NULL, -1, 10, -1, flags);
  item_properties[ITEM_PROP_COPING] =
    g_param_spec_string ("coping", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_LOVED_ONE_STATE] =
    g_param_spec_string ("loved-one-state", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_FLAGGED] =
    g_param_spec_boolean ("flagged", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  item_properties[ITEM_PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
craft_diary_item_init (CraftDiaryItem *self)
{
  self->stress = -1;
}

gint64
craft_diary_item_get_id (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), 0);
  return self->id;
}

gint64
craft_diary_item_get_happened_at (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), 0);
  return self->happened_at;
}

const char *
craft_diary_item_get_day (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), NULL);
  return self->day;
}

const char *
craft_diary_item_get_preview (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), NULL);
  return self->preview;
}

int
craft_diary_item_get_stress (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), -1);
  return self->stress;
}

const char *
craft_diary_item_get_coping (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), NULL);
  return self->coping;
}

const char *
craft_diary_item_get_loved_one_state (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), NULL);
  return self->loved_one_state;
}

gboolean
craft_diary_item_get_flagged (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), FALSE);
  return self->flagged;
}

gint64
craft_diary_item_get_deleted_at (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), 0);
  return self->deleted_at;
}

const char *
craft_diary_item_get_snippet (CraftDiaryItem *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ITEM (self), NULL);
  return self->snippet;
}

static char *
day_of (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);

  return when != NULL ? craft_dates_to_day (when) : g_strdup ("");
}

/* The first line of the first field that says something, with runs of space made one. */
static char *
make_preview (GHashTable *values)
{
  static const char *sources[] = {
    "what-happened", "thoughts", "what-i-did", "trigger", "place", "people",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      const char *text = g_hash_table_lookup (values, sources[i]);
      g_autoptr(GString) line = NULL;
      gboolean space = FALSE;
      guint chars = 0;

      if (text == NULL)
        continue;
      while (g_unichar_isspace (g_utf8_get_char (text)))
        text = g_utf8_next_char (text);
      if (*text == '\0')
        continue;

      line = g_string_new (NULL);
      for (const char *p = text; *p != '\0' && *p != '\n' && chars < PREVIEW_MAX_CHARS;
           p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c))
            {
              space = TRUE;
              continue;
            }
          if (space && line->len > 0)
            g_string_append_c (line, ' ');
          space = FALSE;
          g_string_append_unichar (line, c);
          chars++;
        }
      return g_string_free (g_steal_pointer (&line), FALSE);
    }
  return g_strdup ("");
}

static CraftDiaryItem *
craft_diary_item_new (CraftStore          *store,
                      const CraftDiaryHit *hit,
                      const char          *search)
{
  CraftDiaryItem *self = g_object_new (CRAFT_TYPE_DIARY_ITEM, NULL);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  const char *value;

  self->id = hit->id;
  self->happened_at = hit->happened_at;
  self->day = day_of (hit->happened_at);

  values = craft_store_diary_get (store, hit->id, &error);
  if (values == NULL)
    {
      /* Gone since the list was made (deleted in another window, say): the row stays
       * until the next refresh, just without text. */
      g_debug ("Diary entry %" G_GINT64_FORMAT " could not be read: %s", hit->id,
               error->message);
      self->preview = g_strdup ("");
      self->coping = g_strdup ("");
      self->loved_one_state = g_strdup ("");
      return self;
    }

  self->preview = make_preview (values);
  self->coping = g_strdup (g_hash_table_lookup (values, "coping"));
  self->loved_one_state = g_strdup (g_hash_table_lookup (values, "loved-one-state"));
  self->flagged = g_strcmp0 (g_hash_table_lookup (values, "flagged"), "1") == 0;
  value = g_hash_table_lookup (values, "stress");
  if (value != NULL && *value != '\0')
    self->stress = CLAMP ((int) g_ascii_strtoll (value, NULL, 10), 0, 10);
  value = g_hash_table_lookup (values, "deleted-at");
  if (value != NULL && *value != '\0')
    self->deleted_at = g_ascii_strtoll (value, NULL, 10);
  if (self->coping == NULL)
    self->coping = g_strdup ("");
  if (self->loved_one_state == NULL)
    self->loved_one_state = g_strdup ("");

  if (search != NULL && *search != '\0')
    {
      g_autoptr(GError) snippet_error = NULL;

      self->snippet = craft_store_diary_snippet (store, hit->id, search, &snippet_error);
      if (self->snippet == NULL)
        g_debug ("No snippet for entry %" G_GINT64_FORMAT ": %s", hit->id,
                 snippet_error->message);
      else if (*self->snippet == '\0')
        g_clear_pointer (&self->snippet, g_free);
    }

  return self;
}

/* CraftDiaryModel */

struct _CraftDiaryModel
{
  GObject           parent_instance;

  CraftStore       *store;
  CraftDiaryFilter  filter; /* its strings are owned */
  GArray           *hits;   /* CraftDiaryHit, newest first */
  GArray           *rows;   /* CraftDiaryTraits, newest first, or NULL until needed */
  gboolean          rows_traits; /* whether rows hold the traits, not only ids and times */
  guint64           rows_stamp;  /* craft_store_diary_stamp() when rows were up to date */

  GHashTable       *cache;  /* id -> CraftDiaryItem */
  GQueue            cache_order; /* ids (as pointers to gint64 in the items), oldest first */
};

static void craft_diary_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CraftDiaryModel, craft_diary_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      craft_diary_model_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_filter (CraftDiaryFilter *filter)
{
  g_free ((char *) filter->text);
  g_free ((char *) filter->from_day);
  g_free ((char *) filter->to_day);
  g_free ((char *) filter->loved_one_state);
  g_free ((char *) filter->coping);
  g_free ((char *) filter->safe);
  g_free ((char *) filter->tag);
  memset (filter, 0, sizeof *filter);
}

static void
copy_filter (CraftDiaryFilter       *to,
             const CraftDiaryFilter *from)
{
  clear_filter (to);
  *to = *from;
  to->text = g_strdup (from->text);
  to->from_day = g_strdup (from->from_day);
  to->to_day = g_strdup (from->to_day);
  to->loved_one_state = g_strdup (from->loved_one_state);
  to->coping = g_strdup (from->coping);
  to->safe = g_strdup (from->safe);
  to->tag = g_strdup (from->tag);
}

static void
cache_clear (CraftDiaryModel *self)
{
  g_queue_clear (&self->cache_order);
  g_hash_table_remove_all (self->cache);
}

static void
cache_forget (CraftDiaryModel *self,
              gint64           id)
{
  CraftDiaryItem *item = g_hash_table_lookup (self->cache, &id);

  if (item == NULL)
    return;
  g_queue_remove (&self->cache_order, &item->id);
  g_hash_table_remove (self->cache, &id);
}

static GType
craft_diary_model_get_item_type (GListModel *list)
{
  return CRAFT_TYPE_DIARY_ITEM;
}

static guint
craft_diary_model_get_n_items (GListModel *list)
{
  CraftDiaryModel *self = CRAFT_DIARY_MODEL (list);

  return self->hits != NULL ? self->hits->len : 0;
}

static gpointer
craft_diary_model_get_item (GListModel *list,
                            guint       position)
{
  CraftDiaryModel *self = CRAFT_DIARY_MODEL (list);
  const CraftDiaryHit *hit;
  CraftDiaryItem *item;

  if (self->hits == NULL || position >= self->hits->len)
    return NULL;

  hit = &g_array_index (self->hits, CraftDiaryHit, position);
  item = g_hash_table_lookup (self->cache, &hit->id);
  if (item != NULL)
    return g_object_ref (item);

  item = craft_diary_item_new (self->store, hit, self->filter.text);
  g_hash_table_insert (self->cache, &item->id, g_object_ref (item));
  g_queue_push_tail (&self->cache_order, &item->id);
  while (self->cache_order.length > CACHE_SIZE)
    {
      gint64 *oldest = g_queue_pop_head (&self->cache_order);

      g_hash_table_remove (self->cache, oldest);
    }
  return item;
}

static void
craft_diary_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = craft_diary_model_get_item_type;
  iface->get_n_items = craft_diary_model_get_n_items;
  iface->get_item = craft_diary_model_get_item;
}

static void
craft_diary_model_dispose (GObject *object)
{
  CraftDiaryModel *self = CRAFT_DIARY_MODEL (object);

  if (self->cache != NULL)
    cache_clear (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (craft_diary_model_parent_class)->dispose (object);
}

static void
craft_diary_model_finalize (GObject *object)
{
  CraftDiaryModel *self = CRAFT_DIARY_MODEL (object);

  clear_filter (&self->filter);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (craft_diary_model_parent_class)->finalize (object);
}

static void
craft_diary_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CraftDiaryModel *self = CRAFT_DIARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, craft_diary_model_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_diary_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CraftDiaryModel *self = CRAFT_DIARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_diary_model_class_init (CraftDiaryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = craft_diary_model_dispose;
  object_class->finalize = craft_diary_model_finalize;
  object_class->get_property = craft_diary_model_get_property;
  object_class->set_property = craft_diary_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRAFT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
craft_diary_model_init (CraftDiaryModel *self)
{
  self->hits = g_array_new (FALSE, FALSE, sizeof (CraftDiaryHit));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_queue_init (&self->cache_order);
}

CraftDiaryModel *
craft_diary_model_new (CraftStore *store)
{
  g_return_val_if_fail (CRAFT_IS_STORE (store), NULL);

  return g_object_new (CRAFT_TYPE_DIARY_MODEL, "store", store, NULL);
}

CraftStore *
craft_diary_model_get_store (CraftDiaryModel *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), NULL);
  return self->store;
}

/* Swaps in @hits, telling the list only about the stretch that differs, so rows above and
 * below it (and the scroll position) stay as they are. */
static void
replace_hits (CraftDiaryModel *self,
              GArray          *hits)
{
  g_autoptr(GArray) old = self->hits;
  guint old_len = old->len, new_len = hits->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < new_len
         && g_array_index (old, CraftDiaryHit, prefix).id
            == g_array_index (hits, CraftDiaryHit, prefix).id)
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix
         && g_array_index (old, CraftDiaryHit, old_len - 1 - suffix).id
            == g_array_index (hits, CraftDiaryHit, new_len - 1 - suffix).id)
    suffix++;

  self->hits = g_array_ref (hits);
  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    {
      guint removed = old_len - prefix - suffix;
      guint added = new_len - prefix - suffix;

      /* Whether the entry after the change starts a day depends on the one before it: it
       * is made anew (a new object, so lists bind it again). */
      if (suffix > 0)
        {
          cache_forget (self, g_array_index (hits, CraftDiaryHit, new_len - suffix).id);
          removed++;
          added++;
        }
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
    }
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The entries matching @filter, newest first: from the rows in memory when the store can
 * answer that way, reading them first when needed. */
static GArray *
run_query (CraftDiaryModel         *self,
           const CraftDiaryFilter  *filter,
           GError                 **error)
{
  CraftDiaryRowsNeed need = craft_store_diary_rows_need (filter);

  if (need == CRAFT_DIARY_ROWS_NONE)
    return craft_store_diary_query (self->store, filter, error);
  /* Written since, by something that did not say which entry (update_entry()): read
   * again. */
  if (self->rows != NULL && craft_store_diary_stamp (self->store) != self->rows_stamp)
    g_clear_pointer (&self->rows, g_array_unref);
  if (self->rows == NULL || (need == CRAFT_DIARY_ROWS_TRAITS && !self->rows_traits))
    {
      gboolean with_traits = need == CRAFT_DIARY_ROWS_TRAITS;
      GArray *rows = craft_store_diary_rows (self->store, with_traits, error);

      if (rows == NULL)
        return NULL;
      g_clear_pointer (&self->rows, g_array_unref);
      self->rows = rows;
      self->rows_traits = with_traits;
      self->rows_stamp = craft_store_diary_stamp (self->store);
    }
  return craft_store_diary_query_rows (self->store, filter, self->rows, error);
}

gboolean
craft_diary_model_set_filter (CraftDiaryModel        *self,
                              const CraftDiaryFilter *filter,
                              GError                **error)
{
  g_autoptr(GArray) hits = NULL;
  guint old_len;

  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  hits = run_query (self, filter, error);
  if (hits == NULL)
    return FALSE;

  copy_filter (&self->filter, filter);
  /* Snippets depend on the words searched for, and a row of the Trash looks different:
   * every row is made again. */
  cache_clear (self);
  old_len = self->hits->len;
  g_array_unref (self->hits);
  self->hits = g_steal_pointer (&hits);
  if (old_len > 0 || self->hits->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->hits->len);
  if (old_len != self->hits->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

const CraftDiaryFilter *
craft_diary_model_get_filter (CraftDiaryModel *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), NULL);
  return &self->filter;
}

gboolean
craft_diary_model_refresh (CraftDiaryModel  *self,
                           gint64            changed_id,
                           GError          **error)
{
  g_autoptr(GArray) hits = NULL;
  int position;

  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), FALSE);

  /* Anything may have changed: the rows are read again. */
  g_clear_pointer (&self->rows, g_array_unref);
  hits = run_query (self, &self->filter, error);
  if (hits == NULL)
    return FALSE;

  if (changed_id > 0)
    cache_forget (self, changed_id);
  position = craft_diary_model_find_id (self, changed_id);
  replace_hits (self, hits);

  /* Still in the same place: its row must show the new text all the same. */
  if (changed_id > 0 && position >= 0 && craft_diary_model_find_id (self, changed_id) == position)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

/* Newest first: by happened-at, then by id, both descending. */
static gboolean
hit_before (const CraftDiaryHit *a,
            const CraftDiaryHit *b)
{
  return a->happened_at > b->happened_at || (a->happened_at == b->happened_at && a->id > b->id);
}

/* Where @hit belongs in @array (of CraftDiaryHit or CraftDiaryTraits, newest first). */
static guint
find_place (GArray              *array,
            const CraftDiaryHit *hit)
{
  guint size = g_array_get_element_size (array);
  guint low = 0, high = array->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (hit_before ((const CraftDiaryHit *) (array->data + middle * size), hit))
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Entry @id changed: its row is read again, moved to its place or taken out. */
static gboolean
update_row (CraftDiaryModel  *self,
            gint64            id,
            GError          **error)
{
  CraftDiaryTraits row;
  gboolean listed = FALSE;

  if (self->rows == NULL)
    return TRUE;
  if (!craft_store_diary_row (self->store, id, &row, &listed, error))
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, CraftDiaryTraits, i).id == id)
      {
        g_array_remove_index (self->rows, i);
        break;
      }
  if (listed)
    {
      CraftDiaryHit hit = { row.id, row.happened_at };

      g_array_insert_val (self->rows, find_place (self->rows, &hit), row);
    }
  /* The caller says this entry is all that changed. */
  self->rows_stamp = craft_store_diary_stamp (self->store);
  return TRUE;
}

gboolean
craft_diary_model_update_entry (CraftDiaryModel  *self,
                                gint64            id,
                                GError          **error)
{
  g_autoptr(GArray) hits = NULL;
  CraftDiaryHit hit = { id, 0 };
  gboolean matches = FALSE;
  int old_position, position;

  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!update_row (self, id, error)
      || !craft_store_diary_match (self->store, &self->filter, id, &matches, &hit.happened_at,
                                   error))
    return FALSE;

  hits = g_array_copy (self->hits);
  old_position = craft_diary_model_find_id (self, id);
  if (old_position >= 0)
    g_array_remove_index (hits, (guint) old_position);
  if (matches)
    g_array_insert_val (hits, find_place (hits, &hit), hit);

  cache_forget (self, id);
  replace_hits (self, hits);

  /* Still in the same place: its row must show the new text all the same. */
  position = craft_diary_model_find_id (self, id);
  if (position >= 0 && position == old_position)
    g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 1, 1);
  return TRUE;
}

int
craft_diary_model_find_id (CraftDiaryModel *self,
                           gint64           id)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), -1);

  for (guint i = 0; i < self->hits->len; i++)
    if (g_array_index (self->hits, CraftDiaryHit, i).id == id)
      return (int) i;
  return -1;
}

int
craft_diary_model_find_day (CraftDiaryModel *self,
                            const char      *day)
{
  g_autofree char *next_day = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 end_time;
  guint low = 0, high;

  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), -1);
  g_return_val_if_fail (day != NULL, -1);

  if (self->hits->len == 0)
    return -1;
  next_day = craft_dates_add_days (day, 1);
  end = next_day != NULL ? craft_dates_parse_day (next_day) : NULL;
  if (end == NULL)
    return -1;
  end_time = g_date_time_to_unix (end);

  /* Newest first: find the first entry that happened before the day was over. */
  high = self->hits->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->hits, CraftDiaryHit, middle).happened_at < end_time)
        high = middle;
      else
        low = middle + 1;
    }
  return (int) MIN (low, self->hits->len - 1);
}

gboolean
craft_diary_model_starts_day (CraftDiaryModel *self,
                              guint            position)
{
  g_autoptr(GDateTime) here = NULL;
  g_autoptr(GDateTime) before = NULL;
  int y1, m1, d1, y2, m2, d2;

  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), FALSE);

  if (position == 0)
    return TRUE;
  if (position >= self->hits->len)
    return FALSE;

  here = g_date_time_new_from_unix_local (g_array_index (self->hits, CraftDiaryHit,
                                                         position).happened_at);
  before = g_date_time_new_from_unix_local (g_array_index (self->hits, CraftDiaryHit,
                                                           position - 1).happened_at);
  if (here == NULL || before == NULL)
    return TRUE;
  g_date_time_get_ymd (here, &y1, &m1, &d1);
  g_date_time_get_ymd (before, &y2, &m2, &d2);
  return y1 != y2 || m1 != m2 || d1 != d2;
}

guint
craft_diary_model_get_cache_size (CraftDiaryModel *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_MODEL (self), 0);
  return g_hash_table_size (self->cache);
}

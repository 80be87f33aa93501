/* src/store/craft-store-diary.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary of critical situations: entries, the Trash, search and the counts that filters
 * show. Queries are put together from fixed fragments only; whatever a person types is
 * always a bound parameter.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "craft-store-private.h"

/* Sized by its entries: a field added here without raising CRAFT_DIARY_N_FIELDS no longer
 * matches the declaration in craft-store-private.h and does not compile. */
const CraftDiaryFieldInfo _craft_store_diary_field_table[] = {
  { "happened-at", "happened_at", CRAFT_DIARY_KIND_TIME, NULL },
  { "place", "place", CRAFT_DIARY_KIND_TEXT, NULL },
  { "people", "people", CRAFT_DIARY_KIND_TEXT, NULL },
  { "what-happened", "what_happened", CRAFT_DIARY_KIND_TEXT, NULL },
  { "trigger", "trigger_text", CRAFT_DIARY_KIND_TEXT, NULL },
  { "loved-one-state", "loved_one_state", CRAFT_DIARY_KIND_CHOICE,
    "|sober|using|influenced|hungover|unknown|" },
  { "thoughts", "thoughts", CRAFT_DIARY_KIND_TEXT, NULL },
  { "feelings", "feelings", CRAFT_DIARY_KIND_TEXT, NULL },
  { "feelings-other", "feelings_other", CRAFT_DIARY_KIND_TEXT, NULL },
  { "feeling-strength", "feeling_strength", CRAFT_DIARY_KIND_RATING, NULL },
  { "stress", "stress", CRAFT_DIARY_KIND_RATING, NULL },
  { "what-i-did", "what_i_did", CRAFT_DIARY_KIND_TEXT, NULL },
  { "coping", "coping", CRAFT_DIARY_KIND_CHOICE, "|engaged|tolerant|withdrawn|" },
  { "coping-kind", "coping_kind", CRAFT_DIARY_KIND_TEXT, NULL },
  { "outcome-me", "outcome_me", CRAFT_DIARY_KIND_TEXT, NULL },
  { "outcome-them", "outcome_them", CRAFT_DIARY_KIND_TEXT, NULL },
  { "safe", "safe", CRAFT_DIARY_KIND_CHOICE, "|yes|no|unsure|" },
  { "support", "support", CRAFT_DIARY_KIND_TEXT, NULL },
  { "try-next", "try_next", CRAFT_DIARY_KIND_TEXT, NULL },
  { "try-next-other", "try_next_other", CRAFT_DIARY_KIND_TEXT, NULL },
  { "tags", "tags", CRAFT_DIARY_KIND_TAGS, NULL },
  { "flagged", "flagged", CRAFT_DIARY_KIND_FLAG, NULL },
};

static const CraftDiaryFieldInfo *const fields = _craft_store_diary_field_table;

static const char *field_names[CRAFT_DIARY_N_FIELDS + 1];

const char * const *
craft_store_diary_fields (void)
{
  if (field_names[0] == NULL)
    for (guint i = 0; i < CRAFT_DIARY_N_FIELDS; i++)
      field_names[i] = fields[i].name;
  return field_names;
}

static const CraftDiaryFieldInfo *
find_field (const char *name)
{
  for (guint i = 0; i < CRAFT_DIARY_N_FIELDS; i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

static gboolean
invalid_value (GError    **error,
               const char *field,
               const char *value)
{
  g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
               _("“%s” is not a valid value for %s."), value, field);
  return FALSE;
}

static char *
day_of (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);

  return when != NULL ? g_date_time_format (when, "%Y-%m-%d") : NULL;
}

static gboolean
exec (CraftStore  *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (_craft_store_get_db (self), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

gint64
craft_store_diary_create (CraftStore  *self,
                          gint64       happened_at,
                          GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *day = day_of (happened_at);
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (CRAFT_IS_STORE (self), 0);

  if (day == NULL)
    {
      invalid_value (error, "happened-at", "?");
      return 0;
    }

  stmt = _craft_store_prepare (self,
                               "INSERT INTO diary_entry (uuid, happened_at, day, created_at,"
                               " updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, happened_at);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!_craft_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_craft_store_get_db (self));
}

/* Trimmed, lower-case, without repeats, in the order first written. */
static char *
normalize_tags (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *tag = g_utf8_strdown (g_strstrip (parts[i]), -1);
      gboolean seen = FALSE;

      if (*tag == '\0')
        continue;
      for (guint j = 0; j < tags->len && !seen; j++)
        seen = g_str_equal (tags->pdata[j], tag);
      if (!seen)
        g_ptr_array_add (tags, g_steal_pointer (&tag));
    }
  g_ptr_array_add (tags, NULL);
  return g_strjoinv (",", (char **) tags->pdata);
}

static gboolean
write_tags (CraftStore  *self,
            gint64       id,
            const char  *tags,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (tags, ",", -1);
  sqlite3_stmt *stmt;

  stmt = _craft_store_prepare (self, "DELETE FROM diary_tag WHERE entry_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_craft_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      stmt = _craft_store_prepare (self, "INSERT OR IGNORE INTO diary_tag (entry_id, tag)"
                                         " VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, parts[i], -1, SQLITE_TRANSIENT);
      if (!_craft_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_in_transaction (CraftStore        *self,
                    gint64             id,
                    const CraftDiaryFieldInfo  *field,
                    const char        *value,
                    GError           **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  guint64 number = 0;
  gint64 time = 0;
  int rc;

  switch (field->kind)
    {
    case CRAFT_DIARY_KIND_CHOICE:
      {
        g_autofree char *wrapped = g_strdup_printf ("|%s|", value);

        /* "" clears a choice; anything else must be one of the listed values. */
        if (*value != '\0'
            && (strchr (value, '|') != NULL || strstr (field->choices, wrapped) == NULL))
          return invalid_value (error, field->name, value);
      }
      break;
    case CRAFT_DIARY_KIND_RATING:
      if (*value != '\0' && !g_ascii_string_to_unsigned (value, 10, 0, 10, &number, NULL))
        return invalid_value (error, field->name, value);
      break;
    case CRAFT_DIARY_KIND_FLAG:
      if (!g_str_equal (value, "0") && !g_str_equal (value, "1"))
        return invalid_value (error, field->name, value);
      break;
    case CRAFT_DIARY_KIND_TIME:
      if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT64 / 2, &time, NULL)
          || (day = day_of (time)) == NULL)
        return invalid_value (error, field->name, value);
      break;
    case CRAFT_DIARY_KIND_TAGS:
      tags = normalize_tags (value);
      value = tags;
      break;
    case CRAFT_DIARY_KIND_TEXT:
    default:
      break;
    }

  /* The column name comes from the fixed table above, never from the caller. */
  if (field->kind == CRAFT_DIARY_KIND_TIME)
    sql = g_strdup ("UPDATE diary_entry SET happened_at = ?2, day = ?3, updated_at = ?4"
                    " WHERE id = ?1");
  else
    sql = g_strdup_printf ("UPDATE diary_entry SET %s = ?2, updated_at = ?4 WHERE id = ?1",
                           field->column);

  rc = sqlite3_prepare_v2 (_craft_store_get_db (self), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  switch (field->kind)
    {
    case CRAFT_DIARY_KIND_RATING:
      if (*value == '\0')
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_int (stmt, 2, (int) number);
      break;
    case CRAFT_DIARY_KIND_FLAG:
      sqlite3_bind_int (stmt, 2, g_str_equal (value, "1"));
      break;
    case CRAFT_DIARY_KIND_TIME:
      sqlite3_bind_int64 (stmt, 2, time);
      sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      break;
    }
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  if (sqlite3_changes (_craft_store_get_db (self)) == 0)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The diary entry no longer exists."));
      return FALSE;
    }

  return field->kind != CRAFT_DIARY_KIND_TAGS || write_tags (self, id, value, error);
}

gboolean
craft_store_diary_set (CraftStore  *self,
                       gint64       id,
                       const char  *field,
                       const char  *value,
                       GError     **error)
{
  const CraftDiaryFieldInfo *f;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (field != NULL && value != NULL, FALSE);

  f = find_field (field);
  if (f == NULL)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   "No diary field called “%s”", field);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    return invalid_value (error, field, "?");

  /* The entry and its tags change together or not at all. */
  if (!exec (self, "SAVEPOINT diary_set", error))
    return FALSE;
  if (!set_in_transaction (self, id, f, value, error))
    {
      exec (self, "ROLLBACK TO diary_set; RELEASE diary_set", NULL);
      return FALSE;
    }
  return exec (self, "RELEASE diary_set", error);
}

static char *
dup_int64 (sqlite3_stmt *stmt,
           int           column)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
}

GHashTable *
craft_store_diary_get (CraftStore  *self,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT id, uuid, day, created_at, updated_at,"
                                         " deleted_at");
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  for (guint i = 0; i < CRAFT_DIARY_N_FIELDS; i++)
    g_string_append_printf (sql, ", %s", fields[i].column);
  g_string_append (sql, " FROM diary_entry WHERE id = ?1");

  rc = sqlite3_prepare_v2 (_craft_store_get_db (self), sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
    }
  if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The diary entry no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      sqlite3_finalize (stmt);
      return NULL;
    }

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (values, "id", dup_int64 (stmt, 0));
  g_hash_table_insert (values, "uuid", g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  g_hash_table_insert (values, "day", g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
  g_hash_table_insert (values, "created-at", dup_int64 (stmt, 3));
  g_hash_table_insert (values, "updated-at", dup_int64 (stmt, 4));
  g_hash_table_insert (values, "deleted-at",
                       sqlite3_column_type (stmt, 5) == SQLITE_NULL
                       ? g_strdup ("")
                       : dup_int64 (stmt, 5));
  for (guint i = 0; i < CRAFT_DIARY_N_FIELDS; i++)
    {
      int column = 6 + (int) i;
      char *value;

      if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        value = g_strdup ("");
      else if (fields[i].kind == CRAFT_DIARY_KIND_RATING || fields[i].kind == CRAFT_DIARY_KIND_FLAG
               || fields[i].kind == CRAFT_DIARY_KIND_TIME)
        value = dup_int64 (stmt, column);
      else
        value = g_strdup ((const char *) sqlite3_column_text (stmt, column));
      g_hash_table_insert (values, (gpointer) fields[i].name, value);
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&values);
}

static gboolean
set_deleted (CraftStore  *self,
             gint64       id,
             gint64       when,
             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  stmt = _craft_store_prepare (self, "UPDATE diary_entry SET deleted_at = ?2 WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (when > 0)
    sqlite3_bind_int64 (stmt, 2, when);
  else
    sqlite3_bind_null (stmt, 2);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_diary_delete (CraftStore  *self,
                          gint64       id,
                          gint64       when,
                          GError     **error)
{
  g_return_val_if_fail (when > 0, FALSE);
  return set_deleted (self, id, when, error);
}

gboolean
craft_store_diary_restore (CraftStore  *self,
                           gint64       id,
                           GError     **error)
{
  return set_deleted (self, id, 0, error);
}

int
craft_store_diary_purge_trash (CraftStore  *self,
                               gint64       before,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), -1);

  stmt = _craft_store_prepare (self,
                               "DELETE FROM diary_entry"
                               " WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, before);
  if (!_craft_store_step_done (self, stmt, error))
    return -1;
  return sqlite3_changes (_craft_store_get_db (self));
}

/* Each word a person typed becomes a quoted prefix term, so nothing they type can be read
 * as FTS syntax; all words must match. NULL when there are no words. */
static char *
build_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_printf (match, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

/* The FROM and WHERE clauses and their parameters for @filter, leaving out the condition on
 * @skip; @join (may be empty) is joined to the entries `e`. A search drives the query from
 * its full-text matches (CROSS JOIN keeps that order): otherwise the planner scans a whole
 * covering index of entries and looks each one up in the matches, which made a rare word
 * as slow as a common one. */
static void
build_where (const CraftDiaryFilter *filter,
             const char             *skip,
             const char             *join,
             GString                *sql,
             GPtrArray              *params)
{
  char *match = build_match (filter->text);
  gboolean by_tag = filter->tag != NULL && g_strcmp0 (skip, "tags") != 0;

  if (match != NULL)
    {
      g_string_append_printf (sql, " FROM diary_search CROSS JOIN diary_entry e%s"
                                   " WHERE e.id = diary_search.rowid"
                                   " AND diary_search MATCH ? AND", join);
      g_ptr_array_add (params, g_strdup (match));
    }
  else if (by_tag)
    {
      /* Likewise the entries with a tag, a few of all, rather than every entry's tags. */
      g_string_append_printf (sql, " FROM diary_tag f CROSS JOIN diary_entry e%s"
                                   " WHERE e.id = f.entry_id AND f.tag = ? AND", join);
      g_ptr_array_add (params, g_strdup (filter->tag));
    }
  else
    g_string_append_printf (sql, " FROM diary_entry e%s WHERE", join);
  g_string_append (sql, filter->trash ? " e.deleted_at IS NOT NULL" : " e.deleted_at IS NULL");

#define ADD(condition, value) \
  G_STMT_START { \
    g_string_append (sql, condition); \
    g_ptr_array_add (params, g_strdup (value)); \
  } G_STMT_END

  if (filter->from_day != NULL)
    ADD (" AND e.day >= ?", filter->from_day);
  if (filter->to_day != NULL)
    ADD (" AND e.day <= ?", filter->to_day);
  if (filter->loved_one_state != NULL && g_strcmp0 (skip, "loved-one-state") != 0)
    ADD (" AND e.loved_one_state = ?", filter->loved_one_state);
  if (filter->coping != NULL && g_strcmp0 (skip, "coping") != 0)
    ADD (" AND e.coping = ?", filter->coping);
  if (filter->safe != NULL && g_strcmp0 (skip, "safe") != 0)
    ADD (" AND e.safe = ?", filter->safe);
  if (by_tag && match != NULL)
    ADD (" AND e.id IN (SELECT entry_id FROM diary_tag WHERE tag = ?)", filter->tag);
  if (filter->stress_min > 0 || filter->stress_max > 0)
    {
      g_autofree char *low = g_strdup_printf ("%d", CLAMP (filter->stress_min, 0, 10));
      g_autofree char *high = g_strdup_printf ("%d", CLAMP (filter->stress_max, 0, 10));

      ADD (" AND e.stress >= CAST(? AS INTEGER)", low);
      ADD (" AND e.stress <= CAST(? AS INTEGER)", high);
    }
  if (filter->flagged_only && g_strcmp0 (skip, "flagged") != 0)
    g_string_append (sql, " AND e.flagged = 1");

#undef ADD
  g_free (match);
}

static sqlite3_stmt *
prepare_with_params (CraftStore  *self,
                     const char  *sql,
                     GPtrArray   *params,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (_craft_store_get_db (self), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return NULL;
    }
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, params->pdata[i], -1, SQLITE_TRANSIENT);
  return stmt;
}

static int
compare_ids_descending (gconstpointer a,
                        gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* @array (of CraftDiaryHit, or of anything that starts with an id and a time like it) is in
 * order of time, newest first: puts entries of the same time in order of id, newest first.
 * SQLite reads the list's index in order of time, but sorts the whole list again for
 * "ORDER BY happened_at DESC, id DESC" (at 100,000 entries, two thirds of the list's
 * 360 M instructions), while entries of the same second are rare. */
static void
sort_ties (GArray *array)
{
  guint size = g_array_get_element_size (array);
  char *data = array->data;
  guint start = 0;

  while (start < array->len)
    {
      gint64 time = ((const CraftDiaryHit *) (data + start * size))->happened_at;
      guint end = start + 1;

      while (end < array->len && ((const CraftDiaryHit *) (data + end * size))->happened_at == time)
        end++;
      if (end - start > 1)
        qsort (data + start * size, end - start, size, compare_ids_descending);
      start = end;
    }
}

GArray *
craft_store_diary_query (CraftStore              *self,
                         const CraftDiaryFilter  *filter,
                         GError                 **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT e.id, e.happened_at");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) hits = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  build_where (filter, NULL, "", sql, params);
  g_string_append (sql, " ORDER BY e.happened_at DESC");

  stmt = prepare_with_params (self, sql->str, params, error);
  if (stmt == NULL)
    return NULL;

  hits = g_array_new (FALSE, FALSE, sizeof (CraftDiaryHit));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftDiaryHit hit = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (hits, hit);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return NULL;
    }
  sort_ties (hits);
  return g_steal_pointer (&hits);
}

gboolean
craft_store_diary_match (CraftStore              *self,
                         const CraftDiaryFilter  *filter,
                         gint64                   id,
                         gboolean                *matches,
                         gint64                  *happened_at,
                         GError                 **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT e.happened_at");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (filter != NULL && matches != NULL && happened_at != NULL, FALSE);

  build_where (filter, NULL, "", sql, params);
  g_string_append (sql, " AND e.id = CAST(? AS INTEGER)");
  g_ptr_array_add (params, g_strdup_printf ("%" G_GINT64_FORMAT, id));

  stmt = prepare_with_params (self, sql->str, params, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *matches = rc == SQLITE_ROW;
  *happened_at = *matches ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

GHashTable *
craft_store_diary_count_by (CraftStore              *self,
                            const CraftDiaryFilter  *filter,
                            const char              *field,
                            GError                 **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) counts = NULL;
  const char *group;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL && field != NULL, NULL);

  if (g_str_equal (field, "loved-one-state"))
    group = "e.loved_one_state";
  else if (g_str_equal (field, "coping"))
    group = "e.coping";
  else if (g_str_equal (field, "safe"))
    group = "e.safe";
  else if (g_str_equal (field, "flagged"))
    group = "e.flagged";
  else if (g_str_equal (field, "tags"))
    group = "t.tag";
  else
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   "Entries cannot be counted by “%s”", field);
      return NULL;
    }

  g_string_printf (sql, "SELECT %s, COUNT(*)", group);
  build_where (filter, field,
               g_str_equal (field, "tags") ? " JOIN diary_tag t ON t.entry_id = e.id" : "",
               sql, params);
  g_string_append_printf (sql, " GROUP BY %s", group);

  stmt = prepare_with_params (self, sql->str, params, error);
  if (stmt == NULL)
    return NULL;

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/* A snippet is made from a copy of the one entry in a full-text table of its own, in a
 * database that lives in memory only (nothing of it is ever written to a file): asking
 * the diary's index for one entry's snippet runs the whole search again (a word that ends
 * in * is every word it begins, merged over every entry: 11 M instructions per row for a
 * common word at 100,000 entries), while the snippet only depends on the entry's own
 * text, the words and the tokenizer, which are the same here. */
static gboolean
prepare_snippet_table (CraftStore  *self,
                       GError     **error)
{
  /* Already there (ATTACH lasts as long as the connection). */
  if (_craft_store_prepare (self, "SELECT 1 FROM craft_snippet.diary_snippet", NULL) != NULL)
    return TRUE;
  return exec (self,
               "ATTACH DATABASE ':memory:' AS craft_snippet;"
               "CREATE VIRTUAL TABLE craft_snippet.diary_snippet USING " CRAFT_FTS_MODULE " ("
               "  " CRAFT_DIARY_SEARCH_COLUMNS ","
               "  tokenize='" CRAFT_FTS_TOKENIZE "'"
               ");",
               error);
}

char *
craft_store_diary_snippet (CraftStore  *self,
                           gint64       id,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *match = build_match (text);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  if (match == NULL)
    return g_strdup ("");

  if (!prepare_snippet_table (self, error))
    return NULL;
  stmt = _craft_store_prepare (self, "DELETE FROM craft_snippet.diary_snippet", error);
  if (stmt == NULL || !_craft_store_step_done (self, stmt, error))
    return NULL;
  stmt = _craft_store_prepare (self,
                               "INSERT INTO craft_snippet.diary_snippet"
                               " (rowid, " CRAFT_DIARY_SEARCH_COLUMNS ")"
                               " SELECT id, " CRAFT_DIARY_SEARCH_COLUMNS
                               " FROM main.diary_entry WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_craft_store_step_done (self, stmt, error))
    return NULL;

  stmt = _craft_store_prepare (self,
                               "SELECT snippet(diary_snippet, -1, '" CRAFT_DIARY_MATCH_START "', '"
                               CRAFT_DIARY_MATCH_END "', '…', 16)"
                               " FROM craft_snippet.diary_snippet WHERE diary_snippet MATCH ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  return _craft_store_step_text (self, stmt, error);
}

GPtrArray *
craft_store_diary_days (CraftStore  *self,
                        const char  *from_day,
                        const char  *to_day,
                        GError     **error)
{
  g_autoptr(GPtrArray) days = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (from_day != NULL && to_day != NULL, NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT DISTINCT day FROM diary_entry"
                               " WHERE deleted_at IS NULL AND day BETWEEN ?1 AND ?2 ORDER BY day",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_TRANSIENT);

  days = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (days, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&days);
}

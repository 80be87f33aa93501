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
  static char *sql = NULL;
  g_autoptr(GHashTable) values = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  /* Made once, so the store keeps the statement prepared (a list reads a row at a time). */
  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("SELECT id, uuid, day, created_at, updated_at, deleted_at");

      for (guint i = 0; i < CRAFT_DIARY_N_FIELDS; i++)
        g_string_append_printf (text, ", %s", fields[i].column);
      g_string_append (text, " FROM diary_entry WHERE id = ?1");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }

  stmt = _craft_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The diary entry no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      sqlite3_reset (stmt);
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
  sqlite3_reset (stmt);
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

/* The position of @value among @field's choices ("|a|b|c|": "a" is 1), 0 for "", and
 * CRAFT_DIARY_OTHER for anything else. */
static guint8
choice_code (const CraftDiaryFieldInfo *field,
             const char                *value,
             gsize                      length)
{
  const char *choices = field->choices;
  guint8 code = 1;

  if (length == 0 || value == NULL)
    return 0;
  for (const char *p = choices + 1; *p != '\0'; code++)
    {
      const char *end = strchr (p, '|');

      if ((gsize) (end - p) == length && memcmp (p, value, length) == 0)
        return code;
      p = end + 1;
    }
  return CRAFT_DIARY_OTHER;
}

/* A filter's choice as a code; NULL (any) is 0 here and not compared. */
static guint8
filter_code (const char *field,
             const char *value)
{
  return value != NULL ? choice_code (find_field (field), value, strlen (value)) : 0;
}

CraftDiaryRowsNeed
craft_store_diary_rows_need (const CraftDiaryFilter *filter)
{
  g_return_val_if_fail (filter != NULL, CRAFT_DIARY_ROWS_NONE);

  /* The Trash is small, and a span of days is found by the index on day; a choice that is
   * not one of the field's (which no entry holds) is left to SQL to compare as text. */
  if (filter->trash || filter->from_day != NULL || filter->to_day != NULL
      || filter_code ("loved-one-state", filter->loved_one_state) == CRAFT_DIARY_OTHER
      || filter_code ("coping", filter->coping) == CRAFT_DIARY_OTHER
      || filter_code ("safe", filter->safe) == CRAFT_DIARY_OTHER)
    return CRAFT_DIARY_ROWS_NONE;
  if (filter->loved_one_state != NULL || filter->coping != NULL || filter->safe != NULL
      || filter->stress_min > 0 || filter->stress_max > 0 || filter->flagged_only)
    return CRAFT_DIARY_ROWS_TRAITS;
  return CRAFT_DIARY_ROWS_PLAIN;
}

#define ROW_TRAITS "loved_one_state, coping, safe, stress, flagged"

static void
read_row (sqlite3_stmt     *stmt,
          gboolean          with_traits,
          CraftDiaryTraits *row)
{
  static const CraftDiaryFieldInfo *state, *coping, *safe;

  if (state == NULL)
    {
      state = find_field ("loved-one-state");
      coping = find_field ("coping");
      safe = find_field ("safe");
    }
  row->id = sqlite3_column_int64 (stmt, 0);
  row->happened_at = sqlite3_column_int64 (stmt, 1);
  if (!with_traits)
    return;
  row->loved_one_state = choice_code (state, (const char *) sqlite3_column_text (stmt, 2),
                                      (gsize) sqlite3_column_bytes (stmt, 2));
  row->coping = choice_code (coping, (const char *) sqlite3_column_text (stmt, 3),
                             (gsize) sqlite3_column_bytes (stmt, 3));
  row->safe = choice_code (safe, (const char *) sqlite3_column_text (stmt, 4),
                           (gsize) sqlite3_column_bytes (stmt, 4));
  row->stress = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                ? -1 : (gint8) CLAMP (sqlite3_column_int (stmt, 5), 0, 10);
  row->flagged = sqlite3_column_int (stmt, 6) == 1;
}

GArray *
craft_store_diary_rows (CraftStore  *self,
                        gboolean     with_traits,
                        GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (CraftDiaryTraits));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  /* Both read the list's covering index in order of time. */
  stmt = _craft_store_prepare (self,
                               with_traits
                               ? "SELECT id, happened_at, " ROW_TRAITS " FROM diary_entry"
                                 " WHERE deleted_at IS NULL ORDER BY happened_at DESC"
                               : "SELECT id, happened_at FROM diary_entry"
                                 " WHERE deleted_at IS NULL ORDER BY happened_at DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftDiaryTraits row = { 0 };

      read_row (stmt, with_traits, &row);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return NULL;
    }
  sort_ties (rows);
  return g_steal_pointer (&rows);
}

gboolean
craft_store_diary_row (CraftStore     *self,
                       gint64          id,
                       CraftDiaryTraits  *row,
                       gboolean       *listed,
                       GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL && listed != NULL, FALSE);

  stmt = _craft_store_prepare (self,
                               "SELECT id, happened_at, " ROW_TRAITS " FROM diary_entry"
                               " WHERE id = ?1 AND deleted_at IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *listed = rc == SQLITE_ROW;
  memset (row, 0, sizeof *row);
  if (*listed)
    read_row (stmt, TRUE, row);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

/* The entries @sql (one parameter, @value) gives, as a set of ids: a bitmap (12 KB for
 * 100,000 entries). */
static GArray *
id_set (CraftStore  *self,
        const char  *sql,
        const char  *value,
        GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) set = NULL;
  sqlite3_stmt *stmt;
  gint64 max_id = 0;
  int rc;

  stmt = _craft_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0)
        g_array_append_val (ids, id);
      max_id = MAX (max_id, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return NULL;
    }

  set = g_array_sized_new (FALSE, TRUE, sizeof (guint8), (guint) (max_id / 8 + 1));
  g_array_set_size (set, (guint) (max_id / 8 + 1));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      set->data[id / 8] |= (guint8) (1u << (id % 8));
    }
  return g_steal_pointer (&set);
}

static gboolean
in_set (GArray *set,
        gint64  id)
{
  return id > 0 && (guint64) id / 8 < set->len && (set->data[id / 8] & (1u << (id % 8))) != 0;
}

GArray *
craft_store_diary_query_rows (CraftStore              *self,
                              const CraftDiaryFilter  *filter,
                              GArray                  *rows,
                              GError                 **error)
{
  CraftDiaryRowsNeed need = craft_store_diary_rows_need (filter);
  g_autofree char *match = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) tag = NULL;
  g_autoptr(GArray) hits = NULL;
  guint8 state = filter_code ("loved-one-state", filter->loved_one_state);
  guint8 coping = filter_code ("coping", filter->coping);
  guint8 safe = filter_code ("safe", filter->safe);
  gboolean by_stress = filter->stress_min > 0 || filter->stress_max > 0;
  int low = CLAMP (filter->stress_min, 0, 10), high = CLAMP (filter->stress_max, 0, 10);

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (need != CRAFT_DIARY_ROWS_NONE && rows != NULL, NULL);

  /* The same conditions as build_where(). */
  match = build_match (filter->text);
  if (match != NULL
      && (words = id_set (self, "SELECT rowid FROM diary_search WHERE diary_search MATCH ?1",
                          match, error)) == NULL)
    return NULL;
  if (filter->tag != NULL
      && (tag = id_set (self, "SELECT entry_id FROM diary_tag WHERE tag = ?1", filter->tag,
                        error)) == NULL)
    return NULL;

  hits = g_array_new (FALSE, FALSE, sizeof (CraftDiaryHit));
  for (guint i = 0; i < rows->len; i++)
    {
      const CraftDiaryTraits *row = &g_array_index (rows, CraftDiaryTraits, i);
      CraftDiaryHit hit = { row->id, row->happened_at };

      if (need == CRAFT_DIARY_ROWS_TRAITS
          && ((filter->loved_one_state != NULL && row->loved_one_state != state)
              || (filter->coping != NULL && row->coping != coping)
              || (filter->safe != NULL && row->safe != safe)
              || (by_stress && (row->stress < low || row->stress > high))
              || (filter->flagged_only && !row->flagged)))
        continue;
      if ((words != NULL && !in_set (words, row->id)) || (tag != NULL && !in_set (tag, row->id)))
        continue;
      g_array_append_val (hits, hit);
    }
  return g_steal_pointer (&hits);
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
 * database of its own that lives in memory only (nothing of it is ever written to a file,
 * and the diary's connection sees no change): asking the diary's index for one entry's
 * snippet runs the whole search again (a word that ends in * is every word it begins,
 * merged over every entry: 11 M instructions per row for a common word at 100,000
 * entries), while the snippet depends only on the entry's own text, the words and the
 * tokenizer, which are the same here. */
typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *snippet;
} SnippetTable;

static void
snippet_table_free (gpointer data)
{
  SnippetTable *table = data;

  sqlite3_finalize (table->insert);
  sqlite3_finalize (table->snippet);
  sqlite3_close (table->db);
  g_free (table);
}

static SnippetTable *
get_snippet_table (CraftStore  *self,
                   GError     **error)
{
  SnippetTable *table = g_object_get_data (G_OBJECT (self), "craft-snippet-table");
  int rc;

  if (table != NULL)
    return table;

  table = g_new0 (SnippetTable, 1);
  rc = sqlite3_open_v2 (":memory:", &table->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (table->db,
                       "CREATE VIRTUAL TABLE diary_snippet USING " CRAFT_FTS_MODULE " ("
                       "  " CRAFT_DIARY_SEARCH_COLUMNS ","
                       "  tokenize='" CRAFT_FTS_TOKENIZE "'"
                       ")",
                       NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (table->db,
                             "INSERT INTO diary_snippet (" CRAFT_DIARY_SEARCH_COLUMNS ")"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                             -1, &table->insert, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (table->db,
                             "SELECT snippet(diary_snippet, -1, '" CRAFT_DIARY_MATCH_START "', '"
                             CRAFT_DIARY_MATCH_END "', '…', 16)"
                             " FROM diary_snippet WHERE diary_snippet MATCH ?1",
                             -1, &table->snippet, NULL);
  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, table->db, rc);
      snippet_table_free (table);
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (self), "craft-snippet-table", table, snippet_table_free);
  return table;
}

char *
craft_store_diary_snippet (CraftStore  *self,
                           gint64       id,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *match = build_match (text);
  SnippetTable *table;
  sqlite3_stmt *stmt;
  char *snippet = NULL;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  if (match == NULL)
    return g_strdup ("");
  table = get_snippet_table (self, error);
  if (table == NULL)
    return NULL;
  stmt = _craft_store_prepare (self,
                               "SELECT " CRAFT_DIARY_SEARCH_COLUMNS
                               " FROM diary_entry WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        return g_strdup ("");
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return NULL;
    }

  /* The copy is only ever seen inside this transaction: rolling it back costs nothing,
   * where writing and deleting it would each write the table's index. */
  sqlite3_exec (table->db, "BEGIN", NULL, NULL, NULL);
  sqlite3_reset (table->insert);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    sqlite3_bind_text (table->insert, i + 1, (const char *) sqlite3_column_text (stmt, i),
                       sqlite3_column_bytes (stmt, i), SQLITE_TRANSIENT);
  sqlite3_reset (stmt);
  rc = sqlite3_step (table->insert);
  sqlite3_reset (table->insert);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (table->snippet);
      sqlite3_bind_text (table->snippet, 1, match, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (table->snippet);
      if (rc == SQLITE_ROW)
        {
          const char *value = (const char *) sqlite3_column_text (table->snippet, 0);

          snippet = g_strdup (value != NULL ? value : "");
        }
      else if (rc == SQLITE_DONE)
        snippet = g_strdup ("");
      sqlite3_reset (table->snippet);
    }
  if (snippet == NULL)
    _craft_store_set_error (error, table->db, rc);
  sqlite3_exec (table->db, "ROLLBACK", NULL, NULL, NULL);
  return snippet;
}

guint64
craft_store_diary_stamp (CraftStore *self)
{
  sqlite3_stmt *stmt;
  gint64 version = 0;

  g_return_val_if_fail (CRAFT_IS_STORE (self), 0);

  /* Another connection's writes (another process) change data_version. */
  stmt = _craft_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ((guint64) (guint) sqlite3_total_changes (_craft_store_get_db (self)) << 24)
         ^ (guint64) version;
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

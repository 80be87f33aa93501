/* src/store/craft-store-export.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading everything out for an export and merging an import back in. An import may hold
 * a hundred thousand diary entries, so entries are written with one cached INSERT each
 * rather than through craft_store_diary_set(), which prepares a statement and opens a
 * savepoint for every single field. The value rules are therefore repeated here; the
 * export tests hold them against craft_store_diary_set() so the two cannot drift apart.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "craft-store-export.h"
#include "craft-store-private.h"

/* The diary's own field table (craft-store-diary.c), in the order of
 * craft_store_diary_fields(): one set of rules for writing and importing. */
static const CraftDiaryFieldInfo *const fields = _craft_store_diary_field_table;

/* Page cache sizes in KiB (negative, in SQLite's notation): SQLite's default, and what an
 * import uses while it runs. */
#define DEFAULT_CACHE_SIZE "-2000"
#define IMPORT_CACHE_SIZE  "-65536"

#define N_FIELDS CRAFT_DIARY_N_FIELDS
#define HAPPENED_AT 0

/* The parameters of one diary_entry row, and how many rows one INSERT takes: SQLite before
 * 3.32 allows at most 999 parameters in a statement. */
#define DIARY_ROW_PARAMS (5 + N_FIELDS)
#define DIARY_BATCH      (999 / DIARY_ROW_PARAMS)
/* Where SQLite allows more parameters (32766 since 3.32), bigger batches: FTS5 writes a
 * segment per statement, and fewer, larger segments are much cheaper to write. */
#define DIARY_BIG_BATCH  256

/* The statements are built once from the table above; the store caches prepared statements
 * by the address of their SQL, so these strings must live as long as the program. */
static char *diary_insert_sql;
static char *diary_insert_batch_sql;
static char *diary_insert_big_sql;
static char *diary_select_sql[2];

/* "(?, ?, …)" for one diary_entry row. Anonymous parameters are numbered in order, the
 * same as "?first, ?first+1, …", but SQLite looks numbered ones up in a list when it
 * compiles the statement, which for the 8,000 of the largest batch cost more than a
 * hundred million instructions. */
static void
append_row_params (GString  *sql,
                   guint     first,
                   gboolean  comma)
{
  (void) first;
  g_string_append (sql, comma ? ", (" : "(");
  for (guint i = 0; i < DIARY_ROW_PARAMS; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append_c (sql, ')');
}

static gboolean
check_fields (GError **error)
{
  static gsize checked = 0;
  static gboolean matches = FALSE;

  if (g_once_init_enter (&checked))
    {
      const char * const *names = craft_store_diary_fields ();
      GString *sql, *single;
      guint n = 0;

      matches = TRUE;
      for (; names[n] != NULL; n++)
        if (n >= N_FIELDS || !g_str_equal (names[n], fields[n].name))
          matches = FALSE;
      if (n != N_FIELDS)
        matches = FALSE;

      sql = g_string_new ("INSERT INTO diary_entry (uuid, created_at, updated_at, deleted_at, day");
      for (guint i = 0; i < N_FIELDS; i++)
        g_string_append_printf (sql, ", %s", fields[i].column);
      g_string_append (sql, ") VALUES ");
      single = g_string_new (sql->str);
      append_row_params (single, 1, FALSE);
      diary_insert_sql = g_string_free (single, FALSE);
      for (guint r = 0; r < DIARY_BIG_BATCH; r++)
        {
          append_row_params (sql, r * DIARY_ROW_PARAMS + 1, r > 0);
          if (r + 1 == DIARY_BATCH)
            diary_insert_batch_sql = g_strdup (sql->str);
        }
      diary_insert_big_sql = g_string_free (sql, FALSE);

      for (guint t = 0; t < 2; t++)
        {
          sql = g_string_new ("SELECT uuid, created_at, updated_at, IFNULL(deleted_at, 0)");
          for (guint i = 0; i < N_FIELDS; i++)
            g_string_append_printf (sql, ", %s", fields[i].column);
          g_string_append_printf (sql, " FROM diary_entry WHERE deleted_at IS %s"
                                       " ORDER BY happened_at, uuid", t ? "NOT NULL" : "NULL");
          diary_select_sql[t] = g_string_free (sql, FALSE);
        }

      if (!matches)
        g_critical ("The export's diary fields differ from the store's");
      g_once_init_leave (&checked, 1);
    }

  if (!matches)
    g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                 "The export does not know the diary's fields");
  return matches;
}

static const CraftDiaryFieldInfo *
find_field (const char *name)
{
  /* An import asks for every field of every entry, by the names craft_store_diary_fields()
   * gave it: those are the table's own strings. */
  for (guint i = 0; i < N_FIELDS; i++)
    if (fields[i].name == name)
      return &fields[i];
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

CraftDiaryKind
craft_store_diary_field_kind (const char *field)
{
  const CraftDiaryFieldInfo *info;

  g_return_val_if_fail (field != NULL, CRAFT_DIARY_KIND_TEXT);

  info = find_field (field);
  g_return_val_if_fail (info != NULL, CRAFT_DIARY_KIND_TEXT);
  return info->kind;
}

static gboolean
invalid_value (GError     **error,
               const char  *field,
               const char  *value)
{
  /* The same words as craft_store_diary_set() uses, so translators see one string. */
  g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
               _("“%s” is not a valid value for %s."), value, field);
  return FALSE;
}

/* g_date_time_new_from_unix_local() looks the local time zone up again at every call
 * (GLib 2.74 with TZ unset: a stat, a readlink and another stat of /etc/localtime), and an
 * import needs a local time four times for every entry. The zone is kept while TZ stays the
 * same; an import runs in a worker thread, hence the lock. */
static GDateTime *
local_time_new (gint64 unix_time)
{
  static GMutex lock;
  static GTimeZone *zone;
  static char *zone_tz;
  const char *tz = g_getenv ("TZ");
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_mutex_lock (&lock);
  if (zone == NULL || g_strcmp0 (zone_tz, tz) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone = g_time_zone_new_local ();
      zone_tz = g_strdup (tz);
    }
  local = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);

  utc = g_date_time_new_from_unix_utc (unix_time);
  return utc != NULL ? g_date_time_to_timezone (utc, local) : NULL;
}

static char *
day_of (gint64 unix_time)
{
  g_autoptr(GDateTime) when = local_time_new (unix_time);

  return when != NULL ? g_date_time_format (when, "%Y-%m-%d") : NULL;
}

/* Whether @value (not empty, without '|') is one of @choices, "|a|b|c|": called for every
 * choice of every imported entry, so without building "|value|". */
static gboolean
is_choice (const char *choices,
           const char *value)
{
  gsize length = strlen (value);

  for (const char *p = strstr (choices, value); p != NULL; p = strstr (p + 1, value))
    if (p > choices && p[-1] == '|' && p[length] == '|')
      return TRUE;
  return FALSE;
}

/* Checks @value for @info; fills the number a rating, flag or time stands for. */
static gboolean
check_value (const CraftDiaryFieldInfo  *info,
             const char       *value,
             gint64           *number,
             GError          **error)
{
  guint64 unsigned_number = 0;

  *number = 0;
  if (!g_utf8_validate (value, -1, NULL))
    return invalid_value (error, info->name, "?");

  switch (info->kind)
    {
    case CRAFT_DIARY_KIND_CHOICE:
      /* "" (not chosen) is always allowed, as the schema's default says; the choices
       * string cannot hold it, since "||" never occurs in it. */
      if (*value != '\0'
          && (strchr (value, '|') != NULL || !is_choice (info->choices, value)))
        return invalid_value (error, info->name, value);
      break;
    case CRAFT_DIARY_KIND_RATING:
      if (*value != '\0'
          && !g_ascii_string_to_unsigned (value, 10, 0, 10, &unsigned_number, NULL))
        return invalid_value (error, info->name, value);
      *number = (gint64) unsigned_number;
      break;
    case CRAFT_DIARY_KIND_FLAG:
      if (!g_str_equal (value, "0") && !g_str_equal (value, "1"))
        return invalid_value (error, info->name, value);
      *number = g_str_equal (value, "1");
      break;
    case CRAFT_DIARY_KIND_TIME:
      {
        g_autoptr(GDateTime) when = NULL;

        /* A time that has a local date, as day_of() needs. */
        if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT64 / 2, number, NULL)
            || (when = local_time_new (*number)) == NULL)
          return invalid_value (error, info->name, value);
      }
      break;
    case CRAFT_DIARY_KIND_TEXT:
    case CRAFT_DIARY_KIND_TAGS:
    default:
      break;
    }
  return TRUE;
}

gboolean
craft_store_diary_check_value (const char  *field,
                               const char  *value,
                               GError     **error)
{
  const CraftDiaryFieldInfo *info;
  gint64 number;

  g_return_val_if_fail (field != NULL && value != NULL, FALSE);

  info = find_field (field);
  if (info == NULL)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   "No diary field called “%s”", field);
      return FALSE;
    }
  return check_value (info, value, &number, error);
}

/* Trimmed, lower-case, without repeats, in the order first written: as the diary keeps
 * them, so an imported entry is found by its tags just like a typed one. */
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

/* Steps a bound query that returns at most one row; *found says whether it did. */
static gboolean
step_exists (CraftStore    *self,
             sqlite3_stmt  *stmt,
             gboolean      *found,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  return TRUE;
}

static void
bind_time_or_null (sqlite3_stmt *stmt,
                   int           index,
                   gint64        value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
craft_store_begin_read (CraftStore  *self,
                        GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  /* A savepoint, not BEGIN: it also works inside a transaction someone else opened. */
  return exec (self, "SAVEPOINT craft_export_read", error);
}

void
craft_store_end_read (CraftStore *self)
{
  g_return_if_fail (CRAFT_IS_STORE (self));

  exec (self, "RELEASE craft_export_read", NULL);
}

gboolean
craft_store_foreach_diary_record (CraftStore            *self,
                                  gboolean               trash,
                                  CraftDiaryRecordFunc   func,
                                  gpointer               user_data,
                                  GError               **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  const char *values[N_FIELDS + 1] = { NULL };
  char numbers[N_FIELDS][24];
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!check_fields (error))
    return FALSE;

  /* Its own statement, not a cached one, so the callback may use the store freely. */
  db = _craft_store_get_db (self);
  rc = sqlite3_prepare_v2 (db, diary_select_sql[trash ? 1 : 0], -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, db, rc);
      return FALSE;
    }

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftDiaryRecord record;

      record.uuid = (const char *) sqlite3_column_text (stmt, 0);
      record.created_at = sqlite3_column_int64 (stmt, 1);
      record.updated_at = sqlite3_column_int64 (stmt, 2);
      record.deleted_at = sqlite3_column_int64 (stmt, 3);
      for (guint i = 0; i < N_FIELDS; i++)
        {
          int column = 4 + (int) i;

          if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
            values[i] = "";
          else if (fields[i].kind == CRAFT_DIARY_KIND_RATING
                   || fields[i].kind == CRAFT_DIARY_KIND_FLAG
                   || fields[i].kind == CRAFT_DIARY_KIND_TIME)
            {
              g_snprintf (numbers[i], sizeof numbers[i], "%" G_GINT64_FORMAT,
                          (gint64) sqlite3_column_int64 (stmt, column));
              values[i] = numbers[i];
            }
          else
            {
              const char *text = (const char *) sqlite3_column_text (stmt, column);

              values[i] = text != NULL ? text : "";
            }
        }
      record.values = values;
      ok = func (&record, user_data, error);
    }

  if (ok && rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, db, rc);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

void
craft_answer_record_free (CraftAnswerRecord *record)
{
  g_free (record->worksheet);
  g_free (record->field);
  g_free (record->value);
  g_free (record);
}

void
craft_row_record_free (CraftRowRecord *record)
{
  g_free (record->worksheet);
  g_free (record->list);
  g_ptr_array_unref (record->fields);
  g_ptr_array_unref (record->values);
  g_free (record);
}

void
craft_session_record_free (CraftSessionRecord *record)
{
  g_free (record->planned_on);
  g_free (record);
}

void
craft_homework_record_free (CraftHomeworkRecord *record)
{
  g_free (record->task);
  g_free (record);
}

void
craft_meta_record_free (CraftMetaRecord *record)
{
  g_free (record->key);
  g_free (record->value);
  g_free (record);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* Finishes a listing loop: resets the statement and turns a failed step into @error. */
static gboolean
finish_listing (CraftStore    *self,
                sqlite3_stmt  *stmt,
                int            rc,
                GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
craft_store_list_answer_records (CraftStore  *self,
                                 GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  /* An empty answer reads the same as a missing one, so it is not worth carrying over. */
  stmt = _craft_store_prepare (self,
                               "SELECT worksheet, field, value, updated_at FROM worksheet_answer"
                               " WHERE value <> '' ORDER BY worksheet, field",
                               error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_answer_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftAnswerRecord *record = g_new0 (CraftAnswerRecord, 1);

      record->worksheet = column_dup (stmt, 0);
      record->field = column_dup (stmt, 1);
      record->value = column_dup (stmt, 2);
      record->updated_at = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (records, record);
    }
  if (!finish_listing (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

GPtrArray *
craft_store_list_row_records (CraftStore  *self,
                              GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT id, worksheet, list, position, created_at FROM worksheet_row"
                               " WHERE deleted_at IS NULL ORDER BY worksheet, list, position, id",
                               error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_row_record_free);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftRowRecord *record = g_new0 (CraftRowRecord, 1);
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      record->worksheet = column_dup (stmt, 1);
      record->list = column_dup (stmt, 2);
      record->position = sqlite3_column_int64 (stmt, 3);
      record->created_at = sqlite3_column_int64 (stmt, 4);
      record->fields = g_ptr_array_new_with_free_func (g_free);
      record->values = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (records, record);
      g_hash_table_insert (by_id, id, record);
    }
  if (!finish_listing (self, stmt, rc, error))
    return NULL;

  stmt = _craft_store_prepare (self,
                               "SELECT v.row_id, v.field, v.value FROM worksheet_row_value v"
                               " JOIN worksheet_row r ON r.id = v.row_id"
                               " WHERE r.deleted_at IS NULL AND v.value <> ''"
                               " ORDER BY v.row_id, v.field",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CraftRowRecord *record = g_hash_table_lookup (by_id, &id);

      if (record == NULL)
        continue;
      g_ptr_array_add (record->fields, column_dup (stmt, 1));
      g_ptr_array_add (record->values, column_dup (stmt, 2));
    }
  if (!finish_listing (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

GPtrArray *
craft_store_list_session_records (CraftStore  *self,
                                  GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT number, NULLIF(planned_on, ''), IFNULL(started_at, 0),"
                               " IFNULL(done_at, 0) FROM program_session"
                               " WHERE NULLIF(planned_on, '') IS NOT NULL"
                               " OR started_at IS NOT NULL OR done_at IS NOT NULL"
                               " ORDER BY number",
                               error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_session_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftSessionRecord *record = g_new0 (CraftSessionRecord, 1);

      record->number = sqlite3_column_int (stmt, 0);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        record->planned_on = column_dup (stmt, 1);
      record->started_at = sqlite3_column_int64 (stmt, 2);
      record->done_at = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (records, record);
    }
  if (!finish_listing (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

GPtrArray *
craft_store_list_homework_records (CraftStore  *self,
                                   GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT session, task, done_at FROM homework ORDER BY session, task",
                               error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_homework_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftHomeworkRecord *record = g_new0 (CraftHomeworkRecord, 1);

      record->session = sqlite3_column_int (stmt, 0);
      record->task = column_dup (stmt, 1);
      record->done_at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (records, record);
    }
  if (!finish_listing (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

GPtrArray *
craft_store_list_meta_records (CraftStore  *self,
                               GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT key, value FROM meta WHERE value <> '' ORDER BY key",
                               error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_meta_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftMetaRecord *record = g_new0 (CraftMetaRecord, 1);

      record->key = column_dup (stmt, 0);
      record->value = column_dup (stmt, 1);
      g_ptr_array_add (records, record);
    }
  if (!finish_listing (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

gboolean
craft_store_begin_write (CraftStore  *self,
                         GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  /* A large import touches the same index pages over and over; with SQLite's default 2 MB
   * cache they are written out to the WAL again and again. A bigger cache for the length
   * of the transaction keeps them in memory until the commit. */
  if (!exec (self, "PRAGMA cache_size = " IMPORT_CACHE_SIZE, error))
    return FALSE;
  if (!exec (self, "BEGIN IMMEDIATE", error))
    {
      exec (self, "PRAGMA cache_size = " DEFAULT_CACHE_SIZE, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
craft_store_commit (CraftStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  if (!exec (self, "COMMIT", error))
    return FALSE;
  exec (self, "PRAGMA cache_size = " DEFAULT_CACHE_SIZE, NULL);
  return TRUE;
}

void
craft_store_rollback (CraftStore *self)
{
  g_return_if_fail (CRAFT_IS_STORE (self));

  /* Fails harmlessly when SQLite already rolled back on its own (a full disk, say). */
  if (!sqlite3_get_autocommit (_craft_store_get_db (self)))
    exec (self, "ROLLBACK", NULL);
  exec (self, "PRAGMA cache_size = " DEFAULT_CACHE_SIZE, NULL);
}

static gboolean
write_tags (CraftStore  *self,
            gint64       id,
            const char  *tags,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (tags, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;

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
check_time (const char  *name,
            gint64       value,
            GError     **error)
{
  if (value < 0 || value > CRAFT_STORE_MAX_TIME)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      return invalid_value (error, name, text);
    }
  return TRUE;
}

/* Checks a record as craft_store_diary_set() would; fills the numbers its values stand
 * for. */
static gboolean
check_diary_record (const CraftDiaryRecord  *record,
                    gint64                  *numbers,
                    GError                 **error)
{
  if (!g_uuid_string_is_valid (record->uuid))
    return invalid_value (error, "uuid", record->uuid);
  if (!check_time ("created-at", record->created_at, error)
      || !check_time ("updated-at", record->updated_at, error)
      || !check_time ("deleted-at", record->deleted_at, error))
    return FALSE;
  for (guint i = 0; i < N_FIELDS; i++)
    if (!check_value (&fields[i], record->values[i], &numbers[i], error))
      return FALSE;
  return check_time (fields[HAPPENED_AT].name, numbers[HAPPENED_AT], error);
}

/* An entry that was checked and is not here yet, waiting to be inserted. */
typedef struct
{
  const CraftDiaryRecord *record;
  gint64                  numbers[N_FIELDS];
  char                   *tags; /* normalized, set while binding */
} PendingEntry;

/* Binds one entry to the DIARY_ROW_PARAMS parameters from @first on. */
static void
bind_pending_entry (sqlite3_stmt *stmt,
                    int           first,
                    PendingEntry *entry)
{
  const CraftDiaryRecord *record = entry->record;
  g_autofree char *day = day_of (entry->numbers[HAPPENED_AT]);

  sqlite3_bind_text (stmt, first, record->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, first + 1, record->created_at);
  sqlite3_bind_int64 (stmt, first + 2, record->updated_at);
  bind_time_or_null (stmt, first + 3, record->deleted_at);
  sqlite3_bind_text (stmt, first + 4, day, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      int index = first + 5 + (int) i;
      const char *value = record->values[i];

      switch (fields[i].kind)
        {
        case CRAFT_DIARY_KIND_RATING:
          if (*value == '\0')
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_int64 (stmt, index, entry->numbers[i]);
          break;
        case CRAFT_DIARY_KIND_FLAG:
        case CRAFT_DIARY_KIND_TIME:
          sqlite3_bind_int64 (stmt, index, entry->numbers[i]);
          break;
        case CRAFT_DIARY_KIND_TAGS:
          g_assert (entry->tags == NULL);
          entry->tags = normalize_tags (value);
          sqlite3_bind_text (stmt, index, entry->tags, -1, SQLITE_TRANSIENT);
          break;
        case CRAFT_DIARY_KIND_TEXT:
        case CRAFT_DIARY_KIND_CHOICE:
        default:
          sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
          break;
        }
    }
}

/* Inserts the pending entries and their tags, a batch to a statement: inside
 * a transaction SQLite opens a statement savepoint for every INSERT into diary_entry (its
 * trigger writes the full-text index), and FTS5 writes its pending terms out as a new
 * segment at every savepoint, which made one INSERT per entry the bulk of an import's
 * time. */
static gboolean
insert_pending (CraftStore    *self,
                PendingEntry  *pending,
                guint          n_pending,
                GError       **error)
{
  sqlite3_stmt *stmt;

  /* The last entries of an import, fewer than a batch, go in as many small batches as they
   * fill and only the rest one by one. */
  for (guint done = 0, rows; done < n_pending; done += rows)
    {
      const char *sql = diary_insert_sql;

      rows = 1;
      if (n_pending - done >= DIARY_BIG_BATCH)
        {
          rows = DIARY_BIG_BATCH;
          sql = diary_insert_big_sql;
        }
      else if (n_pending - done >= DIARY_BATCH)
        {
          rows = DIARY_BATCH;
          sql = diary_insert_batch_sql;
        }

      stmt = _craft_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < rows; i++)
        bind_pending_entry (stmt, 1 + (int) (i * DIARY_ROW_PARAMS), &pending[done + i]);
      if (!_craft_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < n_pending; i++)
    {
      gint64 id;

      if (pending[i].tags == NULL || *pending[i].tags == '\0')
        continue;
      stmt = _craft_store_prepare (self, "SELECT id FROM diary_entry WHERE uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, pending[i].record->uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _craft_store_set_error (error, _craft_store_get_db (self), sqlite3_reset (stmt));
          return FALSE;
        }
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (!write_tags (self, id, pending[i].tags, error))
        return FALSE;
    }
  return TRUE;
}

static void
clear_pending (PendingEntry *pending,
               guint         n_pending)
{
  for (guint i = 0; i < n_pending; i++)
    g_clear_pointer (&pending[i].tags, g_free);
}

/* Whether an entry with @uuid is in the diary or the Trash, or among the @pending ones: as
 * if those had already been inserted. */
static gboolean
is_entry_here (CraftStore          *self,
               const char          *uuid,
               const PendingEntry  *pending,
               guint                n_pending,
               gboolean            *found,
               GError             **error)
{
  sqlite3_stmt *stmt = _craft_store_prepare (self, "SELECT 1 FROM diary_entry WHERE uuid = ?1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!step_exists (self, stmt, found, error))
    return FALSE;
  for (guint j = 0; j < n_pending && !*found; j++)
    *found = g_str_equal (pending[j].record->uuid, uuid);
  return TRUE;
}

/* Filling the full-text index once for all imported entries. */

struct _CraftDiarySearchPause
{
  gint64  last_id;     /* the largest entry id before the import */
  char   *trigger_sql; /* NULL: the trigger was left alone */
  char   *fill_sql;
};

void
craft_diary_search_pause_free (CraftDiarySearchPause *pause)
{
  if (pause == NULL)
    return;
  g_free (pause->trigger_sql);
  g_free (pause->fill_sql);
  g_free (pause);
}

/* Runs @sql once without caching it (it is built at run time). */
static sqlite3_stmt *
prepare_once (CraftStore  *self,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (_craft_store_get_db (self), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* The largest entry id, 0 in an empty diary. */
static gboolean
get_last_entry_id (CraftStore  *self,
                   gint64      *id,
                   GError     **error)
{
  sqlite3_stmt *stmt = _craft_store_prepare (self, "SELECT IFNULL(MAX(id), 0) FROM diary_entry",
                                             error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), sqlite3_reset (stmt));
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Whether the insert trigger does nothing but add the entry to the full-text index: only
 * then may the import fill the index itself. A trigger that also keeps something else up
 * to date (a later schema's) is left alone, and the import is merely slower. */
static gboolean
is_plain_search_trigger (const char *sql)
{
  const char *semicolon = strchr (sql, ';');

  return strstr (sql, "INSERT INTO diary_search (rowid,") != NULL
         && strstr (sql, " WHEN ") == NULL
         && semicolon != NULL && strchr (semicolon + 1, ';') == NULL;
}

CraftDiarySearchPause *
craft_store_pause_diary_search (CraftStore  *self,
                                GError     **error)
{
  g_autoptr(CraftDiarySearchPause) pause = g_new0 (CraftDiarySearchPause, 1);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *trigger_sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  /* Dropping the trigger is only safe inside the import's transaction: a rollback, or a
   * crash before the commit, brings it back with everything else. */
  g_return_val_if_fail (!sqlite3_get_autocommit (_craft_store_get_db (self)), NULL);

  stmt = _craft_store_prepare (self, "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                                     " AND name = 'diary_entry_ai' AND tbl_name = 'diary_entry'",
                               error);
  if (stmt == NULL || (trigger_sql = _craft_store_step_text (self, stmt, error)) == NULL)
    return NULL;
  if (!is_plain_search_trigger (trigger_sql))
    return g_steal_pointer (&pause);

  if (!get_last_entry_id (self, &pause->last_id, error))
    return NULL;
  /* New rows would not get ids above it: SQLite picks them at random then. */
  if (pause->last_id >= G_MAXINT64 / 2)
    return g_steal_pointer (&pause);

  /* The index's columns are the entry's columns of the same names. */
  stmt = prepare_once (self, "PRAGMA table_info(diary_search)", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (columns, ", \"%s\"", (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || columns->len == 0 || strchr (columns->str + 3, ';') != NULL)
    return g_steal_pointer (&pause);
  pause->fill_sql = g_strdup_printf ("INSERT INTO diary_search (rowid%s) SELECT id%s"
                                     " FROM diary_entry WHERE id > ?1 AND id <= ?2"
                                     " ORDER BY id",
                                     columns->str, columns->str);

  if (!exec (self, "DROP TRIGGER diary_entry_ai", error))
    return NULL;
  pause->trigger_sql = g_steal_pointer (&trigger_sql);
  return g_steal_pointer (&pause);
}

/* Rows added to the index by one statement: FTS5 writes what it holds at the end of every
 * statement, so not too few; progress is told between them. */
#define SEARCH_FILL_ROWS 4096
/* In bytes, as SQL text: while the index is filled, and FTS5's own default. */
#define SEARCH_FILL_HASH_SIZE  "67108864"
#define FTS5_DEFAULT_HASH_SIZE "1048576"
#define IS_FTS5 (strcmp (CRAFT_FTS_MODULE, "fts5") == 0)

gboolean
craft_store_resume_diary_search (CraftStore             *self,
                                 CraftDiarySearchPause  *pause,
                                 CraftDiaryFillFunc      func,
                                 gpointer                user_data,
                                 GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 last_id;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (pause != NULL, FALSE);

  if (pause->trigger_sql == NULL)
    return TRUE;

  if (!get_last_entry_id (self, &last_id, error))
    return FALSE;

  /* FTS5 writes out what it collected whenever it holds more than its hash size (1 MB by
   * default), and then merges those small segments again and again: a larger one for the
   * fill took a quarter off its time. The size is kept in the index's settings, so it is
   * set back afterwards (and a rollback undoes both). */
  if (IS_FTS5 && !exec (self, "INSERT INTO diary_search (diary_search, rank)"
                              " VALUES ('hashsize', " SEARCH_FILL_HASH_SIZE ")", error))
    return FALSE;
  stmt = prepare_once (self, pause->fill_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (gint64 from = pause->last_id; from < last_id && ok; from += SEARCH_FILL_ROWS)
    {
      gint64 to = MIN (from + SEARCH_FILL_ROWS, last_id);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _craft_store_set_error (error, _craft_store_get_db (self), sqlite3_reset (stmt));
          ok = FALSE;
        }
      else if (func != NULL)
        func ((guint) (to - pause->last_id), user_data);
    }
  sqlite3_finalize (stmt);

  if (ok && IS_FTS5)
    ok = exec (self, "INSERT INTO diary_search (diary_search, rank)"
                     " VALUES ('hashsize', " FTS5_DEFAULT_HASH_SIZE ")", error);
  /* The trigger comes back as it was, for everything written after the import. */
  if (ok)
    ok = exec (self, pause->trigger_sql, error);
  if (ok)
    g_clear_pointer (&pause->trigger_sql, g_free);
  return ok;
}

guint
craft_store_diary_batch_size (CraftStore *self)
{
  sqlite3 *db;

  g_return_val_if_fail (CRAFT_IS_STORE (self), DIARY_BATCH);

  db = _craft_store_get_db (self);
  return sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, -1)
         >= DIARY_BIG_BATCH * DIARY_ROW_PARAMS ? DIARY_BIG_BATCH : DIARY_BATCH;
}

gboolean
craft_store_merge_diary_records (CraftStore              *self,
                                 const CraftDiaryRecord  *records,
                                 guint                    n_records,
                                 gboolean                 dry_run,
                                 gboolean                *changed,
                                 GError                 **error)
{
  g_autofree PendingEntry *pending = NULL;
  guint n_pending = 0;
  guint batch;
  gboolean ok = TRUE;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL || n_records == 0, FALSE);
  g_return_val_if_fail (changed != NULL || n_records == 0, FALSE);

  for (guint i = 0; i < n_records; i++)
    changed[i] = FALSE;
  if (!check_fields (error))
    return FALSE;

  batch = craft_store_diary_batch_size (self);
  pending = g_new0 (PendingEntry, batch);
  for (guint i = 0; i < n_records && ok; i++)
    {
      const CraftDiaryRecord *record = &records[i];
      PendingEntry *entry = &pending[n_pending];
      gboolean found;

      g_return_val_if_fail (record->uuid != NULL && record->values != NULL, FALSE);

      if (!check_diary_record (record, entry->numbers, error)
          || !is_entry_here (self, record->uuid, pending, n_pending, &found, error))
        {
          ok = FALSE;
          break;
        }
      changed[i] = !found;
      if (found || dry_run)
        continue;

      entry->record = record;
      if (++n_pending == batch)
        {
          ok = insert_pending (self, pending, n_pending, error);
          clear_pending (pending, n_pending);
          n_pending = 0;
        }
    }
  if (ok && n_pending > 0)
    ok = insert_pending (self, pending, n_pending, error);
  clear_pending (pending, n_pending);
  return ok;
}

gboolean
craft_store_merge_diary_record (CraftStore              *self,
                                const CraftDiaryRecord  *record,
                                gboolean                 dry_run,
                                gboolean                *changed,
                                GError                 **error)
{
  g_return_val_if_fail (record != NULL, FALSE);

  return craft_store_merge_diary_records (self, record, 1, dry_run, changed, error);
}

/* Whether a text value keyed by (@first, @second) is missing or empty; with @second NULL
 * the key is @first alone. */
static gboolean
is_empty_here (CraftStore   *self,
               const char   *sql,
               const char   *first,
               const char   *second,
               gboolean     *empty,
               GError      **error)
{
  sqlite3_stmt *stmt = _craft_store_prepare (self, sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  if (!step_exists (self, stmt, &found, error))
    return FALSE;
  *empty = !found;
  return TRUE;
}

gboolean
craft_store_merge_answer (CraftStore  *self,
                          const char  *worksheet,
                          const char  *field,
                          const char  *value,
                          gint64       updated_at,
                          gboolean     dry_run,
                          gboolean    *changed,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean empty;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (worksheet != NULL && field != NULL && value != NULL, FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  *changed = FALSE;
  if (*value == '\0')
    return TRUE;
  if (!is_empty_here (self,
                      "SELECT 1 FROM worksheet_answer"
                      " WHERE worksheet = ?1 AND field = ?2 AND value <> ''",
                      worksheet, field, &empty, error))
    return FALSE;
  *changed = empty;
  if (!empty || dry_run)
    return TRUE;

  stmt = _craft_store_prepare (self,
                               "INSERT OR REPLACE INTO worksheet_answer"
                               " (worksheet, field, value, updated_at) VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, worksheet, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, updated_at);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_list_has_rows (CraftStore  *self,
                           const char  *worksheet,
                           const char  *list,
                           gboolean    *has_rows,
                           GError     **error)
{
  gboolean empty;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (worksheet != NULL && list != NULL && has_rows != NULL, FALSE);

  if (!is_empty_here (self,
                      "SELECT 1 FROM worksheet_row"
                      " WHERE worksheet = ?1 AND list = ?2 AND deleted_at IS NULL LIMIT 1",
                      worksheet, list, &empty, error))
    return FALSE;
  *has_rows = !empty;
  return TRUE;
}

gint64
craft_store_insert_row (CraftStore  *self,
                        const char  *worksheet,
                        const char  *list,
                        gint64       position,
                        gint64       created_at,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), 0);
  g_return_val_if_fail (worksheet != NULL && list != NULL, 0);

  stmt = _craft_store_prepare (self,
                               "INSERT INTO worksheet_row (worksheet, list, position, created_at)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, worksheet, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, position);
  sqlite3_bind_int64 (stmt, 4, created_at);
  if (!_craft_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_craft_store_get_db (self));
}

gboolean
craft_store_merge_session (CraftStore                *self,
                           const CraftSessionRecord  *record,
                           gboolean                   dry_run,
                           gboolean                  *changed,
                           GError                   **error)
{
  const char *planned_on;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->number >= 1 && record->number <= 12, FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  planned_on = record->planned_on != NULL && *record->planned_on != '\0'
               ? record->planned_on : NULL;
  *changed = FALSE;

  stmt = _craft_store_prepare (self,
                               "SELECT NULLIF(planned_on, '') IS NULL, started_at IS NULL,"
                               " done_at IS NULL FROM program_session WHERE number = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, record->number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *changed = (planned_on != NULL && sqlite3_column_int (stmt, 0))
               || (record->started_at > 0 && sqlite3_column_int (stmt, 1))
               || (record->done_at > 0 && sqlite3_column_int (stmt, 2));
  else if (rc == SQLITE_DONE)
    *changed = planned_on != NULL || record->started_at > 0 || record->done_at > 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  if (!*changed || dry_run)
    return TRUE;

  stmt = _craft_store_prepare (self, "INSERT OR IGNORE INTO program_session (number) VALUES (?1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, record->number);
  if (!_craft_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _craft_store_prepare (self,
                               "UPDATE program_session SET"
                               " planned_on = IFNULL(NULLIF(planned_on, ''), ?2),"
                               " started_at = IFNULL(started_at, ?3),"
                               " done_at = IFNULL(done_at, ?4) WHERE number = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, record->number);
  if (planned_on != NULL)
    sqlite3_bind_text (stmt, 2, planned_on, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  bind_time_or_null (stmt, 3, record->started_at);
  bind_time_or_null (stmt, 4, record->done_at);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_merge_homework (CraftStore  *self,
                            int          session,
                            const char  *task,
                            gint64       done_at,
                            gboolean     dry_run,
                            gboolean    *changed,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (task != NULL && changed != NULL, FALSE);

  *changed = FALSE;
  stmt = _craft_store_prepare (self, "SELECT 1 FROM homework WHERE session = ?1 AND task = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, session);
  sqlite3_bind_text (stmt, 2, task, -1, SQLITE_TRANSIENT);
  if (!step_exists (self, stmt, &found, error))
    return FALSE;
  *changed = !found;
  if (found || dry_run)
    return TRUE;

  stmt = _craft_store_prepare (self,
                               "INSERT INTO homework (session, task, done_at) VALUES (?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, session);
  sqlite3_bind_text (stmt, 2, task, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, done_at);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_merge_happiness (CraftStore  *self,
                             const char  *day,
                             const char  *area,
                             int          value,
                             gboolean     dry_run,
                             gboolean    *changed,
                             GError     **error)
{
  gboolean empty;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL && area != NULL && changed != NULL, FALSE);

  *changed = FALSE;
  if (!is_empty_here (self, "SELECT 1 FROM happiness_rating WHERE day = ?1 AND area = ?2",
                      day, area, &empty, error))
    return FALSE;
  *changed = empty;
  if (!empty || dry_run)
    return TRUE;

  /* The store's own setter checks day, area and value and uses the same table. */
  return craft_store_set_happiness (self, day, area, value, error);
}

gboolean
craft_store_merge_meta (CraftStore  *self,
                        const char  *key,
                        const char  *value,
                        gboolean     dry_run,
                        gboolean    *changed,
                        GError     **error)
{
  gboolean empty;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL && changed != NULL, FALSE);

  *changed = FALSE;
  if (*value == '\0')
    return TRUE;
  if (!is_empty_here (self, "SELECT 1 FROM meta WHERE key = ?1 AND value <> ''", key, NULL,
                      &empty, error))
    return FALSE;
  *changed = empty;
  if (!empty || dry_run)
    return TRUE;
  return craft_store_set_meta (self, key, value, error);
}

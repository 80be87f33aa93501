/* src/store/craft-store-leader.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group leader's groups, participants, attendance and notes. Only the leader_* tables
 * are touched here: a leader who is also a relative keeps both, and neither sees the other.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "craft-store-leader.h"
#include "craft-store-private.h"

void
craft_leader_group_free (CraftLeaderGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->name);
  g_free (group);
}

void
craft_leader_participant_free (CraftLeaderParticipant *participant)
{
  if (participant == NULL)
    return;
  g_free (participant->name);
  g_free (participant);
}

void
craft_leader_run_clear (CraftLeaderRun *run)
{
  g_clear_pointer (&run->used, g_array_unref);
  run->current = 0;
  run->running_since = 0;
}

static gboolean
is_language (const char *language)
{
  return g_strcmp0 (language, "en") == 0 || g_strcmp0 (language, "sv") == 0
         || g_strcmp0 (language, "da") == 0;
}

/* A savepoint, so that it also nests inside a transaction someone else opened. */
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

static gboolean
commit_or_roll_back (CraftStore  *self,
                     gboolean     ok,
                     GError     **error)
{
  if (ok && exec (self, "RELEASE craft_leader", error))
    return TRUE;
  exec (self, "ROLLBACK TO craft_leader; RELEASE craft_leader", NULL);
  return FALSE;
}

/* Runs a query whose rows the caller reads with @read_row; FALSE with @error on failure. */
typedef void (*ReadRowFunc) (sqlite3_stmt *stmt,
                             gpointer      user_data);

static gboolean
read_rows (CraftStore    *self,
           sqlite3_stmt  *stmt,
           ReadRowFunc    read_row,
           gpointer       user_data,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read_row (stmt, user_data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static void
read_group_row (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  CraftLeaderGroup *group = g_new0 (CraftLeaderGroup, 1);

  group->id = sqlite3_column_int64 (stmt, 0);
  group->name = g_strdup (column_text (stmt, 1));
  g_strlcpy (group->language, column_text (stmt, 2), sizeof group->language);
  g_strlcpy (group->start_on, column_text (stmt, 3), sizeof group->start_on);
  g_ptr_array_add (user_data, group);
}

/* The rows of a query with one id bound (unless @id is 0), each read by @read_row. */
static GPtrArray *
list_rows (CraftStore      *self,
           const char      *sql,
           gint64           id,
           ReadRowFunc      read_row,
           GDestroyNotify   free_func,
           GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;

  stmt = _craft_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  items = g_ptr_array_new_with_free_func (free_func);
  if (!read_rows (self, stmt, read_row, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
craft_store_leader_list_groups (CraftStore  *self,
                                GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  return list_rows (self,
                    "SELECT id, name, language, start_on FROM leader_group"
                    " ORDER BY name COLLATE NOCASE, id",
                    0, read_group_row, (GDestroyNotify) craft_leader_group_free, error);
}

CraftLeaderGroup *
craft_store_leader_get_group (CraftStore  *self,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  groups = list_rows (self,
                      "SELECT id, name, language, start_on FROM leader_group WHERE id = ?1",
                      id, read_group_row, (GDestroyNotify) craft_leader_group_free, error);
  if (groups == NULL)
    return NULL;
  if (groups->len == 0)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The group is no longer there."));
      return NULL;
    }
  return g_ptr_array_steal_index (groups, 0);
}

/* Sessions 1 … 12 a week apart from @start_on, which must be a valid day. */
static gboolean
plan_weekly (CraftStore  *self,
             gint64       group,
             const char  *start_on,
             GError     **error)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, start_on);
  if (!g_date_valid (&date))
    return TRUE;

  for (int number = 1; number <= CRAFT_LEADER_N_SESSIONS; number++)
    {
      char day[11];

      g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);
      if (!craft_store_leader_set_planned (self, group, number, day, error))
        return FALSE;
      g_date_add_days (&date, 7);
    }
  return TRUE;
}

static gboolean
check_group_fields (const char  *name,
                    const char  *language,
                    const char  *start_on,
                    GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (*stripped == '\0')
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The group needs a name."));
      return FALSE;
    }
  return is_language (language) && start_on != NULL;
}

gint64
craft_store_leader_create_group (CraftStore  *self,
                                 const char  *name,
                                 const char  *language,
                                 const char  *start_on,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CRAFT_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!check_group_fields (name, language, start_on, error))
    return 0;
  if (!exec (self, "SAVEPOINT craft_leader", error))
    return 0;

  stmt = _craft_store_prepare (self,
                               "INSERT INTO leader_group (name, language, start_on, created_at)"
                               " VALUES (?1, ?2, ?3, strftime('%s', 'now'))",
                               error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, language, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, start_on, -1, SQLITE_TRANSIENT);
      ok = _craft_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (_craft_store_get_db (self));
      ok = plan_weekly (self, id, start_on, error);
    }
  if (!commit_or_roll_back (self, ok, ok ? error : NULL))
    return 0;
  return id;
}

gboolean
craft_store_leader_update_group (CraftStore  *self,
                                 gint64       id,
                                 const char  *name,
                                 const char  *language,
                                 const char  *start_on,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!check_group_fields (name, language, start_on, error))
    return FALSE;
  stmt = _craft_store_prepare (self,
                               "UPDATE leader_group SET name = ?2, language = ?3, start_on = ?4"
                               " WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, start_on, -1, SQLITE_TRANSIENT);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_leader_delete_group (CraftStore  *self,
                                 gint64       id,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  /* The foreign keys cascade to the plan, participants and (through them) attendance. */
  stmt = _craft_store_prepare (self, "DELETE FROM leader_group WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _craft_store_step_done (self, stmt, error);
}

typedef struct
{
  char (*days)[11];
} PlanRows;

static void
read_plan_row (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  PlanRows *rows = user_data;
  int number = sqlite3_column_int (stmt, 0);

  if (number >= 1 && number <= CRAFT_LEADER_N_SESSIONS)
    g_strlcpy (rows->days[number - 1], column_text (stmt, 1), 11);
}

gboolean
craft_store_leader_get_plan (CraftStore  *self,
                             gint64       group,
                             char         days[CRAFT_LEADER_N_SESSIONS][11],
                             GError     **error)
{
  PlanRows rows = { days };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (days != NULL, FALSE);

  memset (days, 0, CRAFT_LEADER_N_SESSIONS * 11);
  stmt = _craft_store_prepare (self,
                               "SELECT number, planned_on FROM leader_session WHERE group_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group);
  return read_rows (self, stmt, read_plan_row, &rows, error);
}

/* The session's row exists before any column of it changes. */
static gboolean
ensure_session (CraftStore  *self,
                gint64       group,
                int          number,
                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (number >= 1 && number <= CRAFT_LEADER_N_SESSIONS, FALSE);

  stmt = _craft_store_prepare (self,
                               "INSERT OR IGNORE INTO leader_session (group_id, number)"
                               " VALUES (?1, ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group);
  sqlite3_bind_int (stmt, 2, number);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_leader_set_planned (CraftStore  *self,
                                gint64       group,
                                int          number,
                                const char  *day,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!ensure_session (self, group, number, error))
    return FALSE;
  stmt = _craft_store_prepare (self,
                               "UPDATE leader_session SET planned_on = ?3"
                               " WHERE group_id = ?1 AND number = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group);
  sqlite3_bind_int (stmt, 2, number);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  return _craft_store_step_done (self, stmt, error);
}

static void
read_participant_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  CraftLeaderParticipant *participant = g_new0 (CraftLeaderParticipant, 1);

  participant->id = sqlite3_column_int64 (stmt, 0);
  participant->name = g_strdup (column_text (stmt, 1));
  g_ptr_array_add (user_data, participant);
}

GPtrArray *
craft_store_leader_list_participants (CraftStore  *self,
                                      gint64       group,
                                      GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  return list_rows (self,
                    "SELECT id, name FROM leader_participant WHERE group_id = ?1"
                    " ORDER BY position, id",
                    group, read_participant_row,
                    (GDestroyNotify) craft_leader_participant_free, error);
}

static gboolean
check_participant_name (const char  *name,
                        GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (*stripped != '\0')
    return TRUE;
  g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
               _("Write a first name or an alias."));
  return FALSE;
}

gint64
craft_store_leader_add_participant (CraftStore  *self,
                                    gint64       group,
                                    const char  *name,
                                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!check_participant_name (name, error))
    return 0;
  stmt = _craft_store_prepare (self,
                               "INSERT INTO leader_participant (group_id, name, position)"
                               " SELECT ?1, ?2, IFNULL(MAX(position) + 1, 0)"
                               " FROM leader_participant WHERE group_id = ?1",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!_craft_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_craft_store_get_db (self));
}

gboolean
craft_store_leader_rename_participant (CraftStore  *self,
                                       gint64       participant,
                                       const char  *name,
                                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!check_participant_name (name, error))
    return FALSE;
  stmt = _craft_store_prepare (self, "UPDATE leader_participant SET name = ?2 WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_leader_remove_participant (CraftStore  *self,
                                       gint64       participant,
                                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  stmt = _craft_store_prepare (self, "DELETE FROM leader_participant WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_leader_get_attendance (CraftStore  *self,
                                   gint64       participant,
                                   int          number,
                                   gboolean    *present,
                                   char       **note,
                                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  stmt = _craft_store_prepare (self,
                               "SELECT present, note FROM leader_attendance"
                               " WHERE participant_id = ?1 AND number = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant);
  sqlite3_bind_int (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (present != NULL)
    *present = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  if (note != NULL)
    *note = g_strdup (rc == SQLITE_ROW ? column_text (stmt, 1) : "");
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      if (note != NULL)
        g_clear_pointer (note, g_free);
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_attendance (CraftStore    *self,
                   gint64         participant,
                   int            number,
                   const char    *update_sql,
                   sqlite3_stmt **out_stmt,
                   GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (number >= 1 && number <= CRAFT_LEADER_N_SESSIONS, FALSE);

  /* A participant removed meanwhile (a note still waiting to be saved) is no error: there
   * is just nothing left to write to. */
  stmt = _craft_store_prepare (self,
                               "INSERT OR IGNORE INTO leader_attendance (participant_id, number)"
                               " SELECT ?1, ?2 WHERE EXISTS"
                               " (SELECT 1 FROM leader_participant WHERE id = ?1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant);
  sqlite3_bind_int (stmt, 2, number);
  if (!_craft_store_step_done (self, stmt, error))
    return FALSE;
  *out_stmt = _craft_store_prepare (self, update_sql, error);
  if (*out_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (*out_stmt, 1, participant);
  sqlite3_bind_int (*out_stmt, 2, number);
  return TRUE;
}

gboolean
craft_store_leader_set_present (CraftStore  *self,
                                gint64       participant,
                                int          number,
                                gboolean     present,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!update_attendance (self, participant, number,
                          "UPDATE leader_attendance SET present = ?3"
                          " WHERE participant_id = ?1 AND number = ?2",
                          &stmt, error))
    return FALSE;
  sqlite3_bind_int (stmt, 3, present ? 1 : 0);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_leader_set_note (CraftStore  *self,
                             gint64       participant,
                             int          number,
                             const char  *note,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (note != NULL, FALSE);

  if (!update_attendance (self, participant, number,
                          "UPDATE leader_attendance SET note = ?3"
                          " WHERE participant_id = ?1 AND number = ?2",
                          &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_leader_get_run (CraftStore      *self,
                            gint64           group,
                            int              number,
                            CraftLeaderRun  *run,
                            GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  run->current = 0;
  run->running_since = 0;
  run->used = g_array_new (FALSE, TRUE, sizeof (gint64));

  stmt = _craft_store_prepare (self,
                               "SELECT current_part, used, IFNULL(running_since, 0)"
                               " FROM leader_session WHERE group_id = ?1 AND number = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group);
  sqlite3_bind_int (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_auto(GStrv) parts = g_strsplit (column_text (stmt, 1), ",", -1);

      run->current = MAX (0, sqlite3_column_int (stmt, 0));
      run->running_since = MAX (0, sqlite3_column_int64 (stmt, 2));
      for (guint i = 0; parts[i] != NULL && *parts[i] != '\0'; i++)
        {
          guint64 seconds = 0;

          g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXINT32, &seconds, NULL);
          g_array_append_val (run->used, (gint64) { seconds });
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
craft_store_leader_set_run (CraftStore           *self,
                            gint64                group,
                            int                   number,
                            const CraftLeaderRun *run,
                            GError              **error)
{
  g_autoptr(GString) used = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  for (guint i = 0; run->used != NULL && i < run->used->len; i++)
    g_string_append_printf (used, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (run->used, gint64, i));

  if (!ensure_session (self, group, number, error))
    return FALSE;
  stmt = _craft_store_prepare (self,
                               "UPDATE leader_session SET current_part = ?3, used = ?4,"
                               " running_since = ?5 WHERE group_id = ?1 AND number = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group);
  sqlite3_bind_int (stmt, 2, number);
  sqlite3_bind_int (stmt, 3, run->current);
  sqlite3_bind_text (stmt, 4, used->str, -1, SQLITE_TRANSIENT);
  if (run->running_since > 0)
    sqlite3_bind_int64 (stmt, 5, run->running_since);
  else
    sqlite3_bind_null (stmt, 5);
  return _craft_store_step_done (self, stmt, error);
}

/* One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field
 * that a spreadsheet would run as a formula gets a leading apostrophe, so opening the
 * export can never run anything. */
static void
append_csv_field (GString    *csv,
                  const char *value,
                  gboolean    last)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  gboolean formula = strchr ("=+-@", valid[0]) != NULL && valid[0] != '\0';

  if (formula || strpbrk (valid, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      if (formula)
        g_string_append_c (csv, '\'');
      for (const char *p = valid; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else
    g_string_append (csv, valid);
  g_string_append (csv, last ? "\r\n" : ",");
}

char *
craft_store_leader_export_csv (CraftStore  *self,
                               gint64       group,
                               GError     **error)
{
  g_autoptr(CraftLeaderGroup) info = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  char days[CRAFT_LEADER_N_SESSIONS][11];

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  if ((info = craft_store_leader_get_group (self, group, error)) == NULL
      || !craft_store_leader_get_plan (self, group, days, error)
      || (participants = craft_store_leader_list_participants (self, group, error)) == NULL)
    return NULL;

  /* Translators: the column headings of the attendance export (a CSV file) */
  append_csv_field (csv, C_("csv", "Group"), FALSE);
  append_csv_field (csv, C_("csv", "Group session"), FALSE);
  append_csv_field (csv, C_("csv", "Date"), FALSE);
  append_csv_field (csv, C_("csv", "Participant"), FALSE);
  append_csv_field (csv, C_("csv", "Present"), FALSE);
  append_csv_field (csv, C_("csv", "Note"), TRUE);

  for (int number = 1; number <= CRAFT_LEADER_N_SESSIONS; number++)
    for (guint i = 0; i < participants->len; i++)
      {
        CraftLeaderParticipant *participant = g_ptr_array_index (participants, i);
        g_autofree char *note = NULL;
        char session[4];
        gboolean present;

        if (!craft_store_leader_get_attendance (self, participant->id, number, &present, &note,
                                                error))
          return NULL;
        g_snprintf (session, sizeof session, "%d", number);
        append_csv_field (csv, info->name, FALSE);
        append_csv_field (csv, session, FALSE);
        append_csv_field (csv, days[number - 1], FALSE);
        append_csv_field (csv, participant->name, FALSE);
        /* Translators: in the attendance export, whether someone came */
        append_csv_field (csv, present ? C_("csv", "yes") : C_("csv", "no"), FALSE);
        append_csv_field (csv, note, TRUE);
      }
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

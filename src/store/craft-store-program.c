/* src/store/craft-store-program.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CRAFT program's progress, plan, homework and happiness ratings.
 */
#include "config.h"

#include <string.h>

#include "craft-store-private.h"

char *
craft_store_get_meta (CraftStore  *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _craft_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return _craft_store_step_text (self, stmt, error);
}

gboolean
craft_store_set_meta (CraftStore  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  stmt = _craft_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_get_progress (CraftStore           *self,
                          CraftSessionProgress  progress[12],
                          GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);

  memset (progress, 0, sizeof (CraftSessionProgress) * 12);
  for (int i = 0; i < 12; i++)
    progress[i].number = i + 1;

  stmt = _craft_store_prepare (self,
                               "SELECT number, IFNULL(planned_on, ''), IFNULL(started_at, 0),"
                               " IFNULL(done_at, 0) FROM program_session",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (stmt, 0);
      CraftSessionProgress *p;

      if (number < 1 || number > 12)
        continue;
      p = &progress[number - 1];
      g_strlcpy (p->planned_on, (const char *) sqlite3_column_text (stmt, 1),
                 sizeof p->planned_on);
      p->started_at = sqlite3_column_int64 (stmt, 2);
      p->done_at = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

/* Each setter first makes sure the session has its row, then changes one column. */
static gboolean
update_session (CraftStore   *self,
                int           number,
                const char   *update_sql,
                sqlite3_stmt **out_stmt,
                GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (number >= 1 && number <= 12, FALSE);

  stmt = _craft_store_prepare (self, "INSERT OR IGNORE INTO program_session (number) VALUES (?1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, number);
  if (!_craft_store_step_done (self, stmt, error))
    return FALSE;

  *out_stmt = _craft_store_prepare (self, update_sql, error);
  if (*out_stmt == NULL)
    return FALSE;
  sqlite3_bind_int (*out_stmt, 1, number);
  return TRUE;
}

gboolean
craft_store_set_session_started (CraftStore  *self,
                                 int          number,
                                 gint64       when,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  if (!update_session (self, number,
                       "UPDATE program_session SET started_at = ?2"
                       " WHERE number = ?1 AND started_at IS NULL",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, when);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_set_session_done (CraftStore  *self,
                              int          number,
                              gint64       done_at,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!update_session (self, number,
                       "UPDATE program_session SET done_at = ?2,"
                       " started_at = IFNULL(started_at, ?2) WHERE number = ?1",
                       &stmt, error))
    return FALSE;
  if (done_at > 0)
    sqlite3_bind_int64 (stmt, 2, done_at);
  else
    sqlite3_bind_null (stmt, 2);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_set_session_planned (CraftStore  *self,
                                 int          number,
                                 const char  *day,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (day != NULL, FALSE);

  if (!update_session (self, number, "UPDATE program_session SET planned_on = ?2 WHERE number = ?1",
                       &stmt, error))
    return FALSE;
  if (*day != '\0')
    sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_get_homework_done (CraftStore  *self,
                               int          session,
                               const char  *task,
                               gboolean    *done,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (task != NULL && done != NULL, FALSE);

  stmt = _craft_store_prepare (self, "SELECT 1 FROM homework WHERE session = ?1 AND task = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, session);
  sqlite3_bind_text (stmt, 2, task, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  *done = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
craft_store_set_homework_done (CraftStore  *self,
                               int          session,
                               const char  *task,
                               gboolean     done,
                               gint64       when,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (task != NULL, FALSE);

  stmt = _craft_store_prepare (self,
                               done ? "INSERT OR REPLACE INTO homework (session, task, done_at)"
                                      " VALUES (?1, ?2, ?3)"
                                    : "DELETE FROM homework WHERE session = ?1 AND task = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, session);
  sqlite3_bind_text (stmt, 2, task, -1, SQLITE_TRANSIENT);
  if (done)
    sqlite3_bind_int64 (stmt, 3, when);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_set_happiness (CraftStore  *self,
                           const char  *day,
                           const char  *area,
                           int          value,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL && strlen (day) == 10, FALSE);
  g_return_val_if_fail (area != NULL && strlen (area) < sizeof ((CraftHappinessRating *) 0)->area,
                        FALSE);
  g_return_val_if_fail (value >= 0 && value <= 10, FALSE);

  stmt = _craft_store_prepare (self,
                               "INSERT OR REPLACE INTO happiness_rating (day, area, value)"
                               " VALUES (?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, area, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, value);
  return _craft_store_step_done (self, stmt, error);
}

GArray *
craft_store_list_happiness (CraftStore  *self,
                            GError     **error)
{
  g_autoptr(GArray) ratings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT day, area, value FROM happiness_rating ORDER BY day, area",
                               error);
  if (stmt == NULL)
    return NULL;

  ratings = g_array_new (FALSE, TRUE, sizeof (CraftHappinessRating));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftHappinessRating rating = { 0 };

      g_strlcpy (rating.day, (const char *) sqlite3_column_text (stmt, 0), sizeof rating.day);
      g_strlcpy (rating.area, (const char *) sqlite3_column_text (stmt, 1), sizeof rating.area);
      rating.value = sqlite3_column_int (stmt, 2);
      g_array_append_val (ratings, rating);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&ratings);
}

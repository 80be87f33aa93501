/* src/store/craft-store-review.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures behind the Review place. Every one is a single GROUP BY in SQLite, never a
 * loop over entries in C, so that a diary of 100,000 entries still charts at once. The SQL
 * is put together from fixed fragments only and stays within SQLite 3.15.
 */
#include "config.h"

#include <string.h>

#include "craft-store-private.h"
#include "craft-store-review.h"

/* The figures by week first add up each day (in the order of the covering index on day,
 * with no sorting) in a subquery `d`, and work out the week once a day rather than once an
 * entry: date() on every entry was most of their time.
 *
 * The Monday that starts the ISO week of a day. Going back six days and then forward to
 * the next Monday leaves a Monday where it is, and (unlike strftime('%W')) does not reset at
 * New Year, so a week that spans two years stays one week. */
#define WEEK_OF_DAY "date(d.day, '-6 days', 'weekday 1')"

/* Case, surrounding space and runs of space do not make another trigger. SQLite's own
 * lower() folds only ASCII, which would count "Ångest" and "ångest" apart. */
#define FOLD_FUNCTION "craft_review_fold"

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) result = NULL;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      sqlite3_result_null (context);
      return;
    }

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (normal, -1);
  result = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = result->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (result, ' ');
      space = FALSE;
      g_string_append_unichar (result, c);
    }
  sqlite3_result_text (context, result->str, (int) result->len, SQLITE_TRANSIENT);
}

static gboolean
ensure_fold_function (CraftStore  *self,
                      GError     **error)
{
  int rc;

  if (g_object_get_data (G_OBJECT (self), FOLD_FUNCTION) != NULL)
    return TRUE;
  rc = sqlite3_create_function_v2 (_craft_store_get_db (self), FOLD_FUNCTION, 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fold_function,
                                   NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, _craft_store_get_db (self), rc);
      return FALSE;
    }
  g_object_set_data (G_OBJECT (self), FOLD_FUNCTION, GINT_TO_POINTER (TRUE));
  return TRUE;
}

/* The conditions every figure shares. The day range is left out when open, rather than
 * written as "?1 IS NULL OR ...", so that SQLite can use the index on day. */
static void
append_where (GString    *sql,
              const char *from_day,
              const char *to_day)
{
  g_string_append (sql, " WHERE e.deleted_at IS NULL");
  if (from_day != NULL)
    g_string_append (sql, " AND e.day >= ?1");
  if (to_day != NULL)
    g_string_append (sql, " AND e.day <= ?2");
}

/* Prepares @sql, kept for the next time (the interned string is the cache's key), with the
 * day range bound. */
static sqlite3_stmt *
prepare_range (CraftStore  *self,
               GString     *sql,
               const char  *from_day,
               const char  *to_day,
               GError     **error)
{
  sqlite3_stmt *stmt = _craft_store_prepare (self, g_intern_string (sql->str), error);

  if (stmt == NULL)
    return NULL;
  if (from_day != NULL)
    sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_TRANSIENT);
  if (to_day != NULL)
    sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* Ends a loop over rows: resets @stmt, and turns anything but SQLITE_DONE into @error. */
static gboolean
finish (CraftStore    *self,
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

static void
copy_day (char         dest[11],
          sqlite3_stmt *stmt,
          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_strlcpy (dest, text != NULL ? text : "", 11);
}

static gboolean
valid_range (const char *from_day,
             const char *to_day)
{
  return (from_day == NULL || strlen (from_day) == 10)
         && (to_day == NULL || strlen (to_day) == 10);
}

gboolean
craft_store_review_totals (CraftStore         *self,
                           const char         *from_day,
                           const char         *to_day,
                           CraftReviewTotals  *totals,
                           GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT COUNT(*), TOTAL(e.flagged != 0), MIN(e.day),"
                                         " MAX(e.day) FROM diary_entry e");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);
  g_return_val_if_fail (valid_range (from_day, to_day), FALSE);

  memset (totals, 0, sizeof *totals);
  append_where (sql, from_day, to_day);
  stmt = prepare_range (self, sql, from_day, to_day, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      totals->entries = sqlite3_column_int (stmt, 0);
      totals->flagged = (int) sqlite3_column_double (stmt, 1);
      copy_day (totals->first_day, stmt, 2);
      copy_day (totals->last_day, stmt, 3);
      rc = sqlite3_step (stmt);
    }
  return finish (self, stmt, rc, error);
}

GArray *
craft_store_review_stress (CraftStore       *self,
                           const char       *from_day,
                           const char       *to_day,
                           CraftReviewStep   step,
                           GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (valid_range (from_day, to_day), NULL);

  if (step == CRAFT_REVIEW_BY_WEEK)
    {
      /* AVG() adds up in doubles too: whole numbers from 0 to 10 add up exactly either way. */
      g_string_append (sql, "SELECT " WEEK_OF_DAY " AS period,"
                            " CAST(SUM(d.total) AS REAL) / SUM(d.n), MIN(d.low), MAX(d.high),"
                            " SUM(d.n) FROM (SELECT e.day AS day, SUM(e.stress) AS total,"
                            " MIN(e.stress) AS low, MAX(e.stress) AS high, COUNT(e.stress) AS n"
                            " FROM diary_entry e");
      append_where (sql, from_day, to_day);
      g_string_append (sql, " AND e.stress IS NOT NULL GROUP BY e.day) d"
                            " GROUP BY period ORDER BY period");
    }
  else
    {
      g_string_append (sql, "SELECT e.day AS period, AVG(e.stress), MIN(e.stress),"
                            " MAX(e.stress), COUNT(e.stress) FROM diary_entry e");
      append_where (sql, from_day, to_day);
      g_string_append (sql, " AND e.stress IS NOT NULL GROUP BY period ORDER BY period");
    }

  stmt = prepare_range (self, sql, from_day, to_day, error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (CraftReviewStress));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftReviewStress row = { { 0 }, 0, 0, 0, 0 };

      copy_day (row.period, stmt, 0);
      row.average = sqlite3_column_double (stmt, 1);
      row.min = sqlite3_column_int (stmt, 2);
      row.max = sqlite3_column_int (stmt, 3);
      row.count = sqlite3_column_int (stmt, 4);
      g_array_append_val (rows, row);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GArray *
craft_store_review_coping (CraftStore  *self,
                           const char  *from_day,
                           const char  *to_day,
                           GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " WEEK_OF_DAY " AS week,"
                                         " TOTAL(d.engaged), TOTAL(d.tolerant),"
                                         " TOTAL(d.withdrawn) FROM (SELECT e.day AS day,"
                                         " TOTAL(e.coping = 'engaged') AS engaged,"
                                         " TOTAL(e.coping = 'tolerant') AS tolerant,"
                                         " TOTAL(e.coping = 'withdrawn') AS withdrawn"
                                         " FROM diary_entry e");
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (valid_range (from_day, to_day), NULL);

  append_where (sql, from_day, to_day);
  g_string_append (sql, " AND e.coping IN ('engaged', 'tolerant', 'withdrawn')"
                        " GROUP BY e.day) d GROUP BY week ORDER BY week");

  stmt = prepare_range (self, sql, from_day, to_day, error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (CraftReviewCoping));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftReviewCoping row = { { 0 }, 0, 0, 0 };

      copy_day (row.week, stmt, 0);
      row.engaged = (int) sqlite3_column_double (stmt, 1);
      row.tolerant = (int) sqlite3_column_double (stmt, 2);
      row.withdrawn = (int) sqlite3_column_double (stmt, 3);
      g_array_append_val (rows, row);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

static void
clear_count (gpointer data)
{
  CraftReviewCount *count = data;

  g_clear_pointer (&count->value, g_free);
  g_clear_pointer (&count->label, g_free);
}

GArray *
craft_store_review_count (CraftStore            *self,
                          const char            *from_day,
                          const char            *to_day,
                          CraftReviewCountKind   kind,
                          guint                  limit,
                          GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) rows = NULL;
  const char *tail = " GROUP BY value ORDER BY COUNT(*) DESC, value";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (valid_range (from_day, to_day), NULL);

  switch (kind)
    {
    case CRAFT_REVIEW_COUNT_LOVED_ONE_STATE:
      g_string_append (sql, "SELECT e.loved_one_state AS value, e.loved_one_state, COUNT(*)"
                            " FROM diary_entry e");
      append_where (sql, from_day, to_day);
      break;
    case CRAFT_REVIEW_COUNT_SAFE:
      g_string_append (sql, "SELECT e.safe AS value, e.safe, COUNT(*) FROM diary_entry e");
      append_where (sql, from_day, to_day);
      break;
    case CRAFT_REVIEW_COUNT_TAGS:
      if (from_day == NULL && to_day == NULL)
        {
          /* The whole diary: every tag counted from the narrow index on tag, less the few
           * tags of entries in the Trash, rather than looking up every tagged entry.
           * (Foreign keys are on, so every tag belongs to an entry.) */
          g_string_append (sql, "SELECT x.value, x.value, x.n FROM (SELECT a.tag AS value,"
                                " a.n - IFNULL(b.n, 0) AS n FROM (SELECT tag, COUNT(*) AS n"
                                " FROM diary_tag WHERE tag != '' GROUP BY tag) a LEFT JOIN"
                                " (SELECT t.tag AS tag, COUNT(*) AS n FROM diary_entry e"
                                " CROSS JOIN diary_tag t ON t.entry_id = e.id"
                                " WHERE e.deleted_at IS NOT NULL GROUP BY t.tag) b"
                                " ON b.tag = a.tag) x WHERE x.n > 0");
          tail = " ORDER BY x.n DESC, x.value";
          break;
        }
      g_string_append (sql, "SELECT t.tag AS value, t.tag, COUNT(*)"
                            " FROM diary_tag t JOIN diary_entry e ON e.id = t.entry_id");
      append_where (sql, from_day, to_day);
      g_string_append (sql, " AND t.tag != ''");
      break;
    case CRAFT_REVIEW_COUNT_TRIGGERS:
      if (!ensure_fold_function (self, error))
        return NULL;
      /* Folding is slow next to counting: the same text is counted first, and each
       * different text folded once. MIN picks one spelling to show, the same each time. */
      g_string_append (sql, "SELECT " FOLD_FUNCTION " (x.text) AS value,"
                            " MIN(trim(x.text, ' ' || char(9, 10, 13))), SUM(x.n) AS n FROM"
                            " (SELECT e.trigger_text AS text, COUNT(*) AS n FROM diary_entry e");
      append_where (sql, from_day, to_day);
      g_string_append (sql, " AND trim(e.trigger_text, ' ' || char(9, 10, 13)) != ''"
                            " GROUP BY e.trigger_text) x");
      tail = " GROUP BY value ORDER BY n DESC, value";
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  g_string_append (sql, tail);
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  stmt = prepare_range (self, sql, from_day, to_day, error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (CraftReviewCount));
  g_array_set_clear_func (rows, clear_count);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);
      const char *label = (const char *) sqlite3_column_text (stmt, 1);
      CraftReviewCount row;

      row.value = g_strdup (value != NULL ? value : "");
      row.label = g_strdup (label != NULL ? label : row.value);
      row.count = sqlite3_column_int (stmt, 2);
      g_array_append_val (rows, row);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GArray *
craft_store_review_happiness (CraftStore  *self,
                              const char  *from_day,
                              const char  *to_day,
                              GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT e.day, e.area, e.value"
                                         " FROM happiness_rating e WHERE 1");
  g_autoptr(GArray) ratings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (valid_range (from_day, to_day), NULL);

  if (from_day != NULL)
    g_string_append (sql, " AND e.day >= ?1");
  if (to_day != NULL)
    g_string_append (sql, " AND e.day <= ?2");
  g_string_append (sql, " ORDER BY e.day, e.area");

  stmt = prepare_range (self, sql, from_day, to_day, error);
  if (stmt == NULL)
    return NULL;

  ratings = g_array_new (FALSE, TRUE, sizeof (CraftHappinessRating));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftHappinessRating rating;
      const char *area = (const char *) sqlite3_column_text (stmt, 1);

      memset (&rating, 0, sizeof rating);
      copy_day (rating.day, stmt, 0);
      g_strlcpy (rating.area, area != NULL ? area : "", sizeof rating.area);
      rating.value = sqlite3_column_int (stmt, 2);
      g_array_append_val (ratings, rating);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ratings);
}

char *
craft_store_review_last_session_day (CraftStore  *self,
                                     GError     **error)
{
  g_autoptr(GDateTime) when = NULL;
  sqlite3_stmt *stmt;
  gint64 done_at = 0;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT MAX(done_at) FROM program_session WHERE done_at > 0",
                               error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      done_at = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  /* The day in local time, as the diary keeps its days; GLib rather than SQLite's
   * 'localtime' so that both agree on the time zone. */
  if (done_at <= 0 || (when = g_date_time_new_from_unix_local (done_at)) == NULL)
    return g_strdup ("");
  return g_date_time_format (when, "%Y-%m-%d");
}

GArray *
craft_store_review_entries_since (CraftStore  *self,
                                  const char  *from_day,
                                  guint        limit,
                                  GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT e.id FROM diary_entry e");
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (valid_range (from_day, NULL), NULL);

  append_where (sql, from_day, NULL);
  g_string_append (sql, " ORDER BY e.flagged != 0 DESC, e.happened_at DESC, e.id DESC");
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  stmt = prepare_range (self, sql, from_day, NULL, error);
  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* src/store/craft-store-review.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures behind the Review place. craft_store_review_figures() gives all of them for a
 * period at once from the summaries schema version 6 keeps by day and by week (see
 * craft-store-schema.c), so that a diary of 100,000 entries still charts at once; the
 * functions for one figure each count the entries themselves, with a single GROUP BY, and
 * serve periods' tags and triggers and the tests' comparisons. The SQL is put together
 * from fixed fragments only and stays within SQLite 3.15.
 */
#include "config.h"

#include <stdio.h>
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

static GArray *
new_count_array (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (CraftReviewCount));

  g_array_set_clear_func (rows, clear_count);
  return rows;
}

/* Rows of value, label and count from @stmt, reset at the end. */
static GArray *
read_counts (CraftStore    *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) rows = new_count_array ();
  int rc;

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
craft_store_review_count (CraftStore            *self,
                          const char            *from_day,
                          const char            *to_day,
                          CraftReviewCountKind   kind,
                          guint                  limit,
                          GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *tail = " GROUP BY value ORDER BY COUNT(*) DESC, value";
  sqlite3_stmt *stmt;

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

  return read_counts (self, stmt, error);
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

void
craft_review_figures_free (CraftReviewFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_pointer (&figures->stress, g_array_unref);
  g_clear_pointer (&figures->coping, g_array_unref);
  g_clear_pointer (&figures->states, g_array_unref);
  g_clear_pointer (&figures->safe, g_array_unref);
  g_clear_pointer (&figures->tags, g_array_unref);
  g_clear_pointer (&figures->triggers, g_array_unref);
  g_clear_pointer (&figures->happiness, g_array_unref);
  g_clear_pointer (&figures->since_ids, g_array_unref);
  g_free (figures);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const CraftReviewCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->value, y->value);
}

/* The values with their counts (column @first on of @stmt), those counted at all, most
 * first and then by value: what GROUP BY value ORDER BY COUNT(*) DESC, value gives. */
static GArray *
counts_from (sqlite3_stmt       *stmt,
             int                 first,
             const char * const *values,
             guint               n_values)
{
  GArray *rows = new_count_array ();

  for (guint i = 0; i < n_values; i++)
    {
      int count = (int) sqlite3_column_int64 (stmt, first + (int) i);
      CraftReviewCount row;

      if (count <= 0)
        continue;
      row.value = g_strdup (values[i]);
      row.label = g_strdup (values[i]);
      row.count = count;
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_counts);
  return rows;
}

/* The days of the period in review_day (craft-store-schema.c, version 6). Its key starts
 * with the week, so the range is given as weeks too, for SQLite to seek rather than scan;
 * the weeks of the days themselves are worked out once each, not once a row. */
static void
append_day_range (GString    *sql,
                  const char *from_day,
                  const char *to_day)
{
  g_string_append (sql, " FROM review_day d WHERE 1");
  if (from_day != NULL)
    g_string_append (sql, " AND d.week >= date(?1, '-6 days', 'weekday 1') AND d.day >= ?1");
  if (to_day != NULL)
    g_string_append (sql, " AND d.week <= date(?2, '-6 days', 'weekday 1') AND d.day <= ?2");
}

/* The whole diary adds up weeks (review_week), a period its days. */
static void
append_range_source (GString    *sql,
                     const char *from_day,
                     const char *to_day)
{
  if (from_day == NULL && to_day == NULL)
    g_string_append (sql, " FROM review_week d");
  else
    append_day_range (sql, from_day, to_day);
}

static const char * const state_values[] = {
  "sober", "using", "influenced", "hungover", "unknown", "",
};
static const char * const safe_values[] = { "yes", "no", "unsure", "" };

/* How many entries and flagged ones, their first and last day, the loved one's states and
 * the answers to feeling safe: one row added up from the days. */
static gboolean
add_up_totals (CraftStore          *self,
               const char          *from_day,
               const char          *to_day,
               CraftReviewFigures  *figures,
               GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT TOTAL(d.entries), TOTAL(d.flagged),");
  sqlite3_stmt *stmt;
  int rc;

  G_STATIC_ASSERT (G_N_ELEMENTS (state_values) == 6 && G_N_ELEMENTS (safe_values) == 4);

  if (from_day == NULL && to_day == NULL)
    /* The first and last day straight from the ends of review_day's key. */
    g_string_append (sql, " (SELECT day FROM review_day ORDER BY week, day LIMIT 1),"
                          " (SELECT day FROM review_day ORDER BY week DESC, day DESC LIMIT 1),");
  else
    g_string_append (sql, " MIN(d.day), MAX(d.day),");
  g_string_append (sql, " TOTAL(d.state_sober), TOTAL(d.state_using),"
                        " TOTAL(d.state_influenced), TOTAL(d.state_hungover),"
                        " TOTAL(d.state_unknown), TOTAL(d.state_none),"
                        " TOTAL(d.safe_yes), TOTAL(d.safe_no),"
                        " TOTAL(d.safe_unsure), TOTAL(d.safe_none)");
  append_range_source (sql, from_day, to_day);
  stmt = prepare_range (self, sql, from_day, to_day, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      figures->totals.entries = (int) sqlite3_column_double (stmt, 0);
      figures->totals.flagged = (int) sqlite3_column_double (stmt, 1);
      copy_day (figures->totals.first_day, stmt, 2);
      copy_day (figures->totals.last_day, stmt, 3);
      figures->states = counts_from (stmt, 4, state_values, G_N_ELEMENTS (state_values));
      figures->safe = counts_from (stmt, 10, safe_values, G_N_ELEMENTS (safe_values));
      rc = sqlite3_step (stmt);
    }
  return finish (self, stmt, rc, error);
}

/* Stress by day, for a short period. */
static gboolean
add_up_stress_by_day (CraftStore          *self,
                      const char          *from_day,
                      const char          *to_day,
                      CraftReviewFigures  *figures,
                      GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT d.day, d.stress_sum, d.stress_n,"
                                         " d.stress_min, d.stress_max");
  sqlite3_stmt *stmt;
  int rc;

  append_day_range (sql, from_day, to_day);
  g_string_append (sql, " AND d.stress_n > 0 ORDER BY d.day");
  stmt = prepare_range (self, sql, from_day, to_day, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftReviewStress row = { { 0 }, 0, 0, 0, 0 };

      copy_day (row.period, stmt, 0);
      /* As SQLite's AVG() does: the whole-number sum divided as doubles. */
      row.average = (double) sqlite3_column_int64 (stmt, 1) / sqlite3_column_int (stmt, 2);
      row.min = sqlite3_column_int (stmt, 3);
      row.max = sqlite3_column_int (stmt, 4);
      row.count = sqlite3_column_int (stmt, 2);
      g_array_append_val (figures->stress, row);
    }
  return finish (self, stmt, rc, error);
}

/* The ways of coping by week and, unless it goes by day, stress by week: the weeks kept for
 * the whole diary, or a period's days added up in the order of review_day's key, so
 * without sorting. */
static gboolean
add_up_weeks (CraftStore          *self,
              const char          *from_day,
              const char          *to_day,
              CraftReviewFigures  *figures,
              GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  gboolean stress = figures->step == CRAFT_REVIEW_BY_WEEK;
  sqlite3_stmt *stmt;
  int rc;

  if (from_day == NULL && to_day == NULL)
    g_string_append (sql, "SELECT d.week, d.stress_sum, d.stress_n, d.stress_min, d.stress_max,"
                          " d.engaged, d.tolerant, d.withdrawn FROM review_week d"
                          " ORDER BY d.week");
  else
    {
      g_string_append (sql, "SELECT d.week, TOTAL(d.stress_sum), TOTAL(d.stress_n),"
                            " MIN(d.stress_min), MAX(d.stress_max), TOTAL(d.engaged),"
                            " TOTAL(d.tolerant), TOTAL(d.withdrawn)");
      append_day_range (sql, from_day, to_day);
      g_string_append (sql, " GROUP BY d.week ORDER BY d.week");
    }
  stmt = prepare_range (self, sql, from_day, to_day, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CraftReviewCoping coping = { { 0 }, 0, 0, 0 };
      int n = (int) sqlite3_column_double (stmt, 2);

      if (stress && n > 0)
        {
          CraftReviewStress row = { { 0 }, 0, 0, 0, 0 };

          copy_day (row.period, stmt, 0);
          row.average = sqlite3_column_double (stmt, 1) / n;
          row.min = sqlite3_column_int (stmt, 3);
          row.max = sqlite3_column_int (stmt, 4);
          row.count = n;
          g_array_append_val (figures->stress, row);
        }
      coping.engaged = (int) sqlite3_column_double (stmt, 5);
      coping.tolerant = (int) sqlite3_column_double (stmt, 6);
      coping.withdrawn = (int) sqlite3_column_double (stmt, 7);
      if (coping.engaged + coping.tolerant + coping.withdrawn > 0)
        {
          copy_day (coping.week, stmt, 0);
          g_array_append_val (figures->coping, coping);
        }
    }
  return finish (self, stmt, rc, error);
}

/* Whole days from @from_day to @to_day (YYYY-MM-DD); 0 when either is not a date. */
static int
days_between (const char *from_day,
              const char *to_day)
{
  int y1, m1, d1, y2, m2, d2;

  if (sscanf (from_day, "%4d-%2d-%2d", &y1, &m1, &d1) != 3
      || sscanf (to_day, "%4d-%2d-%2d", &y2, &m2, &d2) != 3
      || !g_date_valid_dmy (d1, m1, y1) || !g_date_valid_dmy (d2, m2, y2))
    return 0;
  {
    g_autoptr(GDate) from = g_date_new_dmy (d1, m1, y1);
    g_autoptr(GDate) to = g_date_new_dmy (d2, m2, y2);

    return g_date_days_between (from, to);
  }
}

/* Totals, states, safety, stress and the ways of coping, from the days of the period or the
 * weeks of the whole diary. */
static gboolean
add_up_days (CraftStore          *self,
             const char          *from_day,
             const char          *to_day,
             guint                max_days_by_day,
             CraftReviewFigures  *figures,
             GError             **error)
{
  if (!add_up_totals (self, from_day, to_day, figures, error))
    return FALSE;
  figures->step = days_between (figures->totals.first_day, figures->totals.last_day)
                  < (int) max_days_by_day ? CRAFT_REVIEW_BY_DAY : CRAFT_REVIEW_BY_WEEK;
  figures->stress = g_array_new (FALSE, TRUE, sizeof (CraftReviewStress));
  figures->coping = g_array_new (FALSE, TRUE, sizeof (CraftReviewCoping));
  return add_up_weeks (self, from_day, to_day, figures, error)
         && (figures->step == CRAFT_REVIEW_BY_WEEK
             || add_up_stress_by_day (self, from_day, to_day, figures, error));
}

/* The most frequent tags or triggers of the whole diary, from the counts kept for it. */
static GArray *
count_whole_diary (CraftStore            *self,
                   CraftReviewCountKind   kind,
                   guint                  limit,
                   GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (kind == CRAFT_REVIEW_COUNT_TAGS)
    g_string_append (sql, "SELECT tag, tag, n FROM review_tag ORDER BY n DESC, tag");
  else
    {
      if (!ensure_fold_function (self, error))
        return NULL;
      /* As craft_store_review_count() does, over each different text once. */
      g_string_append (sql, "SELECT " FOLD_FUNCTION " (text) AS value,"
                            " MIN(trim(text, ' ' || char(9, 10, 13))), SUM(n) AS total"
                            " FROM review_trigger GROUP BY value ORDER BY total DESC, value");
    }
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  stmt = prepare_range (self, sql, NULL, NULL, error);
  if (stmt == NULL)
    return NULL;
  return read_counts (self, stmt, error);
}

static GArray *
count_top (CraftStore            *self,
           const char            *from_day,
           const char            *to_day,
           CraftReviewCountKind   kind,
           guint                  limit,
           GError               **error)
{
  /* A period is read from its entries through the index on day: the periods the Review
   * offers are short, and counts kept per day and value would outnumber the entries. */
  if (from_day == NULL && to_day == NULL)
    return count_whole_diary (self, kind, limit, error);
  return craft_store_review_count (self, from_day, to_day, kind, limit, error);
}

static gboolean
count_since (CraftStore  *self,
             const char  *since_day,
             int         *entries,
             GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT TOTAL(d.entries)");
  sqlite3_stmt *stmt;
  int rc;

  append_day_range (sql, since_day, NULL);
  stmt = prepare_range (self, sql, since_day, NULL, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *entries = (int) sqlite3_column_double (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  return finish (self, stmt, rc, error);
}

/* Runs one statement without a result, prepared once and kept. */
static gboolean
run (CraftStore  *self,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = _craft_store_prepare (self, sql, error);

  return stmt != NULL && _craft_store_step_done (self, stmt, error);
}

CraftReviewFigures *
craft_store_review_figures (CraftStore                *self,
                            const CraftReviewRequest  *request,
                            GError                   **error)
{
  g_autoptr(CraftReviewFigures) figures = NULL;
  const char *from_day, *to_day;
  gboolean ok;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (valid_range (request->from_day, request->to_day), NULL);
  g_return_val_if_fail (valid_range (request->since_day, NULL), NULL);

  from_day = request->from_day;
  to_day = request->to_day;
  figures = g_new0 (CraftReviewFigures, 1);

  /* One snapshot for every figure, so that they agree with each other. A savepoint, not
   * BEGIN: it also works inside a transaction someone else opened. */
  if (!run (self, "SAVEPOINT craft_review", error))
    return NULL;
  ok = add_up_days (self, from_day, to_day, request->max_days_by_day, figures, error)
       && (figures->tags = count_top (self, from_day, to_day, CRAFT_REVIEW_COUNT_TAGS,
                                      request->top_tags, error)) != NULL
       && (figures->triggers = count_top (self, from_day, to_day, CRAFT_REVIEW_COUNT_TRIGGERS,
                                          request->top_triggers, error)) != NULL
       && (figures->happiness = craft_store_review_happiness (self, from_day, to_day,
                                                              error)) != NULL
       && (request->since_day == NULL
           || (count_since (self, request->since_day, &figures->since_entries, error)
               && (figures->since_ids = craft_store_review_entries_since (
                     self, request->since_day, request->since_limit, error)) != NULL));
  if (!ok)
    {
      run (self, "ROLLBACK TO craft_review", NULL);
      run (self, "RELEASE craft_review", NULL);
      return NULL;
    }
  if (!run (self, "RELEASE craft_review", error))
    return NULL;
  return g_steal_pointer (&figures);
}

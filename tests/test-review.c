/* tests/test-review.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Review place: the figures the store counts for it on a fixed diary, and the page in a
 * real window, where each chart must say its numbers in words and as a table.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/craft-context.h"
#include "app/craft-date-button.h"
#include "craft-test-util.h"
#include "program/craft-happiness-chart.h"
#include "review/craft-export.h"
#include "review/craft-review-chart.h"
#include "review/craft-review-page.h"
#include "store/craft-store-backup.h"
#include "store/craft-store-private.h"
#include "store/craft-store-review.h"

/* Seconds since 1970 of @day at @hour:@minute UTC (the tests run with TZ=UTC). */
static gint64
at (const char *day,
    int         hour,
    int         minute)
{
  int y, m, d;
  g_autoptr(GDateTime) when = NULL;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &y, &m, &d), ==, 3);
  when = g_date_time_new_utc (y, m, d, hour, minute, 0);
  return g_date_time_to_unix (when);
}

typedef struct
{
  const char *day;
  int         hour;
  const char *stress;
  const char *coping;
  const char *state;
  const char *safe;
  const char *tags;
  const char *trigger;
  gboolean    flagged;
  gboolean    trashed;
  const char *what;
} Entry;

static gint64
add_entry (CraftStore  *store,
           const Entry *e)
{
  g_autoptr(GError) error = NULL;
  gint64 id = craft_store_diary_create (store, at (e->day, e->hour, 0), &error);
  const char *fields[][2] = {
    { "stress", e->stress }, { "coping", e->coping }, { "loved-one-state", e->state },
    { "safe", e->safe }, { "tags", e->tags }, { "trigger", e->trigger },
    { "flagged", e->flagged ? "1" : "0" }, { "what-happened", e->what },
  };

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i][1] == NULL)
        continue;
      craft_store_diary_set (store, id, fields[i][0], fields[i][1], &error);
      g_assert_no_error (error);
    }
  if (e->trashed)
    {
      craft_store_diary_delete (store, id, at ("2026-01-12", 9, 0), &error);
      g_assert_no_error (error);
    }
  return id;
}

/* A small diary across New Year. The ISO week of Monday 29 December 2025 runs to Sunday
 * 4 January 2026. */
static const Entry fixed_entries[] = {
  { "2025-12-28", 12, "5", "tolerant", NULL, NULL, NULL, NULL, FALSE, FALSE, NULL },
  { "2025-12-29", 12, "4", "engaged", "sober", "yes", "work,money", "Payday", FALSE, FALSE, NULL },
  { "2026-01-01", 12, "8", "tolerant", "influenced", "no", "Work", "  payday ", TRUE, FALSE, NULL },
  { "2026-01-04", 12, "6", "withdrawn", "hungover", "unsure", "weekend", "Ångest", FALSE, FALSE,
    NULL },
  { "2026-01-05", 12, "2", "engaged", "sober", "yes", "work", "ångest", FALSE, FALSE, NULL },
  { "2026-01-05", 15, NULL, NULL, NULL, NULL, NULL, NULL, TRUE, FALSE, NULL },
  { "2026-01-06", 12, "0", "tolerant", "using", "no", "work,lent", "payday", TRUE, TRUE, NULL },
  { "2026-01-11", 12, "10", "engaged", "using", "no", "money", NULL, FALSE, FALSE, NULL },
};

static CraftStore *
open_fixed_store (gint64 *ids)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = craft_test_make_dir ("review-store");
  CraftStore *store = craft_store_open (dir, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fixed_entries); i++)
    {
      gint64 id = add_entry (store, &fixed_entries[i]);

      if (ids != NULL)
        ids[i] = id;
    }
  return store;
}

static void
test_store_totals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = open_fixed_store (NULL);
  CraftReviewTotals totals;

  g_assert_true (craft_store_review_totals (store, NULL, NULL, &totals, &error));
  g_assert_no_error (error);
  /* The entry in the Trash is not counted. */
  g_assert_cmpint (totals.entries, ==, 7);
  g_assert_cmpint (totals.flagged, ==, 2);
  g_assert_cmpstr (totals.first_day, ==, "2025-12-28");
  g_assert_cmpstr (totals.last_day, ==, "2026-01-11");

  g_assert_true (craft_store_review_totals (store, "2026-01-01", "2026-01-05", &totals, &error));
  g_assert_cmpint (totals.entries, ==, 4);
  g_assert_cmpint (totals.flagged, ==, 2);

  g_assert_true (craft_store_review_totals (store, "2026-01-06", NULL, &totals, &error));
  g_assert_cmpint (totals.entries, ==, 1);
  g_assert_cmpint (totals.flagged, ==, 0);

  g_assert_true (craft_store_review_totals (store, "2020-01-01", "2020-12-31", &totals, &error));
  g_assert_cmpint (totals.entries, ==, 0);
  g_assert_cmpstr (totals.first_day, ==, "");
}

static void
assert_stress (GArray     *rows,
               guint       index,
               const char *period,
               double      average,
               int         min,
               int         max,
               int         count)
{
  CraftReviewStress *row = &g_array_index (rows, CraftReviewStress, index);

  g_assert_cmpstr (row->period, ==, period);
  g_assert_cmpfloat_with_epsilon (row->average, average, 1e-9);
  g_assert_cmpint (row->min, ==, min);
  g_assert_cmpint (row->max, ==, max);
  g_assert_cmpint (row->count, ==, count);
}

static void
test_store_stress (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = open_fixed_store (NULL);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) some = NULL;

  days = craft_store_review_stress (store, NULL, NULL, CRAFT_REVIEW_BY_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 6);
  assert_stress (days, 0, "2025-12-28", 5, 5, 5, 1);
  assert_stress (days, 1, "2025-12-29", 4, 4, 4, 1);
  assert_stress (days, 2, "2026-01-01", 8, 8, 8, 1);
  assert_stress (days, 3, "2026-01-04", 6, 6, 6, 1);
  /* The second entry that day has no rating and does not pull the average down. */
  assert_stress (days, 4, "2026-01-05", 2, 2, 2, 1);
  assert_stress (days, 5, "2026-01-11", 10, 10, 10, 1);

  weeks = craft_store_review_stress (store, NULL, NULL, CRAFT_REVIEW_BY_WEEK, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 3);
  /* A Sunday belongs to the week before; a Monday to its own week, across New Year too. */
  assert_stress (weeks, 0, "2025-12-22", 5, 5, 5, 1);
  assert_stress (weeks, 1, "2025-12-29", 6, 4, 8, 3);
  /* The 0 in the Trash (6 January) would make this 4 with a minimum of 0. */
  assert_stress (weeks, 2, "2026-01-05", 6, 2, 10, 2);

  some = craft_store_review_stress (store, "2026-01-01", "2026-01-04", CRAFT_REVIEW_BY_WEEK,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 1);
  assert_stress (some, 0, "2025-12-29", 7, 6, 8, 2);
}

static void
test_store_week_of_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = craft_test_make_dir ("review-weeks");
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  /* Each day with the Monday of its ISO week, including the days around New Year and a
   * leap day. */
  const char *cases[][2] = {
    { "2024-02-26", "2024-02-26" }, { "2024-02-29", "2024-02-26" },
    { "2024-03-03", "2024-02-26" }, { "2024-12-30", "2024-12-30" },
    { "2025-01-01", "2024-12-30" }, { "2025-01-05", "2024-12-30" },
    { "2025-01-06", "2025-01-06" }, { "2026-11-23", "2026-11-23" },
    { "2026-11-29", "2026-11-23" }, { "2027-01-03", "2026-12-28" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) weeks = NULL;
      Entry entry = { cases[i][0], 10, "3", "engaged", NULL, NULL, NULL, NULL, FALSE, FALSE,
                      NULL };
      gint64 id = add_entry (store, &entry);

      weeks = craft_store_review_stress (store, cases[i][0], cases[i][0], CRAFT_REVIEW_BY_WEEK,
                                         &error);
      g_assert_no_error (error);
      g_assert_cmpuint (weeks->len, ==, 1);
      g_assert_cmpstr (g_array_index (weeks, CraftReviewStress, 0).period, ==, cases[i][1]);
      craft_store_diary_delete (store, id, 1, &error);
      g_assert_no_error (error);
    }
}

static void
test_store_coping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = open_fixed_store (NULL);
  g_autoptr(GArray) weeks = NULL;
  const CraftReviewCoping expected[] = {
    { "2025-12-22", 0, 1, 0 },
    { "2025-12-29", 1, 1, 1 },
    { "2026-01-05", 2, 0, 0 },
  };

  weeks = craft_store_review_coping (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CraftReviewCoping *row = &g_array_index (weeks, CraftReviewCoping, i);

      g_assert_cmpstr (row->week, ==, expected[i].week);
      g_assert_cmpint (row->engaged, ==, expected[i].engaged);
      g_assert_cmpint (row->tolerant, ==, expected[i].tolerant);
      g_assert_cmpint (row->withdrawn, ==, expected[i].withdrawn);
    }
}

/* @expected: "value=label=count" items, in order. */
static void
assert_counts (GArray      *rows,
               const char **expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < rows->len; i++)
    {
      CraftReviewCount *row = &g_array_index (rows, CraftReviewCount, i);

      g_test_message ("%s=%s=%d", row->value, row->label, row->count);
    }
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      CraftReviewCount *row = &g_array_index (rows, CraftReviewCount, i);
      g_autofree char *got = g_strdup_printf ("%s=%s=%d", row->value, row->label, row->count);

      g_assert_cmpstr (got, ==, expected[i]);
    }
}

static void
test_store_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = open_fixed_store (NULL);
  g_autoptr(GArray) states = NULL;
  g_autoptr(GArray) safe = NULL;
  g_autoptr(GArray) tags = NULL;
  g_autoptr(GArray) top_tag = NULL;
  g_autoptr(GArray) triggers = NULL;
  g_autoptr(GArray) later = NULL;
  const char *expected_states[] = {
    "==2", "sober=sober=2", "hungover=hungover=1", "influenced=influenced=1", "using=using=1",
    NULL
  };
  const char *expected_safe[] = { "==2", "no=no=2", "yes=yes=2", "unsure=unsure=1", NULL };
  const char *expected_tags[] = { "work=work=3", "money=money=2", "weekend=weekend=1", NULL };
  const char *expected_top_tag[] = { "work=work=3", NULL };
  /* "lent" is only on an entry in the Trash. */
  const char *expected_later_tags[] = { "money=money=1", "work=work=1", NULL };
  /* Case and spaces do not make another trigger, for å as much as for P; the Trash's
   * "payday" is not counted. */
  const char *expected_triggers[] = { "payday=Payday=2", "ångest=Ångest=2", NULL };
  const char *expected_later[] = { "no=no=1", NULL };

  states = craft_store_review_count (store, NULL, NULL, CRAFT_REVIEW_COUNT_LOVED_ONE_STATE, 0,
                                     &error);
  g_assert_no_error (error);
  assert_counts (states, expected_states);

  safe = craft_store_review_count (store, NULL, NULL, CRAFT_REVIEW_COUNT_SAFE, 0, &error);
  g_assert_no_error (error);
  assert_counts (safe, expected_safe);

  tags = craft_store_review_count (store, NULL, NULL, CRAFT_REVIEW_COUNT_TAGS, 10, &error);
  g_assert_no_error (error);
  assert_counts (tags, expected_tags);
  top_tag = craft_store_review_count (store, NULL, NULL, CRAFT_REVIEW_COUNT_TAGS, 1, &error);
  g_assert_no_error (error);
  assert_counts (top_tag, expected_top_tag);

  triggers = craft_store_review_count (store, NULL, NULL, CRAFT_REVIEW_COUNT_TRIGGERS, 5,
                                       &error);
  g_assert_no_error (error);
  assert_counts (triggers, expected_triggers);

  later = craft_store_review_count (store, "2026-01-06", NULL, CRAFT_REVIEW_COUNT_SAFE, 0,
                                    &error);
  g_assert_no_error (error);
  assert_counts (later, expected_later);
  g_clear_pointer (&later, g_array_unref);

  later = craft_store_review_count (store, "2026-01-05", NULL, CRAFT_REVIEW_COUNT_TAGS, 10,
                                    &error);
  g_assert_no_error (error);
  assert_counts (later, expected_later_tags);
}

static void
test_store_last_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = open_fixed_store (NULL);
  g_autofree char *none = NULL;
  g_autofree char *day = NULL;
  g_autofree char *reopened = NULL;

  none = craft_store_review_last_session_day (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (none, ==, "");

  craft_store_set_session_done (store, 5, at ("2026-01-05", 8, 0), &error);
  g_assert_no_error (error);
  /* Done later, though an earlier session: the newest moment counts. */
  craft_store_set_session_done (store, 3, at ("2026-01-04", 23, 30), &error);
  g_assert_no_error (error);
  craft_store_set_session_done (store, 1, at ("2025-12-01", 18, 0), &error);
  g_assert_no_error (error);
  day = craft_store_review_last_session_day (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (day, ==, "2026-01-05");

  craft_store_set_session_done (store, 5, 0, &error);
  g_assert_no_error (error);
  reopened = craft_store_review_last_session_day (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reopened, ==, "2026-01-04");
}

static void
test_store_entries_since (void)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (fixed_entries)];
  g_autoptr(CraftStore) store = open_fixed_store (ids);
  g_autoptr(GArray) since = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) all = NULL;

  since = craft_store_review_entries_since (store, "2026-01-04", 0, &error);
  g_assert_no_error (error);
  /* Flagged first (5 January, 15:00), then newest first; the Trash is left out. */
  g_assert_cmpuint (since->len, ==, 4);
  g_assert_cmpint (g_array_index (since, gint64, 0), ==, ids[5]);
  g_assert_cmpint (g_array_index (since, gint64, 1), ==, ids[7]);
  g_assert_cmpint (g_array_index (since, gint64, 2), ==, ids[4]);
  g_assert_cmpint (g_array_index (since, gint64, 3), ==, ids[3]);

  first = craft_store_review_entries_since (store, "2026-01-04", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpint (g_array_index (first, gint64, 1), ==, ids[7]);

  all = craft_store_review_entries_since (store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 7);
  g_assert_cmpint (g_array_index (all, gint64, 0), ==, ids[5]);
  g_assert_cmpint (g_array_index (all, gint64, 1), ==, ids[2]);
  g_assert_cmpint (g_array_index (all, gint64, 6), ==, ids[0]);
}

static void
test_store_happiness (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = open_fixed_store (NULL);
  g_autoptr(GArray) some = NULL;

  craft_store_set_happiness (store, "2025-12-01", "money", 2, &error);
  craft_store_set_happiness (store, "2025-12-30", "money", 4, &error);
  craft_store_set_happiness (store, "2025-12-30", "health", 6, &error);
  craft_store_set_happiness (store, "2026-02-01", "money", 7, &error);
  g_assert_no_error (error);

  some = craft_store_review_happiness (store, "2025-12-28", "2026-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpstr (g_array_index (some, CraftHappinessRating, 0).area, ==, "health");
  g_assert_cmpint (g_array_index (some, CraftHappinessRating, 1).value, ==, 4);
}

/* The figures of craft_store_review_figures(), from the summaries the store keeps, must be
 * exactly what counting the entries one figure at a time gives (the functions the Review
 * place used before, each tested above on a fixed diary), for every kind of period. */
static int
whole_days (const char *from_day,
            const char *to_day)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  int y, m, d;

  if (*from_day == '\0' || *to_day == '\0')
    return 0;
  g_assert_cmpint (sscanf (from_day, "%d-%d-%d", &y, &m, &d), ==, 3);
  from = g_date_time_new_utc (y, m, d, 12, 0, 0);
  g_assert_cmpint (sscanf (to_day, "%d-%d-%d", &y, &m, &d), ==, 3);
  to = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return (int) (g_date_time_difference (to, from) / G_TIME_SPAN_DAY);
}

static void
assert_counts_equal (GArray *fast,
                     GArray *slow)
{
  g_assert_cmpuint (fast->len, ==, slow->len);
  for (guint i = 0; i < slow->len; i++)
    {
      CraftReviewCount *a = &g_array_index (fast, CraftReviewCount, i);
      CraftReviewCount *b = &g_array_index (slow, CraftReviewCount, i);

      g_assert_cmpstr (a->value, ==, b->value);
      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpint (a->count, ==, b->count);
    }
}

static guint
assert_figures_exact (CraftStore *store,
                      const char *from_day,
                      const char *to_day,
                      const char *since_day)
{
  g_autoptr(GError) error = NULL;
  CraftReviewRequest request = { from_day, to_day, since_day, 50, 10, 8, 42 };
  g_autoptr(CraftReviewFigures) fast = craft_store_review_figures (store, &request, &error);
  g_autoptr(GArray) stress = NULL, coping = NULL, happiness = NULL, since = NULL;
  g_autoptr(GArray) states = NULL, safe = NULL, tags = NULL, triggers = NULL;
  CraftReviewTotals totals;
  CraftReviewStep step;

  g_test_message ("figures from %s to %s", from_day ? from_day : "the start",
                  to_day ? to_day : "the end");
  g_assert_no_error (error);
  g_assert_nonnull (fast);

  g_assert_true (craft_store_review_totals (store, from_day, to_day, &totals, &error));
  g_assert_cmpint (fast->totals.entries, ==, totals.entries);
  g_assert_cmpint (fast->totals.flagged, ==, totals.flagged);
  g_assert_cmpstr (fast->totals.first_day, ==, totals.first_day);
  g_assert_cmpstr (fast->totals.last_day, ==, totals.last_day);

  step = whole_days (totals.first_day, totals.last_day) < 42 ? CRAFT_REVIEW_BY_DAY
                                                              : CRAFT_REVIEW_BY_WEEK;
  g_assert_cmpint (fast->step, ==, step);
  stress = craft_store_review_stress (store, from_day, to_day, step, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fast->stress->len, ==, stress->len);
  for (guint i = 0; i < stress->len; i++)
    {
      CraftReviewStress *a = &g_array_index (fast->stress, CraftReviewStress, i);
      CraftReviewStress *b = &g_array_index (stress, CraftReviewStress, i);

      g_assert_cmpstr (a->period, ==, b->period);
      g_assert_true (a->average == b->average); /* exactly, not nearly */
      g_assert_cmpint (a->min, ==, b->min);
      g_assert_cmpint (a->max, ==, b->max);
      g_assert_cmpint (a->count, ==, b->count);
    }

  coping = craft_store_review_coping (store, from_day, to_day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fast->coping->len, ==, coping->len);
  for (guint i = 0; i < coping->len; i++)
    {
      CraftReviewCoping *a = &g_array_index (fast->coping, CraftReviewCoping, i);
      CraftReviewCoping *b = &g_array_index (coping, CraftReviewCoping, i);

      g_assert_cmpstr (a->week, ==, b->week);
      g_assert_cmpint (a->engaged, ==, b->engaged);
      g_assert_cmpint (a->tolerant, ==, b->tolerant);
      g_assert_cmpint (a->withdrawn, ==, b->withdrawn);
    }

  states = craft_store_review_count (store, from_day, to_day,
                                     CRAFT_REVIEW_COUNT_LOVED_ONE_STATE, 0, &error);
  safe = craft_store_review_count (store, from_day, to_day, CRAFT_REVIEW_COUNT_SAFE, 0, &error);
  tags = craft_store_review_count (store, from_day, to_day, CRAFT_REVIEW_COUNT_TAGS, 10, &error);
  triggers = craft_store_review_count (store, from_day, to_day, CRAFT_REVIEW_COUNT_TRIGGERS, 8,
                                       &error);
  g_assert_no_error (error);
  assert_counts_equal (fast->states, states);
  assert_counts_equal (fast->safe, safe);
  assert_counts_equal (fast->tags, tags);
  assert_counts_equal (fast->triggers, triggers);

  happiness = craft_store_review_happiness (store, from_day, to_day, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (fast->happiness->data, fast->happiness->len * sizeof (CraftHappinessRating),
                   happiness->data, happiness->len * sizeof (CraftHappinessRating));

  if (since_day == NULL)
    g_assert_null (fast->since_ids);
  else
    {
      g_assert_true (craft_store_review_totals (store, since_day, NULL, &totals, &error));
      g_assert_cmpint (fast->since_entries, ==, totals.entries);
      since = craft_store_review_entries_since (store, since_day, 50, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (fast->since_ids->data, fast->since_ids->len * sizeof (gint64),
                       since->data, since->len * sizeof (gint64));
    }
  return (guint) fast->totals.entries;
}

/* Every period the Review place offers, around the clock's today of the generated diary. */
static void
assert_every_period_exact (CraftStore *store)
{
  const char *periods[][2] = {
    { NULL, NULL },                     /* all time */
    { "2026-11-17", "2026-11-23" },     /* a week */
    { "2026-10-27", NULL },             /* four weeks */
    { "2026-08-24", NULL },             /* three months */
    { "2026-03-29", "2026-03-29" },     /* the day summer time began */
    { "2025-10-26", "2026-03-29" },     /* a winter, from one change of clocks to the next */
    { "2025-12-29", "2026-01-04" },     /* a week across New Year */
    { NULL, "2025-06-30" },             /* everything up to a day */
    { "2026-02-10", "2026-02-11" },
    { "2030-01-01", NULL },             /* nothing in it */
  };
  guint entries = 0;

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    entries += assert_figures_exact (store, periods[i][0], periods[i][1],
                                     i % 2 == 0 ? "2026-10-12" : NULL);
  /* The comparison would be empty if the diary were. */
  g_assert_cmpuint (entries, >, 0);
}

static const char * const generated_triggers[] = {
  "", "   ", "\t\n", "Payday", "  payday ", "PAYDAY", "Ångest", "ångest", "ÅNGEST  i kroppen",
  "ångest i\tkroppen", "a phone call", "Fødselsdag", "fødselsdag",
};
static const char * const generated_tags[] = {
  "", "work", "Work, money", "familj,helg", "børnene", "weekend,work,  ", "ÅRET",
};
static const char * const generated_states[] = {
  "", "sober", "using", "influenced", "hungover", "unknown",
};
static const char * const generated_safe[] = { "", "yes", "no", "unsure" };
static const char * const generated_coping[] = { "", "engaged", "tolerant", "withdrawn" };

static void
set_random_field (CraftStore *store,
                  gint64      id,
                  GRand      *rand,
                  int         which)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stress = NULL;

#define PICK(list) (list)[g_rand_int_range (rand, 0, G_N_ELEMENTS (list))]
  switch (which)
    {
    case 0:
      stress = g_rand_int_range (rand, 0, 4) == 0
               ? g_strdup ("") : g_strdup_printf ("%d", g_rand_int_range (rand, 0, 11));
      craft_store_diary_set (store, id, "stress", stress, &error);
      break;
    case 1:
      craft_store_diary_set (store, id, "coping", PICK (generated_coping), &error);
      break;
    case 2:
      craft_store_diary_set (store, id, "loved-one-state", PICK (generated_states), &error);
      break;
    case 3:
      craft_store_diary_set (store, id, "safe", PICK (generated_safe), &error);
      break;
    case 4:
      craft_store_diary_set (store, id, "tags", PICK (generated_tags), &error);
      break;
    case 5:
      craft_store_diary_set (store, id, "trigger", PICK (generated_triggers), &error);
      break;
    default:
      craft_store_diary_set (store, id, "flagged", g_rand_boolean (rand) ? "1" : "0", &error);
      break;
    }
#undef PICK
  g_assert_no_error (error);
}

/* Moments that make days hard to tell: midnight, a minute before it, and the nights the
 * clocks change in Sweden and Denmark (the tests' time zone is set to theirs). */
static gint64
generated_moment (GRand *rand,
                  guint  i)
{
  static const char * const edges[] = {
    "2025-03-30", "2025-10-26", "2026-03-29", "2026-10-25", "2025-12-31", "2026-01-01",
  };
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (i % 5 == 0)
    {
      const char *edge = edges[g_rand_int_range (rand, 0, G_N_ELEMENTS (edges))];
      static const int times[][2] = { { 0, 0 }, { 23, 59 }, { 2, 30 }, { 1, 59 }, { 3, 0 } };
      int t = g_rand_int_range (rand, 0, G_N_ELEMENTS (times));

      g_assert_cmpint (sscanf (edge, "%d-%d-%d", &y, &m, &d), ==, 3);
      when = g_date_time_new (zone, y, m, d, times[t][0], times[t][1], 0);
      return g_date_time_to_unix (when);
    }
  /* Anywhere from late 2024 to the clock's today. */
  return 1730000000 + g_rand_int_range (rand, 0, 1763928000 - 1730000000);
}

static void
test_store_figures_exact (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = craft_test_make_dir ("review-figures");
  g_autofree char *db_path = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *export_path = g_build_filename (dir, "export.json", NULL);
  g_autofree char *backup_path = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 19, 30, 0);
  const char *old_tz = g_getenv ("TZ");
  g_autofree char *saved_tz = g_strdup (old_tz);

  /* Local days in a zone with summer time, as most people using the app have. */
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);

  /* A generated diary: every field left empty or filled, triggers and tags written in
   * different cases and spacing, some flagged, some in the Trash. */
  for (guint i = 0; i < 300; i++)
    {
      gint64 id = craft_store_diary_create (store, generated_moment (rand, i), &error);

      g_assert_no_error (error);
      g_array_append_val (ids, id);
      for (int which = 0; which < 7; which++)
        if (g_rand_int_range (rand, 0, 6) != 0)
          set_random_field (store, id, rand, which);
      if (g_rand_int_range (rand, 0, 12) == 0)
        {
          craft_store_diary_delete (store, id, 1763900000, &error);
          g_assert_no_error (error);
        }
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-%02d-%02d", 1 + i % 11, 1 + i % 28);

      craft_store_set_happiness (store, day, i % 2 ? "money" : "health", (int) i % 11, &error);
      g_assert_no_error (error);
    }
  {
    /* Midnight belongs to the day it starts (in UTC still the day before). */
    g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
    g_autoptr(GDateTime) midnight = g_date_time_new_local (2026, 3, 29, 0, 0, 0);
    gint64 id = craft_store_diary_create (store, g_date_time_to_unix (midnight), &error);
    g_autoptr(GHashTable) entry = craft_store_diary_get (store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, "Europe/Stockholm");
    g_assert_cmpstr (g_hash_table_lookup (entry, "day"), ==, "2026-03-29");
    g_array_append_val (ids, id);
  }
  assert_every_period_exact (store);

  /* Editing every counted field, moving entries to other days, trashing, restoring and
   * deleting for good: the summaries follow each change. */
  for (guint round = 0; round < 6; round++)
    {
      for (guint i = 0; i < 60; i++)
        {
          gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
          int action = g_rand_int_range (rand, 0, 10);
          g_autofree char *moment = NULL;

          if (action < 7)
            set_random_field (store, id, rand, action);
          else if (action == 7)
            {
              moment = g_strdup_printf ("%" G_GINT64_FORMAT, generated_moment (rand, i));
              craft_store_diary_set (store, id, "happened-at", moment, &error);
            }
          else if (action == 8)
            craft_store_diary_delete (store, id, 1763900000 + round, &error);
          else
            craft_store_diary_restore (store, id, &error);
          g_assert_no_error (error);
        }
      assert_every_period_exact (store);
    }
  g_assert_cmpint (craft_store_diary_purge_trash (store, 1763900003, &error), >, 0);
  g_assert_no_error (error);
  /* An entry not in the Trash deleted outright (as no part of the app does today). */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM diary_entry WHERE id = (SELECT id FROM"
                                            " diary_entry WHERE deleted_at IS NULL AND tags != ''"
                                            " LIMIT 1)");

    g_assert_cmpint (sqlite3_exec (_craft_store_get_db (store), sql, NULL, NULL, NULL), ==,
                     SQLITE_OK);
  }
  assert_every_period_exact (store);

  /* An export imported into an empty diary, and a backup restored, count the same. */
  g_assert_true (craft_export_json (store, export_file, &error));
  g_assert_true (craft_store_backup_to_file (store, backup_path, 0, &error));
  g_assert_no_error (error);
  {
    g_autofree char *other = craft_test_make_dir ("review-figures-import");
    g_autoptr(CraftStore) imported = craft_store_open (other, &error);
    g_autoptr(CraftImport) import = craft_import_load (export_file, &error);

    g_assert_no_error (error);
    g_assert_true (craft_import_preview (import, imported, &error));
    g_assert_true (craft_import_apply (import, imported, &error));
    g_assert_no_error (error);
    assert_every_period_exact (imported);
  }
  {
    g_autofree char *other = craft_test_make_dir ("review-figures-restore");
    g_autoptr(CraftStore) restored = NULL;

    g_assert_true (craft_store_restore_backup (other, backup_path, now, NULL, &error));
    g_assert_no_error (error);
    restored = craft_store_open (other, &error);
    g_assert_no_error (error);
    assert_every_period_exact (restored);
  }

  /* A diary from version 5, before the summaries: the migration builds them. */
  g_clear_object (&store);
  craft_test_exec_sql (db_path, "DROP TABLE review_day; DROP TABLE review_week;"
                                " DROP TABLE review_tag; DROP TABLE review_trigger;"
                                " DROP TRIGGER review_day_ai; DROP TRIGGER review_day_ad;"
                                " DROP TRIGGER review_day_au; DROP TRIGGER review_day_au_moved;"
                                " DROP TRIGGER review_trigger_ai; DROP TRIGGER review_trigger_ad;"
                                " DROP TRIGGER review_trigger_au; DROP TRIGGER review_tag_ai;"
                                " DROP TRIGGER review_tag_ad; DROP TRIGGER review_tag_trashed;"
                                " DROP TRIGGER review_tag_restored; DROP TRIGGER review_tag_bd;"
                                " DROP INDEX happiness_rating_review; PRAGMA user_version = 5;");
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  assert_every_period_exact (store);

  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

/* A long diary is counted by SQLite, not walked in C: every figure over all time stays quick. */
static void
test_store_many_entries (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = craft_test_make_dir ("review-many");
  g_autofree char *db_path = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GTimer) timer = NULL;
  CraftReviewTotals totals;

  g_assert_no_error (error);
  g_clear_object (&store);
  /* 100,000 entries over about ten years, written straight into the database. */
  craft_test_exec_sql (db_path,
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                       " WHERE i < 100000)"
                       " INSERT INTO diary_entry (uuid, happened_at, day, created_at, updated_at,"
                       " stress, coping, loved_one_state, safe, trigger_text, flagged)"
                       " SELECT 'u' || i, 1577836800 + i * 3000,"
                       " date(1577836800 + i * 3000, 'unixepoch'), 0, 0, i % 11,"
                       " CASE i % 3 WHEN 0 THEN 'engaged' WHEN 1 THEN 'tolerant'"
                       " ELSE 'withdrawn' END, 'sober', 'yes', 'trigger ' || (i % 40),"
                       " i % 50 = 0 FROM n;"
                       "INSERT INTO diary_tag (entry_id, tag)"
                       " SELECT id, 'tag' || (id % 30) FROM diary_entry;");
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);

  timer = g_timer_new ();
  g_assert_true (craft_store_review_totals (store, NULL, NULL, &totals, &error));
  g_assert_cmpint (totals.entries, ==, 100000);
  g_assert_cmpint (totals.flagged, ==, 2000);
  g_array_unref (craft_store_review_stress (store, NULL, NULL, CRAFT_REVIEW_BY_WEEK, &error));
  g_array_unref (craft_store_review_coping (store, NULL, NULL, &error));
  for (CraftReviewCountKind kind = 0; kind <= CRAFT_REVIEW_COUNT_TRIGGERS; kind++)
    g_array_unref (craft_store_review_count (store, NULL, NULL, kind, 10, &error));
  g_array_unref (craft_store_review_entries_since (store, "2029-06-01", 50, &error));
  g_assert_no_error (error);
  g_test_message ("all figures over 100,000 entries: %.3f s", g_timer_elapsed (timer, NULL));
  /* How fast is measured in bench/, not asserted here: sanitizers and valgrind slow it. */
}

/* The page in a real window. */

typedef struct
{
  char            *dir;
  CraftContext    *context;
  GtkWindow       *window;
  CraftReviewPage *page;
  gint64           ids[8];
  gint64           opened;
} PageFixture;

static GDateTime *
fixed_now (gpointer user_data)
{
  return g_date_time_new_local (2026, 11, 23, 19, 30, 0);
}

static void
open_entry_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PageFixture *fixture = user_data;

  fixture->opened = g_variant_get_int64 (parameter);
}

static const Entry page_entries[] = {
  { "2026-11-02", 18, "7", "engaged", "sober", "yes", "work", "Payday", FALSE, FALSE,
    "We talked about the weekend." },
  { "2026-11-10", 20, "5", "tolerant", "influenced", "no", "money", "payday", TRUE, FALSE,
    "I paid the bills again." },
  { "2026-11-17", 21, "8", "withdrawn", "hungover", "unsure", "work", NULL, TRUE, FALSE,
    "He came home late and I went to bed." },
  { "2026-11-20", 19, "3", "engaged", "sober", "yes", NULL, NULL, FALSE, FALSE,
    "A calm dinner together." },
  { "2026-11-22", 17, "6", "engaged", "using", "no", NULL, NULL, FALSE, FALSE,
    "Payday again." },
};

static void
page_set_up (PageFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("open-entry", G_VARIANT_TYPE_INT64);

  fixture->dir = craft_test_make_dir ("review-page");
  store = craft_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (page_entries); i++)
    fixture->ids[i] = add_entry (store, &page_entries[i]);
  if (data == NULL)
    craft_store_set_session_done (store, 1, at ("2026-11-16", 18, 0), &error);
  g_assert_no_error (error);
  craft_store_set_happiness (store, "2026-11-02", "money", 3, &error);
  craft_store_set_happiness (store, "2026-11-20", "money", 6, &error);
  g_assert_no_error (error);

  fixture->context = craft_context_new (store, NULL);
  craft_context_set_clock (fixture->context, fixed_now, NULL);

  /* The window provides "win.open-entry"; here the test stands in for it. */
  g_signal_connect (action, "activate", G_CALLBACK (open_entry_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 800);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  fixture->page = g_object_new (CRAFT_TYPE_REVIEW_PAGE, NULL);
  craft_review_page_set_context (fixture->page, fixture->context);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  craft_test_spin (100);
}

static void
page_tear_down (PageFixture   *fixture,
                gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->context);
  g_free (fixture->dir);
}

static gpointer
child (PageFixture *fixture,
       const char  *name)
{
  return craft_test_template_child (fixture->page, CRAFT_TYPE_REVIEW_PAGE, name);
}

static void
assert_description (gpointer    accessible,
                    const char *expected)
{
  char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (accessible),
                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      expected);

  if (problem != NULL)
    g_error ("accessible description: %s", problem);
}

/* The cell at @column, @row of a chart's table, after switching it to the table. */
static const char *
table_cell (PageFixture *fixture,
            const char  *card,
            int          column,
            int          row)
{
  g_autofree char *toggle_name = g_strdup_printf ("%s_toggle", card);
  g_autofree char *window_name = g_strdup_printf ("%s_table_window", card);
  GtkToggleButton *toggle = child (fixture, toggle_name);
  GtkScrolledWindow *window = child (fixture, window_name);
  GtkWidget *grid, *cell;

  gtk_toggle_button_set_active (toggle, TRUE);
  craft_test_spin (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  grid = gtk_scrolled_window_get_child (window);
  if (GTK_IS_VIEWPORT (grid))
    grid = gtk_viewport_get_child (GTK_VIEWPORT (grid));
  g_assert_true (GTK_IS_GRID (grid));
  cell = gtk_grid_get_child_at (GTK_GRID (grid), column, row);
  g_assert_nonnull (cell);
  return gtk_label_get_text (GTK_LABEL (cell));
}

static void
test_ui_since_session (PageFixture   *fixture,
                       gconstpointer  data)
{
  GtkListBox *list = child (fixture, "since_list");
  GtkWidget *row;
  g_autofree char *expected_title = NULL;

  /* With a session done, the page starts on what happened since. */
  g_assert_cmpint (craft_review_page_get_period (fixture->page), ==,
                   CRAFT_REVIEW_PERIOD_SINCE_SESSION);
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "summary_label")), ==,
                   craft_test_expect ("3 entries, 1 for your group leader",
                                      "3 anteckningar, 1 till din gruppledare",
                                      "3 notater, 1 til din gruppeleder"));

  /* Flagged first, then newest first; each opens its entry. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "He came home late and I went to bed.");
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))), ==,
                   "Payday again.");
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 2))), ==,
                   "A calm dinner together.");
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   craft_test_expect ("For your group leader",
                                                      "Till din gruppledare",
                                                      "Til din gruppeleder")));
  gtk_widget_activate (row);
  craft_test_spin (20);
  g_assert_cmpint (fixture->opened, ==, fixture->ids[2]);
}

static void
test_ui_charts (PageFixture   *fixture,
                gconstpointer  data)
{
  /* Numbers as the locale writes them: 5,8 in Swedish and Danish. */
  g_autofree char *average = g_strdup_printf ("%.1f", 5.8);
  g_autofree char *seven = g_strdup_printf ("%.1f", 7.0);

  craft_review_page_set_period (fixture->page, CRAFT_REVIEW_PERIOD_FOUR_WEEKS);
  craft_test_spin (50);
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "summary_label")), ==,
                   craft_test_expect ("5 entries, 2 for your group leader",
                                      "5 anteckningar, 2 till din gruppledare",
                                      "5 notater, 2 til din gruppeleder"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "empty_status")));

  /* Stress: 7, 5, 8, 3 and 6, by day as the period is short. */
  {
    CraftReviewChart *chart = child (fixture, "stress_chart");
    const char *summary = craft_review_chart_get_summary (chart);

    g_test_message ("%s", summary);
    assert_description (chart, summary);
    g_assert_nonnull (strstr (summary, average));
    g_assert_nonnull (strstr (summary, " 3"));
    g_assert_nonnull (strstr (summary, " 8"));
    g_assert_cmpuint (craft_review_chart_get_n_categories (chart), ==, 21);
    g_assert_cmpstr (table_cell (fixture, "stress", 1, 1), ==, seven);
    g_assert_cmpstr (table_cell (fixture, "stress", 4, 1), ==, "1");
    g_assert_cmpstr (table_cell (fixture, "stress", 1, 2), ==, "–");
  }

  /* Ways of coping per week: the week of 16 November has 2 engaged and 1 withdrawn. */
  {
    CraftReviewChart *chart = child (fixture, "coping_chart");

    g_test_message ("%s", craft_review_chart_get_summary (chart));
    assert_description (chart, craft_review_chart_get_summary (chart));
    if (g_strcmp0 (g_getenv ("LANGUAGE"), "en") == 0)
      g_assert_cmpstr (craft_review_chart_get_summary (chart), ==,
                       "Ways of coping in 5 entries: engaged 3, tolerant 1, withdrawn 1.");
    g_assert_cmpstr (table_cell (fixture, "coping", 1, 3), ==, "2");
    g_assert_cmpstr (table_cell (fixture, "coping", 2, 3), ==, "0");
    g_assert_cmpstr (table_cell (fixture, "coping", 3, 3), ==, "1");
    g_assert_cmpstr (table_cell (fixture, "coping", 2, 2), ==, "1");
  }

  /* The loved one's state: sober twice, then one each. */
  {
    CraftReviewChart *chart = child (fixture, "state_chart");
    const char *summary = craft_review_chart_get_summary (chart);

    g_test_message ("%s", summary);
    assert_description (chart, summary);
    g_assert_nonnull (strstr (summary, craft_test_expect ("Sober: 2", "Nykter: 2", "Ædru: 2")));
    g_assert_cmpstr (table_cell (fixture, "state", 0, 1), ==,
                     craft_test_expect ("Sober", "Nykter", "Ædru"));
    g_assert_cmpstr (table_cell (fixture, "state", 1, 1), ==, "2");
    g_assert_cmpstr (table_cell (fixture, "state", 1, 2), ==, "1");
  }

  /* Tags and triggers. */
  {
    CraftReviewChart *tags = child (fixture, "tags_chart");
    CraftReviewChart *triggers = child (fixture, "triggers_chart");

    assert_description (tags, craft_review_chart_get_summary (tags));
    assert_description (triggers, craft_review_chart_get_summary (triggers));
    g_assert_nonnull (strstr (craft_review_chart_get_summary (tags), "work: 2, money: 1"));
    g_assert_nonnull (strstr (craft_review_chart_get_summary (triggers), "Payday: 2"));
    g_assert_cmpstr (table_cell (fixture, "tags", 0, 1), ==, "work");
    g_assert_cmpstr (table_cell (fixture, "tags", 1, 1), ==, "2");
    g_assert_cmpstr (table_cell (fixture, "triggers", 1, 1), ==, "2");
  }

  /* Safety: not safe twice, not sure once. */
  {
    CraftReviewChart *chart = child (fixture, "safety_chart");

    g_test_message ("%s", craft_review_chart_get_summary (chart));
    assert_description (chart, craft_review_chart_get_summary (chart));
    g_assert_cmpstr (craft_review_chart_get_summary (chart), ==,
                     craft_test_expect ("Of 5 entries, you did not feel safe in 2 and were not "
                                        "sure in 1.",
                                        "Av 5 anteckningar kände du dig inte trygg i 2 och var "
                                        "osäker i 1.",
                                        "Ud af 5 notater følte du dig ikke tryg i 2 og var i "
                                        "tvivl i 1."));
    g_assert_cmpstr (table_cell (fixture, "safety", 1, 1), ==, "2");
    g_assert_cmpstr (table_cell (fixture, "safety", 1, 2), ==, "1");
    g_assert_true (gtk_widget_get_visible (child (fixture, "safety_plan_button")));
  }

  /* The happiness scale, with the chart the Program place uses. */
  {
    CraftHappinessChart *chart = child (fixture, "happiness_chart");
    const char *summary = craft_happiness_chart_get_summary (chart);

    g_test_message ("%s", summary);
    assert_description (chart, summary);
    g_assert_nonnull (strstr (summary, "3"));
    g_assert_nonnull (strstr (summary, "6"));
    g_assert_cmpstr (table_cell (fixture, "happiness", 1, 1), ==, "3");
    g_assert_cmpstr (table_cell (fixture, "happiness", 1, 2), ==, "6");
  }
}

static void
test_ui_empty_period (PageFixture   *fixture,
                      gconstpointer  data)
{
  craft_review_page_set_period (fixture->page, CRAFT_REVIEW_PERIOD_CHOSEN);
  g_assert_true (gtk_widget_get_visible (child (fixture, "dates_box")));
  craft_review_page_set_dates (fixture->page, "2020-01-01", "2020-03-31");
  craft_test_spin (50);

  g_assert_cmpstr (gtk_label_get_text (child (fixture, "summary_label")), ==,
                   craft_test_expect ("No diary entries in this period.",
                                      "Inga anteckningar i dagboken under den här perioden.",
                                      "Ingen notater i dagbogen i denne periode."));
  g_assert_true (gtk_widget_get_visible (child (fixture, "empty_status")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "charts_box")));
  /* The entries since the last session stay, whatever the period. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (child (fixture, "since_list"), 0));

  /* Chosen the wrong way round, the dates still mean the days between them. */
  craft_review_page_set_dates (fixture->page, "2026-11-30", "2026-11-15");
  craft_test_spin (20);
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "summary_label")), ==,
                   craft_test_expect ("3 entries, 1 for your group leader",
                                      "3 anteckningar, 1 till din gruppledare",
                                      "3 notater, 1 til din gruppeleder"));
}

/* Before any session is done there is nothing "since", and the page says how it will fill. */
static void
test_ui_no_session (PageFixture   *fixture,
                    gconstpointer  data)
{
  GtkLabel *since_empty = child (fixture, "since_empty");

  g_assert_cmpint (craft_review_page_get_period (fixture->page), ==,
                   CRAFT_REVIEW_PERIOD_FOUR_WEEKS);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (since_empty)));
  g_assert_false (gtk_widget_get_visible (child (fixture, "since_list")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (since_empty),
                                   craft_test_expect ("When you mark a session as done",
                                                      "När du markerar en session som klar",
                                                      "Når du markerer en session som klaret")));

  craft_review_page_set_period (fixture->page, CRAFT_REVIEW_PERIOD_SINCE_SESSION);
  craft_test_spin (20);
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "summary_label")), ==,
                   craft_test_expect ("5 entries, 2 for your group leader",
                                      "5 anteckningar, 2 till din gruppledare",
                                      "5 notater, 2 til din gruppeleder"));
}

int
main (int   argc,
      char *argv[])
{
  /* Days are local days; in UTC they are the same on every test machine. */
  g_setenv ("TZ", "UTC", TRUE);
  craft_test_init_ui (&argc, &argv);

  g_test_add_func ("/review/store/totals", test_store_totals);
  g_test_add_func ("/review/store/stress", test_store_stress);
  g_test_add_func ("/review/store/week-of-day", test_store_week_of_day);
  g_test_add_func ("/review/store/coping", test_store_coping);
  g_test_add_func ("/review/store/counts", test_store_counts);
  g_test_add_func ("/review/store/last-session", test_store_last_session);
  g_test_add_func ("/review/store/entries-since", test_store_entries_since);
  g_test_add_func ("/review/store/happiness", test_store_happiness);
  g_test_add_func ("/review/store/many-entries", test_store_many_entries);
  g_test_add_func ("/review/store/figures-exact", test_store_figures_exact);

  g_test_add ("/review/ui/since-session", PageFixture, NULL, page_set_up, test_ui_since_session,
              page_tear_down);
  g_test_add ("/review/ui/charts", PageFixture, NULL, page_set_up, test_ui_charts,
              page_tear_down);
  g_test_add ("/review/ui/empty-period", PageFixture, NULL, page_set_up, test_ui_empty_period,
              page_tear_down);
  g_test_add ("/review/ui/no-session", PageFixture, "no-session", page_set_up,
              test_ui_no_session, page_tear_down);

  return g_test_run ();
}

/* tests/test-diary-model.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary's list model on a generated diary: search and every filter give exactly the
 * entries a person expects, newest first, without the Trash; its rows show the same
 * snippets as the diary's own full-text index gives; after an entry changes, or the
 * database is written behind its back, it still agrees with a fresh query, and its
 * items-changed signals keep a list in step with it.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "craft-test-util.h"
#include "diary/craft-diary-model.h"
#include "store/craft-store-private.h"

#define N_ENTRIES 700

/* Words with letters of their own (å, ä, ö, æ, ø), in several cases. */
static const char *words[] = {
  "köket", "Köket", "kök", "kitchen", "KITCHENS", "pårørende", "Pårørende", "bråk",
  "BRÅKET", "brak", "stue", "Ærø", "øl", "sov", "lugn", "kväll", "evening", "trouble",
};
static const char *states[] = { "", "sober", "using", "influenced", "hungover", "unknown" };
static const char *copings[] = { "", "engaged", "tolerant", "withdrawn" };
static const char *safes[] = { "", "yes", "no", "unsure" };
static const char *tags[] = { "", "familj", "arbejde", "familj,money", "money" };

/* What the test wrote, to tell the expected entries without the store. */
typedef struct
{
  gint64   id;
  gint64   happened_at;
  char    *text;
  int      state, coping, safe, tag, stress;
  gboolean flagged;
  gboolean trashed;
} Entry;

typedef struct
{
  char      *dir;
  CraftStore *store;
  GArray    *entries; /* Entry */
} Fixture;

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->text);
}

static void
set (CraftStore *store,
     gint64      id,
     const char *field,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  craft_store_diary_set (store, id, field, value, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  gint64 time = 1700000000;

  fixture->dir = craft_test_make_dir ("diary-model");
  fixture->store = craft_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (fixture->entries, entry_clear);
  /* One transaction: thousands of saves, each waiting for the disk, would take minutes. */
  g_assert_cmpint (sqlite3_exec (_craft_store_get_db (fixture->store), "BEGIN", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *stress = NULL;
      Entry e = { 0 };

      /* Now and then two entries in the same second: ties are in order of id. */
      if (g_rand_int_range (rand, 0, 8) != 0)
        time += g_rand_int_range (rand, 600, 90000);
      e.happened_at = time;
      e.id = craft_store_diary_create (fixture->store, time, &error);
      g_assert_no_error (error);

      for (int w = g_rand_int_range (rand, 1, 5); w > 0; w--)
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "",
                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      e.text = g_strdup (text->str);
      e.state = g_rand_int_range (rand, 0, G_N_ELEMENTS (states));
      e.coping = g_rand_int_range (rand, 0, G_N_ELEMENTS (copings));
      e.safe = g_rand_int_range (rand, 0, G_N_ELEMENTS (safes));
      e.tag = g_rand_int_range (rand, 0, G_N_ELEMENTS (tags));
      e.stress = g_rand_int_range (rand, -1, 11);
      e.flagged = g_rand_int_range (rand, 0, 4) == 0;
      e.trashed = g_rand_int_range (rand, 0, 10) == 0;

      /* Half the words in "what happened", the rest in another field. */
      set (fixture->store, e.id, i % 2 ? "what-happened" : "thoughts", e.text);
      set (fixture->store, e.id, "loved-one-state", states[e.state]);
      set (fixture->store, e.id, "coping", copings[e.coping]);
      set (fixture->store, e.id, "safe", safes[e.safe]);
      set (fixture->store, e.id, "tags", tags[e.tag]);
      stress = e.stress >= 0 ? g_strdup_printf ("%d", e.stress) : g_strdup ("");
      set (fixture->store, e.id, "stress", stress);
      set (fixture->store, e.id, "flagged", e.flagged ? "1" : "0");
      if (e.trashed)
        {
          craft_store_diary_delete (fixture->store, e.id, 1800000000, &error);
          g_assert_no_error (error);
        }
      g_array_append_val (fixture->entries, e);
    }
  g_assert_cmpint (sqlite3_exec (_craft_store_get_db (fixture->store), "COMMIT", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_array_unref (fixture->entries);
  craft_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Whether one of @text's words begins with @word, case folded as the index does. */
static gboolean
has_prefix_word (const char *text,
                 const char *word)
{
  g_autofree char *folded_word = g_utf8_strdown (word, -1);
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_strdown (parts[i], -1);

      if (g_str_has_prefix (folded, folded_word))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_tag (const Entry *e,
         const char  *tag)
{
  g_auto(GStrv) parts = g_strsplit (tags[e->tag], ",", -1);

  return g_strv_contains ((const char * const *) parts, tag);
}

static char *
day_of (gint64 time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);

  return g_date_time_format (when, "%Y-%m-%d");
}

static gboolean
expected_match (const Entry            *e,
                const CraftDiaryFilter *f)
{
  if (e->trashed != f->trash)
    return FALSE;
  if (f->text != NULL)
    {
      g_auto(GStrv) query = g_strsplit (f->text, " ", -1);

      for (guint i = 0; query[i] != NULL; i++)
        if (*query[i] != '\0' && !has_prefix_word (e->text, query[i]))
          return FALSE;
    }
  if (f->from_day != NULL || f->to_day != NULL)
    {
      g_autofree char *day = day_of (e->happened_at);

      if ((f->from_day != NULL && strcmp (day, f->from_day) < 0)
          || (f->to_day != NULL && strcmp (day, f->to_day) > 0))
        return FALSE;
    }
  return (f->loved_one_state == NULL || g_str_equal (states[e->state], f->loved_one_state))
         && (f->coping == NULL || g_str_equal (copings[e->coping], f->coping))
         && (f->safe == NULL || g_str_equal (safes[e->safe], f->safe))
         && (f->tag == NULL || has_tag (e, f->tag))
         && ((f->stress_min == 0 && f->stress_max == 0)
             || (e->stress >= f->stress_min && e->stress <= f->stress_max))
         && (!f->flagged_only || e->flagged);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *x = *(const Entry **) a, *y = *(const Entry **) b;

  if (x->happened_at != y->happened_at)
    return x->happened_at > y->happened_at ? -1 : 1;
  return x->id > y->id ? -1 : x->id < y->id ? 1 : 0;
}

/* The ids a person expects for @filter, newest first, worked out without the store. */
static GArray *
expected_ids (Fixture                *fixture,
              const CraftDiaryFilter *filter)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < fixture->entries->len; i++)
    if (expected_match (&g_array_index (fixture->entries, Entry, i), filter))
      g_ptr_array_add (found, &g_array_index (fixture->entries, Entry, i));
  g_ptr_array_sort (found, compare_newest_first);
  for (guint i = 0; i < found->len; i++)
    g_array_append_val (ids, ((Entry *) found->pdata[i])->id);
  return ids;
}

static GArray *
model_ids (GListModel *model)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CraftDiaryItem) item = g_list_model_get_item (model, i);
      gint64 id = craft_diary_item_get_id (item);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_same_ids (GArray *expected,
                 GArray *got)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (expected, gint64, i));
}

/* The snippet the diary's own full-text index gives (what rows showed before). */
static char *
index_snippet (CraftStore *store,
               gint64      id,
               const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  sqlite3_stmt *stmt = NULL;
  char *snippet;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_string_append_printf (match, "%s\"%s\"*", match->len > 0 ? " " : "", parts[i]);
  g_assert_cmpint (sqlite3_prepare_v2 (_craft_store_get_db (store),
                                       "SELECT snippet(diary_search, -1, '"
                                       CRAFT_DIARY_MATCH_START "', '" CRAFT_DIARY_MATCH_END
                                       "', '…', 16) FROM diary_search"
                                       " WHERE diary_search MATCH ?1 AND rowid = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return snippet;
}

static const CraftDiaryFilter filters[] = {
  { 0 },
  { .text = "köket" },
  { .text = "KÖK" },                    /* a prefix, in capitals: köket and kök */
  { .text = "pårørende" },
  { .text = "bråk" },                   /* not "brak": å is a letter of its own */
  { .text = "kitch" },
  { .text = "ærø øl" },                 /* both words */
  { .text = "nothing-like-this" },
  { .coping = "engaged", .safe = "no" },
  { .coping = "" },                     /* not filled in */
  { .tag = "familj", .stress_min = 7, .stress_max = 10 },
  { .tag = "money" },
  { .loved_one_state = "using", .flagged_only = TRUE },
  { .stress_min = 0, .stress_max = 3 },
  { .stress_min = 5, .stress_max = 5 },
  { .text = "kväll", .coping = "withdrawn", .tag = "familj" },
  { .from_day = "2024-01-01", .to_day = "2024-12-31", .loved_one_state = "sober" },
  { .trash = TRUE },
  { .trash = TRUE, .text = "köket" },
};

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CraftDiaryModel) model = craft_diary_model_new (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) expected = expected_ids (fixture, &filters[i]);
      g_autoptr(GArray) got = NULL;
      g_autoptr(GArray) sql = craft_store_diary_query (fixture->store, &filters[i], &error);

      g_test_message ("filter %u: %u entries", i, expected->len);
      g_assert_no_error (error);
      g_assert_true (craft_diary_model_set_filter (model, &filters[i], &error));
      g_assert_no_error (error);
      got = model_ids (G_LIST_MODEL (model));
      assert_same_ids (expected, got);

      /* The store's own query (which the Trash and spans of days use) agrees. */
      g_assert_cmpuint (sql->len, ==, got->len);
      for (guint j = 0; j < sql->len; j++)
        g_assert_cmpint (g_array_index (sql, CraftDiaryHit, j).id, ==,
                         g_array_index (got, gint64, j));

      /* A row shows what the index itself made of the words, marks and all. */
      if (filters[i].text != NULL)
        for (guint j = 0; j < MIN (got->len, 40); j++)
          {
            g_autoptr(CraftDiaryItem) item = g_list_model_get_item (G_LIST_MODEL (model), j);
            g_autofree char *snippet = index_snippet (fixture->store,
                                                      craft_diary_item_get_id (item),
                                                      filters[i].text);

            g_assert_nonnull (strstr (snippet, CRAFT_DIARY_MATCH_START));
            g_assert_cmpstr (craft_diary_item_get_snippet (item), ==, snippet);
          }
    }

  /* Enough matches that the cases above mean something. */
  {
    g_autoptr(GArray) some = expected_ids (fixture, &filters[2]);
    g_autoptr(GArray) none = expected_ids (fixture, &filters[7]);

    g_assert_cmpuint (some->len, >, 50);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* A list's copy of the model's ids, kept only by items-changed. */
typedef struct
{
  GArray *ids;
} Shadow;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Shadow     *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->ids->len);
  g_array_remove_range (shadow->ids, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CraftDiaryItem) item = g_list_model_get_item (model, position + i);
      gint64 id = craft_diary_item_get_id (item);

      g_array_insert_val (shadow->ids, position + i, id);
    }
  g_assert_cmpuint (shadow->ids->len, ==, g_list_model_get_n_items (model));
}

static Entry *
find_entry (Fixture *fixture,
            gint64   id)
{
  for (guint i = 0; i < fixture->entries->len; i++)
    if (g_array_index (fixture->entries, Entry, i).id == id)
      return &g_array_index (fixture->entries, Entry, i);
  g_assert_not_reached ();
}

static void
assert_in_step (Fixture                *fixture,
                CraftDiaryModel        *model,
                Shadow                 *shadow)
{
  g_autoptr(GArray) expected = expected_ids (fixture, craft_diary_model_get_filter (model));
  g_autoptr(GArray) got = model_ids (G_LIST_MODEL (model));

  assert_same_ids (expected, got);
  assert_same_ids (expected, shadow->ids);
}

static void
test_updates (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftDiaryModel) model = craft_diary_model_new (fixture->store);
  CraftDiaryFilter engaged = { .coping = "engaged" };
  CraftDiaryFilter kitchen = { .text = "kitchen" };
  CraftDiaryFilter all = { 0 };
  Shadow shadow = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  Entry *e;
  gint64 id;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &shadow);
  g_assert_true (craft_diary_model_set_filter (model, &engaged, &error));
  assert_in_step (fixture, model, &shadow);

  /* An entry saved while the list shows: its coping changes, then its time; each time
   * only that entry is read. */
  e = find_entry (fixture, g_array_index (shadow.ids, gint64, 3));
  set (fixture->store, e->id, "coping", "tolerant");
  e->coping = 2;
  g_assert_true (craft_diary_model_update_entry (model, e->id, &error));
  g_assert_no_error (error);
  assert_in_step (fixture, model, &shadow);

  set (fixture->store, e->id, "coping", "engaged");
  e->coping = 1;
  g_assert_true (craft_diary_model_update_entry (model, e->id, &error));
  assert_in_step (fixture, model, &shadow);

  {
    g_autofree char *when = g_strdup_printf ("%" G_GINT64_FORMAT, e->happened_at - 400000);

    set (fixture->store, e->id, "happened-at", when);
    e->happened_at -= 400000;
    g_assert_true (craft_diary_model_update_entry (model, e->id, &error));
    assert_in_step (fixture, model, &shadow);
  }

  /* The filters and searches after it still see the change. */
  g_assert_true (craft_diary_model_set_filter (model, &kitchen, &error));
  assert_in_step (fixture, model, &shadow);
  g_assert_true (craft_diary_model_set_filter (model, &engaged, &error));
  assert_in_step (fixture, model, &shadow);

  /* A new entry made in the editor. */
  id = craft_store_diary_create (fixture->store, 1750000000, &error);
  g_assert_no_error (error);
  set (fixture->store, id, "coping", "engaged");
  set (fixture->store, id, "what-happened", "kitchen stue");
  {
    Entry n = { .id = id, .happened_at = 1750000000, .text = g_strdup ("kitchen stue"),
                .coping = 1, .stress = -1 };

    g_array_append_val (fixture->entries, n);
  }
  g_assert_true (craft_diary_model_update_entry (model, id, &error));
  assert_in_step (fixture, model, &shadow);

  /* Written behind the list's back (another window, an import): the next filter reads
   * the diary again. */
  g_assert_cmpint (g_array_index (shadow.ids, gint64, 0), ==, id);
  e = find_entry (fixture, g_array_index (shadow.ids, gint64, 1));
  set (fixture->store, e->id, "coping", "withdrawn");
  e->coping = 3;
  craft_store_diary_delete (fixture->store, id, 1800000000, &error);
  g_assert_no_error (error);
  find_entry (fixture, id)->trashed = TRUE;
  g_assert_true (craft_diary_model_set_filter (model, &all, &error));
  assert_in_step (fixture, model, &shadow);
  g_assert_true (craft_diary_model_set_filter (model, &engaged, &error));
  assert_in_step (fixture, model, &shadow);
  g_assert_cmpint (craft_diary_model_find_id (model, id), ==, -1);

  /* Back from the Trash, told by a refresh. */
  g_assert_true (craft_store_diary_restore (fixture->store, id, &error));
  find_entry (fixture, id)->trashed = FALSE;
  g_assert_true (craft_diary_model_refresh (model, id, &error));
  assert_in_step (fixture, model, &shadow);
  g_assert_cmpint (craft_diary_model_find_id (model, id), >=, 0);

  g_signal_handlers_disconnect_by_data (model, &shadow);
  g_array_unref (shadow.ids);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_environment ();
  /* Days are local: fix the zone so the expected days hold on any machine. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/diary-model/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/diary-model/updates", Fixture, NULL, fixture_set_up, test_updates,
              fixture_tear_down);
  return g_test_run ();
}

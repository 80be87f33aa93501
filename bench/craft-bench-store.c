/* bench/craft-bench-store.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times what the app does with a diary, through the app's own code: search and filters
 * until the diary's list model (CraftDiaryModel) holds its results and the first screen of
 * rows is made, every Review aggregate for all time, export to JSON and CSV, and import of
 * a JSON export into an empty folder. Each figure runs once to warm up, then RUNS times.
 * Prints one JSON object: figure name -> list of milliseconds.
 *
 *   craft-bench-store DATA_DIR WORK_DIR RUNS [IMPORT_FILE]
 *
 * With CRAFT_BENCH_NO_EXPORT set, stops after the Review figures; with CRAFT_BENCH_ONLY_REVIEW
 * set, times nothing but them (for counting their instructions alone with callgrind's
 * --toggle-collect=run_aggregates). CRAFT_BENCH_ONLY (figure names separated by commas)
 * runs only those list figures, for profiling one of them:
 *   CRAFT_BENCH_ONLY=diary-list,search-common CRAFT_BENCH_NO_EXPORT=1 valgrind \
 *     --tool=callgrind --collect-atstart=no --toggle-collect=run_filter \
 *     --dump-after=run_filter craft-bench-store DATA_DIR WORK_DIR 1
 * writes one profile per call (the warm-up, then the run).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "diary/craft-diary-model.h"
#include "review/craft-export.h"
#include "store/craft-store-review.h"

/* The rows a diary list shows on its first screen. */
#define FIRST_SCREEN 20

typedef gboolean (*BenchFunc) (gpointer data, GError **error);

static GString *json;
static guint runs = 5;

static double
now_ms (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}

static void
run (const char *name,
     BenchFunc   func,
     gpointer    data)
{
  g_autoptr(GError) error = NULL;
  const char *only = g_getenv ("CRAFT_BENCH_ONLY");

  if (only != NULL)
    {
      g_auto(GStrv) names = g_strsplit (only, ",", -1);

      if (!g_strv_contains ((const char * const *) names, name))
        return;
    }
  if (!func (data, &error)) /* warm-up */
    g_error ("%s: %s", name, error->message);
  g_string_append_printf (json, "%s\n  \"%s\": [", json->len > 1 ? "," : "", name);
  for (guint i = 0; i < runs; i++)
    {
      double start = now_ms ();

      if (!func (data, &error))
        g_error ("%s: %s", name, error->message);
      g_string_append_printf (json, "%s%.3f", i > 0 ? ", " : "", now_ms () - start);
    }
  g_string_append (json, "]");
  g_printerr ("  %s done\n", name);
}

typedef struct
{
  CraftDiaryModel  *model;
  CraftDiaryFilter  filter;
} FilterRun;

static gboolean
run_filter (gpointer   data,
            GError   **error)
{
  FilterRun *f = data;
  guint n;

  if (!craft_diary_model_set_filter (f->model, &f->filter, error))
    return FALSE;
  /* Until the list holds its results and its first screen of rows is made. */
  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (f->model)), FIRST_SCREEN);
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (f->model), i));
  return TRUE;
}

/* The first list of a diary place just shown: a new model reads every entry's id and time
 * (what later filters and searches reuse). */
static gboolean
run_new_list (gpointer   data,
              GError   **error)
{
  g_autoptr(CraftDiaryModel) model = craft_diary_model_new (data);
  FilterRun all = { model, { 0 } };

  return run_filter (&all, error);
}

/* A filter on a diary place just shown: every entry's traits are read first. */
static gboolean
run_new_filter (gpointer   data,
                GError   **error)
{
  g_autoptr(CraftDiaryModel) model = craft_diary_model_new (data);
  FilterRun f1 = { model, { .coping = "engaged", .safe = "no" } };

  return run_filter (&f1, error);
}

static gboolean
run_open (gpointer   data,
          GError   **error)
{
  g_autoptr(CraftStore) store = craft_store_open (data, error);

  return store != NULL;
}

/* What the Review place asks the store for when it shows all time (the page's own limits),
 * including the entries of its list since the last session, which it reads to show them. */
static gboolean
run_aggregates (gpointer   data,
                GError   **error)
{
  CraftStore *store = data;
  g_autofree char *last = NULL;
  g_autoptr(CraftReviewFigures) figures = NULL;
  CraftReviewRequest request = { NULL, NULL, NULL, 50, 10, 8, 42 };

  if ((last = craft_store_review_last_session_day (store, error)) == NULL)
    return FALSE;
  request.since_day = *last != '\0' ? last : NULL;
  if ((figures = craft_store_review_figures (store, &request, error)) == NULL)
    return FALSE;
  for (guint i = 0; figures->since_ids != NULL && i < figures->since_ids->len; i++)
    {
      g_autoptr(GHashTable) entry = NULL;

      entry = craft_store_diary_get (store, g_array_index (figures->since_ids, gint64, i),
                                     error);
      if (entry == NULL)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  CraftStore *store;
  GFile      *file;
  gboolean    csv;
} ExportRun;

static gboolean
run_export (gpointer   data,
            GError   **error)
{
  ExportRun *e = data;

  return e->csv ? craft_export_csv (e->store, e->file, error)
                : craft_export_json (e->store, e->file, error);
}

typedef struct
{
  GFile      *file;
  const char *work_dir;
  guint       serial;
} ImportRun;

static gboolean
run_import (gpointer   data,
            GError   **error)
{
  ImportRun *r = data;
  g_autofree char *name = g_strdup_printf ("import-%u", r->serial++);
  g_autofree char *dir = g_build_filename (r->work_dir, name, NULL);
  g_autoptr(CraftStore) store = craft_store_open (dir, error);
  g_autoptr(CraftImport) import = NULL;

  /* What --import and the window do: read and check, preview, then apply. */
  return store != NULL && (import = craft_import_load (r->file, error)) != NULL
         && craft_import_preview (import, store, error)
         && craft_import_apply (import, store, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(CraftDiaryModel) model = NULL;
  guint64 n_runs = 5;
  const char *data_dir, *work_dir;

  if (argc < 4 || !g_ascii_string_to_unsigned (argv[3], 10, 1, 1000, &n_runs, NULL))
    {
      g_printerr ("Usage: %s DATA_DIR WORK_DIR RUNS [IMPORT_FILE]\n", argv[0]);
      return 2;
    }
  data_dir = argv[1];
  work_dir = argv[2];
  runs = (guint) n_runs;
  json = g_string_new ("{");

  if (g_getenv ("CRAFT_BENCH_ONLY_REVIEW") == NULL)
    run ("open", run_open, (gpointer) data_dir);

  store = craft_store_open (data_dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  model = craft_diary_model_new (store);

  if (g_getenv ("CRAFT_BENCH_ONLY_REVIEW") == NULL)
  {
    FilterRun all = { model, { 0 } };
    FilterRun common = { model, { .text = "kitchen" } };
    FilterRun rare = { model, { .text = "trampoline" } };
    FilterRun swedish = { model, { .text = "köket" } };
    FilterRun f1 = { model, { .coping = "engaged", .safe = "no" } };
    FilterRun f2 = { model, { .tag = "familj", .stress_min = 7, .stress_max = 10 } };
    FilterRun f3 = { model, { .from_day = "2025-11-23", .to_day = "2026-11-23",
                              .loved_one_state = "using", .flagged_only = TRUE } };

    run ("diary-list-new", run_new_list, store);
    run ("diary-list", run_filter, &all);
    run ("search-common", run_filter, &common);
    run ("search-rare", run_filter, &rare);
    run ("search-swedish", run_filter, &swedish);
    run ("filter-coping-safe", run_filter, &f1);
    run ("filter-coping-safe-new", run_new_filter, store);
    run ("filter-tag-stress", run_filter, &f2);
    run ("filter-year-state-flagged", run_filter, &f3);
  }

  run ("aggregates", run_aggregates, store);

  /* For comparing instruction counts (callgrind) of the queries alone. */
  if (g_getenv ("CRAFT_BENCH_NO_EXPORT") == NULL
      && g_getenv ("CRAFT_BENCH_ONLY_REVIEW") == NULL)
  {
    g_autofree char *json_path = g_build_filename (work_dir, "export.json", NULL);
    g_autofree char *csv_path = g_build_filename (work_dir, "export.csv", NULL);
    g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
    g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
    ExportRun to_json = { store, json_file, FALSE };
    ExportRun to_csv = { store, csv_file, TRUE };

    run ("export-json", run_export, &to_json);
    run ("export-csv", run_export, &to_csv);

    if (argc > 4)
      {
        g_autoptr(GFile) import_file = g_file_new_for_commandline_arg (argv[4]);
        ImportRun import = { import_file, work_dir, 0 };

        run ("import-json", run_import, &import);
      }
  }

  g_string_append (json, "\n}\n");
  g_print ("%s", json->str);
  g_string_free (json, TRUE);
  return 0;
}

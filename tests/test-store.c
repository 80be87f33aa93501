/* tests/test-store.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps a person's data private and never harms a file it cannot use.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "app/craft-saver.h"
#include "craft-test-util.h"
#include "store/craft-store-private.h"

static char *
db_path_in (const char *dir)
{
  return g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_open_creates_private_files (void)
{
  g_autofree char *parent = craft_test_make_dir ("private");
  g_autofree char *dir = g_build_filename (parent, "nested", "craft-companion", NULL);
  g_autofree char *db = db_path_in (dir);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (craft_store_set_answer (store, "safety-plan", "safe-place", "x", &error));
  g_assert_no_error (error);

  g_assert_cmpint (file_mode (dir), ==, 0700);
  g_assert_cmpint (file_mode (db), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_mode (wal), ==, 0600);
  g_assert_cmpint (file_mode (shm), ==, 0600);
}

static void
test_open_tightens_existing_folder (void)
{
  g_autofree char *dir = craft_test_make_dir ("loose");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (dir), ==, 0700);
}

static void
test_open_uses_wal_and_foreign_keys (void)
{
  g_autofree char *dir = craft_test_make_dir ("pragmas");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  sqlite3_prepare_v2 (_craft_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (_craft_store_get_db (store), "PRAGMA foreign_keys", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (_craft_store_get_db (store), "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CRAFT_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
}

static void
test_folder_is_a_file (void)
{
  g_autofree char *dir = craft_test_make_dir ("file-instead");
  g_autofree char *path = g_build_filename (dir, "craft-companion", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;

  g_file_set_contents (path, "not a folder", -1, &error);
  g_assert_no_error (error);

  store = craft_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, path));
}

/* Each schema-vN.sql fixture is a database as version N left it; every one must open with
 * the current store, reach the current version and keep its data. */
static void
test_migrations_from_every_version (void)
{
  g_autoptr(GDir) fixtures = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint tested = 0;

  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "data", NULL);

  fixtures = g_dir_open (data_dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (fixtures)) != NULL)
    {
      g_autofree char *fixture = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *db = NULL;
      g_autofree char *value = NULL;
      g_autoptr(CraftStore) store = NULL;
      g_autoptr(GArray) rows = NULL;

      if (!g_str_has_prefix (name, "schema-v") || !g_str_has_suffix (name, ".sql"))
        continue;

      g_test_message ("migrating from %s", name);
      fixture = g_build_filename (data_dir, name, NULL);
      g_file_get_contents (fixture, &sql, NULL, &error);
      g_assert_no_error (error);

      dir = craft_test_make_dir ("migrate");
      db = db_path_in (dir);
      craft_test_exec_sql (db, sql);

      store = craft_store_open (dir, &error);
      g_assert_no_error (error);

      value = craft_store_get_answer (store, "safety-plan", "warning-signs", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (value, ==, "När han börjar smälla i dörrar");

      rows = craft_store_list_rows (store, "safety-plan", "people", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 2);
      g_clear_pointer (&value, g_free);
      value = craft_store_get_row_value (store, g_array_index (rows, gint64, 1), "name", &error);
      g_assert_cmpstr (value, ==, "Jørgen");
      tested++;
    }

  /* One fixture for every released version before this one, and this one itself. */
  g_assert_cmpuint (tested, ==, CRAFT_STORE_SCHEMA_VERSION);
}

static void
assert_refused_untouched (const char *dir,
                          int         code)
{
  g_autofree char *db = db_path_in (dir);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *before = craft_test_file_checksum (db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  GStatBuf st_before, st_after;

  g_assert_cmpint (g_stat (db, &st_before), ==, 0);

  store = craft_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, CRAFT_STORE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");

  after = craft_test_file_checksum (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (db, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_newer_version (void)
{
  g_autofree char *dir = craft_test_make_dir ("newer");
  g_autofree char *db = db_path_in (dir);
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE future (x); INSERT INTO future VALUES (1);"
                                          "PRAGMA user_version = %d;",
                                          CRAFT_STORE_SCHEMA_VERSION + 1);

  craft_test_exec_sql (db, sql);
  assert_refused_untouched (dir, CRAFT_STORE_ERROR_NEWER_VERSION);
}

static void
test_refuse_not_a_database (void)
{
  g_autofree char *dir = craft_test_make_dir ("not-db");
  g_autofree char *db = db_path_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Dear diary, this is a text file. ");
  g_file_set_contents (db, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_refused_untouched (dir, CRAFT_STORE_ERROR_NOT_A_DATABASE);
}

/* Copies @name from @from to @to byte for byte. */
static void
copy_file (const char *from,
           const char *to,
           const char *name)
{
  g_autofree char *source = g_build_filename (from, name, NULL);
  g_autofree char *target = g_build_filename (to, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
}

/* A program killed in a write before a new database was switched to WAL leaves a hot
 * rollback journal (found by the crash harness under valgrind): the next start rolls it
 * back and opens, instead of calling the folder read-only. */
static void
test_open_rolls_back_hot_journal (void)
{
  g_autofree char *writing = craft_test_make_dir ("hot-journal-writing");
  g_autofree char *dir = craft_test_make_dir ("hot-journal");
  g_autofree char *db_path = db_path_in (writing);
  g_autofree char *journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autofree char *value = NULL;
  sqlite3 *db = NULL;
  int count = -1;

  /* A writer in the middle of a large transaction, its changes partly in the file: the
   * file and its journal as they are at that moment are what a kill leaves behind. */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE settled (x); DROP TABLE settled;"
                                     "PRAGMA cache_size = 2; BEGIN;"
                                     "CREATE TABLE unfinished (x BLOB);"
                                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                                     " FROM n WHERE i < 200)"
                                     " INSERT INTO unfinished SELECT randomblob(2000) FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  copy_file (writing, dir, CRAFT_STORE_FILENAME);
  journal = g_strconcat (CRAFT_STORE_FILENAME, "-journal", NULL);
  copy_file (writing, dir, journal);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (craft_store_set_answer (store, "safety-plan", "warning-signs", "Tyst.", &error));
  g_assert_no_error (error);
  value = craft_store_get_answer (store, "safety-plan", "warning-signs", &error);
  g_assert_cmpstr (value, ==, "Tyst.");
  g_clear_object (&store);

  /* What was never committed is gone. */
  {
    g_autofree char *path = db_path_in (dir);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master"
                                             " WHERE name = 'unfinished'", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    count = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_assert_cmpint (count, ==, 0);
    craft_test_assert_integrity_ok (path);
  }
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *dir = craft_test_make_dir ("corrupt");
  g_autofree char *db = db_path_in (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* A real database of several pages, then garbage over the middle of it. */
  craft_test_exec_sql (db,
                       "CREATE TABLE t (a TEXT);"
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                       " INSERT INTO t SELECT printf('entry %d with some text', i) FROM n;"
                       "CREATE INDEX t_a ON t (a);");
  g_file_get_contents (db, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 8);
  for (gsize i = 4096 * 3 + 100; i < 4096 * 5; i++)
    contents[i] = (char) (i * 7);
  g_file_set_contents (db, contents, length, &error);
  g_assert_no_error (error);

  assert_refused_untouched (dir, CRAFT_STORE_ERROR_CORRUPT);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!craft_store_check_finish (CRAFT_STORE (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "passed");
}

/* Runs the deferred check and returns its error; "passed" (G_IO_ERROR_EXISTS) when sound. */
static GError *
run_check (CraftStore *store)
{
  GError *error = NULL;

  craft_store_check_async (store, NULL, on_checked_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  return error;
}

/* A diary of a thousand entries at the current version, closed, with garbage written over
 * the pages at its end (entries and their index, not the schema). */
static char *
make_damaged_current_database (void)
{
  g_autofree char *dir = craft_test_make_dir ("deferred");
  g_autofree char *db = db_path_in (dir);
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  craft_test_exec_sql (db,
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                       " WHERE i < 1000) INSERT INTO diary_entry (uuid, happened_at, day,"
                       " created_at, updated_at, what_happened) SELECT 'u' || i, i, '2026-11-23',"
                       " 0, 0, printf('Anteckning %d med lite text', i) FROM n;"
                       "PRAGMA wal_checkpoint(TRUNCATE);");
  g_file_get_contents (db, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 40);
  for (gsize i = length - 4096 * 12; i < length - 4096 * 2; i++)
    contents[i] = (char) (i * 7);
  g_file_set_contents (db, contents, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

/* Opening with the check deferred: a damaged database opens for reading, but not one write
 * reaches it, and the check reports the damage. */
static void
test_deferred_check_damaged (void)
{
  g_autofree char *dir = make_damaged_current_database ();
  g_autofree char *db = db_path_in (dir);
  g_autofree char *before = craft_test_file_checksum (db);
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;

  store = craft_store_open_deferring_check (dir, &error);
  g_assert_no_error (error);

  /* A write before the check ran waits for it, and is refused. */
  g_assert_false (craft_store_set_answer (store, "safety-plan", "safe-place", "Hos mamma", &error));
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (craft_store_diary_create (store, 1763900000, &error), ==, 0);
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT);

  check_error = run_check (store);
  g_assert_error (check_error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT);

  g_clear_object (&store);
  g_assert_true (craft_test_file_has_checksum (db, before));
}

/* A sound database opened with the check deferred: the check passes and writes go in, also
 * one made before the check started. */
static void
test_deferred_check_sound (void)
{
  g_autofree char *dir = craft_test_make_dir ("deferred-sound");
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *value = NULL;

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = craft_store_open_deferring_check (dir, &error);
  g_assert_no_error (error);
  g_assert_true (craft_store_set_answer (store, "safety-plan", "safe-place", "Hos mamma", &error));
  g_assert_no_error (error);
  check_error = run_check (store);
  g_assert_error (check_error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (craft_store_set_answer (store, "safety-plan", "warning-signs", "Tystnad",
                                         &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  value = craft_store_get_answer (store, "safety-plan", "safe-place", &error);
  g_assert_cmpstr (value, ==, "Hos mamma");
}

static void
test_set_aside_keeps_damaged_file (void)
{
  g_autofree char *dir = craft_test_make_dir ("aside");
  g_autofree char *db = db_path_in (dir);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_again = NULL;

  g_file_set_contents (db, "damaged beyond repair", -1, &error);
  g_assert_no_error (error);
  checksum = craft_test_file_checksum (db);

  kept = craft_store_set_aside (dir, now, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (kept, "craft-companion-damaged-2026-11-23-093000.db"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_true (craft_test_file_has_checksum (kept, checksum));

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A second damaged file in the same second never replaces the first one. */
  g_unlink (db);
  g_file_set_contents (db, "damaged again", -1, &error);
  kept_again = craft_store_set_aside (dir, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept_again, !=, kept);
  g_assert_true (craft_test_file_has_checksum (kept, checksum));
}

static void
test_answers_round_trip (void)
{
  g_autofree char *dir = craft_test_make_dir ("answers");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autofree char *empty = NULL;
  g_autofree char *value = NULL;
  const char *text = "Gå till Åsa.\nTag hen til søster på Ærø.\n\"Quotes\" and ' too; DROP TABLE x;";

  g_assert_no_error (error);
  empty = craft_store_get_answer (store, "safety-plan", "safe-place", &error);
  g_assert_cmpstr (empty, ==, "");

  g_assert_true (craft_store_set_answer (store, "safety-plan", "safe-place", "first", &error));
  g_assert_true (craft_store_set_answer (store, "safety-plan", "safe-place", text, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  value = craft_store_get_answer (store, "safety-plan", "safe-place", &error);
  g_assert_cmpstr (value, ==, text);
}

static char *
row_name (CraftStore *store,
          GArray     *rows,
          guint       index)
{
  g_autoptr(GError) error = NULL;
  char *name = craft_store_get_row_value (store, g_array_index (rows, gint64, index), "name",
                                          &error);

  g_assert_no_error (error);
  return name;
}

static void
test_rows_keep_order (void)
{
  g_autofree char *dir = craft_test_make_dir ("rows");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GArray) rows = NULL;
  const char *names[] = { "Åsa", "Bjørn", "Cecilia" };
  gint64 ids[3];

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      ids[i] = craft_store_add_row (store, "safety-plan", "people", &error);
      g_assert_no_error (error);
      g_assert_true (craft_store_set_row_value (store, ids[i], "name", names[i], &error));
    }

  /* Removed, then undone: back in its own place, not at the end. */
  g_assert_true (craft_store_delete_row (store, ids[1], &error));
  rows = craft_store_list_rows (store, "safety-plan", "people", &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_array_unref);

  g_assert_true (craft_store_restore_row (store, ids[1], &error));
  rows = craft_store_list_rows (store, "safety-plan", "people", &error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = row_name (store, rows, i);

      g_assert_cmpstr (name, ==, names[i]);
    }
  g_clear_pointer (&rows, g_array_unref);

  /* Removed and not undone before closing: gone for good at the next start. */
  g_assert_true (craft_store_delete_row (store, ids[0], &error));
  g_clear_object (&store);
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  rows = craft_store_list_rows (store, "safety-plan", "people", &error);
  g_assert_cmpuint (rows->len, ==, 2);
  {
    g_autofree char *first = row_name (store, rows, 0);
    g_autofree char *second = row_name (store, rows, 1);

    g_assert_cmpstr (first, ==, "Bjørn");
    g_assert_cmpstr (second, ==, "Cecilia");
  }
}

static void
test_saver_keeps_text_while_locked (void)
{
  g_autofree char *dir = craft_test_make_dir ("saver");
  g_autofree char *db = db_path_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(CraftSaver) saver = NULL;
  g_autofree char *value = NULL;
  sqlite3 *other = NULL;

  g_assert_no_error (error);
  _craft_store_set_busy_timeout (store, 50);
  saver = craft_saver_new (store);
  craft_saver_set_delays (saver, 10, 20);
  /* Reported at once here; brief locks are the hostile tests' business. */
  craft_saver_set_busy_grace (saver, 0);

  /* Another process holds the write lock: the save fails and the text stays queued. */
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  craft_saver_queue_answer (saver, "safety-plan", "warning-signs", "first words");
  craft_saver_queue_answer (saver, "safety-plan", "warning-signs", "first words and more");
  g_assert_false (craft_saver_flush (saver, &error));
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (craft_saver_get_pending (saver));
  g_assert_nonnull (craft_saver_get_error (saver));

  /* Once the lock is gone the retry writes the latest text, with nothing typed again. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  craft_test_spin (200);

  g_assert_false (craft_saver_get_pending (saver));
  g_assert_null (craft_saver_get_error (saver));
  value = craft_store_get_answer (store, "safety-plan", "warning-signs", &error);
  g_assert_cmpstr (value, ==, "first words and more");
}


static gint64
new_entry (CraftStore *store,
           gint64      happened_at,
           const char *first_field,
           ...)
{
  g_autoptr(GError) error = NULL;
  gint64 id = craft_store_diary_create (store, happened_at, &error);
  const char *field = first_field;
  va_list args;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  va_start (args, first_field);
  while (field != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_assert_true (craft_store_diary_set (store, id, field, value, &error));
      g_assert_no_error (error);
      field = va_arg (args, const char *);
    }
  va_end (args);
  return id;
}

static guint
count_matches (CraftStore             *store,
               const CraftDiaryFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = craft_store_diary_query (store, filter, &error);

  g_assert_no_error (error);
  return hits->len;
}

static guint
count_text (CraftStore *store,
            const char *text)
{
  CraftDiaryFilter filter = { .text = text };

  return count_matches (store, &filter);
}

static void
test_diary_round_trip (void)
{
  g_autofree char *dir = craft_test_make_dir ("diary");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GHashTable) entry = NULL;
  CraftDiaryFilter trash = { .trash = TRUE };
  CraftDiaryFilter all = { 0 };
  gint64 id;

  g_assert_no_error (error);
  /* 23 November 2025, 18:30 UTC: the local day depends on TZ, which the test fixes. */
  id = new_entry (store, 1763922600, "what-happened", "Han kom hem full igen.",
                  "stress", "8", "coping", "tolerant", "coping-kind", "protecting",
                  "tags", " Pengar, helg,pengar ", "flagged", "1", "safe", "unsure", NULL);
  g_clear_object (&store);

  store = craft_store_open (dir, &error);
  entry = craft_store_diary_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (entry, "what-happened"), ==, "Han kom hem full igen.");
  g_assert_cmpstr (g_hash_table_lookup (entry, "stress"), ==, "8");
  g_assert_cmpstr (g_hash_table_lookup (entry, "feeling-strength"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (entry, "coping-kind"), ==, "protecting");
  g_assert_cmpstr (g_hash_table_lookup (entry, "tags"), ==, "pengar,helg");
  g_assert_cmpstr (g_hash_table_lookup (entry, "flagged"), ==, "1");
  g_assert_cmpstr (g_hash_table_lookup (entry, "happened-at"), ==, "1763922600");
  g_assert_cmpstr (g_hash_table_lookup (entry, "day"), ==, "2025-11-23");
  g_assert_cmpstr (g_hash_table_lookup (entry, "deleted-at"), ==, "");
  g_assert_cmpuint (strlen (g_hash_table_lookup (entry, "uuid")), ==, 36);

  /* Bad values are refused and change nothing. */
  g_assert_false (craft_store_diary_set (store, id, "stress", "11", &error));
  g_clear_error (&error);
  g_assert_false (craft_store_diary_set (store, id, "coping", "ignoring", &error));
  g_clear_error (&error);
  g_assert_false (craft_store_diary_set (store, id, "no-such-field", "x", &error));
  g_clear_error (&error);
  g_clear_pointer (&entry, g_hash_table_unref);
  entry = craft_store_diary_get (store, id, &error);
  g_assert_cmpstr (g_hash_table_lookup (entry, "stress"), ==, "8");

  /* A choice and a rating can be taken back. */
  g_assert_true (craft_store_diary_set (store, id, "safe", "", &error));
  g_assert_true (craft_store_diary_set (store, id, "stress", "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, g_hash_table_unref);
  entry = craft_store_diary_get (store, id, &error);
  g_assert_cmpstr (g_hash_table_lookup (entry, "safe"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (entry, "stress"), ==, "");

  /* Delete goes to the Trash, restore brings it back, purge ends it. */
  g_assert_true (craft_store_diary_delete (store, id, 1000, &error));
  g_assert_cmpuint (count_matches (store, &all), ==, 0);
  g_assert_cmpuint (count_matches (store, &trash), ==, 1);
  g_assert_true (craft_store_diary_restore (store, id, &error));
  g_assert_cmpuint (count_matches (store, &all), ==, 1);
  g_assert_true (craft_store_diary_delete (store, id, 1000, &error));
  g_assert_cmpint (craft_store_diary_purge_trash (store, 999, &error), ==, 0);
  g_assert_cmpint (craft_store_diary_purge_trash (store, 1001, &error), ==, 1);
  g_assert_cmpuint (count_matches (store, &trash), ==, 0);
  g_assert_null (craft_store_diary_get (store, id, &error));
  g_clear_error (&error);
}

static void
test_diary_search (void)
{
  g_autofree char *dir = craft_test_make_dir ("search");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autofree char *snippet = NULL;
  gint64 sv;

  g_assert_no_error (error);
  sv = new_entry (store, 1000, "what-happened", "Ett stort BRÅK om pengarna vid solnedgången",
                  "place", "Köket i Västerås", NULL);
  new_entry (store, 2000, "what-happened", "Vi var på Ærø, og han drak øl hele dagen",
             "thoughts", "Jeg følte mig ensom", NULL);
  new_entry (store, 3000, "what-happened", "A quiet evening, no trouble", "tags", "calm", NULL);

  g_assert_cmpuint (count_text (store, "bråk"), ==, 1);
  g_assert_cmpuint (count_text (store, "Bråk"), ==, 1);
  g_assert_cmpuint (count_text (store, "BRÅK"), ==, 1);
  g_assert_cmpuint (count_text (store, "solned"), ==, 1);
  g_assert_cmpuint (count_text (store, "västerås"), ==, 1);
  g_assert_cmpuint (count_text (store, "köket"), ==, 1);
  g_assert_cmpuint (count_text (store, "ærø"), ==, 1);
  g_assert_cmpuint (count_text (store, "ÆRØ"), ==, 1);
  g_assert_cmpuint (count_text (store, "øl"), ==, 1);
  g_assert_cmpuint (count_text (store, "følte ensom"), ==, 1);
  g_assert_cmpuint (count_text (store, "følte stort"), ==, 0);
  g_assert_cmpuint (count_text (store, "calm"), ==, 1);
  /* Letters of their own: "brak" is not "bråk". */
  g_assert_cmpuint (count_text (store, "brak"), ==, 0);
  /* Whatever is typed is words, never query syntax. */
  g_assert_cmpuint (count_text (store, "\"bråk"), ==, 1);
  g_assert_cmpuint (count_text (store, "NEAR(bråk*) OR"), ==, 0);
  g_assert_cmpuint (count_text (store, "*"), ==, 3);

  snippet = craft_store_diary_snippet (store, sv, "bråk", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (snippet, CRAFT_DIARY_MATCH_START "BRÅK" CRAFT_DIARY_MATCH_END));
}

static void
test_diary_filters (void)
{
  g_autofree char *dir = craft_test_make_dir ("filters");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) days = NULL;
  CraftDiaryFilter filter = { 0 };

  g_assert_no_error (error);
  /* Four entries on three days (local time, TZ fixed to UTC by the test). */
  new_entry (store, 1763856000, "what-happened", "a", "coping", "engaged", "stress", "3",
             "loved-one-state", "influenced", "safe", "yes", "tags", "money", NULL);
  new_entry (store, 1763942400, "what-happened", "b", "coping", "engaged", "stress", "8",
             "loved-one-state", "hungover", "safe", "no", "flagged", "1", NULL);
  new_entry (store, 1763946000, "what-happened", "c", "coping", "withdrawn", "stress", "9",
             "loved-one-state", "influenced", "safe", "no", "tags", "money,night", NULL);
  new_entry (store, 1764028800, "what-happened", "d", "coping", "tolerant", NULL);

  filter.coping = "engaged";
  g_assert_cmpuint (count_matches (store, &filter), ==, 2);
  filter.stress_min = 5;
  filter.stress_max = 10;
  g_assert_cmpuint (count_matches (store, &filter), ==, 1);
  filter.coping = NULL;
  g_assert_cmpuint (count_matches (store, &filter), ==, 2);
  filter.safe = "no";
  filter.loved_one_state = "influenced";
  g_assert_cmpuint (count_matches (store, &filter), ==, 1);
  filter = (CraftDiaryFilter) { .tag = "money" };
  g_assert_cmpuint (count_matches (store, &filter), ==, 2);
  filter.stress_min = 5;
  filter.stress_max = 10;
  g_assert_cmpuint (count_matches (store, &filter), ==, 1);
  filter = (CraftDiaryFilter) { .tag = "money", .text = "a" };
  g_assert_cmpuint (count_matches (store, &filter), ==, 1);
  filter = (CraftDiaryFilter) { .tag = "night", .text = "a" };
  g_assert_cmpuint (count_matches (store, &filter), ==, 0);
  filter = (CraftDiaryFilter) { .flagged_only = TRUE };
  g_assert_cmpuint (count_matches (store, &filter), ==, 1);
  filter = (CraftDiaryFilter) { .from_day = "2025-11-24", .to_day = "2025-11-24" };
  g_assert_cmpuint (count_matches (store, &filter), ==, 2);

  /* Counts per value ignore the filter's own choice for that field. */
  filter = (CraftDiaryFilter) { .coping = "engaged", .safe = "no" };
  counts = craft_store_diary_count_by (store, &filter, "coping", &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "engaged")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "withdrawn")), ==, 1);
  g_assert_null (g_hash_table_lookup (counts, "tolerant"));
  g_clear_pointer (&counts, g_hash_table_unref);
  filter = (CraftDiaryFilter) { .tag = "money" };
  counts = craft_store_diary_count_by (store, &filter, "safe", &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "yes")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "no")), ==, 1);
  g_clear_pointer (&counts, g_hash_table_unref);
  filter = (CraftDiaryFilter) { 0 };
  counts = craft_store_diary_count_by (store, &filter, "tags", &error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "money")), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "night")), ==, 1);

  days = craft_store_diary_days (store, "2025-11-01", "2025-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (days->pdata[0], ==, "2025-11-23");
}

/* A diary of years: 100,000 entries in one transaction, and the right answers after. */
static void
test_diary_large (void)
{
  g_autofree char *dir = craft_test_make_dir ("large");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  static const char *words[] = { "bråk", "lugn", "øl", "skænderi", "middag", "quiet" };
  static const char *coping[] = { "engaged", "tolerant", "withdrawn" };
  CraftDiaryFilter filter = { 0 };
  sqlite3 *db = _craft_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO diary_entry (uuid, happened_at, day,"
                                       " created_at, updated_at, what_happened, coping, stress)"
                                       " VALUES (?1, ?2, '2020-01-01', 0, 0, ?3, ?4, ?5)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (int i = 0; i < 100000; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("entry-%d", i);
      g_autofree char *text = g_strdup_printf ("Dag %d: %s", i, words[i % 6]);

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, 1577836800 + i * 600);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, coping[i % 3], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, i % 11);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpuint (count_text (store, "bråk"), ==, 100000 / 6 + 1);
  g_assert_cmpuint (count_text (store, "SKÆND"), ==, 100000 / 6 + 1);
  g_assert_cmpuint (count_text (store, "99999"), ==, 1);
  filter.coping = "withdrawn";
  g_assert_cmpuint (count_matches (store, &filter), ==, 33333);
  filter.stress_min = 10;
  filter.stress_max = 10;
  /* i % 3 == 2 and i % 11 == 10: i % 33 == 32. */
  g_assert_cmpuint (count_matches (store, &filter), ==, 3030);
  filter.text = "øl";
  /* …and i % 6 == 2: i % 66 == 32. */
  g_assert_cmpuint (count_matches (store, &filter), ==, 1515);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_environment ();
  /* Days are local: fix the zone so the expected days hold on any machine. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/creates-private-files", test_open_creates_private_files);
  g_test_add_func ("/store/open/tightens-existing-folder", test_open_tightens_existing_folder);
  g_test_add_func ("/store/open/wal-and-foreign-keys", test_open_uses_wal_and_foreign_keys);
  g_test_add_func ("/store/open/folder-is-a-file", test_folder_is_a_file);
  g_test_add_func ("/store/migrations/from-every-version", test_migrations_from_every_version);
  g_test_add_func ("/store/refuse/newer-version", test_refuse_newer_version);
  g_test_add_func ("/store/refuse/not-a-database", test_refuse_not_a_database);
  g_test_add_func ("/store/refuse/corrupt", test_refuse_corrupt);
  g_test_add_func ("/store/open/rolls-back-hot-journal", test_open_rolls_back_hot_journal);
  g_test_add_func ("/store/deferred-check/damaged", test_deferred_check_damaged);
  g_test_add_func ("/store/deferred-check/sound", test_deferred_check_sound);
  g_test_add_func ("/store/set-aside/keeps-damaged-file", test_set_aside_keeps_damaged_file);
  g_test_add_func ("/store/answers/round-trip", test_answers_round_trip);
  g_test_add_func ("/store/rows/keep-order", test_rows_keep_order);
  g_test_add_func ("/store/saver/keeps-text-while-locked", test_saver_keeps_text_while_locked);
  g_test_add_func ("/store/diary/round-trip", test_diary_round_trip);
  g_test_add_func ("/store/diary/search", test_diary_search);
  g_test_add_func ("/store/diary/filters", test_diary_filters);
  g_test_add_func ("/store/diary/large", test_diary_large);

  return g_test_run ();
}

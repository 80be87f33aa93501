/* tests/test-backup.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups keep a person's data safe: they are private, whole and checked, a restore keeps
 * what was there before, and nothing is overwritten or deleted that is not ours to remove.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "craft-test-util.h"
#include "store/craft-store-backup.h"
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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined, to see that nothing came or went. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

/* Whether @dir holds exactly @listing (from list_dir()). */
static gboolean
dir_is (const char *dir,
        const char *listing)
{
  g_autofree char *now = list_dir (dir);

  return g_strcmp0 (now, listing) == 0;
}

static char *
get_answer (CraftStore *store)
{
  g_autoptr(GError) error = NULL;
  char *value = craft_store_get_answer (store, "safety-plan", "safe-place", &error);

  g_assert_no_error (error);
  return value;
}

static void
set_answer (CraftStore *store,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (craft_store_set_answer (store, "safety-plan", "safe-place", value, &error));
  g_assert_no_error (error);
}

static gint64
add_entry (CraftStore *store,
           gint64      happened_at,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = craft_store_diary_create (store, happened_at, &error);

  g_assert_no_error (error);
  g_assert_true (craft_store_diary_set (store, id, "what-happened", text, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = craft_test_make_dir ("round-trip");
  g_autofree char *elsewhere = craft_test_make_dir ("usb-stick");
  g_autofree char *backup = g_build_filename (elsewhere, "my backup?#%.db", NULL);
  g_autofree char *db = db_path_in (dir);
  g_autofree char *backup_sum = NULL;
  g_autofree char *before_restore = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GArray) hits = NULL;
  CraftDiaryFilter filter = { 0 };

  g_assert_no_error (error);
  set_answer (store, "Hos Åsa");
  add_entry (store, 1763888400, "Kept in the backup");

  g_assert_true (craft_store_backup_to_file (store, backup, CRAFT_BACKUP_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (backup), ==, 0600);
  craft_test_assert_integrity_ok (backup);
  /* Only the finished file: no temporary name, journal or -wal left beside it. */
  g_assert_true (dir_is (elsewhere, "my backup?#%.db"));

  /* Written after the backup: gone after the restore, but kept aside. */
  set_answer (store, "Written later");
  add_entry (store, 1763974800, "Written after the backup");
  g_clear_object (&store);
  before_restore = craft_test_file_checksum (db);
  backup_sum = craft_test_file_checksum (backup);

  g_assert_true (craft_store_restore_backup (dir, backup, now, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_suffix (kept, "craft-companion-before-restore-2026-11-23-093000.db"));
  g_assert_true (craft_test_file_has_checksum (kept, before_restore));
  /* The backup was copied, not moved or changed. */
  g_assert_true (craft_test_file_has_checksum (backup, backup_sum));
  g_assert_cmpint (file_mode (db), ==, 0600);
  g_assert_cmpint (file_mode (dir), ==, 0700);

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  value = get_answer (store);
  g_assert_cmpstr (value, ==, "Hos Åsa");
  hits = craft_store_diary_query (store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, CraftDiaryHit, 0).happened_at, ==, 1763888400);
  g_clear_object (&store);

  /* A second restore in the same second keeps the first kept copy too. */
  {
    g_autofree char *kept_first = craft_test_file_checksum (kept);
    g_autofree char *kept_again = NULL;

    g_assert_true (craft_store_restore_backup (dir, backup, now, &kept_again, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (kept_again, !=, kept);
    g_assert_true (craft_test_file_has_checksum (kept, kept_first));
  }
}

static void
test_restore_older_version (void)
{
  g_autofree char *dir = craft_test_make_dir ("restore-old");
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "data", "schema-v1.sql", NULL);
  g_autofree char *old_dir = craft_test_make_dir ("old-backup");
  g_autofree char *old = g_build_filename (old_dir, "from-version-1.db", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  CraftBackupInfo info;

  g_file_get_contents (fixtures, &sql, NULL, &error);
  g_assert_no_error (error);
  craft_test_exec_sql (old, sql);

  /* A version 1 backup has no diary or ratings yet; describing it copes with that. */
  g_assert_true (craft_store_backup_describe (old, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.schema_version, ==, 1);
  g_assert_cmpuint (info.answers, ==, 2);
  g_assert_cmpuint (info.diary_entries, ==, 0);
  g_assert_cmpuint (info.happiness_ratings, ==, 0);
  g_assert_cmpint (info.newest_entry_at, ==, 0);

  /* Into an empty data folder: nothing to keep aside. */
  g_assert_true (craft_store_restore_backup (dir, old, now, &kept, &error));
  g_assert_no_error (error);
  g_assert_null (kept);

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  value = craft_store_get_answer (store, "safety-plan", "warning-signs", &error);
  g_assert_cmpstr (value, ==, "När han börjar smälla i dörrar");
}

static void
test_describe_counts (void)
{
  g_autofree char *dir = craft_test_make_dir ("describe");
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autofree char *sum = NULL;
  gint64 trashed;
  CraftBackupInfo info;

  g_assert_no_error (error);
  add_entry (store, 1763542800, "Tuesday");
  add_entry (store, 1763888400, "Sunday, the newest");
  add_entry (store, 1763200000, "Older");
  trashed = add_entry (store, 1763990000, "In the Trash, even newer");
  g_assert_true (craft_store_diary_delete (store, trashed, 1763990100, &error));
  set_answer (store, "Hos Åsa");
  g_assert_true (craft_store_set_answer (store, "safety-plan", "note", "", &error));
  g_assert_true (craft_store_set_answer (store, "session-3", "reward", "Bio", &error));
  g_assert_true (craft_store_set_session_done (store, 1, 1763000000, &error));
  g_assert_true (craft_store_set_session_done (store, 2, 1763100000, &error));
  g_assert_true (craft_store_set_session_started (store, 3, 1763200000, &error));
  g_assert_true (craft_store_set_happiness (store, "2026-11-20", "work", 6, &error));
  g_assert_true (craft_store_set_happiness (store, "2026-11-20", "social", 4, &error));
  g_assert_true (craft_store_set_happiness (store, "2026-11-21", "work", 7, &error));
  g_assert_no_error (error);

  g_assert_true (craft_store_backup_to_file (store, backup, CRAFT_BACKUP_FLAGS_NONE, &error));
  g_assert_no_error (error);
  sum = craft_test_file_checksum (backup);

  g_assert_true (craft_store_backup_describe (backup, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.schema_version, ==, CRAFT_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (info.diary_entries, ==, 3);
  g_assert_cmpuint (info.trash_entries, ==, 1);
  g_assert_cmpuint (info.answers, ==, 2);
  g_assert_cmpuint (info.sessions_done, ==, 2);
  g_assert_cmpuint (info.happiness_ratings, ==, 3);
  g_assert_cmpint (info.newest_entry_at, ==, 1763888400);
  g_assert_cmpuint (strlen (info.newest_entry_day), ==, 10);
  g_assert_cmpint (info.modified_at, >, 0);

  /* Describing reads only: the file is as it was and nothing appeared beside it. */
  g_assert_true (craft_test_file_has_checksum (backup, sum));
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_autofree char *shm = g_strconcat (backup, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *listing = list_dir (parent);
  g_autofree char *sum = craft_test_file_checksum (path);
  g_autofree char *data_dir = craft_test_make_dir ("restore-refused");
  g_autofree char *db = db_path_in (data_dir);
  g_autofree char *db_sum = NULL;
  g_autofree char *data_listing = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  CraftBackupInfo info;

  g_assert_false (craft_store_backup_describe (path, &info, &error));
  g_assert_error (error, CRAFT_STORE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_true (craft_test_file_has_checksum (path, sum));
  g_assert_true (dir_is (parent, listing));

  /* Nor is it restored: the person's current data stays exactly where it is. */
  store = craft_store_open (data_dir, &error);
  g_assert_no_error (error);
  set_answer (store, "Still here");
  g_clear_object (&store);
  db_sum = craft_test_file_checksum (db);
  data_listing = list_dir (data_dir);

  g_assert_false (craft_store_restore_backup (data_dir, path, now, &kept, &error));
  g_assert_error (error, CRAFT_STORE_ERROR, code);
  g_assert_null (kept);
  g_assert_true (craft_test_file_has_checksum (path, sum));
  g_assert_true (craft_test_file_has_checksum (db, db_sum));
  g_assert_true (dir_is (data_dir, data_listing));
}

static void
test_describe_refuses_text (void)
{
  g_autofree char *dir = craft_test_make_dir ("text");
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Dear diary, this is a text file. ");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_refused_untouched (path, CRAFT_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_describe_refuses_newer (void)
{
  g_autofree char *dir = craft_test_make_dir ("newer");
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE future (x); INSERT INTO future VALUES (1);"
                                          "PRAGMA user_version = %d;",
                                          CRAFT_STORE_SCHEMA_VERSION + 1);

  craft_test_exec_sql (path, sql);
  assert_refused_untouched (path, CRAFT_STORE_ERROR_NEWER_VERSION);
}

static void
test_describe_refuses_other_database (void)
{
  g_autofree char *dir = craft_test_make_dir ("other-app");
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);

  /* A healthy SQLite file of another program's must never replace the person's data. */
  craft_test_exec_sql (path,
                       "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');");
  assert_refused_untouched (path, CRAFT_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_describe_refuses_damaged (void)
{
  g_autofree char *dir = craft_test_make_dir ("damaged");
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* One of ours, of several pages, then garbage over the middle of it. */
  {
    g_autoptr(CraftStore) store = craft_store_open (dir, &error);
    g_autoptr(GString) big = g_string_new (NULL);

    g_assert_no_error (error);
    for (guint i = 0; i < 400; i++)
      g_string_append (big, "A hard evening in the kitchen. ");
    for (guint i = 0; i < 20; i++)
      add_entry (store, 1763000000 + i * 3600, big->str);
    g_assert_true (craft_store_backup_to_file (store, path, CRAFT_BACKUP_FLAGS_NONE, &error));
    g_assert_no_error (error);
  }
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 8);
  for (gsize i = 4096 * 3 + 100; i < 4096 * 6; i++)
    contents[i] = (char) (i * 7);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  assert_refused_untouched (path, CRAFT_STORE_ERROR_CORRUPT);
}

static void
make_file (const char *path,
           const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
backup_named (const char *backups,
              const char *day)
{
  g_autofree char *name = g_strdup_printf ("craft-companion-%s.db", day);

  return g_build_filename (backups, name, NULL);
}

static void
test_daily (void)
{
  g_autofree char *dir = craft_test_make_dir ("daily");
  g_autofree char *backups = g_build_filename (dir, CRAFT_BACKUP_FOLDER, NULL);
  g_autofree char *today = backup_named (backups, "2026-11-23");
  g_autofree char *six_days = backup_named (backups, "2026-11-17");
  g_autofree char *seven_days = backup_named (backups, "2026-11-16");
  g_autofree char *long_ago = backup_named (backups, "2026-10-01");
  g_autofree char *stale_part = g_build_filename (backups,
                                                  "craft-companion-2026-11-01.db.Ab12Cd.part",
                                                  NULL);
  g_autofree char *made = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 19, 30, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 11, 23, 23, 59, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_new_local (2026, 11, 24, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GPtrArray) list = NULL;
  /* Files in the backups folder that are not daily backups of ours: never touched. */
  const char *others[] = {
    "notes.txt",
    "craft-companion-2026-10-01.db.bak",
    "craft-companion-2026-10-01.db-old",
    "my-craft-companion-2026-10-01.db",
    "craft-companion-2026-13-01.db",
    "craft-companion-2026-10-01.db.Ab12Cd.part.keep",
    "craft-companion-before-restore-2026-10-01-093000.db",
  };
  g_autofree char *odd_dir = backup_named (backups, "2026-10-02");

  g_assert_no_error (error);
  set_answer (store, "Hos Åsa");

  g_assert_true (craft_store_backup_daily (store, now, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (made, ==, today);
  g_assert_cmpint (file_mode (backups), ==, 0700);
  g_assert_cmpint (file_mode (today), ==, 0600);
  craft_test_assert_integrity_ok (today);
  g_clear_pointer (&made, g_free);

  /* The same day again: nothing to do, and today's backup is left as it is. */
  set_answer (store, "Changed later that day");
  sum = craft_test_file_checksum (today);
  g_assert_true (craft_store_backup_daily (store, later, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);
  g_assert_true (craft_test_file_has_checksum (today, sum));

  /* Earlier backups: one a week old goes, one six days old stays, the rest are not ours. */
  make_file (six_days, "six days old");
  make_file (seven_days, "a week old");
  make_file (long_ago, "long ago");
  make_file (stale_part, "cut short on an earlier day");
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (backups, others[i], NULL);

      make_file (path, others[i]);
    }
  g_assert_cmpint (g_mkdir (odd_dir, 0700), ==, 0);

  g_assert_true (craft_store_backup_daily (store, later, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);
  g_assert_true (g_file_test (today, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (six_days, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (seven_days, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (long_ago, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (odd_dir, G_FILE_TEST_IS_DIR));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (backups, others[i], NULL);
      g_autofree char *contents = NULL;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, others[i]);
    }

  /* The next day brings a new backup with what was written since; the six-day-old one has
   * had its week. */
  g_assert_true (craft_store_backup_daily (store, tomorrow, &made, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (made, "craft-companion-2026-11-24.db"));
  g_assert_cmpint (file_mode (made), ==, 0600);
  g_assert_false (g_file_test (six_days, G_FILE_TEST_EXISTS));
  g_assert_true (craft_test_file_has_checksum (today, sum));

  list = craft_store_list_backups (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((CraftBackupFile *) list->pdata[0])->path, ==, made);
  g_assert_cmpstr (((CraftBackupFile *) list->pdata[1])->path, ==, today);
  g_assert_cmpint (g_date_time_get_day_of_month (((CraftBackupFile *) list->pdata[1])->day), ==,
                   23);
}

static void
test_list_without_backups (void)
{
  g_autofree char *dir = craft_test_make_dir ("no-backups");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = craft_store_list_backups (dir, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  char      *made;
  GError    *error;
  gboolean   done;
} AsyncResult;

static void
on_daily_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AsyncResult *state = user_data;

  craft_store_backup_daily_finish (CRAFT_STORE (source), result, &state->made, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_daily_async_while_typing (void)
{
  g_autofree char *dir = craft_test_make_dir ("daily-async");
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 19, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(CraftStore) copy = NULL;
  g_autofree char *restored_dir = craft_test_make_dir ("daily-async-restored");
  g_autofree char *value = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  AsyncResult state = { 0 };
  guint typed = 0;

  g_assert_no_error (error);
  /* Some megabytes, so the copy takes many steps. */
  for (guint i = 0; i < 4000; i++)
    g_string_append (big, "A long day, and I wrote it all down. ");
  for (guint i = 0; i < 40; i++)
    add_entry (store, 1763000000 + i * 3600, big->str);
  set_answer (store, "Before the backup");

  state.loop = g_main_loop_new (NULL, FALSE);
  craft_store_backup_daily_async (store, now, NULL, on_daily_done_cb, &state);

  /* Typing goes on in the main thread while the worker copies. */
  while (!state.done)
    {
      g_autofree char *text = g_strdup_printf ("Typed %u", typed++);

      set_answer (store, text);
      g_main_context_iteration (NULL, FALSE);
    }
  g_main_loop_unref (state.loop);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.made);
  g_assert_true (g_str_has_suffix (state.made, "craft-companion-2026-11-23.db"));
  g_assert_cmpint (file_mode (state.made), ==, 0600);
  craft_test_assert_integrity_ok (state.made);
  g_test_message ("%u saves while the backup ran", typed);

  /* The backup is a consistent copy that opens as a store. */
  g_assert_true (craft_store_restore_backup (restored_dir, state.made, now, NULL, &error));
  g_assert_no_error (error);
  copy = craft_store_open (restored_dir, &error);
  g_assert_no_error (error);
  value = get_answer (copy);
  g_assert_true (g_str_has_prefix (value, "Before the backup")
                 || g_str_has_prefix (value, "Typed"));
  g_free (state.made);
}

static void
on_to_file_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncResult *state = user_data;

  craft_store_backup_to_file_finish (CRAFT_STORE (source), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_backup_while_another_writes (void)
{
  g_autofree char *dir = craft_test_make_dir ("busy");
  g_autofree char *db = db_path_in (dir);
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  AsyncResult state = { 0 };
  CraftBackupInfo info;
  sqlite3 *other = NULL;

  g_assert_no_error (error);
  add_entry (store, 1763888400, "Committed");

  /* Another connection holds the write lock with an entry not yet committed. */
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other,
                                 "BEGIN IMMEDIATE;"
                                 "INSERT INTO diary_entry (uuid, happened_at, day, created_at,"
                                 " updated_at) VALUES ('x', 1, '1970-01-01', 1, 1);",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);

  g_assert_true (craft_store_backup_to_file (store, first, CRAFT_BACKUP_FLAGS_NONE, &error));
  g_assert_no_error (error);

  /* And in a worker, while the lock is let go half-way. */
  state.loop = g_main_loop_new (NULL, FALSE);
  craft_store_backup_to_file_async (store, second, CRAFT_BACKUP_FLAGS_NONE, NULL,
                                    on_to_file_done_cb, &state);
  craft_test_spin (20);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  if (!state.done)
    g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);
  g_assert_no_error (state.error);

  /* The backup holds what was committed when it began, never half a transaction. */
  g_assert_true (craft_store_backup_describe (first, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.diary_entries, ==, 1);
  craft_test_assert_integrity_ok (second);
  g_assert_true (craft_store_backup_describe (second, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.diary_entries, >=, 1);
}

static void
test_backup_never_replaces_unasked (void)
{
  g_autofree char *dir = craft_test_make_dir ("replace");
  g_autofree char *db = db_path_in (dir);
  g_autofree char *target = g_build_filename (dir, "chosen.db", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *db_sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  CraftBackupInfo info;

  g_assert_no_error (error);
  set_answer (store, "Hos Åsa");
  make_file (target, "Something the person keeps here");
  listing = list_dir (dir);

  g_assert_false (craft_store_backup_to_file (store, target, CRAFT_BACKUP_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (dir_is (dir, listing));
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (target, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, "Something the person keeps here");
  }

  /* Once the person has said yes, it is replaced, as a whole. */
  g_assert_true (craft_store_backup_to_file (store, target, CRAFT_BACKUP_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (target), ==, 0600);
  g_assert_true (craft_store_backup_describe (target, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.answers, ==, 1);

  /* Never over the database it is made from, even when told to replace. */
  db_sum = craft_test_file_checksum (db);
  g_assert_false (craft_store_backup_to_file (store, db, CRAFT_BACKUP_REPLACE, &error));
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (craft_test_file_has_checksum (db, db_sum));
}

static void
test_backup_unwritable (void)
{
  g_autofree char *dir = craft_test_make_dir ("unwritable");
  g_autofree char *file = g_build_filename (dir, "a-file.txt", NULL);
  g_autofree char *inside = g_build_filename (file, "backup.db", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (data, &error);
  g_autofree char *data_listing = NULL;

  g_assert_no_error (error);
  set_answer (store, "Hos Åsa");
  make_file (file, "just text");
  listing = list_dir (dir);
  data_listing = list_dir (data);

  g_assert_false (craft_store_backup_to_file (store, inside, CRAFT_BACKUP_FLAGS_NONE, &error));
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, inside));
  g_clear_error (&error);
  g_assert_true (dir_is (dir, listing));
  g_assert_true (dir_is (data, data_listing));

  /* A folder that cannot be written to (permissions mean nothing to root). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = craft_test_make_dir ("locked");
      g_autofree char *target = g_build_filename (locked, "backup.db", NULL);

      g_assert_cmpint (g_chmod (locked, 0500), ==, 0);
      g_assert_false (craft_store_backup_to_file (store, target, CRAFT_BACKUP_FLAGS_NONE,
                                                  &error));
      g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_chmod (locked, 0700);
      g_assert_true (dir_is (locked, ""));
    }
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/backup/round-trip", test_round_trip);
  g_test_add_func ("/store/backup/restore-older-version", test_restore_older_version);
  g_test_add_func ("/store/backup/describe/counts", test_describe_counts);
  g_test_add_func ("/store/backup/describe/refuses-text", test_describe_refuses_text);
  g_test_add_func ("/store/backup/describe/refuses-newer", test_describe_refuses_newer);
  g_test_add_func ("/store/backup/describe/refuses-damaged", test_describe_refuses_damaged);
  g_test_add_func ("/store/backup/describe/refuses-other-database",
                   test_describe_refuses_other_database);
  g_test_add_func ("/store/backup/daily", test_daily);
  g_test_add_func ("/store/backup/daily-async-while-typing", test_daily_async_while_typing);
  g_test_add_func ("/store/backup/list-without-backups", test_list_without_backups);
  g_test_add_func ("/store/backup/while-another-writes", test_backup_while_another_writes);
  g_test_add_func ("/store/backup/never-replaces-unasked", test_backup_never_replaces_unasked);
  g_test_add_func ("/store/backup/unwritable", test_backup_unwritable);

  return g_test_run ();
}

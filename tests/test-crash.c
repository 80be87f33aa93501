/* tests/test-crash.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash safety: a child process (craft-store-helper write) saves diary text and worksheet
 * answers through the real store as fast as it can and is killed with SIGKILL at a random
 * moment, again and again on the same folder. After every kill, each save the child had
 * reported done is there with its exact text, PRAGMA integrity_check says ok, the store
 * opens as the app opens it and, every few rounds, the real app starts on the folder and
 * shows its main window.
 *
 * CRAFT_CRASH_ROUNDS (15 here, 200 in `make check-crash`), CRAFT_CRASH_SEED to repeat a
 * run (the seed is printed), CRAFT_CRASH_APP_EVERY (10) for how often the app starts.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "craft-test-util.h"
#include "store/craft-store.h"

typedef struct
{
  GHashTable *saved;          /* key -> SHA-256 of the last text reported saved */
  char       *inflight_key;   /* the one save begun and not reported: may or may not be in */
  char       *inflight_sum;
  guint       n_saves;        /* saves reported in all rounds */
  gboolean    ready;          /* this round's writer said its store is open */
} Expected;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static char *
helper_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "craft-store-helper", NULL);
}

static void
take_line (Expected   *expected,
           const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", 3);

  if (g_str_has_prefix (line, "ERR"))
    g_error ("The writer failed: %s", line);
  if (g_str_equal (line, "READY"))
    expected->ready = TRUE;
  if (g_strv_length (parts) != 3)
    return;

  if (g_str_equal (parts[0], "W"))
    {
      g_free (expected->inflight_key);
      g_free (expected->inflight_sum);
      expected->inflight_key = g_strdup (parts[1]);
      expected->inflight_sum = g_strdup (parts[2]);
    }
  else if (g_str_equal (parts[0], "OK"))
    {
      g_assert_cmpstr (parts[1], ==, expected->inflight_key);
      g_hash_table_replace (expected->saved, g_strdup (parts[1]), g_strdup (parts[2]));
      g_clear_pointer (&expected->inflight_key, g_free);
      g_clear_pointer (&expected->inflight_sum, g_free);
      expected->n_saves++;
    }
}

/* Takes every whole line in @buffer, leaving a partial last one. */
static void
take_lines (Expected *expected,
            GString  *buffer)
{
  char *newline;

  while ((newline = memchr (buffer->str, '\n', buffer->len)) != NULL)
    {
      *newline = '\0';
      take_line (expected, buffer->str);
      g_string_erase (buffer, 0, newline - buffer->str + 1);
    }
}

/* Reads what the child says until @deadline (monotonic µs) or end of file; FALSE at EOF. */
static gboolean
read_until (int       fd,
            GString  *buffer,
            Expected *expected,
            gint64    deadline)
{
  for (;;)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      char chunk[65536];
      ssize_t n;
      int rc;

      if (deadline != G_MAXINT64 && left <= 0)
        return TRUE;
      rc = poll (&pfd, 1, deadline == G_MAXINT64 ? -1 : (int) MAX (1, left / 1000));
      if (rc < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (rc, >=, 0);
      if (rc == 0)
        continue;
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        return FALSE;
      g_string_append_len (buffer, chunk, n);
      take_lines (expected, buffer);
    }
}

static char *
value_of (CraftStore *store,
          const char *key)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (key, "/", 3);
  char *value;

  if (g_str_equal (parts[0], "answer"))
    value = craft_store_get_answer (store, parts[1], parts[2], &error);
  else
    {
      g_autoptr(GHashTable) fields = craft_store_diary_get (store,
                                                            g_ascii_strtoll (parts[1], NULL, 10),
                                                            &error);

      value = fields != NULL ? g_strdup (g_hash_table_lookup (fields, parts[2])) : NULL;
    }
  g_assert_no_error (error);
  g_assert_nonnull (value);
  return value;
}

/* Every save reported done is there with exactly its text. */
static void
check_saves (const char *dir,
             Expected   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  GHashTableIter iter;
  gpointer key, sum;

  /* The same open the app does: checks, quick_check, migrations. */
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, expected->saved);
  while (g_hash_table_iter_next (&iter, &key, &sum))
    {
      g_autofree char *value = value_of (store, key);
      g_autofree char *got = g_compute_checksum_for_string (G_CHECKSUM_SHA256, value, -1);

      /* The save under way at the kill may have made it to the disk or not; both are right,
       * as long as it is whole. */
      if (g_strcmp0 (key, expected->inflight_key) == 0
          && g_str_equal (got, expected->inflight_sum))
        {
          g_hash_table_replace (expected->saved, g_strdup (key), g_strdup (got));
          continue;
        }
      if (!g_str_equal (got, sum))
        g_error ("%s lost its last saved text (%s, found %s)", (char *) key, (char *) sum, got);
    }
  g_clear_pointer (&expected->inflight_key, g_free);
  g_clear_pointer (&expected->inflight_sum, g_free);
}

/* The real program, started on the folder as a person would with --data-dir, opens the
 * data (it says so in its debug log; a refused file would bring the problem window
 * instead) and shows a window. */
static void
check_app_opens (const char *dir,
                 guint       round)
{
  const char *bin = g_getenv ("CRAFT_COMPANION_BIN");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *opened = g_strdup_printf ("Opened the data in %s", dir);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean shown = FALSE;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (bin == NULL || g_getenv ("DISPLAY") == NULL || xdotool == NULL)
    {
      g_test_message ("round %u: the app itself was not started (needs CRAFT_COMPANION_BIN, "
                      "a display and xdotool)", round);
      return;
    }

  log = g_build_filename (dir, "..", "app.log", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c",
                                     "exec \"$0\" --data-dir \"$1\" > \"$2\" 2>&1",
                                     bin, dir, log, NULL);
  g_assert_no_error (error);

  while (!shown && g_get_monotonic_time () < deadline)
    {
      g_usleep (200 * 1000);
      shown = craft_test_file_contains (log, opened) && craft_test_has_visible_window (app);
    }
  craft_test_stop_process_tree (app);
  g_subprocess_wait (app, NULL, NULL);
  if (!shown)
    {
      g_autofree char *contents = NULL;

      g_file_get_contents (log, &contents, NULL, NULL);
      g_error ("round %u: the app did not open the data normally:\n%s", round, contents);
    }
  g_test_message ("round %u: the app opened the folder and showed its window", round);
}

static void
test_kill_while_saving (void)
{
  guint rounds = env_uint ("CRAFT_CRASH_ROUNDS", 15);
  guint app_every = MAX (1, env_uint ("CRAFT_CRASH_APP_EVERY", 10));
  guint32 seed = env_uint ("CRAFT_CRASH_SEED", g_random_int ());
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *helper = helper_path ();
  g_autofree char *dir = craft_test_make_dir ("crash");
  Expected expected = { .saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };

  /* On stderr too, so a failure's log always says how to repeat it. */
  g_printerr ("# crash harness: %u rounds, CRAFT_CRASH_SEED=%u\n", rounds, seed);
  g_test_message ("crash harness: %u rounds, CRAFT_CRASH_SEED=%u", rounds, seed);

  for (guint round = 1; round <= rounds; round++)
    {
      g_autofree char *child_seed = g_strdup_printf ("%u", g_rand_int (rand));
      /* Anywhere from right after opening to well into a run of saves, so kills land in
       * opening, in WAL recovery, in commits and in checkpoints alike. */
      guint kill_after_ms = (guint) g_rand_int_range (rand, 0, 400);
      const char *argv[] = { helper, "write", dir, child_seed, NULL };
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      guint before = expected.n_saves;
      GPid pid;
      int out_fd;
      int status;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Odd rounds count from the start, so kills land in opening and WAL recovery too; even
       * rounds from the moment the store is open, so that on a slow machine (sanitizers, a
       * busy CI) kills still land in the middle of saves. */
      expected.ready = FALSE;
      while (round % 2 == 0 && !expected.ready
             && read_until (out_fd, buffer, &expected, g_get_monotonic_time () + 10000))
        ;
      read_until (out_fd, buffer, &expected,
                  g_get_monotonic_time () + (gint64) kill_after_ms * 1000);
      kill (pid, SIGKILL);
      /* Whatever the child wrote before it died is still in the pipe. */
      read_until (out_fd, buffer, &expected, G_MAXINT64);
      close (out_fd);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* Killed, not finished on its own (that would be an error it reported). */
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      check_saves (dir, &expected);
      {
        g_autofree char *db = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);

        craft_test_assert_integrity_ok (db);
      }
      g_test_message ("round %u: killed after %u ms, %u saves reported, all %u texts intact",
                      round, kill_after_ms, expected.n_saves - before,
                      g_hash_table_size (expected.saved));
      if (round % app_every == 0 || round == rounds)
        check_app_opens (dir, round);
    }

  /* The harness must really have exercised saves, not only openings. */
  g_assert_cmpuint (expected.n_saves, >, rounds);
  g_hash_table_unref (expected.saved);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-while-saving", test_kill_while_saving);

  return g_test_run ();
}

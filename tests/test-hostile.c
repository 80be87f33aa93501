/* tests/test-hostile.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hostile disk and environment, in a real window: a disk that fills up, a disk that turns
 * read-only, another process holding the database, the data folder removed, odd XDG_DATA_HOME
 * and HOME, and the reminder process saving at the same time. Each case ends in a plain
 * message, nothing saved is lost, and what was typed is saved once the cause is gone.
 *
 * The disk cases are real: a small tmpfs that fills up, an ext4 image that the kernel turns
 * read-only (its own error path, as when a disk fails). They need root and mount; without
 * them the test says it was skipped and why.
 */
#define G_SETTINGS_ENABLE_BACKEND
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "app/craft-problem-window.h"
#include "app/craft-window.h"
#include "craft-test-util.h"
#include "diary/craft-diary-editor.h"
#include "safety/craft-safety-page.h"

#define RETRY_MS 100

/* -- a window on a given folder -------------------------------------------------------- */

static GDateTime *
fixed_now (gpointer user_data)
{
  return g_date_time_new_local (2026, 11, 23, 19, 30, 0);
}

static void
open_window (CraftTestWindow *fixture,
             const char      *dir)
{
  fixture->dir = g_strdup (dir);
  fixture->page = "safety";
  fixture->clock = fixed_now;
  craft_test_window_open (fixture);
  craft_saver_set_delays (craft_context_get_saver (fixture->context), 10, RETRY_MS);
}

static void
close_window (CraftTestWindow *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  craft_test_spin (20);
  g_clear_object (&fixture->context);
  g_clear_pointer (&fixture->dir, g_free);
}

static GtkTextBuffer *
field (CraftTestWindow *fixture,
       const char      *view_name)
{
  GtkWidget *page = craft_test_show_place (fixture->window, "safety");

  return gtk_text_view_get_buffer (craft_test_template_child (page, CRAFT_TYPE_SAFETY_PAGE,
                                                              view_name));
}

static gboolean
bar_shown (CraftTestWindow *fixture)
{
  return gtk_info_bar_get_revealed (craft_test_template_child (GTK_WIDGET (fixture->window),
                                                               CRAFT_TYPE_WINDOW,
                                                               "save_error_bar"));
}

static const char *
bar_text (CraftTestWindow *fixture)
{
  return gtk_label_get_text (craft_test_template_child (GTK_WIDGET (fixture->window),
                                                        CRAFT_TYPE_WINDOW, "save_error_label"));
}

/* Spins until the bar above the window is shown (or hidden), at most CRAFT_TEST_WAIT_MS. */
static gboolean
wait_for_bar (CraftTestWindow *fixture,
              gboolean         shown)
{
  gint64 end = g_get_monotonic_time () + (gint64) CRAFT_TEST_WAIT_MS * 1000;

  while (bar_shown (fixture) != shown && g_get_monotonic_time () < end)
    craft_test_spin (20);
  return bar_shown (fixture) == shown;
}

/* What the store in the window holds for a safety-plan field. */
static char *
stored (CraftTestWindow *fixture,
        const char      *name)
{
  g_autoptr(GError) error = NULL;
  char *value = craft_store_get_answer (craft_context_get_store (fixture->context),
                                        CRAFT_SAFETY_PLAN_WORKSHEET, name, &error);

  g_assert_no_error (error);
  return value;
}

/* What a fresh start finds in @dir, as the app opens it. */
static char *
stored_on_disk (const char *dir,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autofree char *db = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);
  char *value;

  g_assert_no_error (error);
  value = craft_store_get_answer (store, CRAFT_SAFETY_PLAN_WORKSHEET, name, &error);
  g_assert_no_error (error);
  craft_test_assert_integrity_ok (db);
  return value;
}

/* Whether the store in the window holds @text for a safety-plan field. */
static gboolean
is_stored (CraftTestWindow *fixture,
           const char      *name,
           const char      *text)
{
  g_autofree char *value = stored (fixture, name);

  return g_strcmp0 (value, text) == 0;
}

static void
assert_bar_starts (CraftTestWindow *fixture,
                   const char      *en,
                   const char      *sv,
                   const char      *da)
{
  const char *expected = craft_test_expect (en, sv, da);

  g_assert_true (bar_shown (fixture));
  if (!g_str_has_prefix (bar_text (fixture), expected))
    g_error ("The window says “%s”, expected it to start with “%s”", bar_text (fixture),
             expected);
}

/* Words a person might type, long enough to need new pages in the database. */
static char *
long_text (const char *start)
{
  GString *text = g_string_new (start);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, " Jag andas lugnt och ringer Eva om det blir bråk igen, åäö æø.");
  return g_string_free (text, FALSE);
}

/* -- mounting, as root ------------------------------------------------------------------ */

static gboolean
run (const char *command_line,
     char      **err)
{
  g_auto(GStrv) argv = NULL;
  int status = -1;

  if (!g_shell_parse_argv (command_line, NULL, &argv, NULL))
    return FALSE;
  return g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, err, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

/* Root, in a mount namespace of this test's own: whatever it mounts goes away with it,
 * even when an assertion stops it half-way. */
static gboolean
need_root (const char *why)
{
  static int ready = -1;

  if (geteuid () != 0)
    {
      g_test_skip_printf ("%s needs root to mount a small file system; running as uid %d",
                          why, (int) geteuid ());
      return FALSE;
    }
  if (ready < 0)
    ready = unshare (CLONE_NEWNS) == 0 && mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) == 0
            ? 0 : errno;
  if (ready != 0)
    {
      g_test_skip_printf ("%s needs a mount namespace of its own, which was refused (%s)",
                          why, g_strerror (ready));
      return FALSE;
    }
  return TRUE;
}

/* -- the disk fills up ------------------------------------------------------------------ */

static void
fill_disk (const char *path)
{
  char chunk[65536];
  int fd = open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  memset (chunk, 'x', sizeof chunk);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, chunk, sizeof chunk) > 0)
    ;
  /* The last bytes, down to the block. */
  while (write (fd, chunk, 512) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
}

static void
test_disk_full (void)
{
  g_autofree char *mnt = craft_test_make_dir ("small-disk");
  g_autofree char *dir = g_build_filename (mnt, "data", NULL);
  g_autofree char *filler = g_build_filename (mnt, "filler", NULL);
  g_autofree char *more = long_text ("Vi pratade i kväll.");
  g_autofree char *kept = NULL;
  g_autofree char *saved = NULL;
  CraftTestWindow fixture = { 0 };

  if (!need_root ("The full-disk case"))
    return;
  if (mount ("tmpfs", mnt, "tmpfs", MS_NOSUID | MS_NODEV, "size=8m,mode=0700") != 0)
    {
      g_test_skip_printf ("A small tmpfs could not be mounted (%s), so a full disk cannot be "
                          "made here", g_strerror (errno));
      return;
    }

  open_window (&fixture, dir);
  craft_test_type_text (field (&fixture, "warning_signs_view"), "He stops answering.");
  craft_test_assert_soon (is_stored (&fixture, "warning-signs", "He stops answering."));
  saved = stored (&fixture, "warning-signs");
  g_assert_cmpstr (saved, ==, "He stops answering.");

  fill_disk (filler);
  craft_test_type_text (field (&fixture, "private_note_view"), more);
  g_assert_true (wait_for_bar (&fixture, TRUE));
  assert_bar_starts (&fixture, "The disk is full", "Disken är full", "Disken er fuld");

  /* The typed text stays in the window, and nothing saved before went. */
  kept = craft_test_buffer_text (field (&fixture, "private_note_view"));
  g_assert_cmpstr (kept, ==, more);
  g_clear_pointer (&saved, g_free);
  saved = stored (&fixture, "warning-signs");
  g_assert_cmpstr (saved, ==, "He stops answering.");

  /* Space again: the text is saved by itself and the message goes. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (wait_for_bar (&fixture, FALSE));
  g_clear_pointer (&saved, g_free);
  saved = stored (&fixture, "private-note");
  g_assert_cmpstr (saved, ==, more);

  close_window (&fixture);
  g_clear_pointer (&saved, g_free);
  saved = stored_on_disk (dir, "private-note");
  g_assert_cmpstr (saved, ==, more);
  g_clear_pointer (&saved, g_free);
  saved = stored_on_disk (dir, "warning-signs");
  g_assert_cmpstr (saved, ==, "He stops answering.");
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
}

/* -- the disk turns read-only ----------------------------------------------------------- */

static char *
ext4_device_of (const char *mnt)
{
  g_autofree char *mounts = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/mounts", &mounts, NULL, NULL));
  lines = g_strsplit (mounts, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 4);

      if (g_strv_length (f) >= 3 && g_str_equal (f[1], mnt) && g_str_equal (f[2], "ext4"))
        return g_path_get_basename (f[0]);
    }
  return NULL;
}

static void
test_read_only (void)
{
  g_autofree char *top = craft_test_make_dir ("read-only");
  g_autofree char *image = g_build_filename (top, "disk.img", NULL);
  g_autofree char *mnt = g_build_filename (top, "mnt", NULL);
  g_autofree char *dir = g_build_filename (mnt, "data", NULL);
  g_autofree char *more = long_text ("Idag gick det bättre.");
  g_autofree char *cmd = NULL;
  g_autofree char *err = NULL;
  g_autofree char *device = NULL;
  g_autofree char *trigger = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *saved = NULL;
  CraftTestWindow fixture = { 0 };

  if (!need_root ("The read-only case"))
    return;
  g_mkdir (mnt, 0700);
  cmd = g_strdup_printf ("sh -c 'truncate -s 16M \"%s\" && mkfs.ext4 -q -F \"%s\" && "
                         "mount -o loop,errors=remount-ro \"%s\" \"%s\"'", image, image, image, mnt);
  if (!run (cmd, &err))
    {
      g_test_skip_printf ("An ext4 image could not be loop-mounted here (%s), so a disk that "
                          "turns read-only cannot be made", g_strstrip (err));
      return;
    }
  device = ext4_device_of (mnt);
  trigger = g_strdup_printf ("/sys/fs/ext4/%s/trigger_fs_error", device);
  if (device == NULL || !g_file_test (trigger, G_FILE_TEST_EXISTS))
    {
      umount2 (mnt, MNT_DETACH);
      g_test_skip ("This kernel cannot be asked to turn an ext4 disk read-only "
                   "(no trigger_fs_error)");
      return;
    }

  open_window (&fixture, dir);
  craft_test_type_text (field (&fixture, "warning_signs_view"), "She goes quiet.");
  craft_test_assert_soon (is_stored (&fixture, "warning-signs", "She goes quiet."));

  /* The kernel's own answer to a failing disk: the file system goes read-only under the
   * open database (Linux refuses to remount it read-only while files are open for writing,
   * so this is how a running app meets a read-only disk). */
  {
    int fd = open (trigger, O_WRONLY | O_CLOEXEC);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (write (fd, "test", 4), ==, 4);
    close (fd);
  }
  craft_test_type_text (field (&fixture, "private_note_view"), more);
  g_assert_true (wait_for_bar (&fixture, TRUE));
  assert_bar_starts (&fixture, "Your data folder cannot be written to",
                     "Det går inte att skriva i din datamapp",
                     "Der kan ikke skrives i din datamappe");
  kept = craft_test_buffer_text (field (&fixture, "private_note_view"));
  g_assert_cmpstr (kept, ==, more);
  saved = stored (&fixture, "warning-signs");
  g_assert_cmpstr (saved, ==, "She goes quiet.");

  /* The disk comes back, repaired, at the same place: the app finds it without being
   * restarted and saves what waited. (Linux keeps a failed file system alive while files
   * on it are open, so the repaired disk here is a copy of its image, as a new disk after
   * a repair would be; the app lets go of the failed one when it opens the new.) */
  g_clear_pointer (&cmd, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
  cmd = g_strdup_printf ("sh -c 'cp --sparse=always \"%s\" \"%s.repaired\" && "
                         "mount -o loop \"%s.repaired\" \"%s\"'", image, image, image, mnt);
  g_assert_true (run (cmd, &err));
  g_assert_true (wait_for_bar (&fixture, FALSE));

  close_window (&fixture);
  g_clear_pointer (&saved, g_free);
  saved = stored_on_disk (dir, "private-note");
  g_assert_cmpstr (saved, ==, more);
  g_clear_pointer (&saved, g_free);
  saved = stored_on_disk (dir, "warning-signs");
  g_assert_cmpstr (saved, ==, "She goes quiet.");
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
}

/* Opening @dir fails with @code, and the app's start window says the folder cannot be
 * used, naming it. */
static void
assert_problem_window (const char *dir,
                       int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  CraftProblemWindow *window;

  g_assert_null (store);
  g_assert_error (error, CRAFT_STORE_ERROR, code);
  window = CRAFT_PROBLEM_WINDOW (craft_problem_window_new (NULL, dir, error));
  gtk_window_present (GTK_WINDOW (window));
  craft_test_spin (50);
  g_assert_cmpstr (craft_problem_window_get_title_text (window), ==,
                   craft_test_expect ("Your Data Folder Cannot Be Used",
                                      "Din datamapp kan inte användas",
                                      "Din datamappe kan ikke bruges"));
  g_assert_nonnull (strstr (craft_problem_window_get_description_text (window), dir));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A folder that is read-only when the app starts: the problem window says so, the data is
 * not touched, and Try Again opens it once it can be written to. */
static void
test_read_only_at_start (void)
{
  g_autofree char *dir = craft_test_make_dir ("read-only-start");
  g_autofree char *db = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);
  g_autofree char *sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;

  if (!need_root ("The read-only folder at start"))
    return;
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (craft_store_set_answer (store, CRAFT_SAFETY_PLAN_WORKSHEET, "private-note",
                                         "Allt är sparat.", &error));
  g_clear_object (&store);
  sum = craft_test_file_checksum (db);

  /* Root ignores permission bits, so the folder is made read-only the way a read-only
   * disk is: a read-only bind mount of it. */
  g_assert_cmpint (mount (dir, dir, "none", MS_BIND, NULL), ==, 0);
  g_assert_cmpint (mount ("none", dir, "none", MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), ==, 0);

  assert_problem_window (dir, CRAFT_STORE_ERROR_READ_ONLY);

  /* Writable again: it opens with everything in it. */
  g_assert_cmpint (umount2 (dir, 0), ==, 0);
  g_assert_true (craft_test_file_has_checksum (db, sum));
  {
    g_autofree char *saved = stored_on_disk (dir, "private-note");

    g_assert_cmpstr (saved, ==, "Allt är sparat.");
  }
}

/* -- another process holds the database ------------------------------------------------- */

static void
on_exited_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static char *
helper_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "craft-store-helper", NULL);
}

static GSubprocess *
start_helper (const char *mode,
              const char *dir,
              guint       ms,
              const char *wait_for)
{
  g_autofree char *helper = helper_path ();
  g_autofree char *arg = g_strdup_printf ("%u", ms);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, helper, mode, dir, arg,
                            NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, wait_for);
  return child;
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
on_tick_cb (gpointer user_data)
{
  Ticks *ticks = user_data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static void
test_locked (void)
{
  g_autofree char *dir = craft_test_make_dir ("locked");
  g_autoptr(GSubprocess) holder = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *saved = NULL;
  CraftTestWindow fixture = { 0 };
  Ticks ticks = { 0 };
  gboolean released = FALSE;
  guint tick_id;
  gint64 locked_at, locked_ms;

  open_window (&fixture, dir);

  /* Another process holds the write lock, longer than any wait for it, until the test
   * ends it below (however slow the machine, e.g. under valgrind). */
  holder = start_helper ("hold-lock", dir, 120000, "LOCKED");
  locked_at = g_get_monotonic_time ();
  ticks.last = g_get_monotonic_time ();
  tick_id = g_timeout_add (10, on_tick_cb, &ticks);

  craft_test_type_text (field (&fixture, "private_note_view"), "Han lovade att ringa.");
  g_assert_true (wait_for_bar (&fixture, TRUE));
  assert_bar_starts (&fixture, "Another program is using your data right now",
                     "Ett annat program använder dina data just nu",
                     "Et andet program bruger dine data lige nu");
  g_assert_null (strstr (bar_text (&fixture), "database is locked"));

  /* Typing goes on while it waits: the window never stood still for the lock's 5 s or more
   * (the bound is loose on purpose, a busy machine is slow; the old wait was 5 s in one
   * go). */
  craft_test_type_text (field (&fixture, "private_note_view"), " Och det gjorde han.");
  kept = craft_test_buffer_text (field (&fixture, "private_note_view"));
  g_assert_cmpstr (kept, ==, "Han lovade att ringa. Och det gjorde han.");
  locked_ms = (g_get_monotonic_time () - locked_at) / 1000;
  if (locked_ms < 5000)
    craft_test_spin (5000 - (guint) locked_ms);

  /* The lock goes (the window's loop keeps turning meanwhile); the text is saved. */
  g_subprocess_wait_async (holder, NULL, on_exited_cb, &released);
  g_subprocess_force_exit (holder);
  g_assert_true (craft_test_wait_for (&released, CRAFT_TEST_WAIT_MS));
  g_assert_true (wait_for_bar (&fixture, FALSE));
  g_source_remove (tick_id);
  g_test_message ("longest stall of the main loop while locked: %" G_GINT64_FORMAT " ms",
                  ticks.longest / 1000);
  g_assert_cmpint (ticks.longest, <, (gint64) 3500 * 1000 * craft_test_time_factor ());

  saved = stored (&fixture, "private-note");
  g_assert_cmpstr (saved, ==, kept);
  close_window (&fixture);
}

/* Starting while another process holds the database: a short hold is waited out; a long
 * one brings a start window that says the data is in use, and nothing changes. */
static void
test_locked_at_start (void)
{
  g_autofree char *dir = craft_test_make_dir ("locked-at-start");
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CraftProblemWindow *window;

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  holder = start_helper ("hold-lock", dir, 1000, "LOCKED");
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_subprocess_wait_check (holder, NULL, NULL);
  g_clear_object (&holder);

  /* A long hold: opening writes nothing when there is nothing to tidy, so the data opens
   * and can be read; a write says the data is busy instead of hanging. */
  holder = start_helper ("hold-lock", dir, 8000, "LOCKED");
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_false (craft_store_set_meta (store, "test", "1", &error));
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_clear_object (&store);
  g_subprocess_wait_check (holder, NULL, NULL);
  g_clear_object (&holder);

  /* When opening must write (a removal to make final), a long hold brings the start window
   * that says the data is in use. */
  {
    g_autofree char *db = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);

    craft_test_exec_sql (db, "INSERT INTO worksheet_row (worksheet, list, position, created_at,"
                             " deleted_at) VALUES ('safety-plan', 'people', 0, 0, 1)");
  }
  holder = start_helper ("hold-lock", dir, 8000, "LOCKED");
  store = craft_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY);
  window = CRAFT_PROBLEM_WINDOW (craft_problem_window_new (NULL, dir, error));
  gtk_window_present (GTK_WINDOW (window));
  craft_test_spin (50);
  g_assert_cmpstr (craft_problem_window_get_title_text (window), ==,
                   craft_test_expect ("Your Data Is in Use", "Dina data används just nu",
                                      "Dine data er i brug lige nu"));
  g_assert_null (strstr (craft_problem_window_get_description_text (window),
                         "database is locked"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_subprocess_wait_check (holder, NULL, NULL);
}

/* -- the data folder is removed --------------------------------------------------------- */

static void
test_folder_removed (void)
{
  g_autofree char *dir = craft_test_make_dir ("removed");
  g_autofree char *db = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);
  g_autofree char *kept = NULL;
  g_autofree char *saved = NULL;
  CraftTestWindow fixture = { 0 };
  GStatBuf st;

  open_window (&fixture, dir);
  craft_test_type_text (field (&fixture, "warning_signs_view"), "Han slutar svara.");
  craft_test_assert_soon (is_stored (&fixture, "warning-signs", "Han slutar svara."));

  craft_test_remove_tree (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  craft_test_type_text (field (&fixture, "private_note_view"), "Jag ringde Eva.");
  g_assert_true (wait_for_bar (&fixture, TRUE));
  assert_bar_starts (&fixture, "Your data folder was removed while Craft Companion was open",
                     "Din datamapp togs bort medan Craft Companion var öppet",
                     "Din datamappe blev fjernet, mens Craft Companion var åben");
  kept = craft_test_buffer_text (field (&fixture, "private_note_view"));
  g_assert_cmpstr (kept, ==, "Jag ringde Eva.");

  /* Not behind the person's back: they may have removed it on purpose. */
  craft_test_spin (300);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* Try Again puts everything back, private, and saves what waited. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.retry-save", NULL);
  g_assert_true (wait_for_bar (&fixture, FALSE));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Later changes go to the folder too, not to the removed file. */
  craft_test_type_text (field (&fixture, "private_note_view"), " Hon kom.");
  craft_test_assert_soon (is_stored (&fixture, "private-note", "Jag ringde Eva. Hon kom."));
  close_window (&fixture);

  saved = stored_on_disk (dir, "warning-signs");
  g_assert_cmpstr (saved, ==, "Han slutar svara.");
  g_clear_pointer (&saved, g_free);
  saved = stored_on_disk (dir, "private-note");
  g_assert_cmpstr (saved, ==, "Jag ringde Eva. Hon kom.");
}

/* -- odd XDG_DATA_HOME and HOME --------------------------------------------------------- */

/* Starts the real program after @prefix (a command that runs the rest, e.g. "env -u HOME") and
 * waits until it shows a window; returns its log. Fails when it crashes or shows nothing. */
static char *
start_app (const char *name,
           const char *prefix)
{
  const char *bin = g_getenv ("CRAFT_COMPANION_BIN");
  g_autofree char *top = craft_test_make_dir (name);
  g_autofree char *log = g_build_filename (top, "app.log", NULL);
  g_autofree char *script = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  gboolean shown = FALSE;
  gboolean exited = FALSE;

  /* Its own session bus: without --data-dir the program is unique on the bus, and would
   * hand over to another test's copy and quit. */
  script = g_strdup_printf ("exec dbus-run-session -- %s env G_MESSAGES_DEBUG=all \"$0\" "
                            "> \"$1\" 2>&1", prefix);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  app = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c", script, bin, log,
                                     NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (app, NULL, on_exited_cb, &exited);

  for (guint i = 0; i < 300 && !shown && !exited; i++)
    {
      craft_test_spin (100);
      shown = craft_test_has_visible_window (app);
    }
  /* Still there a moment later: it did not crash or quit after showing. */
  craft_test_spin (500);
  if (!shown || exited)
    {
      g_autofree char *contents = NULL;

      g_file_get_contents (log, &contents, NULL, NULL);
      craft_test_stop_process_tree (app);
      g_error ("The program %s:\n%s", exited ? "ended" : "showed no window", contents);
    }
  craft_test_stop_process_tree (app);
  craft_test_wait_for (&exited, 10000);
  return g_steal_pointer (&log);
}

static gboolean
can_start_app (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (g_getenv ("CRAFT_COMPANION_BIN") != NULL && g_getenv ("DISPLAY") != NULL
      && xdotool != NULL)
    return TRUE;
  g_test_skip ("Starting the program needs CRAFT_COMPANION_BIN, a display and xdotool");
  return FALSE;
}

static void
test_data_home_is_a_file (void)
{
  g_autofree char *top = craft_test_make_dir ("data-home-file");
  g_autofree char *file = g_build_filename (top, "not-a-folder", NULL);
  g_autofree char *dir = g_build_filename (file, "craft-companion", NULL);
  g_autofree char *env = NULL;
  g_autofree char *log = NULL;

  g_assert_true (g_file_set_contents (file, "a file, not a folder", -1, NULL));

  /* What the app does with it: the problem window, with words that say what to do. */
  assert_problem_window (dir, CRAFT_STORE_ERROR_FOLDER);
  /* The file is left as it was. */
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  /* And the real program, started that way, shows that window instead of crashing. */
  if (!can_start_app ())
    return;
  env = g_strdup_printf ("env XDG_DATA_HOME='%s'", file);
  log = start_app ("data-home-file-app", env);
  g_assert_false (craft_test_file_contains (log, "Opened the data in"));
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
}

static void
test_home_unset (void)
{
  g_autofree char *data_home = craft_test_make_dir ("home-unset");
  g_autofree char *env = NULL;
  g_autofree char *log = NULL;
  g_autofree char *expected = NULL;
  struct passwd *pw = getpwuid (getuid ());
  g_autofree char *err = NULL;

  if (!can_start_app ())
    return;

  /* Without HOME the program keeps to XDG_DATA_HOME as always. */
  env = g_strdup_printf ("env -u HOME XDG_DATA_HOME='%s'", data_home);
  log = start_app ("home-unset-app", env);
  expected = g_strdup_printf ("Opened the data in %s/craft-companion", data_home);
  g_assert_true (craft_test_file_contains (log, expected));

  /* Without either, GLib falls back to the home folder in the password database. To keep
   * the real home untouched, that folder is a private tmpfs for this run only. */
  if (geteuid () != 0 || pw == NULL || !run ("unshare -m true", &err))
    {
      g_test_message ("HOME and XDG_DATA_HOME both unset was not tried: needs root and "
                      "unshare to keep the real home untouched");
      return;
    }
  g_clear_pointer (&env, g_free);
  g_clear_pointer (&log, g_free);
  g_clear_pointer (&expected, g_free);
  env = g_strdup_printf ("unshare -m sh -c 'mount -t tmpfs tmpfs \"%s\" && exec \"$@\"' "
                         "private-home env -u HOME -u XDG_DATA_HOME", pw->pw_dir);
  log = start_app ("no-home-app", env);
  expected = g_strdup_printf ("Opened the data in %s/.local/share/craft-companion", pw->pw_dir);
  g_assert_true (craft_test_file_contains (log, expected));
}

/* -- the window and the reminder process save at the same time -------------------------- */

/* The real program as it starts at login for reminders, on @dir, with the settings in
 * @config_home, its reminder clock sped up @scale times; its output goes to @log. */
static GSubprocess *
start_background (const char *dir,
                  const char *config_home,
                  guint       scale,
                  const char *log)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autofree char *scale_text = g_strdup_printf ("%u", scale);
  g_autoptr(GError) error = NULL;
  GSubprocess *app;

  /* Settings in a key file both processes read, as dconf shares them in a session. */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "CRAFT_REMINDER_TIME_SCALE", scale_text, TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  app = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CRAFT_COMPANION_BIN"),
                                     "--background", "--data-dir", dir, NULL);
  g_assert_no_error (error);
  return app;
}

/* The editor of the Diary page in the window. */
static CraftDiaryEditor *
find_editor (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CraftDiaryEditor *found;

      if (CRAFT_IS_DIARY_EDITOR (child))
        return CRAFT_DIARY_EDITOR (child);
      if ((found = find_editor (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The words of a toast shown in the window (or its kind), or NULL when none is shown. */
static const char *
shown_toast (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
        {
          GtkWidget *label = craft_test_find_label_prefix (child, "");

          return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "AdwToastWidget";
        }
      if ((found = shown_toast (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The next diary reminder key after @key ("diary/YYYY-MM-DDTHH:MM") among @times (sorted
 * "HH:MM"), by wall-clock time as the keys are made, so that a change to summer time does
 * not matter. */
static char *
next_diary_key (const char         *key,
                const char * const *times)
{
  g_autofree char *day = g_strndup (key + strlen ("diary/"), 10);
  const char *time = key + strlen ("diary/") + 11;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *next_day = NULL;

  for (guint i = 0; times[i] != NULL; i++)
    if (strcmp (times[i], time) > 0)
      return g_strdup_printf ("diary/%sT%s", day, times[i]);
  date = g_date_time_new_utc (atoi (day), atoi (day + 5), atoi (day + 8), 12, 0, 0);
  next = g_date_time_add_days (date, 1);
  next_day = g_date_time_format (next, "%Y-%m-%d");
  return g_strdup_printf ("diary/%sT%s", next_day, times[0]);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The diary reminders the background process noted as shown: asserts that none between the
 * first and the last is missing, and returns how many there are. */
static guint
assert_reminders_noted (const char         *dir,
                        const char * const *times)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autofree char *fired = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GPtrArray) diary = g_ptr_array_new ();

  g_assert_no_error (error);
  fired = craft_store_get_meta (store, "reminder-fired", &error);
  g_assert_no_error (error);
  keys = g_strsplit (fired != NULL ? fired : "", "\n", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], "diary/"))
      g_ptr_array_add (diary, keys[i]);
  g_ptr_array_sort (diary, compare_strings);
  for (guint i = 1; i < diary->len; i++)
    {
      g_autofree char *expected = next_diary_key (diary->pdata[i - 1], times);

      g_assert_cmpstr (diary->pdata[i], ==, expected);
    }
  return diary->len;
}

typedef struct
{
  gint64  id;
  char   *text;
} TypedEntry;

static void
typed_entry_free (gpointer data)
{
  TypedEntry *entry = data;

  g_free (entry->text);
  g_free (entry);
}

/* Notes what the editor holds as one entry that must be saved exactly so. */
static void
keep_typed (GPtrArray        *typed,
            CraftDiaryEditor *editor,
            GtkTextBuffer    *buffer)
{
  TypedEntry *entry = g_new0 (TypedEntry, 1);

  entry->id = craft_diary_editor_get_id (editor);
  entry->text = craft_test_buffer_text (buffer);
  g_assert_cmpint (entry->id, >, 0);
  g_ptr_array_add (typed, entry);
}

static void
on_failing_cb (CraftSaver *saver,
               GParamSpec *pspec,
               guint      *n_failures)
{
  if (craft_saver_get_error (saver) != NULL)
    {
      g_test_message ("shown: %s", craft_saver_get_error (saver)->message);
      (*n_failures)++;
    }
}

/* The window and the real background reminder process (craft-companion --background) write
 * to the same database at the same time, sharing their settings as in a session: the window
 * types diary entries all the while, the reminder process shows and notes a reminder about
 * every half second (its clock runs a day every two seconds). Nothing about a busy or locked
 * database may reach the person, every word typed is saved exactly, and the reminder
 * process loses nothing of its own. 5 s here; CRAFT_CONCURRENT_SECONDS=60 in make
 * check-crash. */
static void
test_window_and_reminders (void)
{
  static const char * const times[] = { "03:00", "09:00", "15:00", "21:00", NULL };
  guint seconds = 5;
  const char *env = g_getenv ("CRAFT_CONCURRENT_SECONDS");
  g_autofree char *dir = craft_test_make_dir ("side-by-side");
  g_autofree char *db = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);
  g_autofree char *config_home = craft_test_make_dir ("side-by-side-config");
  g_autofree char *keyfile = g_build_filename (config_home, "glib-2.0", "settings", "keyfile",
                                               NULL);
  g_autofree char *log = g_build_filename (config_home, "background.log", NULL);
  g_autofree char *output = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSubprocess) background = NULL;
  g_autoptr(GPtrArray) typed = g_ptr_array_new_with_free_func (typed_entry_free);
  g_autoptr(GRand) rand = g_rand_new ();
  CraftTestWindow fixture = { 0 };
  CraftDiaryEditor *editor;
  GtkTextBuffer *buffer;
  gboolean exited = FALSE;
  guint n_failures = 0;
  guint bursts = 0;
  guint noted;
  gint64 end;

  if (g_getenv ("CRAFT_COMPANION_BIN") == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("The reminder process needs CRAFT_COMPANION_BIN and a display");
      return;
    }
  if (env != NULL)
    seconds = (guint) g_ascii_strtoull (env, NULL, 10);

  /* Diary reminders four times a day, as a person may choose them in Preferences. */
  backend = g_keyfile_settings_backend_new (keyfile, "/", NULL);
  settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  g_settings_set_strv (settings, "reminder-diary-times", times);
  g_settings_set_boolean (settings, "reminder-diary", TRUE);
  g_settings_sync ();
  g_assert_true (g_file_test (keyfile, G_FILE_TEST_IS_REGULAR));

  /* The window on the Diary, with the app's own saving delays. */
  fixture.dir = g_strdup (dir);
  fixture.page = "diary";
  fixture.clock = fixed_now;
  fixture.settings = settings;
  craft_test_window_open (&fixture);
  g_signal_connect (craft_context_get_saver (fixture.context), "notify::error",
                    G_CALLBACK (on_failing_cb), &n_failures);

  /* The reminder process is up once its reminders have started. */
  background = start_background (dir, config_home, 43200, log);
  craft_test_assert_soon (craft_test_file_contains (log, "Reminder clock runs"));

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-entry", NULL);
  craft_test_assert_soon ((editor = find_editor (GTK_WIDGET (fixture.window))) != NULL
                          && gtk_widget_get_mapped (GTK_WIDGET (editor)));
  buffer = gtk_text_view_get_buffer (
    craft_test_template_child (editor, CRAFT_TYPE_DIARY_EDITOR, "what_happened_view"));

  end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      const char *toast;

      /* Now and then a new entry, as after a new difficult moment. */
      if (bursts > 0 && g_rand_int_range (rand, 0, 8) == 0)
        {
          keep_typed (typed, editor, buffer);
          gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-entry", NULL);
          craft_test_assert_soon (craft_diary_editor_get_id (editor) == 0);
        }
      craft_test_type_text (buffer, "Vi klarar det. ");
      bursts++;
      /* Pauses as in typing, some long enough for a save in between. */
      craft_test_spin (g_rand_int_range (rand, 5, 600));

      if ((toast = shown_toast (GTK_WIDGET (fixture.window))) != NULL)
        g_error ("The window showed “%s” while the reminder process wrote", toast);
      g_assert_false (bar_shown (&fixture));
      g_assert_cmpuint (n_failures, ==, 0);
    }
  keep_typed (typed, editor, buffer);
  craft_test_assert_soon (!craft_saver_get_pending (craft_context_get_saver (fixture.context)));

  /* Reminders off, as in the window's Preferences: the reminder process notes its state once
   * more and quits by itself. */
  g_settings_set_boolean (settings, "reminder-diary", FALSE);
  g_settings_sync ();
  g_subprocess_wait_async (background, NULL, on_exited_cb, &exited);
  if (!craft_test_wait_for (&exited, CRAFT_TEST_WAIT_MS))
    {
      g_subprocess_force_exit (background);
      craft_test_wait_for (&exited, 10000);
      g_file_get_contents (log, &output, NULL, NULL);
      g_error ("The reminder process did not quit when reminders were turned off:\n%s", output);
    }
  g_file_get_contents (log, &output, NULL, NULL);
  g_test_message ("reminder process:\n%s", output);
  g_assert_true (g_subprocess_get_if_exited (background));
  g_assert_cmpint (g_subprocess_get_exit_status (background), ==, 0);
  /* Nothing about a busy or locked database there either. */
  g_assert_null (strstr (output, "could not note"));
  g_assert_null (strstr (output, "locked"));
  g_assert_null (strstr (output, "busy"));

  /* Nothing reached the person. */
  g_assert_cmpuint (n_failures, ==, 0);
  g_assert_false (bar_shown (&fixture));
  g_assert_null (shown_toast (GTK_WIDGET (fixture.window)));
  close_window (&fixture);

  /* Every entry typed is there, exactly, in a sound database. */
  craft_test_assert_integrity_ok (db);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CraftStore) store = craft_store_open (dir, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < typed->len; i++)
      {
        TypedEntry *entry = typed->pdata[i];
        g_autoptr(GHashTable) fields = craft_store_diary_get (store, entry->id, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (g_hash_table_lookup (fields, "what-happened"), ==, entry->text);
      }
  }

  /* And the reminder process really wrote, all the while, losing none of its notes. */
  noted = assert_reminders_noted (dir, times);
  g_test_message ("%u bursts typed into %u entries; %u reminders noted by the reminder process",
                  bursts, typed->len, noted);
  g_assert_cmpuint (noted, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  g_test_add_func ("/hostile/disk-full", test_disk_full);
  g_test_add_func ("/hostile/read-only", test_read_only);
  g_test_add_func ("/hostile/read-only-at-start", test_read_only_at_start);
  g_test_add_func ("/hostile/locked", test_locked);
  g_test_add_func ("/hostile/locked-at-start", test_locked_at_start);
  g_test_add_func ("/hostile/folder-removed", test_folder_removed);
  g_test_add_func ("/hostile/data-home-is-a-file", test_data_home_is_a_file);
  g_test_add_func ("/hostile/home-unset", test_home_unset);
  g_test_add_func ("/hostile/window-and-reminders", test_window_and_reminders);

  return g_test_run ();
}

/* tests/craft-test-util.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "craft-test-util.h"

static char *test_root;

void
craft_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            craft_test_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (test_root != NULL && g_getenv ("CRAFT_TEST_KEEP") == NULL)
    craft_test_remove_tree (test_root);
}

void
craft_test_init_environment (void)
{
  static const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autoptr(GError) error = NULL;

  test_root = g_dir_make_tmp ("craft-test-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (test_root, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  atexit (cleanup);
}

char *
craft_test_make_dir (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%s-%u", name, counter++);
  char *dir = g_build_filename (test_root, unique, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

void
craft_test_assert_integrity_ok (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gboolean
on_spin_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
craft_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_spin_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
craft_test_wait_for (gboolean *done,
                     guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!*done && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return *done;
}

guint
craft_test_time_factor (void)
{
  const char *text = g_getenv ("CRAFT_TEST_TIME_FACTOR");
  guint64 factor = 1;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 1000, &factor, NULL))
    return 1;
  return (guint) factor;
}

gboolean
craft_test_wait_until (CraftTestCondition condition,
                       gpointer           data,
                       guint              timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () >= end)
        return condition (data);
      craft_test_spin (10);
    }
  return TRUE;
}

char *
craft_test_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

gboolean
craft_test_file_has_checksum (const char *path,
                              const char *checksum)
{
  g_autofree char *actual = craft_test_file_checksum (path);

  return g_strcmp0 (actual, checksum) == 0;
}

void
craft_test_exec_sql (const char *db_path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed on %s: %s", db_path, message);
  sqlite3_close (db);
}

#include <adwaita.h>
#include <locale.h>

#include "app/craft-i18n.h"
#include "app/craft-window.h"

void
craft_test_init_ui (int    *argc,
                    char ***argv)
{
  craft_test_init_environment ();
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init forces an English locale; the language tests need the real one. */
  craft_i18n_init ();
  adw_init ();
  /* Animations off, as with the desktop's "Reduce animation" setting: the tests check where
   * things end up, not how they move. With them on, a test that clicks a toast's Undo the
   * moment it appears can make the toast's hide animation end before its show animation,
   * and libadwaita 1.2.2's toast overlay then touches the toast's freed record (seen under
   * memcheck, whose frames come far apart; README "Tests"). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

const char *
craft_test_expect (const char *en,
                   const char *sv,
                   const char *da)
{
  const char *language = g_getenv ("LANGUAGE");

  if (g_strcmp0 (language, "sv") == 0)
    return sv;
  if (g_strcmp0 (language, "da") == 0)
    return da;
  return en;
}

gpointer
craft_test_template_child (gpointer    widget,
                           GType       type,
                           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

gpointer
craft_test_show_place (gpointer    window,
                       const char *name)
{
  AdwViewStack *stack = craft_test_template_child (window, CRAFT_TYPE_WINDOW, "stack");
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, name);
  page = adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (stack)));
  g_assert_nonnull (page);
  return page;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text,
            gboolean    prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child)
          && (prefix ? g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), text)
                     : g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text)))
        return child;
      if ((found = find_label (child, text, prefix)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
craft_test_find_label (gpointer    root,
                       const char *text)
{
  return find_label (GTK_WIDGET (root), text, FALSE);
}

void
craft_test_type_text (GtkTextBuffer *buffer,
                      const char    *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      gtk_text_buffer_insert_at_cursor (buffer, ch, -1);
    }
}

char *
craft_test_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
craft_test_file_contains (const char *path,
                          const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* Whether @pid is @ancestor or runs below it (followed up through /proc). */
static gboolean
descends_from (long pid,
               long ancestor)
{
  for (guint depth = 0; pid > 1 && depth < 32; depth++)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%ld/stat", pid);
      g_autofree char *stat = NULL;
      const char *after_name;

      if (pid == ancestor)
        return TRUE;
      if (!g_file_get_contents (path, &stat, NULL, NULL)
          || (after_name = strrchr (stat, ')')) == NULL)
        return FALSE;
      /* ") S PPID ..." */
      pid = strtol (after_name + 4, NULL, 10);
    }
  return FALSE;
}

static char *
run_xdotool (const char * const *argv)
{
  char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL))
    return NULL;
  return out;
}

gboolean
craft_test_has_visible_window (GSubprocess *app)
{
  const char *search[] = { "xdotool", "search", "--onlyvisible", "--name", ".", NULL };
  long root = strtol (g_subprocess_get_identifier (app), NULL, 10);
  g_autofree char *out = run_xdotool (search);
  g_auto(GStrv) windows = g_strsplit (out != NULL ? out : "", "\n", -1);

  /* The program may run below a wrapper (dbus-run-session): any window of a descendant. */
  for (guint i = 0; windows[i] != NULL; i++)
    {
      const char *getpid[] = { "xdotool", "getwindowpid", windows[i], NULL };
      g_autofree char *pid = NULL;

      if (*windows[i] == '\0' || (pid = run_xdotool (getpid)) == NULL)
        continue;
      if (descends_from (strtol (pid, NULL, 10), root))
        return TRUE;
    }
  return FALSE;
}

void
craft_test_stop_process_tree (GSubprocess *app)
{
  long root = strtol (g_subprocess_get_identifier (app), NULL, 10);
  GDir *proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  /* The program below a wrapper first: a wrapper that goes first may leave it running. */
  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      long pid = strtol (name, NULL, 10);

      if (pid > 0 && pid != root && descends_from (pid, root))
        kill ((pid_t) pid, SIGTERM);
    }
  if (proc != NULL)
    g_dir_close (proc);
  g_subprocess_send_signal (app, SIGTERM);
}

GtkWidget *
craft_test_find_label_prefix (gpointer    root,
                              const char *prefix)
{
  return find_label (GTK_WIDGET (root), prefix, TRUE);
}

void
craft_test_window_open (CraftTestWindow *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (fixture->dir, &error);

  g_assert_no_error (error);
  fixture->context = craft_context_new (store, fixture->settings);
  if (fixture->clock != NULL)
    craft_context_set_clock (fixture->context, fixture->clock, NULL);
  fixture->window = craft_window_new (NULL, fixture->context);
  gtk_window_present (fixture->window);
  craft_window_show_page (CRAFT_WINDOW (fixture->window), fixture->page);
  /* On screen and laid out, however slow the machine (valgrind). */
  craft_test_assert_soon (gtk_widget_get_mapped (GTK_WIDGET (fixture->window))
                          && gtk_widget_get_width (GTK_WIDGET (fixture->window)) > 0);
}

void
craft_test_window_close (CraftTestWindow *fixture)
{
  gtk_window_close (fixture->window);
  craft_test_spin (50);
  fixture->window = NULL;
  g_clear_object (&fixture->context);
}

/* Every UI test lives on Monday 23 November 2026 at 19:30, so dates read the same each run. */
static GDateTime *
fixed_now (gpointer user_data)
{
  return g_date_time_new_local (2026, 11, 23, 19, 30, 0);
}

void
craft_test_window_set_up (CraftTestWindow *fixture,
                          gconstpointer    page)
{
  fixture->page = page;
  fixture->clock = fixed_now;
  fixture->dir = craft_test_make_dir (page);
  craft_test_window_open (fixture);
}

void
craft_test_window_tear_down (CraftTestWindow *fixture,
                             gconstpointer    page)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->context);
  g_free (fixture->dir);
}

/* The PDF's text as pdftotext reads it (a form feed ends each page), or NULL with the test
 * skipped when poppler-utils are missing. */
char *
craft_test_read_pdf_text (const char *pdf)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (tool == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }

  {
    const char *argv[] = { tool, "-enc", "UTF-8", pdf, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  return out;
}

/* White space folded to single spaces, so that where a line wraps does not matter. */
char *
craft_test_fold_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f", -1);
  GString *folded = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (folded->len > 0)
        g_string_append_c (folded, ' ');
      g_string_append (folded, words[i]);
    }
  return g_string_free (folded, FALSE);
}

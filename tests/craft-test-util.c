/* tests/craft-test-util.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

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
  fixture->context = craft_context_new (store, NULL);
  if (fixture->clock != NULL)
    craft_context_set_clock (fixture->context, fixture->clock, NULL);
  fixture->window = craft_window_new (NULL, fixture->context);
  gtk_window_present (fixture->window);
  craft_window_show_page (CRAFT_WINDOW (fixture->window), fixture->page);
  craft_test_spin (50);
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

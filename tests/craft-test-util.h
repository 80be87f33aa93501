/* tests/craft-test-util.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

/* Points XDG_DATA_HOME and friends at a fresh temporary folder that is removed at exit,
 * so no test touches a real home. Call first in main(). */
void      craft_test_init_environment (void);
/* A new, empty folder inside the temporary one. */
char     *craft_test_make_dir         (const char  *name);
/* Removes @path and everything in it. */
void      craft_test_remove_tree      (const char  *path);
/* Runs the main loop for @ms milliseconds. */
void      craft_test_spin             (guint        ms);
/* Runs the main loop until @done is TRUE or @timeout_ms passed; returns *done. */
gboolean  craft_test_wait_for         (gboolean    *done,
                                       guint        timeout_ms);

/* How long a test waits for what a person would see before it fails. Generous, because under
 * valgrind (make check-valgrind) everything takes many times longer; a wait ends as soon as
 * its condition holds, so a fast machine does not wait at all. */
#define CRAFT_TEST_WAIT_MS 60000

/* How many times longer a bound on time may be in this run: CRAFT_TEST_TIME_FACTOR, which
 * tests/sanitizers/valgrind.sh sets for valgrind's slowdown; 1 otherwise. */
guint     craft_test_time_factor      (void);

typedef gboolean (*CraftTestCondition) (gpointer data);

/* Runs the main loop until @condition (@data) is TRUE or @timeout_ms passed; returns whether
 * it became TRUE. Wait for what the test checks next, never a fixed time. */
gboolean  craft_test_wait_until       (CraftTestCondition condition,
                                       gpointer           data,
                                       guint              timeout_ms);

/* Runs the main loop until @expr is true, at most CRAFT_TEST_WAIT_MS, then asserts it. @expr
 * is evaluated again and again: it must not change anything. */
#define craft_test_assert_soon(expr) \
  G_STMT_START \
    { \
      gint64 craft_test_end_ = g_get_monotonic_time () \
                               + (gint64) CRAFT_TEST_WAIT_MS * 1000; \
      while (!(expr) && g_get_monotonic_time () < craft_test_end_) \
        craft_test_spin (10); \
      if (!(expr)) \
        g_assertion_message_expr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                  "soon: " #expr); \
    } \
  G_STMT_END
char     *craft_test_file_checksum    (const char  *path);
/* Whether the file's SHA-256 is @checksum (from craft_test_file_checksum()). */
gboolean  craft_test_file_has_checksum (const char *path,
                                        const char *checksum);
/* Runs SQL on a database file through its own connection; asserts on failure. */
void      craft_test_exec_sql         (const char  *db_path,
                                       const char  *sql);
/* Asserts that PRAGMA integrity_check says "ok" on the database file. */
void      craft_test_assert_integrity_ok (const char *db_path);

G_END_DECLS

G_BEGIN_DECLS

/* For UI tests: GTK and libadwaita under the test display, with the app's translations
 * in the language the test runs in (LANGUAGE). */
void        craft_test_init_ui      (int         *argc,
                                     char      ***argv);
/* The text a person should see in the language this test runs in. */
const char *craft_test_expect       (const char  *en,
                                     const char  *sv,
                                     const char  *da);

G_END_DECLS

G_BEGIN_DECLS

/* A named child of a widget's template, typed loosely for brevity in tests. */
/* The first label below @root (internal children included) showing exactly @text. */
GtkWidget *craft_test_find_label    (gpointer    root,
                                     const char *text);
/* A real main window on a store in a temporary folder, as the UI tests use it. Add tests
 * with craft_test_add_window (path, "page-name", test). Its clock says Monday 23 November
 * 2026, 19:30. */
typedef struct
{
  char           *dir;
  const char     *page;
  CraftClockFunc  clock;
  CraftContext   *context;
  GtkWindow      *window;
  GSettings      *settings; /* the window's settings, or NULL for the default ones */
} CraftTestWindow;

#define craft_test_add_window(path, page, func) \
  g_test_add ((path), CraftTestWindow, (page), craft_test_window_set_up, (func), \
              craft_test_window_tear_down)

void craft_test_window_open      (CraftTestWindow *fixture);
/* Closes the window as a person would (saving what waits) and lets the data go, as at quit. */
void craft_test_window_close     (CraftTestWindow *fixture);
void craft_test_window_set_up    (CraftTestWindow *fixture,
                                  gconstpointer    page);
void craft_test_window_tear_down (CraftTestWindow *fixture,
                                  gconstpointer    page);

/* Types @text into @buffer one character at a time, as a person does. */
void       craft_test_type_text         (GtkTextBuffer *buffer,
                                         const char    *text);
/* All of @buffer's text (free it). */
char      *craft_test_buffer_text       (GtkTextBuffer *buffer);
/* Whether the file at @path holds @text. */
gboolean   craft_test_file_contains     (const char    *path,
                                         const char    *text);
/* Whether the process @app, or one it started, shows a window (asks xdotool). */
gboolean   craft_test_has_visible_window (GSubprocess  *app);
/* Sends SIGTERM to @app and every process it started. */
void       craft_test_stop_process_tree (GSubprocess  *app);

/* The first label below @root whose text starts with @prefix. */
GtkWidget *craft_test_find_label_prefix (gpointer    root,
                                         const char *prefix);
gpointer craft_test_template_child (gpointer    widget,
                                    GType       type,
                                    const char *name);
/* Shows the place @name ("program", "diary", …) in the main @window as a person does, with
 * its shortcut's action, and returns its page: each place is built when first shown. */
gpointer craft_test_show_place     (gpointer    window,
                                    const char *name);

/* The PDF's text as pdftotext reads it (a form feed ends each page), or NULL with the test
 * skipped when poppler-utils are missing. */
char *craft_test_read_pdf_text (const char *pdf);
/* White space folded to single spaces, so that where a line wraps does not matter. */
char *craft_test_fold_space    (const char *text);

G_END_DECLS

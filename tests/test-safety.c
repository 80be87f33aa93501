/* tests/test-safety.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safety plan in a real window: what is typed is saved without a Save button, comes
 * back after a restart, and survives a disk that refuses for a while.
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "app/craft-window.h"
#include "craft-test-util.h"
#include "safety/craft-contact-row.h"
#include "safety/craft-safety-page.h"
#include "store/craft-store-private.h"

static CraftSafetyPage *
get_page (CraftTestWindow *fixture)
{
  return CRAFT_SAFETY_PAGE (craft_test_show_place (fixture->window, "safety"));
}

static gpointer
page_child (CraftTestWindow *fixture,
            const char *name)
{
  return craft_test_template_child (GTK_WIDGET (get_page (fixture)),
                                        CRAFT_TYPE_SAFETY_PAGE, name);
}

static GtkTextBuffer *
field_buffer (CraftTestWindow *fixture,
              const char *view_name)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (page_child (fixture, view_name)));
}

static GPtrArray *
people_rows (CraftTestWindow *fixture)
{
  GtkWidget *list = page_child (fixture, "people_list");
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CRAFT_IS_CONTACT_ROW (child))
      g_ptr_array_add (rows, child);
  return rows;
}

static guint
count_people (CraftTestWindow *fixture)
{
  g_autoptr(GPtrArray) rows = people_rows (fixture);

  return rows->len;
}

static GtkEditable *
row_entry (gpointer    row,
           const char *name)
{
  return GTK_EDITABLE (craft_test_template_child (row, CRAFT_TYPE_CONTACT_ROW, name));
}

static void
add_person (CraftTestWindow *fixture,
            const char *name,
            const char *number)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *focus;
  gpointer row;
  guint before = count_people (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)),
                                             "safety.add-person", NULL));
  craft_test_assert_soon (count_people (fixture) == before + 1);
  rows = people_rows (fixture);
  row = g_ptr_array_index (rows, rows->len - 1);
  /* The new row takes the focus, ready for typing the name. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (row_entry (row, "name_entry"))));
  gtk_editable_set_text (row_entry (row, "name_entry"), name);
  gtk_editable_set_text (row_entry (row, "number_entry"), number);
}

static char *
saved_answer (CraftTestWindow *fixture,
              const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) other = craft_store_open (fixture->dir, &error);
  char *value;

  g_assert_no_error (error);
  value = craft_store_get_answer (other, CRAFT_SAFETY_PLAN_WORKSHEET, field, &error);
  g_assert_no_error (error);
  return value;
}

static gboolean
answer_is_saved (CraftTestWindow *fixture,
                 const char      *field,
                 const char      *text)
{
  g_autofree char *saved = saved_answer (fixture, field);

  return g_strcmp0 (saved, text) == 0;
}

static void
test_survives_restart (CraftTestWindow *fixture,
                       gconstpointer  data)
{
  const char *signs = "Han blir tyst och stänger dörren. Når han drikker vodka.";
  const char *place = "Hos Birgitte, Ærøgade 4";
  g_autofree char *back = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  craft_test_type_text (field_buffer (fixture, "warning_signs_view"), signs);
  craft_test_type_text (field_buffer (fixture, "safe_place_view"), place);
  add_person (fixture, "Åsa", "070-123 45 67");
  add_person (fixture, "Søren", "+45 12 34 56 78");

  /* Saved by itself soon after the last keystroke, with the window still open. */
  craft_test_assert_soon (answer_is_saved (fixture, "warning-signs", signs));

  craft_test_window_close (fixture);
  craft_test_window_open (fixture);

  back = craft_test_buffer_text (field_buffer (fixture, "warning_signs_view"));
  g_assert_cmpstr (back, ==, signs);
  g_clear_pointer (&back, g_free);
  back = craft_test_buffer_text (field_buffer (fixture, "safe_place_view"));
  g_assert_cmpstr (back, ==, place);

  rows = people_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (row_entry (rows->pdata[0], "name_entry")), ==, "Åsa");
  g_assert_cmpstr (gtk_editable_get_text (row_entry (rows->pdata[1], "number_entry")), ==,
                   "+45 12 34 56 78");
}

static GtkButton *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return GTK_BUTTON (child);
      if ((found = find_button_with_label (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_remove_and_undo (CraftTestWindow *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *remove_button;
  GtkButton *undo;

  add_person (fixture, "Anna", "1");
  add_person (fixture, "Bo", "2");
  add_person (fixture, "Cai", "3");
  rows = people_rows (fixture);

  remove_button = craft_test_template_child (rows->pdata[1], CRAFT_TYPE_CONTACT_ROW,
                                                 "remove_button");
  /* A button clicks a moment after it is activated, as on screen. */
  gtk_widget_activate (remove_button);
  craft_test_assert_soon (count_people (fixture) == 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = people_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (row_entry (rows->pdata[1], "name_entry")), ==, "Cai");

  craft_test_assert_soon ((undo = find_button_with_label (
                             page_child (fixture, "toast_overlay"),
                             craft_test_expect ("_Undo", "_Ångra", "_Fortryd"))) != NULL);
  gtk_widget_activate (GTK_WIDGET (undo));
  craft_test_assert_soon (count_people (fixture) == 3);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = people_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (row_entry (rows->pdata[1], "name_entry")), ==, "Bo");
  g_assert_cmpstr (gtk_editable_get_text (row_entry (rows->pdata[1], "number_entry")), ==, "2");
}

static void
test_failed_save_keeps_text (CraftTestWindow *fixture,
                             gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, CRAFT_STORE_FILENAME, NULL);
  GtkInfoBar *bar = craft_test_template_child (GTK_WIDGET (fixture->window),
                                                   CRAFT_TYPE_WINDOW, "save_error_bar");
  GtkLabel *label = craft_test_template_child (GTK_WIDGET (fixture->window),
                                                   CRAFT_TYPE_WINDOW, "save_error_label");
  const char *note = "Ring mamma om det blir bråk.";
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  sqlite3 *other = NULL;

  _craft_store_set_busy_timeout (craft_context_get_store (fixture->context), 50);
  craft_saver_set_delays (craft_context_get_saver (fixture->context), 10, 100);
  craft_saver_set_busy_grace (craft_context_get_saver (fixture->context), 0);

  /* Another program holds the database: the save cannot happen. */
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  craft_test_type_text (field_buffer (fixture, "private_note_view"), note);
  craft_test_assert_soon (gtk_info_bar_get_revealed (bar));
  g_assert_nonnull (strstr (gtk_label_get_text (label),
                            craft_test_expect ("could not be saved yet",
                                               "kunde inte sparas ännu",
                                               "kunne ikke gemmes endnu")));
  text = craft_test_buffer_text (field_buffer (fixture, "private_note_view"));
  g_assert_cmpstr (text, ==, note);

  /* Closing now would lose the text, so the window asks instead of closing. */
  gtk_window_close (fixture->window);
  craft_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* The cause goes away: the text is saved by itself and the message goes. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  craft_test_assert_soon (!gtk_info_bar_get_revealed (bar));
  craft_test_assert_soon (answer_is_saved (fixture, "private-note", note));
  saved = saved_answer (fixture, "private-note");
  g_assert_cmpstr (saved, ==, note);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  craft_test_add_window ("/safety/survives-restart", "safety", test_survives_restart);
  craft_test_add_window ("/safety/people/remove-and-undo", "safety", test_remove_and_undo);
  craft_test_add_window ("/safety/failed-save-keeps-text", "safety", test_failed_save_keeps_text);

  return g_test_run ();
}

/* tests/test-diary.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Diary place: entries by day, search, filters with counts, the calendar, deleting
 * with Undo, the Trash, the empty states and the keys, in a real window.
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "app/craft-date-button.h"
#include "app/craft-dates.h"
#include "craft-test-util.h"
#include "diary/craft-diary-editor.h"
#include "diary/craft-diary-model.h"
#include "diary/craft-diary-page.h"
#include "diary/craft-diary-row.h"

typedef struct
{
  char           *dir;
  CraftContext   *context;
  GtkWindow      *window;
  CraftDiaryPage *page;
} Fixture;

/* Every test lives on Monday 23 November 2026 at 19:30. */
static GDateTime *
fixed_now (gpointer user_data)
{
  return g_date_time_new_local (2026, 11, 23, 19, 30, 0);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;

  fixture->dir = craft_test_make_dir ("diary");
  store = craft_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->context = craft_context_new (store, NULL);
  craft_context_set_clock (fixture->context, fixed_now, NULL);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  craft_test_spin (20);
  g_clear_object (&fixture->context);
  g_free (fixture->dir);
}

static guint count_rows (Fixture *fixture);
static gpointer child (Fixture *fixture, const char *name);

/* How many entries the list holds (0 before it has a model). */
static guint
n_shown (Fixture *fixture)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (child (fixture, "list_view"));

  return selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (selection)) : 0;
}

/* The page is on screen, and its list shows rows when it has entries. */
static gboolean
page_is_laid_out (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->page))
         && gtk_widget_get_width (GTK_WIDGET (fixture->page)) > 0
         && (n_shown (fixture) == 0 || count_rows (fixture) > 0);
}

/* A window with the Diary place, as the main window will hold it. */
static void
open_page (Fixture *fixture,
           int      width)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 700);
  fixture->page = g_object_new (CRAFT_TYPE_DIARY_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  craft_diary_page_set_context (fixture->page, fixture->context);
  gtk_window_present (fixture->window);
  craft_test_assert_soon (page_is_laid_out (fixture));
}

static CraftStore *
get_store (Fixture *fixture)
{
  return craft_context_get_store (fixture->context);
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  return craft_test_template_child (fixture->page, CRAFT_TYPE_DIARY_PAGE, name);
}

/* An entry that happened on 2026-11-@day at @hour:@minute, with field/value pairs. */
static gint64
add_entry (Fixture *fixture,
           int      month,
           int      day,
           int      hour,
           int      minute,
           ...)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, month, day, hour, minute, 0);
  g_autoptr(GError) error = NULL;
  const char *field;
  gint64 id;
  va_list args;

  id = craft_store_diary_create (get_store (fixture), g_date_time_to_unix (when), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  va_start (args, minute);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      craft_store_diary_set (get_store (fixture), id, field, value, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  return id;
}

static GListModel *
get_model (Fixture *fixture)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (child (fixture, "list_view"));

  g_assert_nonnull (selection);
  return gtk_no_selection_get_model (GTK_NO_SELECTION (selection));
}

static gint64
id_at (Fixture *fixture,
       guint    position)
{
  g_autoptr(CraftDiaryItem) item = g_list_model_get_item (get_model (fixture), position);

  g_assert_nonnull (item);
  return craft_diary_item_get_id (item);
}

/* The rows below @widget that show an entry; with @hidden_too also those the list keeps
 * out of sight. */
static void
collect_rows_any (GtkWidget *widget,
                  gboolean   hidden_too,
                  GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (CRAFT_IS_DIARY_ROW (c))
        {
          if ((hidden_too || gtk_widget_get_mapped (c))
              && craft_diary_row_get_item (CRAFT_DIARY_ROW (c)) != NULL)
            g_ptr_array_add (rows, c);
        }
      else
        collect_rows_any (c, hidden_too, rows);
    }
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  collect_rows_any (widget, FALSE, rows);
}

/* The row showing entry @id, or NULL when none is shown. */
static CraftDiaryRow *
row_for (Fixture *fixture,
         gint64   id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (child (fixture, "list_view"), rows);
  for (guint i = 0; i < rows->len; i++)
    if (craft_diary_item_get_id (craft_diary_row_get_item (rows->pdata[i])) == id)
      return rows->pdata[i];
  return NULL;
}

typedef struct
{
  Fixture       *fixture;
  gint64         id;
  CraftDiaryRow *row;
} RowWait;

static gboolean
row_is_shown (gpointer data)
{
  RowWait *wait = data;

  return (wait->row = row_for (wait->fixture, wait->id)) != NULL;
}

/* The row showing entry @id once the list has laid it out (or scrolled to it), which takes
 * a while on a busy machine and under sanitizers or valgrind; NULL if it never comes. */
static CraftDiaryRow *
wait_for_row (Fixture *fixture,
              gint64   id)
{
  RowWait wait = { fixture, id, NULL };

  craft_test_wait_until (row_is_shown, &wait, CRAFT_TEST_WAIT_MS);
  return wait.row;
}

static guint
count_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (child (fixture, "list_view"), rows);
  return rows->len;
}

static gpointer
row_child (CraftDiaryRow *row,
           const char    *name)
{
  return craft_test_template_child (row, CRAFT_TYPE_DIARY_ROW, name);
}

/* Whether the row of entry @id shows the day above it; -1 while no row shows it. */
static int
day_is_shown (Fixture *fixture,
              gint64   id)
{
  CraftDiaryRow *row = row_for (fixture, id);

  if (row == NULL)
    return -1;
  return gtk_widget_get_visible (row_child (row, "day_label"));
}

/* Whether the row of entry @id is shown and its text (markup) holds @text. */
static gboolean
row_label_has (Fixture    *fixture,
               gint64      id,
               const char *text)
{
  CraftDiaryRow *row = row_for (fixture, id);

  return row != NULL
         && strstr (gtk_label_get_label (row_child (row, "text_label")), text) != NULL;
}

static const char *
shown_stack_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (child (fixture, "content_stack"));
}

static const char *
shown_leaflet_page (Fixture *fixture)
{
  return adw_leaflet_get_visible_child_name (child (fixture, "leaflet"));
}

static gboolean
leaflet_shows (Fixture    *fixture,
               const char *name)
{
  return g_strcmp0 (shown_leaflet_page (fixture), name) == 0;
}

static gboolean
search_has_focus (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *entry = child (fixture, "search_entry");

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* Opens a menu button's popover. Under the test display there is no window manager, so a
 * popover's grab can fail and close it at random; these stay open until closed. */
static void
popup (Fixture    *fixture,
       const char *button,
       const char *popover)
{
  gtk_popover_set_autohide (child (fixture, popover), FALSE);
  gtk_menu_button_popup (child (fixture, button));
  craft_test_assert_soon (gtk_widget_get_mapped (child (fixture, popover)));
}

/* Whether the list shows what the search field asks for. */
static gboolean
search_is_applied (Fixture *fixture)
{
  const char *typed = gtk_editable_get_text (child (fixture, "search_entry"));
  GtkSelectionModel *selection = gtk_list_view_get_model (child (fixture, "list_view"));
  const CraftDiaryFilter *filter;

  if (selection == NULL)
    return FALSE;
  filter = craft_diary_model_get_filter (
    CRAFT_DIARY_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (selection))));
  return g_strcmp0 (filter->text != NULL ? filter->text : "", typed) == 0;
}

static void
search (Fixture    *fixture,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "search_entry")), text);
  /* The search waits for typing to pause. */
  craft_test_assert_soon (search_is_applied (fixture));
}

/* Presses @keyval with @mods where the focus is: the first key binding on the way up from
 * the focus widget that takes it is activated, as GTK does with a real key press. */
static gboolean
press_key (Fixture        *fixture,
           guint           keyval,
           GdkModifierType mods)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, mods);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (fixture->page); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller),
                                                                       j);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger)
                  && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                   gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

static char *
entries_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
}

/* A translated label with a mnemonic, as it is shown: without its underscore. */
static char *
shown_label (const char *msgid)
{
  GString *text = g_string_new (g_dgettext (GETTEXT_PACKAGE, msgid));

  g_string_replace (text, "_", "", 1);
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_button (gpointer    root,
             const char *text)
{
  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (widget) && craft_test_find_label (widget, text) != NULL)
        return widget;
      if ((found = find_button (widget, text)) != NULL)
        return found;
    }
  return NULL;
}

/* The Undo button of the toast that a removal shows, once it is shown. */
static GtkWidget *
wait_for_undo (Fixture *fixture)
{
  g_autofree char *undo_label = shown_label ("_Undo");

  craft_test_assert_soon (find_button (child (fixture, "toast_overlay"), undo_label) != NULL);
  return find_button (child (fixture, "toast_overlay"), undo_label);
}

/* With no entries the Diary invites the first one, and its button opens the form. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *button;

  open_page (fixture, 900);

  g_assert_cmpstr (shown_stack_page (fixture), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 0);
  g_assert_cmpstr (adw_status_page_get_title (child (fixture, "empty_page")), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Your Diary"));
  button = child (fixture, "first_entry_button");
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==,
                   g_dgettext (GETTEXT_PACKAGE, "_Write Your First Entry"));

  gtk_widget_activate (button);
  craft_test_assert_soon (g_strcmp0 (shown_leaflet_page (fixture), "editor") == 0);
}

/* Entries show newest first; the day is written above the first entry of each day only. */
static void
test_grouped_by_day (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 morning = add_entry (fixture, 11, 23, 8, 15, "what-happened", "Frukost i tystnad.",
                              "stress", "4", "coping", "withdrawn", NULL);
  gint64 evening = add_entry (fixture, 11, 23, 18, 40, "what-happened",
                              "Han kom hem sent.\nVi grälade.", "flagged", "1", NULL);
  gint64 saturday = add_entry (fixture, 11, 21, 22, 5, "what-happened", "Festen.", NULL);
  gint64 friday = add_entry (fixture, 11, 20, 12, 0, NULL);
  g_autofree char *monday = craft_dates_format_day ("2026-11-23");
  g_autofree char *sat = craft_dates_format_day ("2026-11-21");
  g_autofree char *stress4 = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Stress %d/10"), 4);
  CraftDiaryRow *row;

  open_page (fixture, 900);

  g_assert_cmpstr (shown_stack_page (fixture), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 4);
  g_assert_cmpint (id_at (fixture, 0), ==, evening);
  g_assert_cmpint (id_at (fixture, 1), ==, morning);
  g_assert_cmpint (id_at (fixture, 2), ==, saturday);
  g_assert_cmpint (id_at (fixture, 3), ==, friday);

  row = row_for (fixture, evening);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row_child (row, "day_label")));
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "day_label")), ==, monday);
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "time_label")), ==, "18:40");
  /* One line: the first line of what happened. */
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "text_label")), ==, "Han kom hem sent.");
  g_assert_true (gtk_widget_get_visible (row_child (row, "flag_image")));
  g_assert_false (gtk_widget_get_visible (row_child (row, "stress_label")));
  /* Read as one sentence, with the day even where it is not written above. */
  g_assert_true (g_str_has_prefix (craft_diary_row_get_description (row), monday));
  g_assert_nonnull (strstr (craft_diary_row_get_description (row), "Han kom hem sent."));

  row = row_for (fixture, morning);
  g_assert_false (gtk_widget_get_visible (row_child (row, "day_label")));
  g_assert_true (gtk_widget_get_visible (row_child (row, "stress_label")));
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "stress_label")), ==, stress4);
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "coping_label")), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Withdrawn"));
  g_assert_false (gtk_widget_get_visible (row_child (row, "flag_image")));
  g_assert_true (strstr (craft_diary_row_get_description (row), monday) != NULL);

  row = row_for (fixture, saturday);
  g_assert_true (gtk_widget_get_visible (row_child (row, "day_label")));
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "day_label")), ==, sat);

  /* An entry with nothing written yet says so, rather than showing a blank. */
  row = row_for (fixture, friday);
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "text_label")), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Nothing written yet"));

  /* A new entry later the same day takes the day's heading from the one below it. */
  {
    gint64 night = add_entry (fixture, 11, 23, 19, 10, "what-happened", "Tyst igen.", NULL);

    g_signal_emit_by_name (child (fixture, "editor"), "changed", night);
    craft_test_assert_soon (n_shown (fixture) == 5);
    g_assert_cmpint (id_at (fixture, 0), ==, night);
    craft_test_assert_soon (day_is_shown (fixture, night) == TRUE);
    craft_test_assert_soon (day_is_shown (fixture, evening) == FALSE);
  }
}

/* Search is case-insensitive, matches the start of words, knows å, ä, ö, æ and ø, and shows
 * the match in bold. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 quarrel = add_entry (fixture, 11, 20, 21, 0, "what-happened",
                              "Ett stort bråk om pengar igen.", NULL);
  gint64 island = add_entry (fixture, 11, 21, 10, 0, "place", "Sommarhuset på ærø", NULL);
  gint64 sunset = add_entry (fixture, 11, 22, 17, 0, "thoughts",
                             "Vi såg solnedgången tillsammans, det var fint.", NULL);
  g_autofree char *one = entries_text (1);

  open_page (fixture, 900);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 3);
  g_assert_false (gtk_revealer_get_reveal_child (child (fixture, "summary_revealer")));

  search (fixture, "BRÅK");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
  g_assert_cmpint (id_at (fixture, 0), ==, quarrel);
  craft_test_assert_soon (row_label_has (fixture, quarrel, "<b>bråk</b>"));
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "summary_label")), ==, one);
  g_assert_true (gtk_revealer_get_reveal_child (child (fixture, "summary_revealer")));

  search (fixture, "Ærø");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
  g_assert_cmpint (id_at (fixture, 0), ==, island);
  craft_test_assert_soon (row_label_has (fixture, island, "<b>ærø</b>"));

  search (fixture, "sol");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
  g_assert_cmpint (id_at (fixture, 0), ==, sunset);
  craft_test_assert_soon (row_label_has (fixture, sunset, "<b>solnedgången</b>"));

  /* Markup in an entry is shown as written, never read as markup. */
  {
    g_autofree char *converted = craft_diary_snippet_to_markup ("a <i>&amp; "
                                                               CRAFT_DIARY_MATCH_START "b"
                                                               CRAFT_DIARY_MATCH_END);

    g_assert_cmpstr (converted, ==, "a &lt;i&gt;&amp;amp; <b>b</b>");
  }

  /* Nothing found: said so, with a way back. */
  search (fixture, "xyzzy");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 0);
  g_assert_cmpstr (shown_stack_page (fixture), ==, "no-results");
  {
    g_autofree char *clear = shown_label ("_Clear Search and Filters");
    GtkWidget *button = find_button (child (fixture, "no_results_page"), clear);

    g_assert_nonnull (button);
    gtk_widget_activate (button);
  }
  craft_test_assert_soon (n_shown (fixture) == 3);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "search_entry")), ==, "");
  g_assert_cmpstr (shown_stack_page (fixture), ==, "list");

  /* Ctrl+F goes to the search; Escape there clears it. */
  gtk_widget_grab_focus (child (fixture, "list_view"));
  g_assert_true (press_key (fixture, GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_has_focus (child (fixture, "search_entry"))
                 || gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (fixture->window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         child (fixture, "search_entry")));
  search (fixture, "pengar");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
  g_signal_emit_by_name (child (fixture, "search_entry"), "stop-search");
  craft_test_assert_soon (n_shown (fixture) == 3);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "search_entry")), ==, "");
}

static const char *
choice_label (AdwComboRow *row,
              guint        position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)), position);
}

static char *
count_label (const char *msgid,
             int         count)
{
  return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s (%d)"),
                          g_dgettext (GETTEXT_PACKAGE, msgid), count);
}

/* Filters combine, show how many entries each choice would give, and say what is active. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 a = add_entry (fixture, 11, 20, 9, 0, "what-happened", "A", "coping", "engaged",
                        "loved-one-state", "influenced", "stress", "8", "tags", "pengar", NULL);
  gint64 b = add_entry (fixture, 11, 21, 9, 0, "what-happened", "B", "coping", "engaged",
                        "loved-one-state", "sober", "stress", "3", "flagged", "1", NULL);
  gint64 c = add_entry (fixture, 11, 22, 9, 0, "what-happened", "C", "coping", "withdrawn",
                        "loved-one-state", "influenced", "safe", "no", "tags", "pengar, jul",
                        NULL);
  AdwComboRow *coping_row, *state_row, *tag_row;
  g_autofree char *engaged2 = count_label ("Engaged", 2);
  g_autofree char *withdrawn1 = count_label ("Withdrawn", 1);
  g_autofree char *tolerant0 = count_label ("Tolerant", 0);
  g_autofree char *any3 = count_label ("Any", 3);
  g_autofree char *influenced1 = count_label ("Under the influence", 1);
  g_autofree char *sober1 = count_label ("Sober", 1);
  g_autofree char *two = entries_text (2);
  g_autofree char *summary = NULL;

  open_page (fixture, 900);
  coping_row = child (fixture, "coping_row");
  state_row = child (fixture, "state_row");
  tag_row = child (fixture, "tag_row");
  popup (fixture, "filters_button", "filters_popover");

  g_assert_cmpstr (choice_label (coping_row, 0), ==, any3);
  g_assert_cmpstr (choice_label (coping_row, 1), ==, engaged2);
  g_assert_cmpstr (choice_label (coping_row, 2), ==, tolerant0);
  g_assert_cmpstr (choice_label (coping_row, 3), ==, withdrawn1);
  g_assert_cmpstr (choice_label (tag_row, 1), ==, "jul (1)");
  g_assert_cmpstr (choice_label (tag_row, 2), ==, "pengar (2)");

  /* Engaged: two entries; the other choices now count within them. */
  adw_combo_row_set_selected (coping_row, 1);
  craft_test_assert_soon (n_shown (fixture) == 2);
  g_assert_cmpint (id_at (fixture, 0), ==, b);
  g_assert_cmpint (id_at (fixture, 1), ==, a);
  g_assert_cmpuint (adw_combo_row_get_selected (coping_row), ==, 1);
  g_assert_cmpstr (choice_label (coping_row, 1), ==, engaged2);
  g_assert_cmpstr (choice_label (state_row, 1), ==, sober1);
  g_assert_cmpstr (choice_label (state_row, 3), ==, influenced1);
  summary = g_strdup_printf ("%s%s%s", two, g_dgettext (GETTEXT_PACKAGE, " · "),
                             g_dgettext (GETTEXT_PACKAGE, "Engaged"));
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "summary_label")), ==, summary);
  g_assert_true (gtk_revealer_get_reveal_child (child (fixture, "summary_revealer")));

  /* And stress from 5 up: one. */
  gtk_spin_button_set_value (child (fixture, "stress_min_spin"), 5);
  craft_test_assert_soon (n_shown (fixture) == 1);
  g_assert_cmpint (id_at (fixture, 0), ==, a);

  /* Only for the group leader, with the stress range: none; said so. */
  gtk_switch_set_active (child (fixture, "flagged_switch"), TRUE);
  craft_test_assert_soon (n_shown (fixture) == 0);
  g_assert_cmpstr (shown_stack_page (fixture), ==, "no-results");

  /* Clear Filters brings everything back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "diary.clear-filters", NULL);
  craft_test_assert_soon (n_shown (fixture) == 3);
  g_assert_cmpuint (adw_combo_row_get_selected (coping_row), ==, 0);
  g_assert_false (gtk_switch_get_active (child (fixture, "flagged_switch")));
  g_assert_false (gtk_revealer_get_reveal_child (child (fixture, "summary_revealer")));

  /* A tag, and a date range. */
  popup (fixture, "filters_button", "filters_popover");
  adw_combo_row_set_selected (tag_row, 2);
  craft_test_assert_soon (n_shown (fixture) == 2);
  craft_date_button_set_day (child (fixture, "from_button"), "2026-11-21");
  craft_test_assert_soon (n_shown (fixture) == 1);
  g_assert_cmpint (id_at (fixture, 0), ==, c);
  /* The chosen tag stays chosen while the counts change. */
  g_assert_cmpstr (choice_label (tag_row, adw_combo_row_get_selected (tag_row)), ==,
                   "pengar (1)");
}

/* Delete from the form goes to the Trash with Undo; the Trash restores too. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 keep = add_entry (fixture, 11, 20, 9, 0, "what-happened", "Stays.", NULL);
  gint64 gone = add_entry (fixture, 11, 22, 9, 0, "what-happened", "Goes.", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = NULL;
  CraftDiaryFilter trash = { .trash = TRUE };
  g_autoptr(GArray) in_trash = NULL;
  GtkWidget *undo;
  CraftDiaryRow *row;

  open_page (fixture, 900);

  /* Enter on the first row opens it. */
  g_assert_cmpint (id_at (fixture, 0), ==, gone);
  g_signal_emit_by_name (child (fixture, "list_view"), "activate", 0);
  craft_test_assert_soon (leaflet_shows (fixture, "editor"));
  g_assert_cmpint (craft_diary_editor_get_id (child (fixture, "editor")), ==, gone);

  g_signal_emit_by_name (child (fixture, "editor"), "delete-requested", gone);
  craft_test_assert_soon (leaflet_shows (fixture, "list") && n_shown (fixture) == 1);
  g_assert_cmpint (id_at (fixture, 0), ==, keep);
  fields = craft_store_diary_get (get_store (fixture), gone, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (fields, "deleted-at"), !=, "");

  craft_test_assert_soon (craft_test_find_label (fixture->page,
                                                g_dgettext (GETTEXT_PACKAGE,
                                                            "Entry moved to the Trash")));
  undo = wait_for_undo (fixture);
  gtk_widget_activate (undo);
  craft_test_assert_soon (n_shown (fixture) == 2);
  g_assert_cmpint (id_at (fixture, 0), ==, gone);

  /* Deleted again, and brought back from the Trash this time. */
  g_signal_emit_by_name (child (fixture, "editor"), "delete-requested", gone);
  craft_test_assert_soon (n_shown (fixture) == 1);
  gtk_toggle_button_set_active (child (fixture, "trash_button"), TRUE);
  craft_test_assert_soon (gtk_revealer_get_reveal_child (child (fixture, "trash_revealer")));
  row = wait_for_row (fixture, gone);
  g_assert_nonnull (row);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
  g_assert_true (gtk_widget_get_visible (row_child (row, "restore_button")));
  gtk_widget_activate (row_child (row, "restore_button"));
  craft_test_assert_soon (n_shown (fixture) == 0);
  g_assert_cmpstr (shown_stack_page (fixture), ==, "trash-empty");
  in_trash = craft_store_diary_query (get_store (fixture), &trash, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_trash->len, ==, 0);

  gtk_toggle_button_set_active (child (fixture, "trash_button"), FALSE);
  craft_test_assert_soon (n_shown (fixture) == 2);
}

/* What has been in the Trash for more than 30 days is deleted for good when the Diary
 * opens; what is newer stays. */
static void
test_trash_purged (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = fixed_now (NULL);
  gint64 old = add_entry (fixture, 10, 1, 9, 0, "what-happened", "Long ago.", NULL);
  gint64 recent = add_entry (fixture, 11, 15, 9, 0, "what-happened", "Lately.", NULL);
  gint64 kept = add_entry (fixture, 11, 16, 9, 0, "what-happened", "Kept.", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = NULL;

  craft_store_diary_delete (get_store (fixture), old,
                            g_date_time_to_unix (now) - 31 * 24 * 3600, &error);
  g_assert_no_error (error);
  craft_store_diary_delete (get_store (fixture), recent,
                            g_date_time_to_unix (now) - 5 * 24 * 3600, &error);
  g_assert_no_error (error);

  open_page (fixture, 900);

  g_assert_null (craft_store_diary_get (get_store (fixture), old, &error));
  g_clear_error (&error);
  fields = craft_store_diary_get (get_store (fixture), recent, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
  g_assert_cmpint (id_at (fixture, 0), ==, kept);

  gtk_toggle_button_set_active (child (fixture, "trash_button"), TRUE);
  craft_test_assert_soon (n_shown (fixture) == 1);
  g_assert_cmpint (id_at (fixture, 0), ==, recent);
  craft_test_assert_soon (gtk_widget_get_mapped (child (fixture, "trash_note")));
}

/* Types @text into the editor's entry and waits for it to be saved; returns the entry. */
static gint64
type_into_entry (Fixture       *fixture,
                 GtkTextBuffer *buffer,
                 const char    *text)
{
  gint64 id;

  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  craft_test_assert_soon (craft_diary_editor_get_id (CRAFT_DIARY_EDITOR (child (fixture, "editor"))) > 0
                          && !craft_saver_get_pending (craft_context_get_saver (fixture->context)));
  id = craft_diary_editor_get_id (CRAFT_DIARY_EDITOR (child (fixture, "editor")));
  return id;
}

/* Back from the editor to the list, which then holds @n_items entries. */
static void
back_to_list (Fixture *fixture,
              guint    n_items)
{
  g_signal_emit_by_name (child (fixture, "editor"), "close-requested");
  craft_test_assert_soon (leaflet_shows (fixture, "list")
                          && g_list_model_get_n_items (get_model (fixture)) == n_items);
}

/* Ctrl+N opens a new entry; what is typed shows in the list when going back. */
static void
test_keyboard_new_entry (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *editor;
  GtkTextView *what;
  gint64 id;

  open_page (fixture, 900);
  gtk_widget_grab_focus (child (fixture, "search_entry"));
  g_assert_true (press_key (fixture, GDK_KEY_n, GDK_CONTROL_MASK));
  craft_test_assert_soon (leaflet_shows (fixture, "editor"));

  editor = child (fixture, "editor");
  what = craft_test_template_child (editor, CRAFT_TYPE_DIARY_EDITOR, "what_happened_view");
  id = type_into_entry (fixture, gtk_text_view_get_buffer (what), "Ett samtal som gick bra.");

  back_to_list (fixture, 1);
  craft_test_assert_soon (row_label_has (fixture, id, "Ett samtal som gick bra."));
  g_assert_cmpstr (gtk_label_get_text (row_child (row_for (fixture, id), "text_label")), ==,
                   "Ett samtal som gick bra.");
  g_assert_cmpstr (shown_stack_page (fixture), ==, "list");
}


/* The list is not brought up to date on every save while the editor covers it (that made
 * typing stall): what was written in three entries, one after the other without going
 * back, is in all their rows once the list is shown again. */
static void
test_edits_shown_on_return (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 oldest = add_entry (fixture, 11, 18, 9, 0, "what-happened", "Det gamla.", NULL);
  gint64 middle = add_entry (fixture, 11, 20, 9, 0, "what-happened", "Orört.", NULL);
  gint64 newer = add_entry (fixture, 11, 22, 9, 0, "what-happened", "Det andra.", NULL);
  const struct { gint64 id; const char *text; } edits[] = {
    { oldest, "Det gamla, nu ändrat." }, { newer, "Det andra, nu ändrat." },
  };
  GtkTextBuffer *buffer;
  gint64 id;

  open_page (fixture, 900);
  g_assert_cmpstr (gtk_label_get_text (row_child (row_for (fixture, oldest), "text_label")), ==,
                   "Det gamla.");
  buffer = gtk_text_view_get_buffer (craft_test_template_child (child (fixture, "editor"),
                                                                CRAFT_TYPE_DIARY_EDITOR,
                                                                "what_happened_view"));
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      craft_diary_page_open_entry (fixture->page, edits[i].id);
      craft_test_assert_soon (leaflet_shows (fixture, "editor")
                              && craft_diary_editor_get_id (CRAFT_DIARY_EDITOR (child (fixture, "editor")))
                                 == edits[i].id);
      gtk_text_buffer_set_text (buffer, edits[i].text, -1);
      craft_test_assert_soon (!craft_saver_get_pending (craft_context_get_saver (fixture->context)));
    }
  craft_diary_page_new_entry (fixture->page);
  craft_test_assert_soon (leaflet_shows (fixture, "editor")
                          && craft_diary_editor_get_id (CRAFT_DIARY_EDITOR (child (fixture, "editor"))) == 0);
  id = type_into_entry (fixture, buffer, "Ett till.");

  back_to_list (fixture, 4);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    g_assert_cmpstr (gtk_label_get_text (row_child (row_for (fixture, edits[i].id),
                                                    "text_label")), ==, edits[i].text);
  g_assert_cmpstr (gtk_label_get_text (row_child (row_for (fixture, middle), "text_label")), ==,
                   "Orört.");
  g_assert_cmpstr (gtk_label_get_text (row_child (row_for (fixture, id), "text_label")), ==,
                   "Ett till.");
}

/* The whole round by keyboard, as someone who never touches the mouse would: Ctrl+N, type
 * what happened, Space on a way of coping, Escape; Ctrl+F and type to find it; choose a
 * way of coping in the filter; Enter on Delete, then Undo. */
static void
test_keyboard_flow (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *typed = "Bråk vid middagen om pengarna";
  GtkWidget *editor, *focus, *engaged, *delete_button;
  AdwComboRow *coping_row;
  GtkWidget *undo;
  gint64 id;

  open_page (fixture, 900);
  gtk_widget_grab_focus (child (fixture, "search_entry"));

  /* Ctrl+N: the form opens with the focus where the words go. */
  g_assert_true (press_key (fixture, GDK_KEY_n, GDK_CONTROL_MASK));
  craft_test_assert_soon (leaflet_shows (fixture, "editor")
                          && GTK_IS_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (fixture->window))));
  editor = child (fixture, "editor");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), typed, -1);

  /* Space on "Engaged" (a check button activates as Space does). */
  engaged = craft_test_template_child (editor, CRAFT_TYPE_DIARY_EDITOR, "engaged_check");
  gtk_widget_grab_focus (engaged);
  gtk_widget_activate (engaged);
  craft_test_assert_soon (gtk_check_button_get_active (GTK_CHECK_BUTTON (engaged)));
  craft_test_assert_soon (craft_diary_editor_get_id (CRAFT_DIARY_EDITOR (editor)) > 0);
  id = craft_diary_editor_get_id (CRAFT_DIARY_EDITOR (editor));

  /* Escape: back to the list, where the entry stands. */
  g_assert_true (press_key (fixture, GDK_KEY_Escape, 0));
  craft_test_assert_soon (leaflet_shows (fixture, "list"));
  craft_test_assert_soon (row_label_has (fixture, id, "Bråk vid middagen"));

  /* Ctrl+F, then type: found in any case. */
  add_entry (fixture, 11, 20, 9, 0, "what-happened", "En lugn kväll", "coping", "withdrawn",
             NULL);
  g_assert_true (press_key (fixture, GDK_KEY_f, GDK_CONTROL_MASK));
  craft_test_assert_soon (search_has_focus (fixture));
  search (fixture, "BRÅK");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
  g_assert_cmpint (id_at (fixture, 0), ==, id);

  /* The way-of-coping filter (Up and Down in its list) narrows to what matches. */
  search (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 2);
  coping_row = child (fixture, "coping_row");
  adw_combo_row_set_selected (coping_row, 1); /* Engaged */
  craft_test_assert_soon (n_shown (fixture) == 1);
  adw_combo_row_set_selected (coping_row, 3); /* Withdrawn */
  craft_test_assert_soon (n_shown (fixture) == 1);
  adw_combo_row_set_selected (coping_row, 0); /* Any */
  craft_test_assert_soon (n_shown (fixture) == 2);

  /* Enter on Delete: gone to the Trash, and Undo brings it back. */
  craft_diary_page_open_entry (fixture->page, id);
  craft_test_assert_soon (leaflet_shows (fixture, "editor")
                          && craft_diary_editor_get_id (CRAFT_DIARY_EDITOR (editor)) == id);
  delete_button = craft_test_template_child (editor, CRAFT_TYPE_DIARY_EDITOR, "delete_button");
  gtk_widget_grab_focus (delete_button);
  gtk_widget_activate (delete_button);
  craft_test_assert_soon (n_shown (fixture) == 1);
  undo = wait_for_undo (fixture);
  gtk_widget_activate (undo);
  craft_test_assert_soon (n_shown (fixture) == 2);
}

/* Whether the row of entry @id is shown at the top of the list. */
static gboolean
row_is_at_top (Fixture *fixture,
               gint64   id)
{
  CraftDiaryRow *row = row_for (fixture, id);
  graphene_point_t point;

  return row != NULL
         && gtk_widget_compute_point (GTK_WIDGET (row), child (fixture, "scrolled_window"),
                                      &GRAPHENE_POINT_INIT (0, 0), &point)
         && point.y >= -1 && point.y < 100;
}

/* Whether the list shows the first entry of @day, or of the nearest day before it, as going
 * to a day does. */
static gboolean
day_is_in_view (Fixture    *fixture,
                const char *day)
{
  CraftDiaryModel *model = CRAFT_DIARY_MODEL (get_model (fixture));
  int position = craft_diary_model_find_day (model, day);
  g_autoptr(CraftDiaryItem) item = NULL;

  if (position < 0)
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (model), (guint) position);
  return row_for (fixture, craft_diary_item_get_id (item)) != NULL;
}

/* The calendar marks the days with entries and takes the list to the day chosen. */
static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  GtkCalendar *calendar;
  g_autoptr(GDateTime) day = NULL;
  gint64 target = 0;
  CraftDiaryRow *row;
  graphene_point_t point;

  /* Four entries a day through October and November. */
  for (int month = 10; month <= 11; month++)
    for (int d = 1; d <= (month == 10 ? 31 : 23); d++)
      {
        if (month == 11 && d == 12)
          continue;
        for (int h = 8; h < 20; h += 3)
          {
            gint64 id = add_entry (fixture, month, d, h, 0, "what-happened", "En dag.", NULL);

            if (month == 10 && d == 15 && h == 17)
              target = id;
          }
      }

  open_page (fixture, 900);
  calendar = child (fixture, "calendar");
  popup (fixture, "calendar_button", "calendar_popover");
  g_assert_true (gtk_calendar_get_day_is_marked (calendar, 11));
  g_assert_false (gtk_calendar_get_day_is_marked (calendar, 12));
  g_assert_true (gtk_calendar_get_day_is_marked (calendar, 23));
  g_assert_false (gtk_calendar_get_day_is_marked (calendar, 24));

  /* Far down the list: its first (latest) entry comes to the top. */
  g_assert_null (row_for (fixture, target));
  {
    /* Going back a month, as the arrow does, only shows that month's marks. */
    g_autoptr(GDateTime) october = g_date_time_new_local (2026, 10, 23, 0, 0, 0);

    gtk_calendar_select_day (calendar, october);
    craft_test_assert_soon (gtk_calendar_get_day_is_marked (calendar, 31));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (fixture, "calendar_popover"))));
    g_assert_null (row_for (fixture, target));
  }
  day = g_date_time_new_local (2026, 10, 15, 0, 0, 0);
  gtk_calendar_select_day (calendar, day);
  /* The list scrolls in two steps (see scroll_to_position()): wait for the row at the top. */
  craft_test_assert_soon (row_is_at_top (fixture, target)
                          && !gtk_widget_get_visible (child (fixture, "calendar_popover")));
  row = wait_for_row (fixture, target);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row_child (row, "day_label")));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (row), child (fixture, "scrolled_window"),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  g_assert_cmpfloat (point.y, >=, -1);
  g_assert_cmpfloat (point.y, <, 100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (fixture, "calendar_popover"))));

  /* A day without entries: the nearest earlier one. */
  craft_diary_page_go_to_day (fixture->page, "2026-11-12");
  {
    CraftDiaryModel *model = CRAFT_DIARY_MODEL (get_model (fixture));
    g_autoptr(CraftDiaryItem) item = NULL;
    int position = craft_diary_model_find_day (model, "2026-11-12");

    item = g_list_model_get_item (G_LIST_MODEL (model), position);
    g_assert_cmpstr (craft_diary_item_get_day (item), ==, "2026-11-11");
    g_assert_true (craft_diary_model_starts_day (model, position));
    g_assert_nonnull (wait_for_row (fixture, craft_diary_item_get_id (item)));
  }
}

/* The ids a model shows, and those the whole filter gives, are the same. */
static void
assert_model_is_query (CraftDiaryModel        *model,
                       const CraftDiaryFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = craft_store_diary_query (craft_diary_model_get_store (model), filter,
                                                    &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, hits->len);
  for (guint i = 0; i < hits->len; i++)
    {
      g_autoptr(CraftDiaryItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (craft_diary_item_get_id (item), ==,
                       g_array_index (hits, CraftDiaryHit, i).id);
    }
}

/* After one entry is saved the list reads only that entry, and still shows what the whole
 * filter would: the entry moves with its time, leaves when it no longer matches, comes
 * when it starts to, and its row shows the new text. */
static void
test_update_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftDiaryModel) model = craft_diary_model_new (get_store (fixture));
  g_autoptr(CraftDiaryItem) item = NULL;
  CraftDiaryFilter filter = { .coping = "engaged" };
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 11, 22, 8, 0, 0);
  g_autofree char *later_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 g_date_time_to_unix (later));
  gint64 a, b, c, d;

  a = add_entry (fixture, 11, 10, 9, 0, "coping", "engaged", "what-happened", "A", NULL);
  b = add_entry (fixture, 11, 12, 9, 0, "coping", "engaged", "what-happened", "B", NULL);
  c = add_entry (fixture, 11, 14, 9, 0, "coping", "tolerant", "what-happened", "C", NULL);
  g_assert_true (craft_diary_model_set_filter (model, &filter, &error));
  g_assert_no_error (error);
  assert_model_is_query (model, &filter);

  /* A moves to the top. */
  craft_store_diary_set (get_store (fixture), a, "happened-at", later_text, &error);
  g_assert_no_error (error);
  g_assert_true (craft_diary_model_update_entry (model, a, &error));
  assert_model_is_query (model, &filter);
  g_assert_cmpint (craft_diary_model_find_id (model, a), ==, 0);

  /* C comes in, B goes out. */
  craft_store_diary_set (get_store (fixture), c, "coping", "engaged", &error);
  g_assert_true (craft_diary_model_update_entry (model, c, &error));
  craft_store_diary_set (get_store (fixture), b, "coping", "withdrawn", &error);
  g_assert_true (craft_diary_model_update_entry (model, b, &error));
  g_assert_no_error (error);
  assert_model_is_query (model, &filter);
  g_assert_cmpint (craft_diary_model_find_id (model, b), ==, -1);

  /* A new entry, and new text in a row that stays where it was. */
  d = add_entry (fixture, 11, 13, 9, 0, "coping", "engaged", NULL);
  g_assert_true (craft_diary_model_update_entry (model, d, &error));
  craft_store_diary_set (get_store (fixture), c, "what-happened", "C again", &error);
  g_assert_true (craft_diary_model_update_entry (model, c, &error));
  g_assert_no_error (error);
  assert_model_is_query (model, &filter);
  item = g_list_model_get_item (G_LIST_MODEL (model), (guint) craft_diary_model_find_id (model, c));
  g_assert_cmpstr (craft_diary_item_get_preview (item), ==, "C again");
}

/* A hundred thousand entries: the list holds them all and lays out only a screenful. How fast
 * it opens is measured in bench/, not asserted here. */
static void
test_many_entries (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = fixed_now (NULL);
  g_autofree char *sql = NULL;
  CraftDiaryModel *model;

  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                         " WHERE i < 100000)"
                         " INSERT INTO diary_entry (uuid, happened_at, day, created_at,"
                         " updated_at, what_happened, stress, coping)"
                         " SELECT 'u' || i, %" G_GINT64_FORMAT " - i * 1800,"
                         " date(%" G_GINT64_FORMAT " - i * 1800, 'unixepoch', 'localtime'),"
                         " 0, 0, 'Anteckning nummer ' || i, i %% 11,"
                         " CASE i %% 3 WHEN 0 THEN 'engaged' WHEN 1 THEN 'tolerant'"
                         " ELSE 'withdrawn' END FROM n",
                         g_date_time_to_unix (now), g_date_time_to_unix (now));
  craft_test_exec_sql (craft_store_get_path (get_store (fixture)), sql);

  open_page (fixture, 900);
  model = CRAFT_DIARY_MODEL (get_model (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  g_assert_cmpuint (count_rows (fixture), <, 100);

  /* Scrolling all the way down and back keeps memory bounded. */
  craft_diary_page_go_to_day (fixture->page, "2021-01-01");
  craft_test_assert_soon (day_is_in_view (fixture, "2021-01-01"));
  craft_diary_page_go_to_day (fixture->page, "2025-06-01");
  craft_test_assert_soon (day_is_in_view (fixture, "2025-06-01"));
  g_assert_cmpuint (craft_diary_model_get_cache_size (model), <=, 200);
  g_assert_cmpuint (count_rows (fixture), <, 100);

  search (fixture, "nummer 4711");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
  g_assert_cmpint (craft_diary_model_find_id (model, 4711), >=, 0);
}

/* Moves the pointer to (@x, @y) of @widget, as a person moving the mouse would. */
static void
move_pointer (GtkWidget *widget,
              double     x,
              double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkDisplay *display = gtk_widget_get_display (widget);
  graphene_point_t point;
  double surface_x, surface_y;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XWarpPointer (gdk_x11_display_get_xdisplay (display), None,
                gdk_x11_surface_get_xid (gtk_native_get_surface (native)), 0, 0, 0, 0,
                (int) (point.x + surface_x), (int) (point.y + surface_y));
  XFlush (gdk_x11_display_get_xdisplay (display));
}

/* The row of the list with the pointer on it, or NULL. */
static CraftDiaryRow *
find_hovered_row (GtkWidget *list)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (list, rows);
  for (guint i = 0; i < rows->len; i++)
    if ((gtk_widget_get_state_flags (rows->pdata[i]) & GTK_STATE_FLAG_PRELIGHT) != 0)
      return rows->pdata[i];
  return NULL;
}

/* Whether any row of the list, shown or kept out of sight, holds entry @id. */
static gboolean
row_holds (GtkWidget *list,
           gint64     id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows_any (list, TRUE, rows);
  for (guint i = 0; i < rows->len; i++)
    if (craft_diary_item_get_id (craft_diary_row_get_item (rows->pdata[i])) == id)
      return TRUE;
  return FALSE;
}

/* The pointer resting on the list while it jumps far away and back. The pointer on a row
 * selects nothing (the list has no selection; a click opens the entry), so nothing keeps
 * that row once it is out of sight. When it did (GTK 4.8 selects the row under the pointer
 * of a single-click list), hiding a row scrolled out of view moved that selection to the
 * row newly under the pointer, which freed the hidden row while GTK was still hiding it:
 * the second half crashed under memcheck (make check-valgrind). */
static void
test_pointer_rests_on_list (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) now = fixed_now (NULL);
  g_autoptr(GDateTime) oldest = g_date_time_add_seconds (now, -3000.0 * 28800);
  g_autofree char *oldest_day = g_date_time_format (oldest, "%Y-%m-%d");
  g_autofree char *newest_day = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *list;
  CraftDiaryRow *hovered = NULL;
  gint64 id;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("Moving the pointer needs an X11 display");
      return;
    }
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                         " WHERE i < 3000)"
                         " INSERT INTO diary_entry (uuid, happened_at, day, created_at,"
                         " updated_at, what_happened, stress)"
                         " SELECT 'p' || i, %" G_GINT64_FORMAT " - i * 28800,"
                         " date(%" G_GINT64_FORMAT " - i * 28800, 'unixepoch', 'localtime'),"
                         " 0, 0, 'Anteckning ' || i, i %% 11 FROM n",
                         g_date_time_to_unix (now), g_date_time_to_unix (now));
  craft_test_exec_sql (craft_store_get_path (get_store (fixture)), sql);
  open_page (fixture, 900);
  list = child (fixture, "list_view");
  {
    g_autoptr(CraftDiaryItem) first = g_list_model_get_item (get_model (fixture), 0);
    g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (
      craft_diary_item_get_happened_at (first));

    newest_day = g_date_time_format (when, "%Y-%m-%d");
  }

  /* The pointer on a row a little way down the list, then off the list. */
  move_pointer (list, gtk_widget_get_width (list) / 2.0, 300);
  craft_test_assert_soon ((hovered = find_hovered_row (list)) != NULL);
  id = craft_diary_item_get_id (craft_diary_row_get_item (hovered));
  move_pointer (child (fixture, "search_entry"), 5, 5);
  craft_test_assert_soon (find_hovered_row (list) == NULL);

  /* Far away, nothing holds the row the pointer was on. */
  craft_diary_page_go_to_day (fixture->page, oldest_day);
  craft_test_assert_soon (day_is_in_view (fixture, oldest_day));
  craft_test_assert_soon (!row_holds (list, id));

  /* The pointer rests on the list while it jumps back and forth. */
  move_pointer (list, gtk_widget_get_width (list) / 2.0, 320);
  for (int i = 0; i < 3; i++)
    {
      craft_diary_page_go_to_day (fixture->page, newest_day);
      craft_test_assert_soon (day_is_in_view (fixture, newest_day));
      craft_diary_page_go_to_day (fixture->page, oldest_day);
      craft_test_assert_soon (day_is_in_view (fixture, oldest_day));
    }
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  g_test_add ("/diary/empty", Fixture, NULL, set_up, test_empty, tear_down);
  g_test_add ("/diary/grouped-by-day", Fixture, NULL, set_up, test_grouped_by_day, tear_down);
  g_test_add ("/diary/search", Fixture, NULL, set_up, test_search, tear_down);
  g_test_add ("/diary/filters", Fixture, NULL, set_up, test_filters, tear_down);
  g_test_add ("/diary/delete-and-undo", Fixture, NULL, set_up, test_delete_and_undo, tear_down);
  g_test_add ("/diary/trash-purged", Fixture, NULL, set_up, test_trash_purged, tear_down);
  g_test_add ("/diary/keyboard-flow", Fixture, NULL, set_up, test_keyboard_flow, tear_down);
  g_test_add ("/diary/keyboard-new-entry", Fixture, NULL, set_up, test_keyboard_new_entry,
              tear_down);
  g_test_add ("/diary/edits-shown-on-return", Fixture, NULL, set_up,
              test_edits_shown_on_return, tear_down);
  g_test_add ("/diary/calendar", Fixture, NULL, set_up, test_calendar, tear_down);
  g_test_add ("/diary/update-entry", Fixture, NULL, set_up, test_update_entry, tear_down);
  g_test_add ("/diary/many-entries", Fixture, NULL, set_up, test_many_entries, tear_down);
  g_test_add ("/diary/pointer-rests-on-list", Fixture, NULL, set_up, test_pointer_rests_on_list,
              tear_down);

  return g_test_run ();
}

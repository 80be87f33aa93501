/* tests/test-app.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application and its windows, in the language the test runs in.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app/craft-application.h"
#include "app/craft-preferences-window.h"
#include "app/craft-problem-window.h"
#include "app/craft-window.h"
#include "store/craft-store-backup.h"
#include "craft-test-util.h"
#include "diary/craft-diary-editor.h"
#include "diary/craft-diary-page.h"
#include "safety/craft-contact-row.h"
#include "safety/craft-safety-page.h"

static CraftContext *
new_context (const char *name)
{
  g_autofree char *dir = craft_test_make_dir (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);

  g_assert_no_error (error);
  return craft_context_new (store, NULL);
}

/* Every template builds without a warning (warnings and criticals are fatal here). */
static void
test_templates_instantiate (void)
{
  g_autoptr(CraftContext) context = new_context ("templates");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = g_error_new (CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT, "x");
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *windows[3];
  GtkWidget *row;

  windows[0] = craft_window_new (NULL, context);
  windows[1] = craft_problem_window_new (NULL, "/nowhere", error);
  windows[2] = craft_preferences_window_new (NULL, settings, "/nowhere");
  row = g_object_ref_sink (craft_contact_row_new (context, 1));

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      gtk_window_present (windows[i]);
      craft_test_spin (20);
      gtk_window_destroy (windows[i]);
    }
  g_object_unref (row);
}

static void
test_places_translated (void)
{
  g_autoptr(CraftContext) context = new_context ("places");
  GtkWindow *window = craft_window_new (NULL, context);
  AdwViewStack *stack = craft_test_template_child (GTK_WIDGET (window), CRAFT_TYPE_WINDOW,
                                                       "stack");
  static const char *names[] = { "program", "diary", "review", "safety", "leader" };
  const char *titles[] = {
    craft_test_expect ("Program", "Programmet", "Programmet"),
    craft_test_expect ("Diary", "Dagbok", "Dagbog"),
    craft_test_expect ("Review", "Tillbakablick", "Tilbageblik"),
    craft_test_expect ("Safety Plan", "Säkerhetsplan", "Sikkerhedsplan"),
    craft_test_expect ("Group Leader", "Gruppledare", "Gruppeleder"),
  };

  gtk_window_present (window);
  craft_test_spin (50);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, names[i]);

      g_assert_nonnull (child);
      g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child)), ==,
                       titles[i]);
    }

  /* The emergency number is always on the safety plan, in the person's language. */
  craft_test_show_place (window, "safety");
  g_assert_nonnull (craft_test_find_label (window,
                                           craft_test_expect ("In danger right now? Call 112.",
                                                              "Är du i fara just nu? Ring 112.",
                                                              "Er du i fare lige nu? Ring 112.")));

  /* Places still to come say so honestly instead of pretending to work. */
  craft_window_show_page (CRAFT_WINDOW (window), "diary");
  craft_test_spin (20);
  g_assert_nonnull (craft_test_find_label (window,
                                           craft_test_expect ("Your Diary", "Din dagbok",
                                                              "Din dagbog")));

  gtk_window_destroy (window);
}

static CraftApplication *
new_registered_application (void)
{
  static guint counter;
  CraftApplication *app = craft_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, counter++);

  /* Each test's application gets its own name on the bus, as separate runs would. */
  g_application_set_application_id (G_APPLICATION (app), id);
  /* Its own instance: a test must not hand over to another running copy. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static GtkWidget *
built_place (AdwViewStack *stack,
             const char   *name)
{
  return adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, name)));
}

/* The window builds only the place it opens on. Another place is built the first time it
 * is wanted, and then works: Ctrl+N on the Program opens a new diary entry, and what is
 * typed into it is kept. */
static void
test_places_built_on_first_use (void)
{
  g_autoptr(CraftContext) context = new_context ("first-use");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GHashTable) fields = NULL;
  CraftDiaryFilter filter = { 0 };
  static const char *later[] = { "diary", "review", "safety", "leader" };
  const char *typed = craft_test_expect ("We argued about money again.",
                                         "Vi bråkade om pengarna igen.",
                                         "Vi skændtes om penge igen.");
  const char *what_happened = craft_test_expect ("What happened?", "Vad hände?",
                                                 "Hvad skete der?");
  GtkWindow *window = craft_window_new (NULL, context);
  AdwViewStack *stack = craft_test_template_child (window, CRAFT_TYPE_WINDOW, "stack");
  GtkWidget *page, *editor, *view, *heading;

  gtk_window_present (window);
  craft_test_spin (50);
  g_assert_cmpstr (craft_window_get_page (CRAFT_WINDOW (window)), ==, "program");
  g_assert_nonnull (built_place (stack, "program"));
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    g_assert_null (built_place (stack, later[i]));
  g_assert_null (craft_test_find_label (window, what_happened));

  /* Ctrl+N, from the Program. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL));
  craft_test_spin (50);
  g_assert_cmpstr (craft_window_get_page (CRAFT_WINDOW (window)), ==, "diary");
  page = built_place (stack, "diary");
  g_assert_true (CRAFT_IS_DIARY_PAGE (page));
  heading = craft_test_find_label (window, what_happened);
  g_assert_nonnull (heading);
  g_assert_true (gtk_widget_is_visible (heading));
  editor = craft_test_template_child (page, CRAFT_TYPE_DIARY_PAGE, "editor");
  view = craft_test_template_child (editor, CRAFT_TYPE_DIARY_EDITOR, "what_happened_view");
  g_assert_true (gtk_widget_is_focus (view));
  craft_test_type_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), typed);

  /* The other places (Alt+3 to Alt+5) are built once, when first shown. */
  for (guint i = 1; i < G_N_ELEMENTS (later); i++)
    {
      page = craft_test_show_place (window, later[i]);
      g_assert_true (gtk_widget_get_mapped (page));
      craft_test_show_place (window, "program");
      g_assert_true (craft_test_show_place (window, later[i]) == page);
    }

  /* Closing saves what waits; the entry is in the diary. */
  gtk_window_close (window);
  craft_test_spin (100);
  hits = craft_store_diary_query (craft_context_get_store (context), &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  fields = craft_store_diary_get (craft_context_get_store (context),
                                  g_array_index (hits, CraftDiaryHit, 0).id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (fields, "what-happened"), ==, typed);
}

static void
test_safety_plan_shortcut (void)
{
  g_autoptr(CraftApplication) app = new_registered_application ();
  g_autoptr(CraftContext) context = new_context ("shortcut");
  g_autoptr(GtkBuilder) builder = NULL;
  g_auto(GStrv) accels = NULL;
  GtkWindow *window;
  g_autoptr(GSList) objects = NULL;
  gboolean listed = FALSE;
  GObject *overlay;
  GListModel *toplevels;
  guint overlays = 0;
  guint key;
  GdkModifierType mods;
  GLogLevelFlags fatal;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-safety-plan");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Shift><Control>s");

  /* From any other place, the action brings up the safety plan. */
  window = craft_window_new (GTK_APPLICATION (app), context);
  gtk_window_present (window);
  craft_window_show_page (CRAFT_WINDOW (window), "diary");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-safety-plan", NULL));
  g_assert_cmpstr (craft_window_get_page (CRAFT_WINDOW (window)), ==, "safety");

  /* And the shortcuts window lists it. */
  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        {
          g_autofree char *action = NULL;

          g_object_get (l->data, "action-name", &action, NULL);
          listed |= g_strcmp0 (action, "win.show-safety-plan") == 0;
        }
    }
  g_assert_true (listed);
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* Ctrl+? shows that window over the main one, built when first asked for. */
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpuint (g_strv_length (accels), >=, 1);
  g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
  g_assert_cmpuint (key, ==, GDK_KEY_question);
  g_assert_cmpuint (mods, ==, GDK_CONTROL_MASK);
  /* GTK 4.8's own shortcuts window warns that one of its labels measures -3 px, whoever
   * builds it: only criticals stay fatal while it is shown. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  craft_test_spin (50);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) shown = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (shown) && gtk_widget_get_visible (GTK_WIDGET (shown))
          && gtk_window_get_transient_for (shown) == window)
        overlays++;
    }
  g_assert_cmpuint (overlays, ==, 1);

  gtk_window_destroy (window);
  craft_test_spin (50);
  g_log_set_always_fatal (fatal);
}

static void
test_problem_window_newer (void)
{
  g_autofree char *dir = craft_test_make_dir ("newer");
  g_autoptr(GError) error = g_error_new (CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NEWER_VERSION,
                                         "saved by a newer version");
  GtkWindow *window = craft_problem_window_new (NULL, dir, error);
  GtkWidget *start_new = craft_test_template_child (GTK_WIDGET (window),
                                                        CRAFT_TYPE_PROBLEM_WINDOW,
                                                        "start_new_button");

  g_assert_cmpstr (craft_problem_window_get_title_text (CRAFT_PROBLEM_WINDOW (window)), ==,
                   craft_test_expect ("Your Data Is From a Newer Version",
                                      "Dina data kommer från en nyare version",
                                      "Dine data stammer fra en nyere version"));
  /* Data from a newer version is never offered for replacing. */
  g_assert_false (gtk_widget_get_visible (start_new));
  gtk_window_destroy (window);
}

/* A damaged database: the app says so, and starting anew keeps the damaged file. */
static void
test_damaged_database_start_new (void)
{
  g_autoptr(CraftApplication) app = new_registered_application ();
  const char *data_dir = craft_application_get_data_dir (app);
  g_autofree char *db = g_build_filename (data_dir, CRAFT_STORE_FILENAME, NULL);
  g_autofree char *checksum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GtkWindow *window;
  const char *name;
  gboolean kept = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_file_set_contents (db, "these are not the notes you are looking for", -1, &error);
  g_assert_no_error (error);
  checksum = craft_test_file_checksum (db);

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRAFT_IS_PROBLEM_WINDOW (window));
  g_assert_cmpstr (craft_problem_window_get_title_text (CRAFT_PROBLEM_WINDOW (window)), ==,
                   craft_test_expect ("Your Data Could Not Be Opened",
                                      "Dina data kunde inte öppnas",
                                      "Dine data kunne ikke åbnes"));
  g_assert_true (gtk_widget_get_visible (craft_test_template_child (GTK_WIDGET (window),
                                                                        CRAFT_TYPE_PROBLEM_WINDOW,
                                                                        "start_new_button")));
  g_assert_true (craft_test_file_has_checksum (db, checksum));

  g_signal_emit_by_name (window, "start-new");
  craft_test_spin (50);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRAFT_IS_WINDOW (window));

  dir = g_dir_open (data_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "craft-companion-damaged-") && g_str_has_suffix (name, ".db"))
        {
          g_autofree char *path = g_build_filename (data_dir, name, NULL);

          g_assert_true (craft_test_file_has_checksum (path, checksum));
          kept = TRUE;
        }
    }
  g_assert_true (kept);
  gtk_window_destroy (window);
}

/* A reminder's "Write in Diary" brings up the window with a new entry, and a rolling
 * backup of the day is made in the background. */
static void
test_reminder_opens_new_entry (void)
{
  g_autoptr(CraftApplication) app = new_registered_application ();
  g_autofree char *backups = NULL;
  g_autoptr(GPtrArray) made = NULL;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRAFT_IS_WINDOW (window));
  craft_window_show_page (CRAFT_WINDOW (window), "safety");

  /* On a database from before, reminders start once its check has passed (after the
   * window's first frame). */
  for (guint i = 0; i < 1000 && craft_application_get_reminders (app) == NULL; i++)
    craft_test_spin (10);
  g_assert_nonnull (craft_application_get_reminders (app));
  g_signal_emit_by_name (craft_application_get_reminders (app), "open-requested", "diary", 0);
  craft_test_spin (100);
  g_assert_cmpstr (craft_window_get_page (CRAFT_WINDOW (window)), ==, "diary");
  g_assert_nonnull (craft_test_find_label (window, craft_test_expect ("New Entry", "Ny anteckning",
                                                                     "Nyt notat")));

  g_signal_emit_by_name (craft_application_get_reminders (app), "open-requested", "session", 5);
  craft_test_spin (100);
  g_assert_cmpstr (craft_window_get_page (CRAFT_WINDOW (window)), ==, "program");

  craft_test_spin (500);
  made = craft_store_list_backups (craft_application_get_data_dir (app), NULL);
  g_assert_nonnull (made);
  g_assert_cmpuint (made->len, ==, 1);
  gtk_window_destroy (window);
}

static void
test_preferences_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *window;
  AdwComboRow *row;
  GListModel *model;
  g_autofree char *language = NULL;

  g_settings_set_string (settings, "language", "");
  window = craft_preferences_window_new (NULL, settings, "/home/someone/data");
  row = craft_test_template_child (GTK_WIDGET (window), CRAFT_TYPE_PREFERENCES_WINDOW,
                                       "language_row");
  model = adw_combo_row_get_model (row);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==,
                   craft_test_expect ("System Language", "Systemets språk", "Systemets sprog"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "Svenska");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 3), ==, "Dansk");

  adw_combo_row_set_selected (row, 3);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "da");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  g_test_add_func ("/app/templates/instantiate", test_templates_instantiate);
  g_test_add_func ("/app/places/translated", test_places_translated);
  g_test_add_func ("/app/places/built-on-first-use", test_places_built_on_first_use);
  g_test_add_func ("/app/actions/safety-plan-shortcut", test_safety_plan_shortcut);
  g_test_add_func ("/app/problem/newer-version", test_problem_window_newer);
  g_test_add_func ("/app/problem/damaged-start-new", test_damaged_database_start_new);
  g_test_add_func ("/app/preferences/language", test_preferences_language);
  g_test_add_func ("/app/reminders/open-new-entry", test_reminder_opens_new_entry);

  return g_test_run ();
}

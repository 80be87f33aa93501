/* tests/test-leader-ui.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group leader's place, run view, presenter view and handouts, in real windows.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "app/craft-window.h"
#include "craft-test-util.h"
#include "leader/craft-group-editor.h"
#include "leader/craft-handout.h"
#include "leader/craft-leader-content.h"
#include "leader/craft-leader-page.h"
#include "leader/craft-presenter-window.h"
#include "leader/craft-run-window.h"
#include "program/craft-program.h"
#include "store/craft-store-leader.h"

/* A clock the tests move by hand: Monday 23 November 2026, 19:30 plus what they add. */
static gint64 seconds_added;

static GDateTime *
moving_clock (gpointer user_data)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 23, 19, 30, 0);

  return g_date_time_add_seconds (start, seconds_added);
}

static CraftLeaderPage *
get_page (CraftTestWindow *fixture)
{
  return craft_test_show_place (fixture->window, "leader");
}

/* Runs session @number of the page's group, as the Run button does, and returns its
 * window once it is there. */
static GtkWindow *
open_run (CraftLeaderPage *page,
          int              number)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "leader.run", "i", number);
  craft_test_assert_soon (craft_leader_page_get_run_window (page) != NULL);
  return craft_leader_page_get_run_window (page);
}

/* The toplevel of @type that is showing, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Presses @keyval in @window as the window's own shortcuts see it; returns whether they
 * took it (FALSE: it goes on to the focused widget). */
static gboolean
try_key (GtkWindow *window,
         guint      keyval)
{
  for (GtkWidget *widget = GTK_WIDGET (window); widget != NULL; widget = NULL)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger)
                  && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
                  && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
                {
                  gboolean taken;

                  taken = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                        GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                        NULL);
                  craft_test_spin (20);
                  return taken;
                }
            }
        }
    }
  g_assert_not_reached ();
}

static void
press_key (GtkWindow *window,
           guint      keyval)
{
  g_assert_true (try_key (window, keyval));
}

/* Every text a person (or a screen reader) can get from the window: its title and the
 * text of every label in it. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (text, "%s\n", gtk_widget_get_tooltip_text (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
window_text (GtkWindow *window)
{
  GString *text = g_string_new (gtk_window_get_title (window));

  g_string_append_c (text, '\n');
  collect_text (GTK_WIDGET (window), text);
  return g_string_free (text, FALSE);
}

static void
test_create_and_run (CraftTestWindow *fixture,
                     gconstpointer    data)
{
  CraftLeaderPage *page = get_page (fixture);
  CraftStore *store = craft_context_get_store (fixture->context);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *editor, *run;
  CraftAgendaTimer *timer;
  AdwEntryRow *add;
  gint64 group;

  craft_context_set_clock (fixture->context, moving_clock, NULL);
  seconds_added = 0;

  /* No group yet: the page says what to do. */
  g_assert_nonnull (craft_test_find_label (page, craft_test_expect ("No Groups Yet",
                                                                    "Inga grupper än",
                                                                    "Ingen grupper endnu")));

  gtk_widget_activate_action (GTK_WIDGET (page), "leader.new-group", NULL);
  craft_test_spin (50);
  editor = find_toplevel (CRAFT_TYPE_GROUP_EDITOR);
  g_assert_nonnull (editor);
  gtk_editable_set_text (craft_test_template_child (editor, CRAFT_TYPE_GROUP_EDITOR, "name_row"),
                         "Tisdagsgruppen");
  adw_combo_row_set_selected (craft_test_template_child (editor, CRAFT_TYPE_GROUP_EDITOR,
                                                         "language_row"), 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  craft_test_spin (50);

  /* The group is kept, planned weekly from today, and its page is open. */
  groups = craft_store_leader_list_groups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  group = ((CraftLeaderGroup *) groups->pdata[0])->id;
  g_assert_cmpstr (((CraftLeaderGroup *) groups->pdata[0])->language, ==, "da");
  g_assert_cmpstr (((CraftLeaderGroup *) groups->pdata[0])->start_on, ==, "2026-11-23");
  g_assert_cmpint (craft_leader_page_get_group (page), ==, group);
  g_assert_nonnull (craft_test_find_label (page, "Tisdagsgruppen"));

  /* Two participants, typed in as a leader would. */
  add = craft_test_template_child (page, CRAFT_TYPE_LEADER_PAGE, "add_row");
  gtk_editable_set_text (GTK_EDITABLE (add), "Anna");
  g_signal_emit_by_name (add, "apply");
  gtk_editable_set_text (GTK_EDITABLE (add), "Jørgen");
  g_signal_emit_by_name (add, "apply");
  craft_test_spin (20);
  people = craft_store_leader_list_participants (store, group, &error);
  g_assert_cmpuint (people->len, ==, 2);

  /* Run session 5 with the keys. */
  run = open_run (page, 5);
  g_assert_nonnull (run);
  timer = craft_run_window_get_timer (CRAFT_RUN_WINDOW (run));
  g_assert_false (craft_agenda_timer_get_running (timer));
  /* The attendance list is in the run view. */
  g_assert_nonnull (craft_test_find_label (run, "Jørgen"));

  press_key (run, GDK_KEY_space);
  g_assert_true (craft_agenda_timer_get_running (timer));
  seconds_added += 11 * 60;
  craft_test_spin (1100);
  /* Check-in is planned for 10 minutes: the gentle warning shows. */
  g_assert_true (craft_agenda_timer_is_overrun (timer, 0));
  g_assert_true (gtk_widget_get_visible (craft_test_template_child (run, CRAFT_TYPE_RUN_WINDOW,
                                                                    "overrun_label")));
  press_key (run, GDK_KEY_Page_Down);
  g_assert_cmpuint (craft_agenda_timer_get_current (timer), ==, 1);
  press_key (run, GDK_KEY_Right);
  g_assert_cmpuint (craft_agenda_timer_get_current (timer), ==, 2);
  press_key (run, GDK_KEY_Left);
  g_assert_cmpuint (craft_agenda_timer_get_current (timer), ==, 1);
  seconds_added += 90;
  press_key (run, GDK_KEY_space);
  g_assert_false (craft_agenda_timer_get_running (timer));
  g_assert_false (gtk_widget_get_visible (craft_test_template_child (run, CRAFT_TYPE_RUN_WINDOW,
                                                                     "overrun_label")));

  /* While typing a note or on an attendance box, the keys mean what they always mean. */
  {
    GtkWidget *note = craft_test_find_label (run, "Jørgen");
    GtkWidget *check = gtk_widget_get_ancestor (note, GTK_TYPE_CHECK_BUTTON);
    GtkWidget *entry = gtk_widget_get_next_sibling (check);

    gtk_widget_grab_focus (check);
    g_assert_false (try_key (run, GDK_KEY_space));
    gtk_widget_grab_focus (entry);
    g_assert_false (try_key (run, GDK_KEY_space));
    g_assert_false (try_key (run, GDK_KEY_Left));
    g_assert_false (craft_agenda_timer_get_running (timer));
    g_assert_cmpuint (craft_agenda_timer_get_current (timer), ==, 1);
    gtk_widget_grab_focus (craft_test_template_child (run, CRAFT_TYPE_RUN_WINDOW, "toggle_button"));
  }

  /* Closed and opened again, it is where it was. */
  gtk_window_close (run);
  craft_test_spin (50);
  g_assert_null (craft_leader_page_get_run_window (page));
  seconds_added += 600;
  run = open_run (page, 5);
  timer = craft_run_window_get_timer (CRAFT_RUN_WINDOW (run));
  g_assert_cmpuint (craft_agenda_timer_get_current (timer), ==, 1);
  g_assert_false (craft_agenda_timer_get_running (timer));
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 0), ==, 11 * 60);
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 1), ==, 90);
  gtk_window_close (run);
  craft_test_spin (50);
}

/* The session window keeps where it stands every half minute while the clock runs. A
 * window that was never closed (a crash) and is opened the next day stops its clock where
 * it was last kept, says so, and starts again with Space. */
static void
test_run_after_crash (CraftTestWindow *fixture,
                      gconstpointer    data)
{
  CraftLeaderPage *page = get_page (fixture);
  CraftStore *store = craft_context_get_store (fixture->context);
  g_autoptr(GError) error = NULL;
  g_auto(CraftLeaderRun) kept = { 0 };
  g_autoptr(GDateTime) kept_at = NULL;
  GtkWidget *stopped;
  CraftAgendaTimer *timer;
  GtkWindow *run;
  gint64 group;

  craft_context_set_clock (fixture->context, moving_clock, NULL);
  seconds_added = 0;
  group = craft_store_leader_create_group (store, "Torsdagsgruppen", "sv", "2026-11-19", &error);
  g_assert_no_error (error);
  craft_leader_page_open_group (page, group);

  run = open_run (page, 2);
  timer = craft_run_window_get_timer (CRAFT_RUN_WINDOW (run));
  stopped = craft_test_template_child (run, CRAFT_TYPE_RUN_WINDOW, "stopped_label");
  g_assert_false (gtk_widget_get_visible (stopped));
  press_key (run, GDK_KEY_space);

  /* Forty seconds on, the window has kept them without being asked. */
  seconds_added += 40;
  craft_test_spin (1200);
  craft_store_leader_get_run (store, group, 2, &kept, &error);
  g_assert_no_error (error);
  kept_at = moving_clock (NULL);
  g_assert_cmpint (kept.running_since, ==, g_date_time_to_unix (kept_at));
  g_assert_cmpint (g_array_index (kept.used, gint64, 0), ==, 40);

  /* A crash: the window is gone and what it last kept still has the clock running. */
  gtk_window_close (run);
  craft_test_spin (50);
  craft_store_leader_set_run (store, group, 2, &kept, &error);
  g_assert_no_error (error);

  /* The next day: the night is not counted, and the window says why the clock stands. */
  seconds_added += 24 * 3600;
  run = open_run (page, 2);
  timer = craft_run_window_get_timer (CRAFT_RUN_WINDOW (run));
  stopped = craft_test_template_child (run, CRAFT_TYPE_RUN_WINDOW, "stopped_label");
  g_assert_false (craft_agenda_timer_get_running (timer));
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 0), ==, 40);
  g_assert_true (gtk_widget_get_visible (stopped));
  g_assert_nonnull (craft_test_find_label (run, craft_test_expect (
    "The clock has been stopped at the time last saved, because this window was not closed "
    "properly last time. Press Space to start it again.",
    "Klockan har stoppats vid den senast sparade tiden, eftersom fönstret inte stängdes som "
    "vanligt förra gången. Tryck på mellanslag för att starta den igen.",
    "Uret er stoppet ved den sidst gemte tid, fordi vinduet ikke blev lukket som normalt "
    "sidste gang. Tryk på mellemrum for at starte det igen.")));

  press_key (run, GDK_KEY_space);
  g_assert_true (craft_agenda_timer_get_running (timer));
  g_assert_false (gtk_widget_get_visible (stopped));
  gtk_window_close (run);
  craft_test_spin (50);
}

static void
test_presenter (CraftTestWindow *fixture,
                gconstpointer    data)
{
  CraftLeaderPage *page = get_page (fixture);
  CraftStore *store = craft_context_get_store (fixture->context);
  g_autoptr(GError) error = NULL;
  CraftProgram *program;
  CraftSession *session;
  g_autoptr(GPtrArray) parts = NULL;
  GtkWindow *run, *presenter;
  gint64 group, mette;

  group = craft_store_leader_create_group (store, "Onsdagsgruppen", "sv", "2026-11-25", &error);
  g_assert_no_error (error);
  mette = craft_store_leader_add_participant (store, group, "Mette", &error);
  craft_store_leader_add_participant (store, group, "Birgitta", &error);
  craft_store_leader_set_note (store, mette, 5, "Mettes hemliga anteckning", &error);
  g_assert_no_error (error);

  craft_leader_page_open_group (page, group);
  run = open_run (page, 5);
  press_key (run, GDK_KEY_space);
  press_key (run, GDK_KEY_Page_Down);
  gtk_widget_activate_action (GTK_WIDGET (run), "run.presenter", NULL);
  craft_test_spin (200);
  presenter = craft_run_window_get_presenter (CRAFT_RUN_WINDOW (run));
  g_assert_nonnull (presenter);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (presenter)));

  program = craft_leader_get_program ("sv", &error);
  g_assert_no_error (error);
  session = craft_program_get_session (program, 5);
  parts = craft_leader_get_agenda (session);

  /* Part 2, then part 3 after the leader moves on: the projector follows. */
  for (guint p = 1; p <= 2; p++)
    {
      CraftContentNode *part = parts->pdata[p];
      g_autofree char *text = window_text (presenter);
      guint n_points = 0;

      g_test_message ("presenter shows:\n%s", text);
      g_assert_nonnull (strstr (text, craft_content_node_get_child_text (part, "title")));
      for (guint i = 0; i < craft_content_node_get_n_children (part); i++)
        {
          CraftContentNode *child = craft_content_node_get_child (part, i);
          const char *name = craft_content_node_get_name (child);

          if (g_str_equal (name, "point"))
            {
              g_assert_nonnull (strstr (text, craft_content_node_get_text (child)));
              n_points++;
            }
          else if (g_str_equal (name, "note") || g_str_equal (name, "question"))
            g_assert_null (strstr (text, craft_content_node_get_text (child)));
        }
      g_assert_cmpuint (n_points, >, 0);
      /* Nobody's name and no private note. */
      g_assert_null (strstr (text, "Mette"));
      g_assert_null (strstr (text, "Birgitta"));
      g_assert_null (strstr (text, "hemliga"));

      press_key (run, GDK_KEY_Down);
    }

  /* The time left appears on the projector only when the leader asks for it. */
  g_assert_false (gtk_widget_get_visible (craft_test_template_child (presenter,
                                                                     CRAFT_TYPE_PRESENTER_WINDOW,
                                                                     "time_label")));
  gtk_check_button_set_active (craft_test_template_child (run, CRAFT_TYPE_RUN_WINDOW,
                                                          "show_time_check"), TRUE);
  g_assert_true (gtk_widget_get_visible (craft_test_template_child (presenter,
                                                                    CRAFT_TYPE_PRESENTER_WINDOW,
                                                                    "time_label")));
  gtk_window_close (run);
  craft_test_spin (50);
  g_assert_null (find_toplevel (CRAFT_TYPE_PRESENTER_WINDOW));
}

static void
test_handout_in_group_language (CraftTestWindow *fixture,
                                gconstpointer    data)
{
  CraftStore *store = craft_context_get_store (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftLeaderGroup) group = NULL;
  g_autoptr(CraftProgram) danish = NULL;
  g_autoptr(CraftProgram) own = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *dir = craft_test_make_dir ("handout");
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  CraftSession *session;
  const char *homework_before = _("Homework");
  gint64 id;

  id = craft_store_leader_create_group (store, "Gruppe på Nørrebro", "da", "2026-11-24", &error);
  g_assert_no_error (error);
  group = craft_store_leader_get_group (store, id, &error);
  g_assert_no_error (error);

  g_assert_true (craft_handout_print (NULL, group, 5, "2026-12-22", pdf, &error));
  g_assert_no_error (error);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  folded = craft_test_fold_space (text);
  g_test_message ("handout:\n%s", folded);

  danish = craft_program_new ("da", &error);
  g_assert_no_error (error);
  session = craft_program_get_session (danish, 5);
  g_assert_nonnull (strstr (folded, craft_session_get_title (session)));
  g_assert_nonnull (strstr (folded, "Gruppemøde 5"));
  g_assert_nonnull (strstr (folded, "Hjemmeopgaver"));
  g_assert_nonnull (strstr (folded, "Gruppe på Nørrebro"));
  tasks = craft_leader_find_children (craft_content_node_find_child (craft_session_get_root (session),
                                                                     "homework"), "task");
  g_assert_cmpuint (tasks->len, >, 0);
  for (guint i = 0; i < tasks->len; i++)
    {
      g_autofree char *task = craft_test_fold_space (craft_content_node_get_text (tasks->pdata[i]));

      g_assert_nonnull (strstr (folded, task));
    }

  /* Not a word in the app's own language, when that is another. */
  own = craft_program_new (NULL, &error);
  if (!g_str_equal (craft_program_get_ui_language (), "da"))
    {
      g_assert_null (strstr (folded, craft_session_get_title (craft_program_get_session (own, 5))));
      g_assert_null (strstr (folded, homework_before));
    }
  /* And the app goes on speaking its own language afterwards. */
  g_assert_cmpstr (_("Homework"), ==, craft_test_expect ("Homework", "Hemuppgifter",
                                                         "Hjemmeopgaver"));
}

/* The dialog that asks, answered with @response; it closes as a click would close it. */
static void
answer_dialog (const char *response)
{
  g_autoptr(GtkWindow) dialog = NULL;

  craft_test_assert_soon (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  /* Held while the page's answer runs, which may rebuild what the dialog was shown over. */
  dialog = g_object_ref (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  craft_test_assert_soon (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static void
test_delete_asks_first (CraftTestWindow *fixture,
                        gconstpointer    data)
{
  CraftLeaderPage *page = get_page (fixture);
  CraftStore *store = craft_context_get_store (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gint64 kept, gone, lisa;

  kept = craft_store_leader_create_group (store, "Onsdag", "da", "2026-11-25", &error);
  gone = craft_store_leader_create_group (store, "Måndag", "sv", "2026-11-23", &error);
  lisa = craft_store_leader_add_participant (store, gone, "Lisa", &error);
  craft_store_leader_add_participant (store, gone, "Omar", &error);
  g_assert_no_error (error);
  craft_leader_page_open_group (page, gone);
  craft_test_spin (20);

  /* Removing a participant asks; Cancel keeps them, Remove removes them. */
  gtk_widget_activate_action (GTK_WIDGET (page), "leader.remove-participant", "x", lisa);
  craft_test_spin (50);
  answer_dialog ("cancel");
  people = craft_store_leader_list_participants (store, gone, &error);
  g_assert_cmpuint (people->len, ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (page), "leader.remove-participant", "x", lisa);
  craft_test_spin (50);
  answer_dialog ("remove");
  g_clear_pointer (&people, g_ptr_array_unref);
  people = craft_store_leader_list_participants (store, gone, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_null (craft_test_find_label (page, "Lisa"));

  /* Deleting the group asks first, and a Cancel keeps everything. */
  gtk_widget_activate_action (GTK_WIDGET (page), "leader.delete-group", NULL);
  craft_test_spin (50);
  answer_dialog ("cancel");
  groups = craft_store_leader_list_groups (store, &error);
  g_assert_cmpuint (groups->len, ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (page), "leader.delete-group", NULL);
  craft_test_spin (50);
  answer_dialog ("delete");
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = craft_store_leader_list_groups (store, &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (((CraftLeaderGroup *) groups->pdata[0])->id, ==, kept);
  /* Back on the list of groups, which shows the one left. */
  g_assert_cmpint (craft_leader_page_get_group (page), ==, 0);
  g_assert_nonnull (craft_test_find_label (page, "Onsdag"));
}

static void
test_six_month_warning (CraftTestWindow *fixture,
                        gconstpointer    data)
{
  CraftLeaderPage *page = get_page (fixture);
  CraftStore *store = craft_context_get_store (fixture->context);
  g_autoptr(GError) error = NULL;
  GtkWidget *warning;
  GtkWindow *editor;
  gint64 group;

  group = craft_store_leader_create_group (store, "Fredag", "en", "2026-11-27", &error);
  g_assert_no_error (error);
  craft_leader_page_open_group (page, group);
  warning = craft_test_template_child (page, CRAFT_TYPE_LEADER_PAGE, "warning_label");
  g_assert_false (gtk_widget_get_visible (warning));

  /* The last session moved past six months: the page and the editor both say so. */
  craft_store_leader_set_planned (store, group, 12, "2027-06-04", &error);
  g_assert_no_error (error);
  craft_leader_page_open_group (page, group);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "2027"));

  gtk_widget_activate_action (GTK_WIDGET (page), "leader.edit-group", NULL);
  craft_test_spin (50);
  editor = find_toplevel (CRAFT_TYPE_GROUP_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (craft_test_template_child (editor, CRAFT_TYPE_GROUP_EDITOR,
                                                                   "warning_label")));
  gtk_window_destroy (editor);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  craft_test_add_window ("/leader/ui/create-and-run", "leader", test_create_and_run);
  craft_test_add_window ("/leader/ui/run-after-crash", "leader", test_run_after_crash);
  craft_test_add_window ("/leader/ui/presenter-shows-only-points", "leader", test_presenter);
  craft_test_add_window ("/leader/ui/delete-asks-first", "leader", test_delete_asks_first);
  craft_test_add_window ("/leader/ui/six-month-warning", "leader", test_six_month_warning);
  craft_test_add_window ("/leader/handout/group-language", "leader",
                         test_handout_in_group_language);

  return g_test_run ();
}

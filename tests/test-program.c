/* tests/test-program.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The twelve CRAFT sessions: their content in three languages, the progress kept in the
 * store, and the Program place in a real window.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/craft-window.h"
#include "craft-test-util.h"
#include "program/craft-program.h"
#include "program/craft-plan-window.h"
#include "program/craft-program-page.h"
#include "program/craft-session-view.h"
#include "safety/craft-safety-page.h"
#include "program/craft-worksheet-view.h"
#include "app/craft-date-button.h"
#include "store/craft-store-private.h"

static CraftProgram *
load_program (const char *language)
{
  g_autoptr(GError) error = NULL;
  CraftProgram *program = craft_program_new (language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (program);
  return program;
}

static const char *languages[] = { "en", "sv", "da" };

/* Every session of every language meets the schema and the size the program asks for. */
static void
test_content_complete (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(CraftProgram) program = load_program (languages[l]);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 12);
      for (int n = 1; n <= 12; n++)
        {
          CraftSession *session = craft_program_get_session (program, n);
          guint minutes = craft_session_get_agenda_minutes (session);

          g_assert_cmpint (craft_session_get_number (session), ==, n);
          g_assert_cmpuint (minutes, >=, 80);
          g_assert_cmpuint (minutes, <=, 100);
          if (g_str_equal (languages[l], "en"))
            {
              guint words = craft_session_count_reading_words (session);

              g_test_message ("session %d: %u words, %u minutes", n, words, minutes);
              g_assert_cmpuint (words, >=, 700);
              g_assert_cmpuint (words, <=, 1500);
            }
        }
    }
}

static void
collect_texts (CraftContentNode *node,
               GPtrArray        *texts)
{
  if (*craft_content_node_get_text (node) != '\0')
    g_ptr_array_add (texts, (gpointer) craft_content_node_get_text (node));
  for (guint i = 0; i < craft_content_node_get_n_children (node); i++)
    collect_texts (craft_content_node_get_child (node, i), texts);
}

/* The Swedish and Danish programs really are in Swedish and Danish, text by text. */
static void
test_content_translated (void)
{
  g_autoptr(CraftProgram) en = load_program ("en");

  for (guint l = 1; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(CraftProgram) other = load_program (languages[l]);
      guint total = 0, same = 0;

      for (int n = 1; n <= 12; n++)
        {
          g_autoptr(GPtrArray) a = g_ptr_array_new ();
          g_autoptr(GPtrArray) b = g_ptr_array_new ();

          collect_texts (craft_session_get_root (craft_program_get_session (en, n)), a);
          collect_texts (craft_session_get_root (craft_program_get_session (other, n)), b);
          g_assert_cmpuint (a->len, ==, b->len);
          g_assert_cmpstr (craft_session_get_title (craft_program_get_session (en, n)), !=,
                           craft_session_get_title (craft_program_get_session (other, n)));
          for (guint i = 0; i < a->len; i++)
            {
              total++;
              /* Short things like "112" or "CRAFT" may stay the same; prose may not. */
              if (g_str_equal (a->pdata[i], b->pdata[i]) && strlen (a->pdata[i]) > 12)
                {
                  g_test_message ("%s: untranslated: %s", languages[l], (char *) a->pdata[i]);
                  same++;
                }
            }
        }
      g_assert_cmpuint (total, >, 1000);
      g_assert_cmpuint (same, ==, 0);
    }
}

/* The overview reads only the titles at start: the same ones the whole content gives, in
 * each language. */
static void
test_content_titles_read_alone (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CraftProgram) program = load_program (languages[l]);
      g_auto(GStrv) titles = craft_program_read_titles (languages[l], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (titles), ==, CRAFT_PROGRAM_N_SESSIONS);
      for (int n = 1; n <= CRAFT_PROGRAM_N_SESSIONS; n++)
        g_assert_cmpstr (titles[n - 1], ==,
                         craft_session_get_title (craft_program_get_session (program, n)));
    }
}

static gboolean
has_field (CraftContentNode *parent,
           const char       *id)
{
  for (guint i = 0; i < craft_content_node_get_n_children (parent); i++)
    {
      CraftContentNode *child = craft_content_node_get_child (parent, i);

      if (g_strcmp0 (craft_content_node_get_attribute (child, "id"), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Each procedure's worksheet exists, refs resolve, and the safety plan is the very same
 * data the Safety plan place shows. */
static void
test_content_worksheets (void)
{
  g_autoptr(CraftProgram) program = load_program ("en");
  static const char *worksheets[] = {
    "happiness-scale", "what-i-tried", "use-episode", "safety-plan", "positive-request",
    "reward-menu", "sober-activity", "withdraw-plan", "stop-rescuing", "problem-solving",
    "my-support", "my-activities", "invitation-plan", "relapse-plan", "maintenance-plan",
  };
  static const char *areas[] = {
    "relationship", "social-life", "work-studies", "money", "health", "emotional-life",
    "leisure", "communication", "overall",
  };
  CraftContentNode *safety, *people, *happiness;

  for (guint i = 0; i < G_N_ELEMENTS (worksheets); i++)
    g_assert_nonnull (craft_program_find_worksheet (program, worksheets[i]));

  g_assert_cmpint (craft_program_get_worksheet_session (program, "safety-plan"), ==, 4);
  safety = craft_program_find_worksheet (program, "safety-plan");
  g_assert_true (has_field (safety, "warning-signs"));
  g_assert_true (has_field (safety, "safe-place"));
  g_assert_true (has_field (safety, "have-ready"));
  g_assert_true (has_field (safety, "private-note"));
  people = craft_content_node_find_child (safety, "rows");
  g_assert_cmpstr (craft_content_node_get_attribute (people, "id"), ==, "people");
  g_assert_true (has_field (people, "name"));
  g_assert_true (has_field (people, "number"));

  happiness = craft_program_find_worksheet (program, "happiness-scale");
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_assert_true (has_field (happiness, areas[i]));

  /* Every ref points at a declared worksheet. */
  for (int n = 1; n <= 12; n++)
    {
      CraftContentNode *root = craft_session_get_root (craft_program_get_session (program, n));

      for (guint i = 0; i < craft_content_node_get_n_children (root); i++)
        {
          const char *ref = craft_content_node_get_attribute (craft_content_node_get_child (root, i),
                                                              "ref");

          if (ref != NULL)
            g_assert_nonnull (craft_program_find_worksheet (program, ref));
        }
    }
}

/* Damaged or hostile content is refused with an error, never a crash. */
static void
test_content_refuses_bad_input (void)
{
  static const char *bad[] = {
    "",
    "<session",
    "<session number=\"1\"></session>",
    "<session number=\"13\" id=\"x\"><title>T</title></session>",
    "<notes/>",
    "<session><title xml:lang=\"sv\">Först</title></session>",
    "<session number=\"1\" id=\"x\"><goals><goal>a</goal></goals></session>",
    "<a><b><c><d><e><f><g><h><i><j><k><l><m><n><o><p><q><r><s><t><u><v><w><x><y><z><a><b><c>"
    "<d><e><f><g><h><i>deep</i></h></g></f></e></d></c></b></a></z></y></x></w></v></u></t></s>"
    "</r></q></p></o></n></m></l></k></j></i></h></g></f></e></d></c></b></a>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CraftContentNode) root = craft_content_node_parse (bad[i], -1, "sv", &error);
      g_autoptr(CraftSession) session = NULL;

      if (root != NULL)
        {
          session = craft_session_new (root, &error);
          g_assert_null (session);
        }
      g_assert_nonnull (error);
      g_test_message ("refused: %s", error->message);
    }
}

static void
test_store_progress_round_trip (void)
{
  g_autofree char *dir = craft_test_make_dir ("progress");
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GArray) ratings = NULL;
  CraftSessionProgress progress[12];
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_assert_true (craft_store_set_meta (store, "plan-start", "2026-11-02", &error));
  g_assert_true (craft_store_set_session_planned (store, 5, "2026-11-30", &error));
  g_assert_true (craft_store_set_session_started (store, 5, 1000, &error));
  g_assert_true (craft_store_set_session_started (store, 5, 2000, &error));
  g_assert_true (craft_store_set_session_done (store, 5, 3000, &error));
  g_assert_true (craft_store_set_session_done (store, 6, 4000, &error));
  g_assert_true (craft_store_set_session_done (store, 6, 0, &error));
  g_assert_true (craft_store_set_homework_done (store, 5, "one-positive-request", TRUE, 3000,
                                                &error));
  g_assert_true (craft_store_set_happiness (store, "2026-11-02", "overall", 3, &error));
  g_assert_true (craft_store_set_happiness (store, "2026-11-30", "overall", 5, &error));
  g_assert_true (craft_store_set_happiness (store, "2026-11-30", "overall", 6, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (craft_store_get_progress (store, progress, &error));
  g_assert_cmpstr (progress[4].planned_on, ==, "2026-11-30");
  g_assert_cmpint (progress[4].started_at, ==, 1000);
  g_assert_cmpint (progress[4].done_at, ==, 3000);
  g_assert_cmpint (progress[5].done_at, ==, 0);
  g_assert_cmpint (progress[5].started_at, ==, 4000);
  g_assert_cmpstr (progress[0].planned_on, ==, "");
  {
    g_autofree char *start = craft_store_get_meta (store, "plan-start", &error);

    g_assert_cmpstr (start, ==, "2026-11-02");
  }

  g_assert_true (craft_store_get_homework_done (store, 5, "one-positive-request", &done, &error));
  g_assert_true (done);
  g_assert_true (craft_store_get_homework_done (store, 5, "note-how-it-went", &done, &error));
  g_assert_false (done);

  ratings = craft_store_list_happiness (store, &error);
  g_assert_cmpuint (ratings->len, ==, 2);
  g_assert_cmpstr (g_array_index (ratings, CraftHappinessRating, 1).day, ==, "2026-11-30");
  g_assert_cmpint (g_array_index (ratings, CraftHappinessRating, 1).value, ==, 6);
}


/* UI: the Program place in a real window. */

static CraftProgramPage *
get_page (CraftTestWindow *fixture)
{
  return craft_test_show_place (fixture->window, "program");
}

static void
find_all (GtkWidget *root,
          GType      type,
          GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      find_all (child, type, found);
    }
}

static CraftWorksheetView *
find_worksheet (CraftTestWindow *fixture,
                const char *id)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  find_all (GTK_WIDGET (get_page (fixture)), CRAFT_TYPE_WORKSHEET_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (g_str_equal (craft_worksheet_view_get_id (views->pdata[i]), id))
      return views->pdata[i];
  g_assert_not_reached ();
}

static GtkTextBuffer *
first_text_buffer (gpointer root)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  find_all (root, GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, >, 0);
  return gtk_text_view_get_buffer (views->pdata[0]);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Open session 5, type into its worksheet, quit, start again: the text is back. */
/* Whether the store holds @text as the answer the test types into. */
static gboolean
answer_is_saved (CraftTestWindow *fixture,
                 const char      *text)
{
  g_autofree char *saved = craft_store_get_answer (craft_context_get_store (fixture->context),
                                                   "positive-request", "typical-argument",
                                                   NULL);

  return g_strcmp0 (saved, text) == 0;
}

static void
test_ui_worksheet_survives_restart (CraftTestWindow *fixture,
                                    gconstpointer  data)
{
  const char *typed = "Du kommer alltid för sent! / Jeg bliver glad, når du kommer til tiden.";
  g_autofree char *saved = NULL;
  g_autofree char *back = NULL;
  GtkTextBuffer *buffer;

  craft_program_page_open_session (get_page (fixture), 5);
  craft_test_spin (50);
  g_assert_cmpint (craft_program_page_get_open_session (get_page (fixture)), ==, 5);

  buffer = first_text_buffer (find_worksheet (fixture, "positive-request"));
  for (const char *p = typed; *p != '\0'; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      gtk_text_buffer_insert_at_cursor (buffer, ch, -1);
    }

  /* Saved by itself soon after the last keystroke, no Save button. */
  craft_test_assert_soon (answer_is_saved (fixture, typed));
  saved = craft_store_get_answer (craft_context_get_store (fixture->context), "positive-request",
                                  "typical-argument", NULL);
  g_assert_cmpstr (saved, ==, typed);

  craft_test_window_close (fixture);
  craft_test_window_open (fixture);
  craft_program_page_open_session (get_page (fixture), 5);
  craft_test_spin (50);
  back = buffer_text (first_text_buffer (find_worksheet (fixture, "positive-request")));
  g_assert_cmpstr (back, ==, typed);
}

/* Marking a session done shows in the overview, and the next step moves on. */
static void
test_ui_mark_done (CraftTestWindow *fixture,
                   gconstpointer  data)
{
  GtkWidget *view = craft_test_template_child (get_page (fixture), CRAFT_TYPE_PROGRAM_PAGE,
                                               "session_view");

  g_assert_cmpint (craft_program_page_get_next_session (get_page (fixture)), ==, 1);
  craft_program_page_open_session (get_page (fixture), 1);
  g_assert_true (gtk_widget_activate_action (view, "session.toggle-done", NULL));
  g_assert_true (gtk_widget_activate_action (view, "program.show-overview", NULL));
  craft_test_spin (50);

  g_assert_cmpint (craft_program_page_get_next_session (get_page (fixture)), ==, 2);
  g_assert_nonnull (craft_test_find_label (fixture->window,
                                           craft_test_expect ("1 of 12 sessions done",
                                                              "1 av 12 sessioner klar",
                                                              "1 af 12 sessioner er klaret")));
  /* The row says when, in words. */
  {
    GtkWidget *label = craft_test_find_label_prefix (fixture->window,
                                                     craft_test_expect ("Done on ", "Klar ",
                                                                        "Klaret "));

    g_assert_nonnull (label);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "23"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "2026"));
  }

  /* And it is kept. */
  craft_test_window_close (fixture);
  craft_test_window_open (fixture);
  g_assert_cmpint (craft_program_page_get_next_session (get_page (fixture)), ==, 2);
}

/* The overview speaks the person's language, titles included. */
static void
test_ui_titles_translated (CraftTestWindow *fixture,
                           gconstpointer  data)
{
  g_assert_nonnull (craft_test_find_label (fixture->window,
                                           craft_test_expect ("4. Staying safe",
                                                              "4. Trygg och säker",
                                                              "4. Tryg og sikker")));
  g_assert_nonnull (craft_test_find_label (fixture->window,
                                           craft_test_expect ("The Twelve Sessions",
                                                              "De tolv sessionerna",
                                                              "De tolv sessioner")));
}

/* A plan is weekly by default and warns when it runs past six months. */
static void
test_ui_plan (CraftTestWindow *fixture,
              gconstpointer  data)
{
  GtkWindow *plan = craft_plan_window_new (fixture->window, fixture->context,
                                           craft_program_page_get_program (get_page (fixture)));
  CraftDateButton *start = craft_test_template_child (plan, CRAFT_TYPE_PLAN_WINDOW,
                                                      "start_button");
  GtkWidget *warning = craft_test_template_child (plan, CRAFT_TYPE_PLAN_WINDOW, "warning_label");
  g_autoptr(GError) error = NULL;
  CraftSessionProgress progress[12];

  gtk_window_present (plan);
  craft_date_button_set_day (start, "2026-11-02");
  g_assert_true (craft_store_get_progress (craft_context_get_store (fixture->context), progress,
                                           &error));
  g_assert_cmpstr (progress[0].planned_on, ==, "2026-11-02");
  g_assert_cmpstr (progress[1].planned_on, ==, "2026-11-09");
  g_assert_cmpstr (progress[11].planned_on, ==, "2027-01-18");
  g_assert_false (gtk_widget_get_visible (warning));

  /* Moving the last session eight months out is allowed, but the plan says so. */
  g_assert_true (craft_store_set_session_planned (craft_context_get_store (fixture->context), 12,
                                                  "2027-07-05", &error));
  gtk_window_destroy (plan);
  plan = craft_plan_window_new (fixture->window, fixture->context,
                                craft_program_page_get_program (get_page (fixture)));
  warning = craft_test_template_child (plan, CRAFT_TYPE_PLAN_WINDOW, "warning_label");
  g_assert_true (gtk_widget_get_visible (warning));
  gtk_window_destroy (plan);
}

/* Rating the happiness scale keeps the day's rating. */
static void
test_ui_happiness (CraftTestWindow *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GArray) ratings = NULL;
  CraftWorksheetView *view;
  GtkToggleButton *seven = NULL;

  craft_program_page_open_session (get_page (fixture), 1);
  view = find_worksheet (fixture, "happiness-scale");
  find_all (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, buttons);
  /* 9 areas of 11 steps; the last area is "overall". */
  g_assert_cmpuint (buttons->len, ==, 9 * 11);
  seven = buttons->pdata[8 * 11 + 7];
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (seven)), ==, "7");
  gtk_toggle_button_set_active (seven, TRUE);

  ratings = craft_store_list_happiness (craft_context_get_store (fixture->context), NULL);
  g_assert_cmpuint (ratings->len, ==, 1);
  g_assert_cmpstr (g_array_index (ratings, CraftHappinessRating, 0).day, ==, "2026-11-23");
  g_assert_cmpstr (g_array_index (ratings, CraftHappinessRating, 0).area, ==, "overall");
  g_assert_cmpint (g_array_index (ratings, CraftHappinessRating, 0).value, ==, 7);
}

/* Session 4's worksheet is the safety plan itself: what is written in one shows in the other. */
static void
test_ui_safety_plan_shared (CraftTestWindow *fixture,
                            gconstpointer    data)
{
  const char *place = "Hos grannen Åke, uppe på tredje våningen";
  CraftSafetyPage *safety;
  GtkTextView *view;
  g_autofree char *shown = NULL;

  craft_program_page_open_session (get_page (fixture), 4);
  gtk_text_buffer_set_text (first_text_buffer (find_worksheet (fixture, "safety-plan")), "", -1);
  /* The second long text of the plan is the safe place. */
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    find_all (GTK_WIDGET (find_worksheet (fixture, "safety-plan")), GTK_TYPE_TEXT_VIEW, views);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[1]), place, -1);
  }

  safety = craft_test_show_place (fixture->window, "safety");
  craft_test_spin (50);
  view = craft_test_template_child (safety, CRAFT_TYPE_SAFETY_PAGE, "safe_place_view");
  shown = buffer_text (gtk_text_view_get_buffer (view));
  g_assert_cmpstr (shown, ==, place);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  g_test_add_func ("/program/content/complete", test_content_complete);
  g_test_add_func ("/program/content/translated", test_content_translated);
  g_test_add_func ("/program/content/titles-read-alone", test_content_titles_read_alone);
  g_test_add_func ("/program/content/worksheets", test_content_worksheets);
  g_test_add_func ("/program/content/refuses-bad-input", test_content_refuses_bad_input);
  g_test_add_func ("/program/store/progress-round-trip", test_store_progress_round_trip);

  craft_test_add_window ("/program/ui/worksheet-survives-restart", "program",
                         test_ui_worksheet_survives_restart);
  craft_test_add_window ("/program/ui/mark-done", "program", test_ui_mark_done);
  craft_test_add_window ("/program/ui/titles-translated", "program", test_ui_titles_translated);
  craft_test_add_window ("/program/ui/plan", "program", test_ui_plan);
  craft_test_add_window ("/program/ui/happiness", "program", test_ui_happiness);
  craft_test_add_window ("/program/ui/safety-plan-shared", "program", test_ui_safety_plan_shared);

  return g_test_run ();
}

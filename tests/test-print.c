/* tests/test-print.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a session's answers, checked the way a person would: by reading the PDF's text,
 * in the language the test runs in.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>

#include "craft-test-util.h"
#include "program/craft-program.h"
#include "program/craft-session-print.h"
#include "app/craft-window.h"
#include "diary/craft-diary-page.h"
#include "review/craft-diary-print.h"
#include "review/craft-review-page.h"
#include "store/craft-store.h"

typedef struct
{
  char       *dir;
  CraftStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = craft_test_make_dir ("print");
  fixture->store = craft_store_open (fixture->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

static void
set_answer (Fixture    *fixture,
            const char *worksheet,
            const char *field,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  craft_store_set_answer (fixture->store, worksheet, field, value, &error);
  g_assert_no_error (error);
}

/* Prints @number in the test's language to a PDF in the fixture's folder. */
static char *
print_session (Fixture *fixture,
               int      number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftProgram) program = craft_program_new (NULL, &error);
  g_autofree char *name = g_strdup_printf ("session-%02d.pdf", number);
  char *pdf = g_build_filename (fixture->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (craft_session_print (NULL, program, craft_program_get_session (program, number),
                                      fixture->store, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  return pdf;
}

static void
assert_shows (const char *folded,
              const char *expected)
{
  g_autofree char *want = craft_test_fold_space (expected);

  if (strstr (folded, want) == NULL)
    g_error ("The printout does not show “%s”:\n%s", want, folded);
}

static guint
count_pages (const char *text)
{
  guint pages = 0;

  for (const char *p = text; *p != '\0'; p++)
    pages += *p == '\f';
  return pages;
}

static void
test_print_answers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *ticked = NULL;

  set_answer (fixture, "positive-request", "typical-argument",
              "Du kommer alltid hem för sent!\nJag orkar inte mer, säger jag.");
  set_answer (fixture, "positive-request", "rewritten",
              "Jag blir så glad när vi äter middag ihop på fredag.\n"
              "Kære, vil du køre mig? Blåbær og rødgrød.");
  set_answer (fixture, "positive-request", "checks", "brief,positive");
  set_answer (fixture, "positive-request", "rehearsed", "yes");
  craft_store_set_homework_done (fixture->store, 5, "one-positive-request", TRUE,
                                 g_get_real_time () / G_USEC_PER_SEC, &error);
  g_assert_no_error (error);

  pdf = print_session (fixture, 5);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  folded = craft_test_fold_space (text);

  /* The heading, in the language of the program. */
  assert_shows (folded, craft_test_expect ("Talking so you are heard",
                                           "Att prata så att du blir hörd",
                                           "At tale, så du bliver hørt"));
  assert_shows (folded, craft_test_expect ("My positive request", "Mitt positiva önskemål",
                                           "Mit positive ønske"));

  /* The answers as typed, line breaks kept. */
  g_assert_nonnull (strstr (text, "Du kommer alltid hem för sent!\n"));
  assert_shows (folded, "Jag orkar inte mer, säger jag.");
  assert_shows (folded, "Jag blir så glad när vi äter middag ihop på fredag.");
  assert_shows (folded, "Kære, vil du køre mig? Blåbær og rødgrød.");

  /* Ticked options and the chosen option by their labels, not their ids. */
  assert_shows (folded, craft_test_expect ("Is brief", "Är kort", "Er kort"));
  assert_shows (folded, craft_test_expect ("Is positive: says what I want",
                                           "Är positivt: säger vad jag vill",
                                           "Er positivt: siger, hvad jeg ønsker"));
  assert_shows (folded, craft_test_expect ("Have you practiced it out loud? Yes",
                                           "Har du övat på att säga det högt? Ja",
                                           "Har du øvet dig i at sige det højt? Ja"));
  g_assert_null (strstr (folded, craft_test_expect ("Is specific", "Är konkret", "Er konkret")));
  g_assert_null (strstr (folded, "brief,positive"));

  /* What is still open says so. */
  assert_shows (folded, craft_test_expect ("When I will say it", "När jag ska säga det",
                                           "Hvornår jeg vil sige det"));
  assert_shows (folded, g_dgettext (GETTEXT_PACKAGE, "Not filled in"));
  if (g_str_equal (craft_test_expect ("en", "sv", "da"), "en"))
    assert_shows (folded, "Not filled in");

  /* The ticked task is ticked, the other is open. */
  ticked = g_strconcat ("☑ ", craft_test_expect ("Plan one positive request in the worksheet.",
                                                 "Planera ett positivt önskemål i arbetsbladet.",
                                                 "Planlæg et positivt ønske i arbejdsarket."),
                        NULL);
  assert_shows (folded, ticked);
  assert_shows (folded, craft_test_expect ("☐ Write down how it went",
                                           "☐ Skriv ner hur det gick",
                                           "☐ Skriv ned, hvordan det gik"));
}

/* The safety plan's note to yourself promises to stay on this computer: printing session 4
 * prints the rest of the plan and says the note was left out, never the note itself. */
static void
test_print_private_note (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  set_answer (fixture, "safety-plan", "safe-place", "Hos Karin på Bergsgatan 4, nyckeln under krukan.");
  set_answer (fixture, "safety-plan", "private-note", "Kodordet är blåbärspaj.");

  pdf = print_session (fixture, 4);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  folded = craft_test_fold_space (text);

  assert_shows (folded, "Hos Karin på Bergsgatan 4, nyckeln under krukan.");
  assert_shows (folded, craft_test_expect ("A note to yourself", "En anteckning till dig själv",
                                           "Et notat til dig selv"));
  assert_shows (folded, craft_test_expect ("Not printed: this note stays on this computer",
                                           "Skrivs inte ut: anteckningen stannar på den här datorn",
                                           "Udskrives ikke: notatet bliver på denne computer"));
  g_assert_null (strstr (folded, "blåbärspaj"));
}

static void
test_print_long_answer (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) answer = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *after = NULL;

  for (guint i = 1; i <= 400; i++)
    g_string_append_printf (answer, "%sRad %03u av 400: så här gick det, på riktigt.",
                            i > 1 ? "\n" : "", i);
  set_answer (fixture, "positive-request", "typical-argument", answer->str);

  pdf = print_session (fixture, 5);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;

  g_assert_cmpuint (count_pages (text), >, 3);
  /* Every line once and in order: none is lost or repeated where a page breaks. */
  for (guint i = 1; i <= 400; i++)
    {
      g_autofree char *line = g_strdup_printf ("Rad %03u av 400: så här gick det, på riktigt.",
                                               i);
      const char *found = strstr (text, line);

      if (found == NULL)
        g_error ("Line %u of the long answer is missing", i);
      g_assert_null (strstr (found + 1, line));
      g_assert_true (after == NULL || found > after);
      after = found;
    }

  /* And what follows the long answer is still printed. */
  g_assert_nonnull (strstr (after, craft_test_expect ("The same wish as a positive request",
                                                      "Samma önskan som ett positivt önskemål",
                                                      "Det samme ønske, sagt på en positiv måde")));
  g_assert_nonnull (strstr (after, "☐"));
}

/* Session 10 shows the happiness scale by reference: each area with its newest rating. */
static void
test_print_happiness_and_rows (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *older = NULL;
  g_autofree char *row = NULL;
  gint64 row_id;

  craft_store_set_happiness (fixture->store, "2026-01-10", "money", 3, &error);
  g_assert_no_error (error);
  craft_store_set_happiness (fixture->store, "2026-02-14", "money", 8, &error);
  g_assert_no_error (error);

  row_id = craft_store_add_row (fixture->store, "my-support", "supporters", &error);
  g_assert_no_error (error);
  craft_store_set_row_value (fixture->store, row_id, "name", "Åsa Ørsted", &error);
  g_assert_no_error (error);
  craft_store_set_row_value (fixture->store, row_id, "how-they-help", "Lyssnar", &error);
  g_assert_no_error (error);
  /* A row left empty is not printed. */
  craft_store_add_row (fixture->store, "my-support", "supporters", &error);
  g_assert_no_error (error);

  pdf = print_session (fixture, 10);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  folded = craft_test_fold_space (text);

  newest = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%d of 10"), 8);
  older = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%d of 10"), 3);
  assert_shows (folded, craft_test_expect ("Happiness scale", "Lyckoskala", "Lykkeskala"));
  assert_shows (folded, craft_test_expect ("Money", "Ekonomi", "Økonomi"));
  assert_shows (folded, newest);
  g_assert_null (strstr (folded, older));

  row = g_strdup_printf ("1. %s: Åsa Ørsted", craft_test_expect ("Name", "Namn", "Navn"));
  assert_shows (folded, craft_test_expect ("People who support me", "Människor som stöttar mig",
                                           "Mennesker, der støtter mig"));
  assert_shows (folded, row);
  assert_shows (folded, "Lyssnar");
  g_assert_false (g_str_has_prefix (strstr (folded, "Lyssnar") + strlen ("Lyssnar "), "2."));
}

/* A diary entry at @day @time (local) with @what as "what happened"; more fields as
 * name, value pairs, NULL-terminated. */
static gint64
add_entry (Fixture    *fixture,
           const char *day,
           int         hour,
           const char *what,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  int year, month, mday;
  const char *field;
  gint64 id;
  va_list args;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &year, &month, &mday), ==, 3);
  when = g_date_time_new_local (year, month, mday, hour, 30, 0);
  id = craft_store_diary_create (fixture->store, g_date_time_to_unix (when), &error);
  g_assert_no_error (error);
  craft_store_diary_set (fixture->store, id, "what-happened", what, &error);
  g_assert_no_error (error);

  va_start (args, what);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      craft_store_diary_set (fixture->store, id, field, va_arg (args, const char *), &error);
      g_assert_no_error (error);
    }
  va_end (args);
  return id;
}

static char *
print_diary (Fixture    *fixture,
             GArray     *ids,
             const char *covers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 19, 30, 0);
  char *pdf = g_build_filename (fixture->dir, "diary.pdf", NULL);

  g_assert_true (craft_diary_print (NULL, fixture->store, ids, covers, now, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  return pdf;
}

/* "Label: value" as the printout shows it in the test's language. */
static char *
pair (const char *label,
      int         value)
{
  return g_strdup_printf ("%s: %d", label, value);
}

static void
test_print_diary_entries (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *count = NULL;
  g_autofree char *flagged = NULL;
  g_autofree char *stress = NULL;
  g_autofree char *day = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 id;

  id = add_entry (fixture, "2026-11-02", 18, "Han kom hem full efter jobbet.",
                  "place", "Köket", "stress", "8", "coping", "engaged", "coping-kind", "arguing",
                  "safe", "unsure", "feelings", "worried,angry", "flagged", "1", NULL);
  g_array_append_val (ids, id);
  id = add_entry (fixture, "2026-11-10", 21, "Vi talte roligt om weekenden. Blåbær og rødgrød.",
                  "stress", "3", "loved-one-state", "sober", "tags", "weekend", NULL);
  g_array_append_val (ids, id);
  id = add_entry (fixture, "2026-11-20", 7, "Frukost utan bråk, first time in weeks.",
                  "thoughts", "Maybe the positive request worked.", "coping", "withdrawn", NULL);
  g_array_append_val (ids, id);
  /* Neither an entry that was not chosen nor one in the Trash is printed. */
  add_entry (fixture, "2026-11-15", 12, "Not chosen: never on paper.", NULL);
  id = add_entry (fixture, "2026-11-16", 12, "In the Trash: never on paper.", NULL);
  craft_store_diary_delete (fixture->store, id, 1, &error);
  g_assert_no_error (error);
  g_array_append_val (ids, id);

  pdf = print_diary (fixture, ids, "3 chosen entries");
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  folded = craft_test_fold_space (text);

  assert_shows (folded, "Han kom hem full efter jobbet.");
  assert_shows (folded, "Vi talte roligt om weekenden. Blåbær og rødgrød.");
  assert_shows (folded, "Frukost utan bråk, first time in weeks.");
  assert_shows (folded, "Maybe the positive request worked.");
  g_assert_null (strstr (folded, "never on paper"));

  /* Oldest first, each with its day in the test's language and its labelled fields. */
  g_assert_true (strstr (folded, "Han kom hem") < strstr (folded, "Vi talte"));
  g_assert_true (strstr (folded, "Vi talte") < strstr (folded, "Frukost"));
  day = g_strdup_printf ("%s, 18:30", craft_test_expect ("Monday 2 November 2026",
                                                         "måndag 2 november 2026",
                                                         "mandag den 2. november 2026"));
  assert_shows (folded, day);
  assert_shows (folded, craft_test_expect ("What happened?", "Vad hände?", "Hvad skete der?"));
  assert_shows (folded, craft_test_expect ("Where were you? Köket", "Var befann du dig? Köket",
                                           "Hvor var du? Köket"));
  stress = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%d of 10"), 8);
  assert_shows (folded, stress);
  assert_shows (folded, craft_test_expect ("Engaged – Arguing", "Engagerad – Gräla",
                                           "Engageret – Skændes"));
  assert_shows (folded, craft_test_expect ("Worried, Angry", "Orolig, Arg", "Bekymret, Vred"));

  /* The summary page comes first, with the counts of these three entries alone. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 3);
  summary = craft_test_fold_space (pages[0]);
  g_assert_null (strstr (summary, "Han kom hem"));
  count = pair (craft_test_expect ("Diary entries", "Dagboksanteckningar", "Dagbogsnotater"), 3);
  assert_shows (summary, count);
  flagged = pair (craft_test_expect ("For your group leader", "Till din gruppledare",
                                     "Til din gruppeleder"), 1);
  assert_shows (summary, flagged);
  assert_shows (summary, craft_test_expect ("Stress over time", "Stress över tid",
                                            "Stress over tid"));
  assert_shows (summary, "3 chosen entries");
}

/* Nothing to print still gives a page that says so, not a blank one. */
static void
test_print_diary_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pdf = print_diary (fixture, ids, NULL);
  g_autofree char *text = craft_test_read_pdf_text (pdf);
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;
  folded = craft_test_fold_space (text);
  assert_shows (folded, craft_test_expect ("No diary entries in this period.",
                                           "Inga anteckningar i dagboken under den här perioden.",
                                           "Ingen notater i dagbogen i denne periode."));
}

static void
test_print_diary_period (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *count = NULL;

  add_entry (fixture, "2026-10-31", 23, "Before the period.", NULL);
  add_entry (fixture, "2026-11-01", 0, "First day of the period.", NULL);
  add_entry (fixture, "2026-11-23", 23, "Last day of the period.", NULL);
  add_entry (fixture, "2026-11-24", 0, "After the period.", NULL);

  ids = craft_diary_print_period_ids (fixture->store, "2026-11-01", "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  pdf = print_diary (fixture, ids, NULL);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  folded = craft_test_fold_space (text);

  assert_shows (folded, "First day of the period.");
  assert_shows (folded, "Last day of the period.");
  g_assert_null (strstr (folded, "Before the period."));
  g_assert_null (strstr (folded, "After the period."));
  count = pair (craft_test_expect ("Diary entries", "Dagboksanteckningar", "Dagbogsnotater"), 2);
  assert_shows (folded, count);
}

/* An entry too long for the rest of a page starts on the next one, and one longer than a
 * page goes on over the next, without losing a line. */
static void
test_print_diary_page_breaks (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 id;

  for (int i = 1; i <= 30; i++)
    g_string_append_printf (long_text, "Line %d of a long entry.\n", i);
  for (int i = 0; i < 4; i++)
    {
      id = add_entry (fixture, "2026-11-10", 8 + i, long_text->str, NULL);
      g_array_append_val (ids, id);
    }
  g_string_truncate (long_text, 0);
  for (int i = 1; i <= 120; i++)
    g_string_append_printf (long_text, "Very long %d.\n", i);
  id = add_entry (fixture, "2026-11-11", 8, long_text->str, NULL);
  g_array_append_val (ids, id);

  pdf = print_diary (fixture, ids, NULL);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  pages = g_strsplit (text, "\f", -1);

  /* No 30-line entry is split over two pages. */
  for (guint p = 1; pages[p] != NULL; p++)
    {
      const char *first = strstr (pages[p], "Line 1 of");
      const char *last = strstr (pages[p], "Line 30 of");

      g_assert_true ((first == NULL) == (last == NULL));
    }
  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *line = g_strdup_printf ("Very long %d.", i);

      g_assert_nonnull (strstr (text, line));
    }
}

/* In a real window */

static gint64
add_window_entry (CraftTestWindow *fixture,
                  const char      *day,
                  const char      *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  CraftStore *store = craft_context_get_store (fixture->context);
  int year, month, mday;
  gint64 id;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &year, &month, &mday), ==, 3);
  when = g_date_time_new_local (year, month, mday, 12, 0, 0);
  id = craft_store_diary_create (store, g_date_time_to_unix (when), &error);
  g_assert_no_error (error);
  craft_store_diary_set (store, id, "what-happened", what, &error);
  g_assert_no_error (error);
  return id;
}

/* The Review place prints the period it shows, and nothing outside it. */
static void
test_print_review_period (CraftTestWindow *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  CraftReviewPage *page;

  add_window_entry (fixture, "2026-10-01", "Long before the four weeks.");
  add_window_entry (fixture, "2026-11-02", "Inside the four weeks.");
  add_window_entry (fixture, "2026-11-23", "Today, still inside.");

  page = craft_test_show_place (fixture->window, "review");
  craft_review_page_set_period (page, CRAFT_REVIEW_PERIOD_FOUR_WEEKS);
  craft_test_spin (50);
  craft_review_page_print (page, pdf, &error);
  g_assert_no_error (error);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  folded = craft_test_fold_space (text);

  assert_shows (folded, "Inside the four weeks.");
  assert_shows (folded, "Today, still inside.");
  g_assert_null (strstr (folded, "Long before"));
  assert_shows (folded, craft_test_expect ("From Tuesday 27 October 2026 until today.",
                                           "Från tisdag 27 oktober 2026 till i dag.",
                                           "Fra tirsdag den 27. oktober 2026 til i dag."));

  /* Chosen dates print just those days. */
  craft_review_page_set_dates (page, "2026-10-01", "2026-10-01");
  craft_review_page_set_period (page, CRAFT_REVIEW_PERIOD_CHOSEN);
  craft_test_spin (50);
  craft_review_page_print (page, pdf, &error);
  g_assert_no_error (error);
  g_free (text);
  g_free (folded);
  text = craft_test_read_pdf_text (pdf);
  folded = craft_test_fold_space (text);
  assert_shows (folded, "Long before the four weeks.");
  g_assert_null (strstr (folded, "Inside the four weeks."));
}

/* In the Diary place: Select, tick two entries, print only those. */
static void
test_print_diary_selection (CraftTestWindow *fixture,
                            gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "selected.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *two = NULL;
  g_autofree char *four = NULL;
  CraftDiaryPage *page = craft_test_show_place (fixture->window, "diary");
  GtkToggleButton *select;
  gint64 first, third;

  first = add_window_entry (fixture, "2026-11-20", "Chosen one.");
  add_window_entry (fixture, "2026-11-21", "Not chosen.");
  third = add_window_entry (fixture, "2026-11-22", "Chosen two.");
  add_window_entry (fixture, "2026-11-23", "Not chosen either.");
  craft_diary_page_reload (page);
  craft_test_spin (50);

  select = craft_test_template_child (page, CRAFT_TYPE_DIARY_PAGE, "select_button");
  gtk_toggle_button_set_active (select, TRUE);
  craft_test_spin (20);
  gtk_widget_activate_action (GTK_WIDGET (page), "diary.set-selected", "(xb)", first, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "diary.set-selected", "(xb)", third, TRUE);
  craft_test_spin (20);
  two = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry selected",
                                      "%u entries selected", 2), 2);
  g_assert_nonnull (craft_test_find_label (fixture->window, two));
  g_assert_nonnull (craft_test_find_label (fixture->window,
                                           craft_test_expect ("2 entries selected",
                                                              "2 anteckningar valda",
                                                              "2 notater valgt")));

  craft_diary_page_print (page, pdf, &error);
  g_assert_no_error (error);
  if ((text = craft_test_read_pdf_text (pdf)) == NULL)
    return;
  folded = craft_test_fold_space (text);
  assert_shows (folded, "Chosen one.");
  assert_shows (folded, "Chosen two.");
  g_assert_null (strstr (folded, "Not chosen"));
  assert_shows (folded, craft_test_expect ("2 chosen entries", "2 valda anteckningar",
                                           "2 valgte notater"));

  /* In selection mode, clicking a row ticks it instead of opening it. */
  g_signal_emit_by_name (craft_test_template_child (page, CRAFT_TYPE_DIARY_PAGE, "list_view"),
                         "activate", 0);
  craft_test_spin (20);
  g_free (two);
  two = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry selected",
                                      "%u entries selected", 3), 3);
  g_assert_nonnull (craft_test_find_label (fixture->window, two));

  /* Ctrl+A ticks every entry shown; Escape leaves selection mode. */
  gtk_widget_activate_action (GTK_WIDGET (page), "diary.select-all", NULL);
  craft_test_spin (20);
  four = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry selected",
                                       "%u entries selected", 4), 4);
  g_assert_nonnull (craft_test_find_label (fixture->window, four));
  gtk_widget_activate_action (GTK_WIDGET (page), "diary.leave-selection", NULL);
  g_assert_false (gtk_toggle_button_get_active (select));

  /* Without a selection, Print takes the entries the list shows. */
  craft_diary_page_print (page, pdf, &error);
  g_assert_no_error (error);
  g_free (text);
  g_free (folded);
  text = craft_test_read_pdf_text (pdf);
  folded = craft_test_fold_space (text);
  assert_shows (folded, "Not chosen either.");
  assert_shows (folded, "Chosen one.");
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  g_test_add ("/print/session/answers", Fixture, NULL,
              fixture_set_up, test_print_answers, fixture_tear_down);
  g_test_add ("/print/session/private-note", Fixture, NULL,
              fixture_set_up, test_print_private_note, fixture_tear_down);
  g_test_add ("/print/session/long-answer", Fixture, NULL,
              fixture_set_up, test_print_long_answer, fixture_tear_down);
  g_test_add ("/print/session/happiness-and-rows", Fixture, NULL,
              fixture_set_up, test_print_happiness_and_rows, fixture_tear_down);

  g_test_add ("/print/diary/entries", Fixture, NULL,
              fixture_set_up, test_print_diary_entries, fixture_tear_down);
  g_test_add ("/print/diary/empty", Fixture, NULL,
              fixture_set_up, test_print_diary_empty, fixture_tear_down);
  g_test_add ("/print/diary/period", Fixture, NULL,
              fixture_set_up, test_print_diary_period, fixture_tear_down);
  g_test_add ("/print/diary/page-breaks", Fixture, NULL,
              fixture_set_up, test_print_diary_page_breaks, fixture_tear_down);

  craft_test_add_window ("/print/window/review-period", "review", test_print_review_period);
  craft_test_add_window ("/print/window/diary-selection", "diary", test_print_diary_selection);

  return g_test_run ();
}

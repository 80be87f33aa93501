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
#include <string.h>

#include "craft-test-util.h"
#include "program/craft-program.h"
#include "program/craft-session-print.h"
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

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  g_test_add ("/print/session/answers", Fixture, NULL,
              fixture_set_up, test_print_answers, fixture_tear_down);
  g_test_add ("/print/session/long-answer", Fixture, NULL,
              fixture_set_up, test_print_long_answer, fixture_tear_down);
  g_test_add ("/print/session/happiness-and-rows", Fixture, NULL,
              fixture_set_up, test_print_happiness_and_rows, fixture_tear_down);

  return g_test_run ();
}

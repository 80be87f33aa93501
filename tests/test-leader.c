/* tests/test-leader.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group leader's store and the agenda timer, without a display.
 */
#include "config.h"

#include <string.h>

#include "craft-test-util.h"
#include "leader/craft-agenda-timer.h"
#include "store/craft-store-leader.h"

static CraftStore *
open_store (void)
{
  g_autofree char *dir = craft_test_make_dir ("leader");
  g_autoptr(GError) error = NULL;
  CraftStore *store = craft_store_open (dir, &error);

  g_assert_no_error (error);
  return store;
}

/* Closes the store and opens its folder again, so a round trip goes through the file. */
static CraftStore *
reopen (CraftStore *store)
{
  g_autofree char *dir = g_strdup (craft_store_get_data_dir (store));
  g_autoptr(GError) error = NULL;
  CraftStore *fresh;

  g_object_unref (store);
  fresh = craft_store_open (dir, &error);
  g_assert_no_error (error);
  return fresh;
}

static void
test_store_round_trip (void)
{
  CraftStore *store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(CraftLeaderGroup) group = NULL;
  g_auto(CraftLeaderRun) run = { 0 };
  g_auto(CraftLeaderRun) kept = { 0 };
  g_autofree char *note = NULL;
  char days[CRAFT_LEADER_N_SESSIONS][11];
  gint64 id, anna, jorgen, used[] = { 600, 75, 0 };
  gboolean present = FALSE;

  id = craft_store_leader_create_group (store, "Tisdagsgruppen", "sv", "2026-11-24", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Twelve sessions, weekly from the start. */
  craft_store_leader_get_plan (store, id, days, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (days[0], ==, "2026-11-24");
  g_assert_cmpstr (days[1], ==, "2026-12-01");
  g_assert_cmpstr (days[11], ==, "2027-02-09");

  craft_store_leader_set_planned (store, id, 3, "2026-12-10", &error);
  g_assert_no_error (error);
  craft_store_leader_update_group (store, id, "Torsdagsgruppen", "da", "2026-11-26", &error);
  g_assert_no_error (error);

  anna = craft_store_leader_add_participant (store, id, "Anna", &error);
  g_assert_no_error (error);
  jorgen = craft_store_leader_add_participant (store, id, "J", &error);
  g_assert_no_error (error);
  craft_store_leader_rename_participant (store, jorgen, "Jørgen", &error);
  g_assert_no_error (error);
  g_assert_cmpint (craft_store_leader_add_participant (store, id, "  ", &error), ==, 0);
  g_assert_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED);
  g_clear_error (&error);

  craft_store_leader_set_present (store, anna, 3, TRUE, &error);
  g_assert_no_error (error);
  craft_store_leader_set_note (store, anna, 3, "Ville prata om jul", &error);
  g_assert_no_error (error);
  craft_store_leader_set_note (store, jorgen, 3, "Kom sent", &error);
  g_assert_no_error (error);

  run.current = 1;
  run.used = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (run.used, used, G_N_ELEMENTS (used));
  run.running_since = 1795458600;
  craft_store_leader_set_run (store, id, 3, &run, &error);
  g_assert_no_error (error);

  store = reopen (store);

  groups = craft_store_leader_list_groups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  group = craft_store_leader_get_group (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (group->name, ==, "Torsdagsgruppen");
  g_assert_cmpstr (group->language, ==, "da");
  g_assert_cmpstr (group->start_on, ==, "2026-11-26");

  craft_store_leader_get_plan (store, id, days, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (days[2], ==, "2026-12-10");

  people = craft_store_leader_list_participants (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (((CraftLeaderParticipant *) people->pdata[0])->name, ==, "Anna");
  g_assert_cmpstr (((CraftLeaderParticipant *) people->pdata[1])->name, ==, "Jørgen");

  craft_store_leader_get_attendance (store, anna, 3, &present, &note, &error);
  g_assert_no_error (error);
  g_assert_true (present);
  g_assert_cmpstr (note, ==, "Ville prata om jul");
  g_clear_pointer (&note, g_free);
  craft_store_leader_get_attendance (store, jorgen, 3, &present, &note, &error);
  g_assert_no_error (error);
  g_assert_false (present);
  g_assert_cmpstr (note, ==, "Kom sent");
  g_clear_pointer (&note, g_free);
  craft_store_leader_get_attendance (store, jorgen, 4, &present, &note, &error);
  g_assert_no_error (error);
  g_assert_false (present);
  g_assert_cmpstr (note, ==, "");

  craft_store_leader_get_run (store, id, 3, &kept, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept.current, ==, 1);
  g_assert_cmpint (kept.running_since, ==, 1795458600);
  g_assert_cmpuint (kept.used->len, ==, 3);
  g_assert_cmpint (g_array_index (kept.used, gint64, 1), ==, 75);

  /* Removing a participant takes their attendance and notes along. */
  craft_store_leader_remove_participant (store, jorgen, &error);
  g_assert_no_error (error);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = craft_store_leader_list_participants (store, id, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_clear_pointer (&note, g_free);
  craft_store_leader_get_attendance (store, jorgen, 3, &present, &note, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (note, ==, "");
  /* A note that was still waiting to be saved is dropped, not an error. */
  g_assert_true (craft_store_leader_set_note (store, jorgen, 3, "Sent", &error));
  g_assert_no_error (error);
  g_clear_pointer (&note, g_free);
  craft_store_leader_get_attendance (store, jorgen, 3, &present, &note, &error);
  g_assert_cmpstr (note, ==, "");

  g_object_unref (store);
}

static void
test_store_delete_group (void)
{
  CraftStore *store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) entry = NULL;
  g_autofree char *note = NULL;
  g_autofree char *answer = NULL;
  char days[CRAFT_LEADER_N_SESSIONS][11];
  gint64 gone, kept, gone_person, kept_person, diary;
  gboolean present = FALSE;

  /* A leader who is also a relative: the diary and a worksheet answer live beside the groups. */
  diary = craft_store_diary_create (store, 1795458600, &error);
  g_assert_no_error (error);
  craft_store_diary_set (store, diary, "what-happened", "Han kom hem full", &error);
  g_assert_no_error (error);
  craft_store_set_answer (store, "safety-plan", "safe-place", "Hos Åsa", &error);
  g_assert_no_error (error);

  gone = craft_store_leader_create_group (store, "Måndag", "sv", "2026-11-23", &error);
  kept = craft_store_leader_create_group (store, "Onsdag", "da", "2026-11-25", &error);
  g_assert_no_error (error);
  gone_person = craft_store_leader_add_participant (store, gone, "Lisa", &error);
  kept_person = craft_store_leader_add_participant (store, kept, "Mette", &error);
  g_assert_no_error (error);
  craft_store_leader_set_present (store, gone_person, 1, TRUE, &error);
  craft_store_leader_set_note (store, gone_person, 1, "Lisas anteckning", &error);
  craft_store_leader_set_present (store, kept_person, 1, TRUE, &error);
  craft_store_leader_set_note (store, kept_person, 1, "Mettes note", &error);
  g_assert_no_error (error);

  craft_store_leader_delete_group (store, gone, &error);
  g_assert_no_error (error);
  store = reopen (store);

  groups = craft_store_leader_list_groups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (((CraftLeaderGroup *) groups->pdata[0])->name, ==, "Onsdag");
  g_assert_null (craft_store_leader_get_group (store, gone, &error));
  g_clear_error (&error);

  /* Nothing of the deleted group is left behind. */
  people = craft_store_leader_list_participants (store, gone, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
  craft_store_leader_get_attendance (store, gone_person, 1, &present, &note, &error);
  g_assert_no_error (error);
  g_assert_false (present);
  g_assert_cmpstr (note, ==, "");
  craft_store_leader_get_plan (store, gone, days, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (days[0], ==, "");

  /* The other group is whole. */
  g_clear_pointer (&people, g_ptr_array_unref);
  people = craft_store_leader_list_participants (store, kept, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_clear_pointer (&note, g_free);
  craft_store_leader_get_attendance (store, kept_person, 1, &present, &note, &error);
  g_assert_no_error (error);
  g_assert_true (present);
  g_assert_cmpstr (note, ==, "Mettes note");
  craft_store_leader_get_plan (store, kept, days, &error);
  g_assert_cmpstr (days[0], ==, "2026-11-25");

  /* And so are the diary and the worksheets. */
  entry = craft_store_diary_get (store, diary, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (entry, "what-happened"), ==, "Han kom hem full");
  answer = craft_store_get_answer (store, "safety-plan", "safe-place", &error);
  g_assert_cmpstr (answer, ==, "Hos Åsa");

  g_object_unref (store);
}

static void
test_store_csv (void)
{
  g_autoptr(CraftStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 id, person;

  id = craft_store_leader_create_group (store, "Grupp, tisdag", "sv", "2026-11-24", &error);
  person = craft_store_leader_add_participant (store, id, "Åsa", &error);
  g_assert_no_error (error);
  craft_store_leader_set_present (store, person, 2, TRUE, &error);
  craft_store_leader_set_note (store, person, 2, "Sa \"tack\"\nför kaffet", &error);
  craft_store_leader_add_participant (store, id, "=SUM(A1)", &error);
  g_assert_no_error (error);

  csv = craft_store_leader_export_csv (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  /* A header, 12 sessions × 2 participants, and the final line break. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 24 + 1);
  g_assert_cmpstr (lines[0], ==, "Group,Group session,Date,Participant,Present,Note");
  g_assert_cmpstr (lines[1], ==, "\"Grupp, tisdag\",1,2026-11-24,Åsa,no,");
  g_assert_cmpstr (lines[2], ==, "\"Grupp, tisdag\",1,2026-11-24,\"'=SUM(A1)\",no,");
  g_assert_cmpstr (lines[3], ==, "\"Grupp, tisdag\",2,2026-12-01,Åsa,yes,\"Sa \"\"tack\"\"\nför kaffet\"");
  g_assert_cmpstr (lines[25], ==, "");
}

/* A fake clock the timer tests move by hand. */
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static CraftAgendaTimer *
new_timer (void)
{
  static const guint minutes[] = { 10, 15, 20 };

  return craft_agenda_timer_new (minutes, G_N_ELEMENTS (minutes), fake_clock, NULL);
}

static void
test_timer_running_and_pausing (void)
{
  g_autoptr(CraftAgendaTimer) timer = new_timer ();

  fake_now = 1795458600;
  g_assert_cmpuint (craft_agenda_timer_get_n_parts (timer), ==, 3);
  g_assert_cmpint (craft_agenda_timer_get_total_planned (timer), ==, 45 * 60);
  g_assert_false (craft_agenda_timer_get_running (timer));

  /* Paused, time goes by without counting. */
  fake_now += 100;
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 0), ==, 0);

  craft_agenda_timer_toggle (timer);
  g_assert_true (craft_agenda_timer_get_running (timer));
  fake_now += 90;
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 0), ==, 90);
  g_assert_cmpint (craft_agenda_timer_get_remaining (timer, 0), ==, 600 - 90);

  craft_agenda_timer_toggle (timer);
  g_assert_false (craft_agenda_timer_get_running (timer));
  fake_now += 500;
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 0), ==, 90);
  g_assert_cmpint (craft_agenda_timer_get_total_used (timer), ==, 90);

  craft_agenda_timer_start (timer);
  fake_now += 10;
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 0), ==, 100);
}

static void
test_timer_overrun (void)
{
  g_autoptr(CraftAgendaTimer) timer = new_timer ();
  g_autofree char *over = NULL;
  g_autofree char *left = NULL;

  fake_now = 1795458600;
  craft_agenda_timer_start (timer);
  fake_now += 10 * 60;
  g_assert_false (craft_agenda_timer_is_overrun (timer, 0));
  fake_now += 65;
  g_assert_true (craft_agenda_timer_is_overrun (timer, 0));
  g_assert_cmpint (craft_agenda_timer_get_remaining (timer, 0), ==, -65);
  over = craft_agenda_timer_format (craft_agenda_timer_get_remaining (timer, 0));
  g_assert_cmpstr (over, ==, "−1:05");
  left = craft_agenda_timer_format (craft_agenda_timer_get_remaining (timer, 1));
  g_assert_cmpstr (left, ==, "15:00");
  g_assert_false (craft_agenda_timer_is_overrun (timer, 1));
}

static void
test_timer_moving (void)
{
  g_autoptr(CraftAgendaTimer) timer = new_timer ();

  fake_now = 1795458600;
  craft_agenda_timer_start (timer);
  fake_now += 60;
  g_assert_true (craft_agenda_timer_next (timer));
  g_assert_cmpuint (craft_agenda_timer_get_current (timer), ==, 1);
  fake_now += 30;
  /* The minute stays with the first part; the new part counts from the move. */
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 0), ==, 60);
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 1), ==, 30);
  g_assert_true (craft_agenda_timer_next (timer));
  g_assert_false (craft_agenda_timer_next (timer));
  g_assert_cmpuint (craft_agenda_timer_get_current (timer), ==, 2);
  fake_now += 5;
  g_assert_true (craft_agenda_timer_previous (timer));
  g_assert_true (craft_agenda_timer_previous (timer));
  g_assert_false (craft_agenda_timer_previous (timer));
  fake_now += 20;
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 0), ==, 80);
  g_assert_cmpint (craft_agenda_timer_get_used (timer, 2), ==, 5);
  g_assert_cmpint (craft_agenda_timer_get_total_used (timer), ==, 60 + 30 + 5 + 20);
  g_assert_true (craft_agenda_timer_get_running (timer));
}

static void
test_timer_resume (void)
{
  g_autoptr(CraftStore) store = open_store ();
  g_autoptr(CraftAgendaTimer) timer = new_timer ();
  g_autoptr(CraftAgendaTimer) paused_timer = new_timer ();
  g_autoptr(CraftAgendaTimer) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CraftLeaderRun) run = { 0 };
  g_auto(CraftLeaderRun) kept = { 0 };
  gint64 group;

  group = craft_store_leader_create_group (store, "Kvällsgruppen", "sv", "2026-11-23", &error);
  g_assert_no_error (error);

  fake_now = 1795458600;
  craft_agenda_timer_start (timer);
  fake_now += 120;
  craft_agenda_timer_next (timer);
  fake_now += 45;
  craft_agenda_timer_save (timer, &run);
  craft_store_leader_set_run (store, group, 5, &run, &error);
  g_assert_no_error (error);
  g_clear_object (&timer);

  /* Closed while running: reopened ten seconds later, the current part kept counting. */
  fake_now += 10;
  craft_store_leader_get_run (store, group, 5, &kept, &error);
  g_assert_no_error (error);
  again = new_timer ();
  craft_agenda_timer_restore (again, &kept);
  g_assert_cmpuint (craft_agenda_timer_get_current (again), ==, 1);
  g_assert_true (craft_agenda_timer_get_running (again));
  g_assert_cmpint (craft_agenda_timer_get_used (again, 0), ==, 120);
  g_assert_cmpint (craft_agenda_timer_get_used (again, 1), ==, 55);

  /* Closed while paused: nothing counts while it was closed. */
  craft_agenda_timer_pause (again);
  craft_leader_run_clear (&run);
  craft_agenda_timer_save (again, &run);
  craft_store_leader_set_run (store, group, 5, &run, &error);
  g_assert_no_error (error);
  fake_now += 3600;
  craft_leader_run_clear (&kept);
  craft_store_leader_get_run (store, group, 5, &kept, &error);
  craft_agenda_timer_restore (paused_timer, &kept);
  g_assert_false (craft_agenda_timer_get_running (paused_timer));
  g_assert_cmpuint (craft_agenda_timer_get_current (paused_timer), ==, 1);
  g_assert_cmpint (craft_agenda_timer_get_total_used (paused_timer), ==, 175);
}

/* A window that was never closed (a crash) left its clock kept running. Back within ten
 * minutes, the session went on in the room and so does the clock; back the next day, the
 * clock stops where it was last kept instead of counting the night. */
static void
test_timer_resume_after_crash (void)
{
  g_autoptr(CraftAgendaTimer) timer = new_timer ();
  g_autoptr(CraftAgendaTimer) soon = new_timer ();
  g_autoptr(CraftAgendaTimer) next_day = new_timer ();
  g_auto(CraftLeaderRun) run = { 0 };

  fake_now = 1795458600;
  craft_agenda_timer_start (timer);
  fake_now += 300;
  /* What the session window keeps every CRAFT_AGENDA_TIMER_KEEP_SECONDS while it runs. */
  craft_agenda_timer_save (timer, &run);
  g_assert_cmpint (run.running_since, ==, fake_now);
  g_clear_object (&timer);

  fake_now += 240;
  g_assert_false (craft_agenda_timer_restore (soon, &run));
  g_assert_true (craft_agenda_timer_get_running (soon));
  g_assert_cmpint (craft_agenda_timer_get_used (soon, 0), ==, 300 + 240);

  fake_now += 24 * 3600;
  g_assert_true (craft_agenda_timer_restore (next_day, &run));
  g_assert_false (craft_agenda_timer_get_running (next_day));
  g_assert_cmpint (craft_agenda_timer_get_used (next_day, 0), ==, 300);
  g_assert_cmpint (craft_agenda_timer_get_running_since (next_day), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/leader/store/round-trip", test_store_round_trip);
  g_test_add_func ("/leader/store/delete-group", test_store_delete_group);
  g_test_add_func ("/leader/store/csv", test_store_csv);
  g_test_add_func ("/leader/timer/running-and-pausing", test_timer_running_and_pausing);
  g_test_add_func ("/leader/timer/overrun", test_timer_overrun);
  g_test_add_func ("/leader/timer/moving", test_timer_moving);
  g_test_add_func ("/leader/timer/resume", test_timer_resume);
  g_test_add_func ("/leader/timer/resume-after-crash", test_timer_resume_after_crash);

  return g_test_run ();
}

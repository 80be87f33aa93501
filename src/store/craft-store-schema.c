/* src/store/craft-store-schema.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema, one migration per version. A released migration is never edited: add a new
 * one and raise CRAFT_STORE_SCHEMA_VERSION. The SQL stays within SQLite 3.15 (SQLCipher 3.4):
 * no UPSERT, RETURNING, window functions, STRICT tables or generated columns.
 */
#include "config.h"

#include "craft-store-private.h"

/* The diary columns the full-text index covers, and the rows its triggers copy. */
#define DIARY_SEARCH_COLUMNS CRAFT_DIARY_SEARCH_COLUMNS
#define DIARY_NEW_VALUES \
  "new.place, new.people, new.what_happened, new.trigger_text, new.thoughts, new.feelings_other, " \
  "new.what_i_did, new.outcome_me, new.outcome_them, new.support, new.try_next_other, new.tags"
#define DIARY_OLD_VALUES \
  "old.place, old.people, old.what_happened, old.trigger_text, old.thoughts, old.feelings_other, " \
  "old.what_i_did, old.outcome_me, old.outcome_them, old.support, old.try_next_other, old.tags"

/* The Review place's summaries (version 6). A new entry is added to its day's row; a day's
 * row is worked out again from that day's entries (read from the covering index
 * diary_entry_review) whenever one of them is changed in a column the Review counts,
 * trashed, restored or deleted, so it is always exactly what counting the entries would
 * give, lowest and highest stress included. GROUP BY leaves no row for a day without
 * entries. (Adding rather than working out again keeps an import of many entries on one
 * day from reading that day over and over.) */
/* What review_day and review_week count: entries, those flagged, stress (how many rated,
 * their sum, lowest and highest), the ways of coping, the loved one's states and the
 * answers to feeling safe, each choice the diary offers ('' for none) a column. */
#define REVIEW_COUNT_COLUMNS \
  "  entries          INTEGER NOT NULL," \
  "  flagged          INTEGER NOT NULL," \
  "  stress_n         INTEGER NOT NULL," \
  "  stress_sum       INTEGER NOT NULL," \
  "  stress_min       INTEGER," \
  "  stress_max       INTEGER," \
  "  engaged          INTEGER NOT NULL," \
  "  tolerant         INTEGER NOT NULL," \
  "  withdrawn        INTEGER NOT NULL," \
  "  state_sober      INTEGER NOT NULL," \
  "  state_using      INTEGER NOT NULL," \
  "  state_influenced INTEGER NOT NULL," \
  "  state_hungover   INTEGER NOT NULL," \
  "  state_unknown    INTEGER NOT NULL," \
  "  state_none       INTEGER NOT NULL," \
  "  safe_yes         INTEGER NOT NULL," \
  "  safe_no          INTEGER NOT NULL," \
  "  safe_unsure      INTEGER NOT NULL," \
  "  safe_none        INTEGER NOT NULL"
#define REVIEW_DAY_COLUMNS \
  "day, week, entries, flagged, stress_n, stress_sum, stress_min, stress_max, engaged, " \
  "tolerant, withdrawn, state_sober, state_using, state_influenced, state_hungover, " \
  "state_unknown, state_none, safe_yes, safe_no, safe_unsure, safe_none"
/* The Monday of a day's ISO week, as craft-store-review.c works it out. */
#define REVIEW_WEEK_OF(DAY) "IFNULL(date(" DAY ", '-6 days', 'weekday 1'), '')"
#define REVIEW_DAY_SELECT \
  "SELECT e.day, " REVIEW_WEEK_OF ("e.day") ", COUNT(*), SUM(e.flagged != 0)," \
  " COUNT(e.stress), IFNULL(SUM(e.stress), 0), MIN(e.stress), MAX(e.stress)," \
  " SUM(e.coping = 'engaged'), SUM(e.coping = 'tolerant'), SUM(e.coping = 'withdrawn')," \
  " SUM(e.loved_one_state = 'sober'), SUM(e.loved_one_state = 'using')," \
  " SUM(e.loved_one_state = 'influenced'), SUM(e.loved_one_state = 'hungover')," \
  " SUM(e.loved_one_state = 'unknown'), SUM(e.loved_one_state = '')," \
  " SUM(e.safe = 'yes'), SUM(e.safe = 'no'), SUM(e.safe = 'unsure'), SUM(e.safe = '')" \
  " FROM diary_entry e WHERE e.deleted_at IS NULL"
#define REVIEW_DAY_REBUILD(DAY) \
  "DELETE FROM review_day WHERE week = " REVIEW_WEEK_OF (DAY) " AND day = " DAY ";" \
  "INSERT INTO review_day (" REVIEW_DAY_COLUMNS ") " REVIEW_DAY_SELECT \
  " AND e.day = " DAY " GROUP BY e.day;"
/* A week's row adds up its days (at most seven rows of review_day) again whenever one of
 * them changes: the Review for the whole diary reads weeks, a seventh of the days. */
#define REVIEW_WEEK_COLUMNS \
  "week, entries, flagged, stress_n, stress_sum, stress_min, stress_max, engaged, " \
  "tolerant, withdrawn, state_sober, state_using, state_influenced, state_hungover, " \
  "state_unknown, state_none, safe_yes, safe_no, safe_unsure, safe_none"
#define REVIEW_WEEK_SELECT \
  "SELECT week, SUM(entries), SUM(flagged), SUM(stress_n), SUM(stress_sum)," \
  " MIN(stress_min), MAX(stress_max), SUM(engaged), SUM(tolerant), SUM(withdrawn)," \
  " SUM(state_sober), SUM(state_using), SUM(state_influenced), SUM(state_hungover)," \
  " SUM(state_unknown), SUM(state_none), SUM(safe_yes), SUM(safe_no), SUM(safe_unsure)," \
  " SUM(safe_none) FROM review_day"
#define REVIEW_WEEK_REBUILD(WEEK) \
  "DELETE FROM review_week WHERE week = " WEEK ";" \
  "INSERT INTO review_week (" REVIEW_WEEK_COLUMNS ") " REVIEW_WEEK_SELECT \
  " WHERE week = " WEEK " GROUP BY week;"

/* Adds entry ROW to the counts of a review_day or review_week row. */
#define REVIEW_ADD_ENTRY(ROW) \
  " SET entries = entries + 1, flagged = flagged + (" ROW ".flagged != 0)," \
  " stress_n = stress_n + (" ROW ".stress IS NOT NULL)," \
  " stress_sum = stress_sum + IFNULL(" ROW ".stress, 0)," \
  " stress_min = IFNULL(MIN(stress_min, " ROW ".stress), IFNULL(stress_min, " ROW ".stress))," \
  " stress_max = IFNULL(MAX(stress_max, " ROW ".stress), IFNULL(stress_max, " ROW ".stress))," \
  " engaged = engaged + (" ROW ".coping = 'engaged')," \
  " tolerant = tolerant + (" ROW ".coping = 'tolerant')," \
  " withdrawn = withdrawn + (" ROW ".coping = 'withdrawn')," \
  " state_sober = state_sober + (" ROW ".loved_one_state = 'sober')," \
  " state_using = state_using + (" ROW ".loved_one_state = 'using')," \
  " state_influenced = state_influenced + (" ROW ".loved_one_state = 'influenced')," \
  " state_hungover = state_hungover + (" ROW ".loved_one_state = 'hungover')," \
  " state_unknown = state_unknown + (" ROW ".loved_one_state = 'unknown')," \
  " state_none = state_none + (" ROW ".loved_one_state = '')," \
  " safe_yes = safe_yes + (" ROW ".safe = 'yes'), safe_no = safe_no + (" ROW ".safe = 'no')," \
  " safe_unsure = safe_unsure + (" ROW ".safe = 'unsure')," \
  " safe_none = safe_none + (" ROW ".safe = '')"
/* A new entry: its day's row is made (empty) if need be, which also makes its week's row
 * (review_week_ai), and then both count it. Updating a day's row does not touch its week:
 * the week is updated alongside. */
#define REVIEW_DAY_ADD(ROW) \
  "INSERT OR IGNORE INTO review_day (" REVIEW_DAY_COLUMNS ") VALUES (" ROW ".day, " \
  REVIEW_WEEK_OF (ROW ".day") ", 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);" \
  "UPDATE review_day" REVIEW_ADD_ENTRY (ROW) \
  " WHERE week = " REVIEW_WEEK_OF (ROW ".day") " AND day = " ROW ".day;" \
  "UPDATE review_week" REVIEW_ADD_ENTRY (ROW) " WHERE week = " REVIEW_WEEK_OF (ROW ".day") ";"

/* The columns whose change can change a day's row. */
#define REVIEW_DAY_WATCHED "day, deleted_at, stress, coping, loved_one_state, safe, flagged"
#define REVIEW_DAY_CHANGED \
  "old.day IS NOT new.day OR old.deleted_at IS NOT new.deleted_at" \
  " OR old.stress IS NOT new.stress OR old.coping IS NOT new.coping" \
  " OR old.loved_one_state IS NOT new.loved_one_state OR old.safe IS NOT new.safe" \
  " OR old.flagged IS NOT new.flagged"

/* Whole-diary counts of tags and of triggers (as written; folding happens when counted),
 * for entries not in the Trash: the Review for all time reads these few rows instead of
 * every entry. A trigger counts when it is more than space, as in craft-store-review.c. */
#define REVIEW_COUNTS(ROW) \
  "(" ROW ".deleted_at IS NULL AND trim(" ROW ".trigger_text, ' ' || char(9, 10, 13)) != '')"
#define REVIEW_TRIGGER_ADD(ROW) \
  "INSERT OR IGNORE INTO review_trigger (text, n) SELECT " ROW ".trigger_text, 0" \
  " WHERE " REVIEW_COUNTS (ROW) ";" \
  "UPDATE review_trigger SET n = n + 1 WHERE text = " ROW ".trigger_text" \
  " AND " REVIEW_COUNTS (ROW) ";"
#define REVIEW_TRIGGER_REMOVE(ROW) \
  "UPDATE review_trigger SET n = n - 1 WHERE text = " ROW ".trigger_text" \
  " AND " REVIEW_COUNTS (ROW) ";" \
  "DELETE FROM review_trigger WHERE text = " ROW ".trigger_text AND n <= 0;"
/* An entry's tags, when it leaves or comes back from the Trash or is deleted. (A deleted
 * entry's tags go by ON DELETE CASCADE after the entry, when the trigger on diary_tag no
 * longer finds it, so they are taken off here, before.) */
#define REVIEW_TAGS_ADD(ID) \
  "INSERT OR IGNORE INTO review_tag (tag, n) SELECT tag, 0 FROM diary_tag" \
  " WHERE entry_id = " ID " AND tag != '';" \
  "UPDATE review_tag SET n = n + 1" \
  " WHERE tag IN (SELECT tag FROM diary_tag WHERE entry_id = " ID ");"
#define REVIEW_TAGS_REMOVE(ID) \
  "UPDATE review_tag SET n = n - 1" \
  " WHERE tag IN (SELECT tag FROM diary_tag WHERE entry_id = " ID ");" \
  "DELETE FROM review_tag WHERE n <= 0" \
  " AND tag IN (SELECT tag FROM diary_tag WHERE entry_id = " ID ");"
#define REVIEW_TAG_ENTRY_SHOWN(ROW) \
  ROW ".tag != '' AND EXISTS (SELECT 1 FROM diary_entry" \
  " WHERE id = " ROW ".entry_id AND deleted_at IS NULL)"

static const CraftMigration migrations[] = {
  {
    1,
    /* Worksheet answers. The safety plan is the worksheet "safety-plan", so the Safety plan
     * place and session 4 show the same saved answers. */
    "CREATE TABLE worksheet_answer ("
    "  worksheet  TEXT NOT NULL,"
    "  field      TEXT NOT NULL,"
    "  value      TEXT NOT NULL,"
    "  updated_at INTEGER NOT NULL,"
    "  PRIMARY KEY (worksheet, field)"
    ");"
    /* Repeating rows (people to call, a reward menu...). deleted_at hides a row while its
     * removal can still be undone. */
    "CREATE TABLE worksheet_row ("
    "  id         INTEGER PRIMARY KEY,"
    "  worksheet  TEXT NOT NULL,"
    "  list       TEXT NOT NULL,"
    "  position   INTEGER NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  deleted_at INTEGER"
    ");"
    "CREATE INDEX worksheet_row_by_list ON worksheet_row (worksheet, list, position);"
    "CREATE TABLE worksheet_row_value ("
    "  row_id INTEGER NOT NULL REFERENCES worksheet_row (id) ON DELETE CASCADE,"
    "  field  TEXT NOT NULL,"
    "  value  TEXT NOT NULL,"
    "  PRIMARY KEY (row_id, field)"
    ");"
  },
  {
    2,
    /* Small settings that belong with the data, such as the program's start date. */
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ");"
    /* Where the person stands in each of the 12 sessions. Dates are local calendar days
     * (YYYY-MM-DD); moments are Unix seconds. */
    "CREATE TABLE program_session ("
    "  number     INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 12),"
    "  planned_on TEXT,"
    "  started_at INTEGER,"
    "  done_at    INTEGER"
    ");"
    "CREATE TABLE homework ("
    "  session INTEGER NOT NULL,"
    "  task    TEXT NOT NULL,"
    "  done_at INTEGER NOT NULL,"
    "  PRIMARY KEY (session, task)"
    ");"
    /* The happiness scale: one rating per life area per day, kept for every day rated. */
    "CREATE TABLE happiness_rating ("
    "  day   TEXT NOT NULL,"
    "  area  TEXT NOT NULL,"
    "  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),"
    "  PRIMARY KEY (day, area)"
    ");"
  },
  {
    3,
    /* The diary of critical situations. Text that is not filled in is ''; 0-10 ratings that
     * are not given are NULL. uuid identifies an entry across exports and imports. */
    "CREATE TABLE diary_entry ("
    "  id               INTEGER PRIMARY KEY,"
    "  uuid             TEXT NOT NULL UNIQUE,"
    "  happened_at      INTEGER NOT NULL,"
    "  day              TEXT NOT NULL,"
    "  created_at       INTEGER NOT NULL,"
    "  updated_at       INTEGER NOT NULL,"
    "  deleted_at       INTEGER,"
    "  place            TEXT NOT NULL DEFAULT '',"
    "  people           TEXT NOT NULL DEFAULT '',"
    "  what_happened    TEXT NOT NULL DEFAULT '',"
    "  trigger_text     TEXT NOT NULL DEFAULT '',"
    "  loved_one_state  TEXT NOT NULL DEFAULT '',"
    "  thoughts         TEXT NOT NULL DEFAULT '',"
    "  feelings         TEXT NOT NULL DEFAULT '',"
    "  feelings_other   TEXT NOT NULL DEFAULT '',"
    "  feeling_strength INTEGER CHECK (feeling_strength BETWEEN 0 AND 10),"
    "  stress           INTEGER CHECK (stress BETWEEN 0 AND 10),"
    "  what_i_did       TEXT NOT NULL DEFAULT '',"
    "  coping           TEXT NOT NULL DEFAULT '',"
    "  coping_kind      TEXT NOT NULL DEFAULT '',"
    "  outcome_me       TEXT NOT NULL DEFAULT '',"
    "  outcome_them     TEXT NOT NULL DEFAULT '',"
    "  safe             TEXT NOT NULL DEFAULT '',"
    "  support          TEXT NOT NULL DEFAULT '',"
    "  try_next         TEXT NOT NULL DEFAULT '',"
    "  try_next_other   TEXT NOT NULL DEFAULT '',"
    "  tags             TEXT NOT NULL DEFAULT '',"
    "  flagged          INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX diary_entry_by_time ON diary_entry (happened_at);"
    "CREATE INDEX diary_entry_by_day ON diary_entry (day);"
    "CREATE TABLE diary_tag ("
    "  entry_id INTEGER NOT NULL REFERENCES diary_entry (id) ON DELETE CASCADE,"
    "  tag      TEXT NOT NULL,"
    "  PRIMARY KEY (entry_id, tag)"
    ");"
    "CREATE INDEX diary_tag_by_tag ON diary_tag (tag);"
    /* Full-text search over every text field, kept in step by triggers. */
    "CREATE VIRTUAL TABLE diary_search USING " CRAFT_FTS_MODULE " ("
    "  " DIARY_SEARCH_COLUMNS ","
    "  content='diary_entry', content_rowid='id',"
    "  tokenize='" CRAFT_FTS_TOKENIZE "'"
    ");"
    "CREATE TRIGGER diary_entry_ai AFTER INSERT ON diary_entry BEGIN"
    "  INSERT INTO diary_search (rowid, " DIARY_SEARCH_COLUMNS ")"
    "  VALUES (new.id, " DIARY_NEW_VALUES ");"
    "END;"
    "CREATE TRIGGER diary_entry_ad AFTER DELETE ON diary_entry BEGIN"
    "  INSERT INTO diary_search (diary_search, rowid, " DIARY_SEARCH_COLUMNS ")"
    "  VALUES ('delete', old.id, " DIARY_OLD_VALUES ");"
    "END;"
    "CREATE TRIGGER diary_entry_au AFTER UPDATE OF " DIARY_SEARCH_COLUMNS " ON diary_entry BEGIN"
    "  INSERT INTO diary_search (diary_search, rowid, " DIARY_SEARCH_COLUMNS ")"
    "  VALUES ('delete', old.id, " DIARY_OLD_VALUES ");"
    "  INSERT INTO diary_search (rowid, " DIARY_SEARCH_COLUMNS ")"
    "  VALUES (new.id, " DIARY_NEW_VALUES ");"
    "END;"
  },
  {
    4,
    /* A group leader's groups. Nothing here refers to the diary; deleting a group takes
     * its plan, participants, attendance, notes and run state with it, and nothing else. */
    "CREATE TABLE leader_group ("
    "  id         INTEGER PRIMARY KEY,"
    "  name       TEXT NOT NULL,"
    "  language   TEXT NOT NULL CHECK (language IN ('en', 'sv', 'da')),"
    "  start_on   TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL"
    ");"
    /* The 12 planned sessions, and where a running one stands: the current agenda part,
     * seconds used per part ("60,0,…") and since when the clock runs (NULL: paused). */
    "CREATE TABLE leader_session ("
    "  group_id      INTEGER NOT NULL REFERENCES leader_group (id) ON DELETE CASCADE,"
    "  number        INTEGER NOT NULL CHECK (number BETWEEN 1 AND 12),"
    "  planned_on    TEXT NOT NULL DEFAULT '',"
    "  current_part  INTEGER NOT NULL DEFAULT 0,"
    "  used          TEXT NOT NULL DEFAULT '',"
    "  running_since INTEGER,"
    "  PRIMARY KEY (group_id, number)"
    ");"
    /* First names or aliases only. */
    "CREATE TABLE leader_participant ("
    "  id       INTEGER PRIMARY KEY,"
    "  group_id INTEGER NOT NULL REFERENCES leader_group (id) ON DELETE CASCADE,"
    "  name     TEXT NOT NULL,"
    "  position INTEGER NOT NULL"
    ");"
    "CREATE INDEX leader_participant_by_group ON leader_participant (group_id, position);"
    "CREATE TABLE leader_attendance ("
    "  participant_id INTEGER NOT NULL REFERENCES leader_participant (id) ON DELETE CASCADE,"
    "  number         INTEGER NOT NULL CHECK (number BETWEEN 1 AND 12),"
    "  present        INTEGER NOT NULL DEFAULT 0,"
    "  note           TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (participant_id, number)"
    ");"
  },
  {
    5,
    /* Covering indexes: the diary list and its filters, and the Review figures, read these
     * narrow indexes instead of every entry's whole row with all its text (at 100,000
     * entries each figure took a tenth of a second or more, all of them over a second). */
    "CREATE INDEX diary_entry_list ON diary_entry"
    " (deleted_at, happened_at, coping, safe, loved_one_state, stress, flagged, day);"
    "CREATE INDEX diary_entry_review ON diary_entry"
    " (deleted_at, day, stress, coping, loved_one_state, safe, flagged, trigger_text);"
  },
  {
    6,
    /* Summaries for the Review place, kept in step by triggers, so that its figures add up
     * days (or a few tags and triggers) rather than every entry: at 100,000 entries all of
     * them took over a second. See the macros above. */
    "CREATE TABLE review_day ("
    "  day              TEXT NOT NULL,"
    "  week             TEXT NOT NULL," /* the Monday of its ISO week */
    REVIEW_COUNT_COLUMNS ","
    /* By week first, so that adding up weeks needs no sorting. */
    "  PRIMARY KEY (week, day)"
    ") WITHOUT ROWID;"
    "INSERT INTO review_day (" REVIEW_DAY_COLUMNS ") " REVIEW_DAY_SELECT " GROUP BY e.day;"
    "CREATE TABLE review_week ("
    "  week             TEXT PRIMARY KEY,"
    REVIEW_COUNT_COLUMNS
    ") WITHOUT ROWID;"
    "INSERT INTO review_week (" REVIEW_WEEK_COLUMNS ") " REVIEW_WEEK_SELECT " GROUP BY week;"
    /* Days are worked out again by deleting and inserting their rows, and so are their
     * weeks; a new entry updates its day and its week (REVIEW_DAY_ADD). */
    "CREATE TRIGGER review_week_ai AFTER INSERT ON review_day"
    " BEGIN " REVIEW_WEEK_REBUILD ("new.week") " END;"
    "CREATE TRIGGER review_week_ad AFTER DELETE ON review_day"
    " BEGIN " REVIEW_WEEK_REBUILD ("old.week") " END;"
    "CREATE TRIGGER review_day_ai AFTER INSERT ON diary_entry"
    " WHEN new.deleted_at IS NULL BEGIN " REVIEW_DAY_ADD ("new") " END;"
    "CREATE TRIGGER review_day_ad AFTER DELETE ON diary_entry"
    " WHEN old.deleted_at IS NULL BEGIN " REVIEW_DAY_REBUILD ("old.day") " END;"
    "CREATE TRIGGER review_day_au AFTER UPDATE OF " REVIEW_DAY_WATCHED " ON diary_entry"
    " WHEN " REVIEW_DAY_CHANGED " BEGIN " REVIEW_DAY_REBUILD ("old.day") " END;"
    "CREATE TRIGGER review_day_au_moved AFTER UPDATE OF day ON diary_entry"
    " WHEN old.day IS NOT new.day BEGIN " REVIEW_DAY_REBUILD ("new.day") " END;"

    "CREATE TABLE review_trigger ("
    "  text TEXT PRIMARY KEY,"
    "  n    INTEGER NOT NULL"
    ") WITHOUT ROWID;"
    "INSERT INTO review_trigger (text, n) SELECT e.trigger_text, COUNT(*) FROM diary_entry e"
    " WHERE " REVIEW_COUNTS ("e") " GROUP BY e.trigger_text;"
    "CREATE TRIGGER review_trigger_ai AFTER INSERT ON diary_entry"
    " WHEN " REVIEW_COUNTS ("new") " BEGIN " REVIEW_TRIGGER_ADD ("new") " END;"
    "CREATE TRIGGER review_trigger_ad AFTER DELETE ON diary_entry"
    " WHEN " REVIEW_COUNTS ("old") " BEGIN " REVIEW_TRIGGER_REMOVE ("old") " END;"
    "CREATE TRIGGER review_trigger_au AFTER UPDATE OF trigger_text, deleted_at ON diary_entry"
    " WHEN old.trigger_text IS NOT new.trigger_text OR old.deleted_at IS NOT new.deleted_at"
    " BEGIN " REVIEW_TRIGGER_REMOVE ("old") REVIEW_TRIGGER_ADD ("new") " END;"

    "CREATE TABLE review_tag ("
    "  tag TEXT PRIMARY KEY,"
    "  n   INTEGER NOT NULL"
    ") WITHOUT ROWID;"
    "INSERT INTO review_tag (tag, n) SELECT t.tag, COUNT(*) FROM diary_tag t"
    " JOIN diary_entry e ON e.id = t.entry_id"
    " WHERE e.deleted_at IS NULL AND t.tag != '' GROUP BY t.tag;"
    "CREATE TRIGGER review_tag_ai AFTER INSERT ON diary_tag"
    " WHEN " REVIEW_TAG_ENTRY_SHOWN ("new") " BEGIN"
    "  INSERT OR IGNORE INTO review_tag (tag, n) VALUES (new.tag, 0);"
    "  UPDATE review_tag SET n = n + 1 WHERE tag = new.tag;"
    " END;"
    "CREATE TRIGGER review_tag_ad AFTER DELETE ON diary_tag"
    " WHEN " REVIEW_TAG_ENTRY_SHOWN ("old") " BEGIN"
    "  UPDATE review_tag SET n = n - 1 WHERE tag = old.tag;"
    "  DELETE FROM review_tag WHERE tag = old.tag AND n <= 0;"
    " END;"
    "CREATE TRIGGER review_tag_trashed AFTER UPDATE OF deleted_at ON diary_entry"
    " WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL"
    " BEGIN " REVIEW_TAGS_REMOVE ("new.id") " END;"
    "CREATE TRIGGER review_tag_restored AFTER UPDATE OF deleted_at ON diary_entry"
    " WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL"
    " BEGIN " REVIEW_TAGS_ADD ("new.id") " END;"
    "CREATE TRIGGER review_tag_bd BEFORE DELETE ON diary_entry"
    " WHEN old.deleted_at IS NULL BEGIN " REVIEW_TAGS_REMOVE ("old.id") " END;"
    /* The happiness ratings in order without looking up each row. */
    "CREATE INDEX happiness_rating_review ON happiness_rating (day, area, value);"
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CRAFT_STORE_SCHEMA_VERSION);

const CraftMigration *
_craft_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

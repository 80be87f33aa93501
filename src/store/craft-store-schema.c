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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CRAFT_STORE_SCHEMA_VERSION);

const CraftMigration *
_craft_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

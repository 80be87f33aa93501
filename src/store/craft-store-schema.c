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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CRAFT_STORE_SCHEMA_VERSION);

const CraftMigration *
_craft_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

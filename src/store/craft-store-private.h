/* src/store/craft-store-private.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "craft-store.h"

G_BEGIN_DECLS

/* The full-text module and its tokenizer, in this one place: SQLCipher 3.4 has FTS4 only,
 * so an encrypted build changes these (and the queries' MATCH syntax stays the same).
 * remove_diacritics 0 keeps å, ä, ö, æ and ø letters of their own, as Swedish and Danish
 * readers expect, while case still folds (Å finds å). */
#define CRAFT_FTS_MODULE   "fts5"
#define CRAFT_FTS_TOKENIZE "unicode61 remove_diacritics 0"
/* The diary columns the full-text index covers, in its order. */
#define CRAFT_DIARY_SEARCH_COLUMNS \
  "place, people, what_happened, trigger_text, thoughts, feelings_other, " \
  "what_i_did, outcome_me, outcome_them, support, try_next_other, tags"

/* A diary field: its name, its column, its kind and, for a choice, the allowed values
 * ("|"-separated, "" included). One table (craft-store-diary.c) serves both the diary and
 * its import, so the two can never disagree on what a valid entry is. */
typedef struct
{
  const char     *name;
  const char     *column;
  CraftDiaryKind  kind;
  const char     *choices;
} CraftDiaryFieldInfo;

#define CRAFT_DIARY_N_FIELDS 22

extern const CraftDiaryFieldInfo _craft_store_diary_field_table[CRAFT_DIARY_N_FIELDS];

/* One migration: the SQL that takes a database from version - 1 to version. */
typedef struct
{
  int         version;
  const char *sql;
} CraftMigration;

const CraftMigration *_craft_store_get_migrations (guint *n_migrations);

/* Creates @dir if needed and makes it the owner's alone (0700). */
gboolean      _craft_store_ensure_private_folder (const char  *dir,
                                                  GError     **error);
/* Turns a failed SQLite call into a CRAFT_STORE_ERROR with words a person understands. */
void          _craft_store_set_error       (GError     **error,
                                            sqlite3     *db,
                                            int          rc);
sqlite3_stmt *_craft_store_prepare         (CraftStore  *self,
                                            const char  *sql,
                                            GError     **error);
gboolean      _craft_store_step_done       (CraftStore    *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
/* Runs a bound one-value query: the text of the first row, "" when there is none. */
char         *_craft_store_step_text       (CraftStore    *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
sqlite3      *_craft_store_get_db          (CraftStore  *self);
/* Copies the database open in @src, checked, to a new private file @target; never replaces
 * a file that is there (craft-store-backup.c). */
gboolean      _craft_store_copy_database   (sqlite3     *src,
                                            const char  *target,
                                            GError     **error);
/* How long a write waits for another connection's lock before it fails. */
void          _craft_store_set_busy_timeout (CraftStore  *self,
                                             int          ms);

G_END_DECLS

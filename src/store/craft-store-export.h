/* src/store/craft-store-export.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading everything out of the store for an export, and writing an import back in. The
 * readers give a stable order that does not depend on row ids, so exporting, importing into
 * an empty folder and exporting again gives the same file.
 */
#pragma once

#include "craft-store.h"

G_BEGIN_DECLS

/* The latest moment the store accepts (the end of year 9999), in Unix seconds. */
#define CRAFT_STORE_MAX_TIME G_GINT64_CONSTANT (253402300799)

/* The kind of value a diary field holds, as its text is written. */

/* The kind of the diary field @field (one of craft_store_diary_fields()). */
CraftDiaryKind craft_store_diary_field_kind     (const char  *field);
/* Whether craft_store_diary_set() would accept @value for @field, with its error if not. */
gboolean       craft_store_diary_check_value    (const char  *field,
                                                 const char  *value,
                                                 GError     **error);

/* One diary entry, every field as text in the order of craft_store_diary_fields(). */
typedef struct
{
  const char         *uuid;
  gint64              created_at;
  gint64              updated_at;
  gint64              deleted_at; /* 0 unless in the Trash */
  const char * const *values;
} CraftDiaryRecord;

/* Called for each entry; the record is only valid during the call. FALSE stops the walk
 * (set @error then). */
typedef gboolean (*CraftDiaryRecordFunc) (const CraftDiaryRecord  *record,
                                          gpointer                 user_data,
                                          GError                 **error);

/* Holds a read snapshot, so that the sections of one export agree with each other. */
gboolean   craft_store_begin_read            (CraftStore            *self,
                                              GError               **error);
void       craft_store_end_read              (CraftStore            *self);

/* Walks the diary (or, with @trash, the Trash) oldest first: by happened-at, then uuid. */
gboolean   craft_store_foreach_diary_record  (CraftStore            *self,
                                              gboolean               trash,
                                              CraftDiaryRecordFunc   func,
                                              gpointer               user_data,
                                              GError               **error);

typedef struct
{
  char   *worksheet;
  char   *field;
  char   *value;
  gint64  updated_at;
} CraftAnswerRecord;

typedef struct
{
  char       *worksheet;
  char       *list;
  gint64      position;
  gint64      created_at;
  GPtrArray  *fields; /* field names, sorted, each with the value at the same index */
  GPtrArray  *values;
} CraftRowRecord;

typedef struct
{
  int     number;
  char   *planned_on; /* YYYY-MM-DD or NULL */
  gint64  started_at; /* 0 when not started */
  gint64  done_at;    /* 0 when not done */
} CraftSessionRecord;

typedef struct
{
  int     session;
  char   *task;
  gint64  done_at;
} CraftHomeworkRecord;

typedef struct
{
  char *key;
  char *value;
} CraftMetaRecord;

/* Answers that are filled in, by worksheet and field (a GPtrArray of CraftAnswerRecord). */
GPtrArray *craft_store_list_answer_records   (CraftStore  *self,
                                              GError     **error);
/* Rows that are not hidden, by worksheet, list and position, with their filled-in values
 * (a GPtrArray of CraftRowRecord). */
GPtrArray *craft_store_list_row_records      (CraftStore  *self,
                                              GError     **error);
/* Sessions with a plan date or progress, by number (a GPtrArray of CraftSessionRecord). */
GPtrArray *craft_store_list_session_records  (CraftStore  *self,
                                              GError     **error);
/* Homework ticks by session and task (a GPtrArray of CraftHomeworkRecord). */
GPtrArray *craft_store_list_homework_records (CraftStore  *self,
                                              GError     **error);
/* Settings kept with the data that are not empty, by key (a GPtrArray of CraftMetaRecord). */
GPtrArray *craft_store_list_meta_records     (CraftStore  *self,
                                              GError     **error);

/* An import is one write transaction: BEGIN IMMEDIATE, so no other connection can slip a
 * write in between the checks and the writes. */
gboolean   craft_store_begin_write           (CraftStore  *self,
                                              GError     **error);
gboolean   craft_store_commit                (CraftStore  *self,
                                              GError     **error);
void       craft_store_rollback              (CraftStore  *self);

/* Each merge function below first looks whether the item would change anything and sets
 * @changed; with @dry_run it stops there and writes nothing, so a preview and the import
 * itself follow the same rules. */

/* Adds the entry unless one with its uuid is already in the diary or the Trash. The values
 * are checked as craft_store_diary_set() checks them. */
gboolean   craft_store_merge_diary_record    (CraftStore              *self,
                                              const CraftDiaryRecord  *record,
                                              gboolean                 dry_run,
                                              gboolean                *changed,
                                              GError                 **error);
/* The same for @n_records entries at once, each one's @changed in the array @changed; an
 * import goes this way, as many entries are inserted much faster together. They go in
 * craft_store_diary_batch_size() to a statement, and the rest one by one: hand over a
 * multiple of it. */
guint      craft_store_diary_batch_size      (CraftStore              *self);
gboolean   craft_store_merge_diary_records   (CraftStore              *self,
                                              const CraftDiaryRecord  *records,
                                              guint                    n_records,
                                              gboolean                 dry_run,
                                              gboolean                *changed,
                                              GError                 **error);
/* While an import adds many entries, the full-text index is filled once at the end instead
 * of by the insert trigger for every entry (which made FTS5 write a segment for every
 * statement). Inside craft_store_begin_write() only: pausing drops the trigger
 * diary_entry_ai when it does nothing but fill the index (and leaves it alone otherwise);
 * resuming indexes every entry added since and creates the trigger again, as it was. A
 * rollback brings the trigger back too. Other triggers are never touched. */
typedef struct _CraftDiarySearchPause CraftDiarySearchPause;
/* Called after each part of the index is filled, with the entries indexed so far. */
typedef void (*CraftDiaryFillFunc) (guint    n_indexed,
                                    gpointer user_data);
CraftDiarySearchPause *craft_store_pause_diary_search  (CraftStore             *self,
                                                        GError                **error);
gboolean               craft_store_resume_diary_search (CraftStore             *self,
                                                        CraftDiarySearchPause  *pause,
                                                        CraftDiaryFillFunc      func,
                                                        gpointer                user_data,
                                                        GError                **error);
void                   craft_diary_search_pause_free   (CraftDiarySearchPause  *pause);
/* Fills in the answer only when it is missing or empty here. */
gboolean   craft_store_merge_answer          (CraftStore  *self,
                                              const char  *worksheet,
                                              const char  *field,
                                              const char  *value,
                                              gint64       updated_at,
                                              gboolean     dry_run,
                                              gboolean    *changed,
                                              GError     **error);
/* Whether the list has rows that are not hidden. */
gboolean   craft_store_list_has_rows         (CraftStore  *self,
                                              const char  *worksheet,
                                              const char  *list,
                                              gboolean    *has_rows,
                                              GError     **error);
/* Adds a row at @position; returns its id (0 on failure). Set its values with
 * craft_store_set_row_value(). */
gint64     craft_store_insert_row            (CraftStore  *self,
                                              const char  *worksheet,
                                              const char  *list,
                                              gint64       position,
                                              gint64       created_at,
                                              GError     **error);
/* Fills in the session's plan date and progress where they are empty here. */
gboolean   craft_store_merge_session         (CraftStore                *self,
                                              const CraftSessionRecord  *record,
                                              gboolean                   dry_run,
                                              gboolean                  *changed,
                                              GError                   **error);
/* Ticks the homework unless it is ticked here. */
gboolean   craft_store_merge_homework        (CraftStore  *self,
                                              int          session,
                                              const char  *task,
                                              gint64       done_at,
                                              gboolean     dry_run,
                                              gboolean    *changed,
                                              GError     **error);
/* Adds the rating unless the area is already rated that day here. */
gboolean   craft_store_merge_happiness       (CraftStore  *self,
                                              const char  *day,
                                              const char  *area,
                                              int          value,
                                              gboolean     dry_run,
                                              gboolean    *changed,
                                              GError     **error);
/* Sets the setting only when it is missing or empty here. */
gboolean   craft_store_merge_meta            (CraftStore  *self,
                                              const char  *key,
                                              const char  *value,
                                              gboolean     dry_run,
                                              gboolean    *changed,
                                              GError     **error);

void craft_answer_record_free   (CraftAnswerRecord   *record);
void craft_row_record_free      (CraftRowRecord      *record);
void craft_session_record_free  (CraftSessionRecord  *record);
void craft_homework_record_free (CraftHomeworkRecord *record);
void craft_meta_record_free     (CraftMetaRecord     *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftDiarySearchPause, craft_diary_search_pause_free)

G_END_DECLS

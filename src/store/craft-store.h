/* src/store/craft-store.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRAFT_STORE_ERROR (craft_store_error_quark ())

typedef enum
{
  CRAFT_STORE_ERROR_FAILED,
  CRAFT_STORE_ERROR_FOLDER,
  CRAFT_STORE_ERROR_NOT_A_DATABASE,
  CRAFT_STORE_ERROR_CORRUPT,
  CRAFT_STORE_ERROR_NEWER_VERSION,
  CRAFT_STORE_ERROR_BUSY,
  CRAFT_STORE_ERROR_DISK_FULL,
  CRAFT_STORE_ERROR_READ_ONLY,
  CRAFT_STORE_ERROR_FOLDER_GONE, /* the database file was removed while it was open */
} CraftStoreError;

/* The schema version this build writes; see craft-store-schema.c. */
#define CRAFT_STORE_SCHEMA_VERSION 6

/* The database file inside the data folder. */
#define CRAFT_STORE_FILENAME "craft-companion.db"

#define CRAFT_TYPE_STORE (craft_store_get_type ())
G_DECLARE_FINAL_TYPE (CraftStore, craft_store, CRAFT, STORE, GObject)

GQuark      craft_store_error_quark        (void);

/* Opens (creating if needed) the database in @data_dir, checking and migrating it. */
CraftStore *craft_store_open               (const char  *data_dir,
                                            GError     **error);
/* Like craft_store_open(), but a database already at this version is not read through
 * with SQLite's quick_check first, which takes long for a large diary: reading starts at
 * once, and the check runs later in a thread (craft_store_check_async()). Until it has
 * passed, nothing is written: a write waits for it (running it then if it did not start),
 * and once it found damage every write is refused with CRAFT_STORE_ERROR_CORRUPT and the
 * file stays as it is. A database that needs migrating is still checked first. */
CraftStore *craft_store_open_deferring_check (const char          *data_dir,
                                              GError             **error);
/* Runs the check craft_store_open_deferring_check() left for later, in a thread on its own
 * read-only connection; at once when there is none to do. */
void        craft_store_check_async        (CraftStore          *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* Whether craft_store_open_deferring_check() left a check to run that has not finished. */
gboolean    craft_store_get_check_pending  (CraftStore          *self);
/* FALSE with CRAFT_STORE_ERROR_CORRUPT (or why the check could not run) when damaged. */
gboolean    craft_store_check_finish       (CraftStore          *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* The default data folder: $XDG_DATA_HOME/craft-companion. */
char       *craft_store_default_data_dir   (void);
const char *craft_store_get_data_dir       (CraftStore  *self);
const char *craft_store_get_path           (CraftStore  *self);
/* Whether the database file was removed or renamed since it was opened. While it is, every
 * write fails with CRAFT_STORE_ERROR_FOLDER_GONE instead of going to a file nobody can
 * find again; reading still works. */
gboolean    craft_store_has_moved          (CraftStore  *self);
/* After the data folder was removed: writes everything the open database holds back to
 * its place (never over a file that is there now) and carries on there. Does nothing when
 * the file is where it was (for instance put back from the wastebasket). */
gboolean    craft_store_put_back           (CraftStore  *self,
                                            GError     **error);
/* Opens the database file again: after its disk was forced read-only and then mounted
 * again, the old connection still points at the dead file system. */
gboolean    craft_store_reopen             (CraftStore  *self,
                                            GError     **error);
/* Renames a damaged database (and its -wal/-shm) beside itself under a dated name. */
char       *craft_store_set_aside          (const char  *data_dir,
                                            GDateTime   *now,
                                            GError     **error);

/* Single worksheet fields. A missing answer reads as "". */
char       *craft_store_get_answer         (CraftStore  *self,
                                            const char  *worksheet,
                                            const char  *field,
                                            GError     **error);
gboolean    craft_store_set_answer         (CraftStore  *self,
                                            const char  *worksheet,
                                            const char  *field,
                                            const char  *value,
                                            GError     **error);

/* Repeating rows of a worksheet, in their order. */
GArray     *craft_store_list_rows          (CraftStore  *self,
                                            const char  *worksheet,
                                            const char  *list,
                                            GError     **error);
gint64      craft_store_add_row            (CraftStore  *self,
                                            const char  *worksheet,
                                            const char  *list,
                                            GError     **error);
/* Hides a row until craft_store_restore_row() or the next open, which purges it. */
gboolean    craft_store_delete_row         (CraftStore  *self,
                                            gint64       row_id,
                                            GError     **error);
gboolean    craft_store_restore_row        (CraftStore  *self,
                                            gint64       row_id,
                                            GError     **error);
char       *craft_store_get_row_value      (CraftStore  *self,
                                            gint64       row_id,
                                            const char  *field,
                                            GError     **error);
gboolean    craft_store_set_row_value      (CraftStore  *self,
                                            gint64       row_id,
                                            const char  *field,
                                            const char  *value,
                                            GError     **error);

/* Small settings kept with the data ("" when unset). */
char       *craft_store_get_meta           (CraftStore  *self,
                                            const char  *key,
                                            GError     **error);
gboolean    craft_store_set_meta           (CraftStore  *self,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);

/* Where the person stands in one of the 12 sessions. */
typedef struct
{
  int    number;
  char   planned_on[11]; /* YYYY-MM-DD, or "" when not planned */
  gint64 started_at;     /* Unix seconds when first opened, 0 if never */
  gint64 done_at;        /* Unix seconds when marked done, 0 if not done */
} CraftSessionProgress;

/* Fills @progress[0] … @progress[11] for sessions 1 … 12. */
gboolean    craft_store_get_progress       (CraftStore           *self,
                                            CraftSessionProgress  progress[12],
                                            GError              **error);
/* Marks the session started at @when, unless it already was. */
gboolean    craft_store_set_session_started (CraftStore  *self,
                                             int          number,
                                             gint64       when,
                                             GError     **error);
/* Marks the session done at @done_at; 0 opens it again. */
gboolean    craft_store_set_session_done   (CraftStore  *self,
                                            int          number,
                                            gint64       done_at,
                                            GError     **error);
/* Plans the session for @day (YYYY-MM-DD); "" removes the date. */
gboolean    craft_store_set_session_planned (CraftStore  *self,
                                             int          number,
                                             const char  *day,
                                             GError     **error);
gboolean    craft_store_get_homework_done  (CraftStore  *self,
                                            int          session,
                                            const char  *task,
                                            gboolean    *done,
                                            GError     **error);
gboolean    craft_store_set_homework_done  (CraftStore  *self,
                                            int          session,
                                            const char  *task,
                                            gboolean     done,
                                            gint64       when,
                                            GError     **error);

/* One rating of one life area on one day (the happiness scale). */
typedef struct
{
  char day[11];
  char area[32];
  int  value;
} CraftHappinessRating;

/* Rates @area 0 … 10 on @day (YYYY-MM-DD); a new rating the same day replaces the old. */
gboolean    craft_store_set_happiness      (CraftStore  *self,
                                            const char  *day,
                                            const char  *area,
                                            int          value,
                                            GError     **error);
/* Every rating, oldest day first (a GArray of CraftHappinessRating). */
GArray     *craft_store_list_happiness     (CraftStore  *self,
                                            GError     **error);

/* The diary of critical situations.
 *
 * An entry's fields are read and written by name, always as text (see
 * craft_store_diary_fields()): "happened-at" (Unix seconds), "place", "people",
 * "what-happened", "trigger", "loved-one-state" (sober | using | influenced | hungover |
 * unknown | ""), "thoughts", "feelings" (ids joined by ","), "feelings-other",
 * "feeling-strength" ("0" … "10" or ""), "stress" ("0" … "10" or ""), "what-i-did",
 * "coping" (engaged | tolerant | withdrawn | ""), "coping-kind" (an id or ""),
 * "outcome-me", "outcome-them", "safe" (yes | no | unsure | ""), "support",
 * "try-next" (ids joined by ","), "try-next-other", "tags" (free words joined by ","),
 * "flagged" ("1" or "0"). craft_store_diary_get() adds "id", "uuid", "day" (local
 * YYYY-MM-DD of happened-at), "created-at", "updated-at" and "deleted-at" ("" unless in the
 * Trash). */

/* What kind of value a diary field holds. */
typedef enum
{
  CRAFT_DIARY_KIND_TEXT,   /* free text */
  CRAFT_DIARY_KIND_CHOICE, /* one of a fixed set, or "" */
  CRAFT_DIARY_KIND_RATING, /* "0" … "10", or "" */
  CRAFT_DIARY_KIND_FLAG,   /* "1" or "0" */
  CRAFT_DIARY_KIND_TIME,   /* Unix seconds */
  CRAFT_DIARY_KIND_TAGS,   /* free words joined by "," */
} CraftDiaryKind;

/* The names of the fields an entry can have written, NULL-terminated. */
const char * const *craft_store_diary_fields   (void);
/* A new, empty entry that happened at @happened_at; returns its id, or 0 on failure. */
gint64      craft_store_diary_create        (CraftStore  *self,
                                             gint64       happened_at,
                                             GError     **error);
gboolean    craft_store_diary_set           (CraftStore  *self,
                                             gint64       id,
                                             const char  *field,
                                             const char  *value,
                                             GError     **error);
/* Every field of the entry (see above), or NULL with @error (also when there is none). */
GHashTable *craft_store_diary_get           (CraftStore  *self,
                                             gint64       id,
                                             GError     **error);
/* Moves the entry to the Trash at @when; craft_store_diary_restore() brings it back. */
gboolean    craft_store_diary_delete        (CraftStore  *self,
                                             gint64       id,
                                             gint64       when,
                                             GError     **error);
gboolean    craft_store_diary_restore       (CraftStore  *self,
                                             gint64       id,
                                             GError     **error);
/* Deletes for good what went to the Trash before @before; returns how many, or -1. */
int         craft_store_diary_purge_trash   (CraftStore  *self,
                                             gint64       before,
                                             GError     **error);

/* What to find; zero-initialise and set what matters. */
typedef struct
{
  const char *text;            /* words to search for (each a prefix), or NULL */
  const char *from_day;        /* YYYY-MM-DD, inclusive, or NULL */
  const char *to_day;          /* YYYY-MM-DD, inclusive, or NULL */
  const char *loved_one_state; /* or NULL for any */
  const char *coping;          /* or NULL for any */
  const char *safe;            /* or NULL for any */
  const char *tag;             /* or NULL for any */
  int         stress_min;      /* 0 … 10; with stress_max, both 0 means any */
  int         stress_max;
  gboolean    flagged_only;
  gboolean    trash;           /* look in the Trash instead of the diary */
} CraftDiaryFilter;

typedef struct
{
  gint64 id;
  gint64 happened_at;
} CraftDiaryHit;

/* The matching entries, newest first (a GArray of CraftDiaryHit). */
GArray     *craft_store_diary_query         (CraftStore              *self,
                                             const CraftDiaryFilter  *filter,
                                             GError                 **error);
/* Whether entry @id matches @filter, and when it happened: what a list needs after that one
 * entry changed, without running the whole query again. */
gboolean    craft_store_diary_match         (CraftStore              *self,
                                             const CraftDiaryFilter  *filter,
                                             gint64                   id,
                                             gboolean                *matches,
                                             gint64                  *happened_at,
                                             GError                 **error);
/* How many entries match @filter for each value of @field ("loved-one-state", "coping",
 * "safe", "tags" or "flagged"), ignoring the filter's own condition on that field, so a
 * person sees what choosing another value would give. Value -> GINT_TO_POINTER (count). */
GHashTable *craft_store_diary_count_by      (CraftStore              *self,
                                             const CraftDiaryFilter  *filter,
                                             const char              *field,
                                             GError                 **error);
/* A large diary is filtered in memory: a list keeps every entry outside the Trash as a
 * CraftDiaryTraits (its id, its time and what the filters look at: 24 bytes), kept up to
 * date entry by entry (craft_store_diary_row()), and asks the database only for the entries with the
 * words searched for and with a tag. */
typedef struct
{
  gint64 id;
  gint64 happened_at;
  /* Position among the field's choices (see craft_store_diary_fields()), 0 for "" and
   * CRAFT_DIARY_OTHER for anything else; only in rows read with their traits. */
  guint8 loved_one_state;
  guint8 coping;
  guint8 safe;
  gint8  stress;           /* -1 when not given */
  guint8 flagged;
} CraftDiaryTraits;

#define CRAFT_DIARY_OTHER 255

/* What craft_store_diary_query_rows() needs to answer a filter. */
typedef enum
{
  CRAFT_DIARY_ROWS_NONE,   /* it cannot: use craft_store_diary_query() */
  CRAFT_DIARY_ROWS_PLAIN,  /* rows, their traits not needed */
  CRAFT_DIARY_ROWS_TRAITS, /* rows read with their traits */
} CraftDiaryRowsNeed;

CraftDiaryRowsNeed craft_store_diary_rows_need (const CraftDiaryFilter *filter);
/* Every entry outside the Trash, newest first (a GArray of CraftDiaryTraits), with its traits
 * or only its id and time (reading the traits takes about twice as long). */
GArray     *craft_store_diary_rows          (CraftStore              *self,
                                             gboolean                 with_traits,
                                             GError                 **error);
/* Entry @id as craft_store_diary_rows() reads it with its traits; @listed is FALSE when it
 * is gone or in the Trash. */
gboolean    craft_store_diary_row           (CraftStore              *self,
                                             gint64                   id,
                                             CraftDiaryTraits        *row,
                                             gboolean                *listed,
                                             GError                 **error);
/* Changes whenever anything was written to the database (by this store or another
 * process): rows read at one stamp are up to date while it stays the same. */
guint64     craft_store_diary_stamp         (CraftStore              *self);
/* The same as craft_store_diary_query() for a filter craft_store_diary_rows_need() does not
 * refuse, from @rows (as that says, and up to date). */
GArray     *craft_store_diary_query_rows    (CraftStore              *self,
                                             const CraftDiaryFilter  *filter,
                                             GArray                  *rows,
                                             GError                 **error);
/* A short excerpt of the entry around the search words, the matches between
 * CRAFT_DIARY_MATCH_START and CRAFT_DIARY_MATCH_END. */
char       *craft_store_diary_snippet       (CraftStore  *self,
                                             gint64       id,
                                             const char  *text,
                                             GError     **error);
#define CRAFT_DIARY_MATCH_START "\x02"
#define CRAFT_DIARY_MATCH_END   "\x03"
/* The days (YYYY-MM-DD) from @from_day to @to_day that have entries (a GPtrArray of
 * strings), for marking a calendar. */
GPtrArray  *craft_store_diary_days          (CraftStore  *self,
                                             const char  *from_day,
                                             const char  *to_day,
                                             GError     **error);

G_END_DECLS

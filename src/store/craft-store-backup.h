/* src/store/craft-store-backup.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "craft-store.h"

G_BEGIN_DECLS

/* The folder inside the data folder that holds the daily backups. */
#define CRAFT_BACKUP_FOLDER    "backups"
/* How many days a daily backup is kept: one a day, for a week. */
#define CRAFT_BACKUP_KEEP_DAYS 7

typedef enum
{
  CRAFT_BACKUP_FLAGS_NONE = 0,
  /* Replace a file that is already at the chosen path (the person has agreed to it). */
  CRAFT_BACKUP_REPLACE    = 1 << 0,
} CraftBackupFlags;

/* One daily backup found in the backups folder. */
typedef struct
{
  char      *path;
  GDateTime *day;  /* local midnight of the day in its name */
} CraftBackupFile;

void craft_backup_file_free (CraftBackupFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftBackupFile, craft_backup_file_free)

/* What a backup holds, for showing before a restore. */
typedef struct
{
  int    schema_version;
  guint  diary_entries;       /* not in the Trash */
  guint  trash_entries;
  guint  answers;             /* worksheet answers that are filled in */
  guint  sessions_done;
  guint  happiness_ratings;
  gint64 newest_entry_at;     /* when the newest diary entry happened (Unix seconds), or 0 */
  char   newest_entry_day[11]; /* its local day, YYYY-MM-DD, or "" */
  gint64 modified_at;         /* when the file was last written (Unix seconds) */
} CraftBackupInfo;

/* Copies the open database into a new private file at @path, with SQLite's online backup.
 * The copy is written beside @path under a temporary name, checked with integrity_check and
 * only then renamed to @path, so a failure never leaves half a file. A file already at @path
 * is an error (G_IO_ERROR_EXISTS) unless @flags has CRAFT_BACKUP_REPLACE: ask first. The
 * database itself is never a valid @path. This blocks until the copy is done; the UI uses
 * craft_store_backup_to_file_async(). */
gboolean   craft_store_backup_to_file        (CraftStore           *store,
                                              const char           *path,
                                              CraftBackupFlags      flags,
                                              GError              **error);
/* The same in a worker thread, on its own read-only connection, so typing never waits. */
void       craft_store_backup_to_file_async  (CraftStore           *store,
                                              const char           *path,
                                              CraftBackupFlags      flags,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean   craft_store_backup_to_file_finish (CraftStore           *store,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Makes today's backup in the backups folder unless it exists, then removes daily backups
 * older than CRAFT_BACKUP_KEEP_DAYS (only files named like ours). @made_path (optional) gets
 * the new file, or NULL when today's backup was already there. */
gboolean   craft_store_backup_daily          (CraftStore           *store,
                                              GDateTime            *now,
                                              char                **made_path,
                                              GError              **error);
/* The same in a worker thread, on its own read-only connection, so typing never waits. */
void       craft_store_backup_daily_async    (CraftStore           *store,
                                              GDateTime            *now,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean   craft_store_backup_daily_finish   (CraftStore           *store,
                                              GAsyncResult         *result,
                                              char                **made_path,
                                              GError              **error);

/* The daily backups in @data_dir, newest first (a GPtrArray of CraftBackupFile). */
GPtrArray *craft_store_list_backups          (const char           *data_dir,
                                              GError              **error);

/* Checks the backup at @path without changing it and counts what it holds. A file that is
 * not ours, is damaged or comes from a newer version is refused with the store's errors. */
gboolean   craft_store_backup_describe       (const char           *path,
                                              CraftBackupInfo      *info,
                                              GError              **error);

/* Replaces the database in @data_dir with a copy of the backup at @backup_path. Call it with
 * the store CLOSED (every CraftStore on @data_dir finalized), then open the store again:
 * craft_store_open() migrates a backup from an older version. The current database (with
 * any -wal/-shm) is kept aside as craft-companion-before-restore-YYYY-MM-DD-HHMMSS.db and
 * @kept_path (optional) gets its path (NULL if there was none). The backup is copied, never
 * moved; on any failure everything is left as it was. */
gboolean   craft_store_restore_backup        (const char           *data_dir,
                                              const char           *backup_path,
                                              GDateTime            *now,
                                              char                **kept_path,
                                              GError              **error);

G_END_DECLS

/* src/store/craft-store-backup.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups of the database: a rolling one a day in the data folder, one to a chosen file, and
 * a restore that keeps the current database aside. Every copy is written under a temporary
 * name and checked before it takes its real name, so a full disk or a crash never leaves half
 * a backup, and nothing the person already has is overwritten or deleted to recover from an
 * error.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "craft-store-backup.h"
#include "craft-store-private.h"

/* 256 pages of 4 KiB: about a megabyte per step, between which a copy can be stopped. */
#define PAGES_PER_STEP  256
#define BUSY_SLEEP_MS   50
/* How many times a step may find the database locked (50 ms each) before giving up. */
#define MAX_BUSY_WAITS  200
#define BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER   "SQLite format 3"
#define DAILY_PREFIX    "craft-companion-"

void
craft_backup_file_free (CraftBackupFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_clear_pointer (&file->day, g_date_time_unref);
  g_free (file);
}

static int
code_for_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      return CRAFT_STORE_ERROR_DISK_FULL;
    case EROFS:
    case EACCES:
    case EPERM:
    case ENOTDIR:
    case ENOENT:
    case EISDIR:
    case ELOOP:
    case ENAMETOOLONG:
      return CRAFT_STORE_ERROR_READ_ONLY;
    default:
      return CRAFT_STORE_ERROR_FAILED;
    }
}

static int
code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return CRAFT_STORE_ERROR_DISK_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      return CRAFT_STORE_ERROR_READ_ONLY;
    default:
      return CRAFT_STORE_ERROR_FAILED;
    }
}

/* A failure to write the copy, in words that say what to do. @restoring: the copy is the
 * restored database in the data folder rather than a backup file. */
static void
set_write_error (GError     **error,
                 const char  *target,
                 gboolean     restoring,
                 int          code,
                 const char  *detail)
{
  if (restoring)
    {
      switch (code)
        {
        case CRAFT_STORE_ERROR_DISK_FULL:
          g_set_error (error, CRAFT_STORE_ERROR, code,
                       _("There is not enough space to restore the backup (%s). Free some "
                         "space and try again. Nothing has been changed."),
                       detail);
          break;
        case CRAFT_STORE_ERROR_READ_ONLY:
          g_set_error (error, CRAFT_STORE_ERROR, code,
                       _("The data folder cannot be written to (%s)."), detail);
          break;
        default:
          g_set_error (error, CRAFT_STORE_ERROR, code,
                       _("The backup could not be restored (%s). Nothing has been changed."),
                       detail);
          break;
        }
      return;
    }

  switch (code)
    {
    case CRAFT_STORE_ERROR_DISK_FULL:
      g_set_error (error, CRAFT_STORE_ERROR, code,
                   _("There is not enough space for the backup “%s” (%s). Free some space or "
                     "choose another place. Nothing has been changed."),
                   target, detail);
      break;
    case CRAFT_STORE_ERROR_READ_ONLY:
      g_set_error (error, CRAFT_STORE_ERROR, code,
                   _("The backup “%s” cannot be written there (%s). Choose a place you can "
                     "write to. Nothing has been changed."),
                   target, detail);
      break;
    default:
      g_set_error (error, CRAFT_STORE_ERROR, code,
                   _("The backup “%s” could not be written (%s). Nothing has been changed."),
                   target, detail);
      break;
    }
}

static void
set_write_error_errno (GError     **error,
                       const char  *target,
                       gboolean     restoring,
                       int          saved_errno)
{
  set_write_error (error, target, restoring, code_for_errno (saved_errno),
                   g_strerror (saved_errno));
}

static void
set_exists_error (GError     **error,
                  const char  *target)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("A file named “%s” already exists."), target);
}

/* A rename is only durable once the folder that holds the name is on disk too. */
static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
remove_part (const char *part)
{
  static const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (part, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
query_ok (sqlite3     *db,
          const char  *sql,
          char       **result)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (text, "ok") == 0;
      *result = g_strdup (text != NULL ? text : sqlite3_errstr (rc));
    }
  else
    {
      ok = FALSE;
      *result = g_strdup (sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Copies @src, page by page with the online backup API, into a new private file beside
 * @target; returns its temporary name once it is whole and has passed integrity_check.
 * Nothing else is written. */
static char *
write_copy (sqlite3       *src,
            const char    *target,
            gboolean       restoring,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *part = g_strconcat (target, ".XXXXXX.part", NULL);
  g_autofree char *check = NULL;
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  gboolean in_read = FALSE;
  gboolean ok = FALSE;
  guint busy_waits = 0;
  int fd;
  int rc;

  /* A unique name made with O_EXCL: an earlier leftover, or a file of the person's that
   * happens to be called like this, is never written over. */
  fd = g_mkstemp_full (part, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_write_error_errno (error, target, restoring, errno);
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (part, &dst, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_write_error (error, target, restoring, code_for_sqlite (rc), sqlite3_errstr (rc));
      goto out;
    }

  /* One read transaction for the whole copy: every step sees the same snapshot, so a save
   * in between never makes the copy start over, and in WAL mode a reader never makes a
   * writer wait, so typing goes on while the copy runs. */
  if (sqlite3_get_autocommit (src))
    {
      rc = sqlite3_exec (src, "BEGIN; SELECT COUNT(*) FROM sqlite_master;", NULL, NULL, NULL);
      in_read = !sqlite3_get_autocommit (src);
      if (rc != SQLITE_OK)
        {
          _craft_store_set_error (error, src, rc);
          goto out;
        }
    }

  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dst);
      set_write_error (error, target, restoring, code_for_sqlite (rc), sqlite3_errmsg (dst));
      goto out;
    }

  for (;;)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_OK)
        continue;
      /* Another program's lock (a rollback-journal writer): wait a little, not forever. */
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && busy_waits++ < MAX_BUSY_WAITS)
        {
          sqlite3_sleep (BUSY_SLEEP_MS);
          continue;
        }
      break;
    }
  sqlite3_backup_finish (backup);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (rc != SQLITE_DONE)
    {
      switch (rc & 0xff)
        {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
          /* The source could not be read: the store's own words for that. */
          _craft_store_set_error (error, NULL, rc);
          break;
        default:
          set_write_error (error, target, restoring, code_for_sqlite (rc), sqlite3_errstr (rc));
          break;
        }
      goto out;
    }

  /* The copy carries the source's WAL flag. A backup in rollback mode is one
   * self-contained file that can be read, even read-only, without -wal/-shm beside it. */
  rc = sqlite3_exec (dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_write_error (error, target, restoring, code_for_sqlite (rc), sqlite3_errmsg (dst));
      goto out;
    }

  if (!query_ok (dst, "PRAGMA integrity_check", &check))
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT,
                   _("The copy did not pass its check (%s), so it was not kept. Your data "
                     "has not been changed."),
                   check);
      goto out;
    }

  rc = sqlite3_close (dst);
  dst = NULL;
  if (rc != SQLITE_OK)
    {
      set_write_error (error, target, restoring, code_for_sqlite (rc), sqlite3_errstr (rc));
      goto out;
    }
  ok = TRUE;

out:
  if (in_read)
    sqlite3_exec (src, "ROLLBACK", NULL, NULL, NULL);
  if (dst != NULL)
    sqlite3_close_v2 (dst);
  if (!ok)
    {
      remove_part (part);
      return NULL;
    }
  return g_steal_pointer (&part);
}

/* Gives the finished copy its real name. Without @replace an existing file wins: link()
 * fails rather than replace it, and where links are missing (FAT on a USB stick) we look
 * first. */
static gboolean
place_copy (const char  *part,
            const char  *target,
            gboolean     replace,
            GError     **error)
{
  GStatBuf st;

  if (!replace)
    {
      if (link (part, target) == 0)
        {
          g_unlink (part);
          sync_folder_of (target);
          return TRUE;
        }
      if (errno == EEXIST || g_lstat (target, &st) == 0)
        {
          set_exists_error (error, target);
          return FALSE;
        }
    }

  if (g_rename (part, target) != 0)
    {
      set_write_error_errno (error, target, FALSE, errno);
      return FALSE;
    }
  sync_folder_of (target);
  return TRUE;
}

static gboolean
copy_database (sqlite3       *src,
               const char    *target,
               gboolean       replace,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *part = NULL;

  part = write_copy (src, target, FALSE, cancellable, error);
  if (part == NULL)
    return FALSE;
  if (!place_copy (part, target, replace, error))
    {
      remove_part (part);
      return FALSE;
    }
  return TRUE;
}

gboolean
_craft_store_copy_database (sqlite3     *src,
                            const char  *target,
                            GError     **error)
{
  return copy_database (src, target, FALSE, NULL, error);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf st_a, st_b;

  return g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0
         && st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/* A file chooser can point at the database itself; replacing it with its own copy would
 * pull the file out from under the open store. */
static gboolean
check_target (const char  *db_path,
              const char  *target,
              gboolean     replace,
              GError     **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *canonical = g_canonicalize_filename (target, NULL);
  GStatBuf st;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *live = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *live_canonical = g_canonicalize_filename (live, NULL);

      if (g_strcmp0 (canonical, live_canonical) == 0 || same_file (target, live))
        {
          g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                       _("A backup cannot replace the database it is made from. Choose "
                         "another name or place."));
          return FALSE;
        }
    }

  if (!replace && g_lstat (target, &st) == 0)
    {
      set_exists_error (error, target);
      return FALSE;
    }
  return TRUE;
}

/* A reader of its own for a worker thread; the store's connection stays on its thread. */
static sqlite3 *
open_reader (const char  *db_path,
             GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, db, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

gboolean
craft_store_backup_to_file (CraftStore        *store,
                            const char        *path,
                            CraftBackupFlags   flags,
                            GError           **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_target (craft_store_get_path (store), path, flags & CRAFT_BACKUP_REPLACE, error))
    return FALSE;
  return copy_database (_craft_store_get_db (store), path, flags & CRAFT_BACKUP_REPLACE, NULL,
                        error);
}

/* Reads craft-companion-YYYY-MM-DD.db, or with @is_part set the temporary
 * craft-companion-YYYY-MM-DD.db.XXXXXX.part of an unfinished one. Any other name is not a
 * daily backup and is never touched. */
static gboolean
parse_daily_name (const char *name,
                  GDate      *day,
                  gboolean   *is_part)
{
  const char *p;
  const char *rest;
  int year, month, mday;

  if (!g_str_has_prefix (name, DAILY_PREFIX))
    return FALSE;
  p = name + strlen (DAILY_PREFIX);
  if (strlen (p) < 13)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if ((i == 4 || i == 7) ? p[i] != '-' : !g_ascii_isdigit (p[i]))
        return FALSE;
    }

  rest = p + 10;
  if (strcmp (rest, ".db") == 0)
    *is_part = FALSE;
  else if (strlen (rest) == strlen (".db.XXXXXX.part") && g_str_has_prefix (rest, ".db.")
           && g_str_has_suffix (rest, ".part"))
    {
      for (guint i = 4; i < 10; i++)
        {
          if (!g_ascii_isalnum (rest[i]))
            return FALSE;
        }
      *is_part = TRUE;
    }
  else
    return FALSE;

  year = g_ascii_digit_value (p[0]) * 1000 + g_ascii_digit_value (p[1]) * 100
         + g_ascii_digit_value (p[2]) * 10 + g_ascii_digit_value (p[3]);
  month = g_ascii_digit_value (p[5]) * 10 + g_ascii_digit_value (p[6]);
  mday = g_ascii_digit_value (p[8]) * 10 + g_ascii_digit_value (p[9]);
  if (month < 1 || month > 12 || mday < 1 || mday > 31 || year < 1
      || !g_date_valid_dmy (mday, month, year))
    return FALSE;
  g_date_clear (day, 1);
  g_date_set_dmy (day, mday, month, year);
  return TRUE;
}

/* Removes daily backups that have had their week, and the temporary files of copies that
 * were cut short on an earlier day. Only regular files named exactly like ours go; a
 * failure here costs nothing, so it is reported and the rest goes on. */
static void
prune_backups (const char  *dir,
               const GDate *today)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GDate day;
      gboolean is_part;
      GStatBuf st;
      int age;

      if (!parse_daily_name (name, &day, &is_part))
        continue;
      age = g_date_days_between (&day, today);
      /* A copy from yesterday may still be running over midnight; leave it. */
      if (is_part ? age < 2 : age < CRAFT_BACKUP_KEEP_DAYS)
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (g_unlink (path) != 0)
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

static gboolean
backup_daily_from (sqlite3       *src,
                   const char    *data_dir,
                   GDateTime     *now,
                   char         **made_path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *dir = g_build_filename (data_dir, CRAFT_BACKUP_FOLDER, NULL);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate today;
  GStatBuf st;
  int year, month, mday;

  if (made_path != NULL)
    *made_path = NULL;

  if (!_craft_store_ensure_private_folder (dir, error))
    return FALSE;

  g_date_time_get_ymd (now, &year, &month, &mday);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, mday, month, year);
  name = g_strdup_printf (DAILY_PREFIX "%04d-%02d-%02d.db", year, month, mday);
  path = g_build_filename (dir, name, NULL);

  if (g_lstat (path, &st) != 0)
    {
      if (!copy_database (src, path, FALSE, cancellable, &local_error))
        {
          /* Another run made today's backup first: that is just as good. */
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
      else if (made_path != NULL)
        *made_path = g_strdup (path);
    }

  /* Only now that today's backup is safely there may the oldest go. */
  prune_backups (dir, &today);
  return TRUE;
}

gboolean
craft_store_backup_daily (CraftStore  *store,
                          GDateTime   *now,
                          char       **made_path,
                          GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return backup_daily_from (_craft_store_get_db (store), craft_store_get_data_dir (store), now,
                            made_path, NULL, error);
}

/* What a worker thread needs, copied so that it never touches the store itself. */
typedef struct
{
  char             *db_path;
  char             *data_dir;
  char             *target;
  GDateTime        *now;
  CraftBackupFlags  flags;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->db_path);
  g_free (job->data_dir);
  g_free (job->target);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job);
}

static BackupJob *
backup_job_new (CraftStore *store)
{
  BackupJob *job = g_new0 (BackupJob, 1);

  job->db_path = g_strdup (craft_store_get_path (store));
  job->data_dir = g_strdup (craft_store_get_data_dir (store));
  return job;
}

static void
backup_to_file_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  BackupJob *job = task_data;
  GError *error = NULL;
  sqlite3 *src = open_reader (job->db_path, &error);

  if (src != NULL)
    {
      copy_database (src, job->target, job->flags & CRAFT_BACKUP_REPLACE, cancellable, &error);
      sqlite3_close_v2 (src);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
craft_store_backup_to_file_async (CraftStore          *store,
                                  const char          *path,
                                  CraftBackupFlags     flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  BackupJob *job;

  g_return_if_fail (CRAFT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, craft_store_backup_to_file_async);

  if (!check_target (craft_store_get_path (store), path, flags & CRAFT_BACKUP_REPLACE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job = backup_job_new (store);
  job->target = g_strdup (path);
  job->flags = flags;
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_to_file_thread);
}

gboolean
craft_store_backup_to_file_finish (CraftStore    *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
backup_daily_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  BackupJob *job = task_data;
  GError *error = NULL;
  char *made_path = NULL;
  sqlite3 *src = open_reader (job->db_path, &error);

  if (src != NULL)
    {
      backup_daily_from (src, job->data_dir, job->now, &made_path, cancellable, &error);
      sqlite3_close_v2 (src);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, made_path, g_free);
}

void
craft_store_backup_daily_async (CraftStore          *store,
                                GDateTime           *now,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (CRAFT_IS_STORE (store));
  g_return_if_fail (now != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, craft_store_backup_daily_async);
  job = backup_job_new (store);
  job->now = g_date_time_ref (now);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_daily_thread);
}

gboolean
craft_store_backup_daily_finish (CraftStore    *store,
                                 GAsyncResult  *result,
                                 char         **made_path,
                                 GError       **error)
{
  GError *local_error = NULL;
  char *path;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  /* NULL is a success too: today's backup was already there. */
  path = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (made_path != NULL)
    *made_path = path;
  else
    g_free (path);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CraftBackupFile *file_a = *(CraftBackupFile * const *) a;
  const CraftBackupFile *file_b = *(CraftBackupFile * const *) b;

  return g_date_time_compare (file_b->day, file_a->day);
}

GPtrArray *
craft_store_list_backups (const char  *data_dir,
                          GError     **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  files = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_backup_file_free);
  dir = g_build_filename (data_dir, CRAFT_BACKUP_FOLDER, NULL);
  folder = g_dir_open (dir, 0, &local_error);
  if (folder == NULL)
    {
      /* No backup made yet. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&files);
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The backups could not be listed (%s)."), local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      CraftBackupFile *file;
      GDate day;
      gboolean is_part;
      GStatBuf st;

      if (!parse_daily_name (name, &day, &is_part) || is_part)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      file = g_new0 (CraftBackupFile, 1);
      file->path = g_steal_pointer (&path);
      file->day = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                         g_date_get_day (&day), 0, 0, 0);
      /* Where a clock change skips midnight, that local time does not exist. */
      if (file->day == NULL)
        file->day = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day),
                                         g_date_get_day (&day), 12, 0, 0);
      g_ptr_array_add (files, file);
    }

  g_ptr_array_sort (files, compare_newest_first);
  return g_steal_pointer (&files);
}

/* The tables each schema version added: a file without them is not one of ours. */
static const struct
{
  int         version;
  const char *table;
} expected_tables[] = {
  { 1, "worksheet_answer" },
  { 1, "worksheet_row" },
  { 1, "worksheet_row_value" },
  { 2, "meta" },
  { 2, "program_session" },
  { 2, "homework" },
  { 2, "happiness_rating" },
  { 3, "diary_entry" },
};

static gboolean
table_exists (sqlite3    *db,
              const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean exists = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return exists;
}

static gboolean
count_rows (sqlite3     *db,
            const char  *table,
            const char  *sql,
            guint       *count,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* An older backup may not have this table yet: it holds none of these. */
  *count = 0;
  if (!table_exists (db, table))
    return TRUE;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  else
    _craft_store_set_error (error, db, rc);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/* Opens a backup read-only after the same checks craft_store_open() makes (its header and
 * quick_check code is static in craft-store.c, so the minimal part is repeated here), and
 * also refuses an SQLite file that is not ours. immutable=1 makes SQLite read the file and
 * nothing else: no lock, no -wal or -shm created beside it, even in a folder of the person's. */
static sqlite3 *
open_backup (const char  *path,
             int         *version,
             GError     **error)
{
  static const char *sidecars[] = { "-wal", "-journal" };
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *uri_params = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint8 header[100];
  guint32 user_version;
  ssize_t n;
  int fd;
  int rc;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The database “%s” could not be read (%s)."), path,
                   g_strerror (saved_errno));
      return NULL;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  /* Unlike the data folder's own file, an empty backup holds nothing to restore. */
  if (n < (ssize_t) sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is not a Craft Companion database."), path);
      return NULL;
    }

  user_version = ((guint32) header[60] << 24) | ((guint32) header[61] << 16)
                 | ((guint32) header[62] << 8) | header[63];
  if (user_version > CRAFT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NEWER_VERSION,
                   _("The database was saved by a newer version of Craft Companion "
                     "(data version %d; this version knows up to %d)."),
                   (int) MIN (user_version, G_MAXINT), CRAFT_STORE_SCHEMA_VERSION);
      return NULL;
    }

  /* Changes still waiting beside the file would be missed by reading the file alone. */
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, sidecars[i], NULL);
      GStatBuf st;

      if (g_stat (sidecar, &st) == 0 && st.st_size > 0)
        {
          g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY,
                       _("The file “%s” is still in use by another program, or it was not "
                         "closed properly. Close that program and try again."),
                       path);
          return NULL;
        }
    }

  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The database “%s” could not be read (%s)."), path, local_error->message);
      return NULL;
    }
  uri_params = g_strconcat (uri, "?mode=ro&immutable=1", NULL);

  rc = sqlite3_open_v2 (uri_params, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, db, rc);
      goto fail;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _craft_store_set_error (error, db, rc);
      goto fail;
    }
  *version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!query_ok (db, "PRAGMA quick_check", &check))
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s)."), check);
      goto fail;
    }

  /* Any SQLite file passes the checks above; a version and the tables that version made
   * tell ours apart from another program's. */
  for (guint i = 0; i < G_N_ELEMENTS (expected_tables); i++)
    {
      if (*version < 1 || (expected_tables[i].version <= *version
                           && !table_exists (db, expected_tables[i].table)))
        {
          g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NOT_A_DATABASE,
                       _("The file “%s” is not a Craft Companion database."), path);
          goto fail;
        }
    }
  return db;

fail:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return NULL;
}

gboolean
craft_store_backup_describe (const char       *path,
                             CraftBackupInfo  *info,
                             GError          **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  GStatBuf st;
  int version = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (info, 0, sizeof *info);
  db = open_backup (path, &version, error);
  if (db == NULL)
    return FALSE;

  info->schema_version = version;
  if (g_stat (path, &st) == 0)
    info->modified_at = st.st_mtime;

  if (!count_rows (db, "diary_entry", "SELECT COUNT(*) FROM diary_entry WHERE deleted_at IS NULL",
                   &info->diary_entries, error)
      || !count_rows (db, "diary_entry",
                      "SELECT COUNT(*) FROM diary_entry WHERE deleted_at IS NOT NULL",
                      &info->trash_entries, error)
      || !count_rows (db, "worksheet_answer",
                      "SELECT COUNT(*) FROM worksheet_answer WHERE value <> ''",
                      &info->answers, error)
      || !count_rows (db, "program_session",
                      "SELECT COUNT(*) FROM program_session WHERE done_at > 0",
                      &info->sessions_done, error)
      || !count_rows (db, "happiness_rating", "SELECT COUNT(*) FROM happiness_rating",
                      &info->happiness_ratings, error))
    goto out;

  if (table_exists (db, "diary_entry"))
    {
      int rc = sqlite3_prepare_v2 (db,
                                   "SELECT happened_at, day FROM diary_entry"
                                   " WHERE deleted_at IS NULL"
                                   " ORDER BY happened_at DESC LIMIT 1",
                                   -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *day = (const char *) sqlite3_column_text (stmt, 1);

          info->newest_entry_at = sqlite3_column_int64 (stmt, 0);
          g_strlcpy (info->newest_entry_day, day != NULL ? day : "",
                     sizeof info->newest_entry_day);
        }
      else if (rc != SQLITE_DONE)
        {
          _craft_store_set_error (error, db, rc);
          goto out;
        }
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

static const char *db_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* Moves the database and whatever files belong with it from @from to @to. On failure the
 * ones already moved go back and FALSE is returned with errno set. */
static gboolean
move_database (const char *from,
               const char *to)
{
  guint moved;

  for (moved = 0; moved < G_N_ELEMENTS (db_suffixes); moved++)
    {
      g_autofree char *src = g_strconcat (from, db_suffixes[moved], NULL);
      g_autofree char *dst = g_strconcat (to, db_suffixes[moved], NULL);
      GStatBuf st;

      if (moved > 0 && g_lstat (src, &st) != 0)
        continue;
      if (g_rename (src, dst) != 0)
        break;
    }
  if (moved == G_N_ELEMENTS (db_suffixes))
    return TRUE;

  {
    int saved_errno = errno;

    while (moved-- > 0)
      {
        g_autofree char *src = g_strconcat (from, db_suffixes[moved], NULL);
        g_autofree char *dst = g_strconcat (to, db_suffixes[moved], NULL);
        GStatBuf st;

        if (g_lstat (dst, &st) == 0 && g_rename (dst, src) != 0)
          g_warning ("Could not move %s back to %s: %s", dst, src, g_strerror (errno));
      }
    errno = saved_errno;
  }
  return FALSE;
}

static char *
free_kept_name (const char *data_dir,
                GDateTime  *now)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  /* Never replace an earlier kept copy: count up until the name is free. */
  for (guint i = 0;; i++)
    {
      g_autofree char *name = i == 0
        ? g_strdup_printf ("craft-companion-before-restore-%s.db", stamp)
        : g_strdup_printf ("craft-companion-before-restore-%s-%u.db", stamp, i);
      g_autofree char *candidate = g_build_filename (data_dir, name, NULL);
      gboolean taken = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (db_suffixes) && !taken; j++)
        {
          g_autofree char *file = g_strconcat (candidate, db_suffixes[j], NULL);
          GStatBuf st;

          taken = g_lstat (file, &st) == 0;
        }
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

gboolean
craft_store_restore_backup (const char  *data_dir,
                            const char  *backup_path,
                            GDateTime   *now,
                            char       **kept_path,
                            GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *part = NULL;
  g_autofree char *kept = NULL;
  sqlite3 *src;
  GStatBuf st;
  int version = 0;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kept_path != NULL)
    *kept_path = NULL;

  src = open_backup (backup_path, &version, error);
  if (src == NULL)
    return FALSE;

  if (!_craft_store_ensure_private_folder (data_dir, error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }

  /* The new file is made and checked first: if the disk is full, nothing has moved yet. */
  db_path = g_build_filename (data_dir, CRAFT_STORE_FILENAME, NULL);
  part = write_copy (src, db_path, TRUE, NULL, error);
  sqlite3_close_v2 (src);
  if (part == NULL)
    return FALSE;

  if (g_lstat (db_path, &st) == 0)
    {
      kept = free_kept_name (data_dir, now);
      if (!move_database (db_path, kept))
        {
          int saved_errno = errno;

          g_set_error (error, CRAFT_STORE_ERROR, code_for_errno (saved_errno),
                       _("Your current data could not be moved aside (%s). Nothing has been "
                         "changed."),
                       g_strerror (saved_errno));
          remove_part (part);
          return FALSE;
        }
    }

  if (g_rename (part, db_path) != 0)
    {
      set_write_error_errno (error, db_path, TRUE, errno);
      remove_part (part);
      if (kept != NULL && !move_database (kept, db_path))
        g_warning ("Could not move %s back to %s: %s", kept, db_path, g_strerror (errno));
      return FALSE;
    }
  sync_folder_of (db_path);

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}

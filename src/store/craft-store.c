/* src/store/craft-store.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one SQLite database that holds everything a person keeps. Opening is careful: a file
 * that is not ours, is damaged, or comes from a newer version is refused before anything
 * could write to it, so a mistake never costs the person their notes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "craft-store-private.h"

/* How long opening (and its read-only check) waits for another program's lock. */
#define BUSY_TIMEOUT_MS 5000
/* How long a write on the person's own connection waits for another program's lock. It runs
 * on the main thread, so it stays short: the saver keeps the text and tries again instead
 * of freezing the window for seconds (see craft-saver.c). Long enough that the reminder
 * process's small writes never make a save fail. */
#define WRITE_BUSY_TIMEOUT_MS 300
#define SQLITE_HEADER "SQLite format 3"

/* Where the quick_check of a store opened by craft_store_open_deferring_check() stands. */
typedef enum
{
  CHECK_PASSED,  /* checked (or nothing to check): writes go through */
  CHECK_PENDING, /* not started yet */
  CHECK_RUNNING,
  CHECK_FAILED,  /* damaged, or the check could not run: no write goes through */
} CheckState;

struct _CraftStore
{
  GObject     parent_instance;

  char       *data_dir;
  char       *path;
  sqlite3    *db;
  GHashTable *statements; /* const char *sql (static) -> sqlite3_stmt */

  GMutex      check_lock;
  GCond       check_cond;
  CheckState  check_state;
  GError     *check_error;
  int         busy_timeout_ms;
};

G_DEFINE_FINAL_TYPE (CraftStore, craft_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (craft-store-error-quark, craft_store_error)

static void
craft_store_finalize (GObject *object)
{
  CraftStore *self = CRAFT_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->data_dir);
  g_free (self->path);
  g_clear_error (&self->check_error);
  g_mutex_clear (&self->check_lock);
  g_cond_clear (&self->check_cond);

  G_OBJECT_CLASS (craft_store_parent_class)->finalize (object);
}

static void
craft_store_class_init (CraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = craft_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
craft_store_init (CraftStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  g_mutex_init (&self->check_lock);
  g_cond_init (&self->check_cond);
  self->check_state = CHECK_PASSED;
  self->busy_timeout_ms = WRITE_BUSY_TIMEOUT_MS;
}

/* Writes a byte to a new file beside @db_path and removes it: the errno of the failure, or
 * 0. SQLite's own errno is often gone by the time an I/O error comes back, and a disk the
 * kernel forced read-only still says "rw" to statvfs(). */
static int
probe_folder (const char *db_path)
{
  g_autofree char *probe = g_strconcat (db_path, "-probe-XXXXXX", NULL);
  int fd = g_mkstemp_full (probe, O_WRONLY | O_CLOEXEC, 0600);
  int result = 0;

  if (fd < 0)
    return errno;
  if (write (fd, "x", 1) != 1 || fsync (fd) != 0)
    result = errno;
  close (fd);
  g_unlink (probe);
  return result;
}

/* Whether the database file of @db was removed or renamed since it was opened. */
static gboolean
has_moved (sqlite3 *db)
{
  int moved = 0;

  return sqlite3_file_control (db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK
         && moved;
}

void
_craft_store_set_error (GError  **error,
                        sqlite3  *db,
                        int       rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int primary = rc & 0xff;

  /* A write that failed in the file system (SQLITE_IOERR) is named by what the disk says
   * now: full, or turned read-only by the kernel after an error. */
  if (primary == SQLITE_IOERR && db != NULL)
    {
      const char *file = sqlite3_db_filename (db, "main");

      switch (file != NULL && *file != '\0' ? probe_folder (file) : 0)
        {
        case ENOSPC:
        case EDQUOT:
          primary = SQLITE_FULL;
          break;
        case EROFS:
        case EACCES:
        case EPERM:
          primary = SQLITE_READONLY;
          break;
        default:
          break;
        }
    }

  /* Only our own commit hook refuses commits (on_commit_cb): the database file was removed,
   * or the deferred check found it damaged. */
  if (rc == SQLITE_CONSTRAINT_COMMITHOOK)
    {
      if (db != NULL && has_moved (db))
        g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FOLDER_GONE,
                     _("Your data folder was removed while Craft Companion was open."));
      else
        g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT,
                     _("The database is damaged, so nothing more is saved in it."));
      return;
    }

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      /* No SQLite wording here: "database is locked" means nothing to a person. */
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_BUSY,
                   _("Another program is using your data right now."));
      break;
    case SQLITE_FULL:
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_DISK_FULL,
                   _("The disk is full (%s)."), detail);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_READ_ONLY,
                   _("The data folder cannot be written to (%s)."), detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NOT_A_DATABASE,
                   _("The file is not a Craft Companion database (%s)."), detail);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s)."), detail);
      break;
    default:
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The data could not be read or written (%s)."), detail);
      break;
    }
}

sqlite3 *
_craft_store_get_db (CraftStore *self)
{
  return self->db;
}

void
_craft_store_set_busy_timeout (CraftStore *self,
                               int         ms)
{
  self->busy_timeout_ms = ms;
  sqlite3_busy_timeout (self->db, ms);
}

sqlite3_stmt *
_craft_store_prepare (CraftStore  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, self->db, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_craft_store_step_done (CraftStore    *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _craft_store_set_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    _craft_store_set_error (error, db, rc);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

char *
craft_store_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "craft-companion", NULL);
}

gboolean
_craft_store_ensure_private_folder (const char  *dir,
                                    GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      int saved_errno = errno;

      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FOLDER,
                   _("The data folder “%s” could not be created (%s)."), dir,
                   g_strerror (saved_errno ? saved_errno : ENOTDIR));
      return FALSE;
    }

  /* The folder holds the most private notes of a person's life: owner only. */
  if ((st.st_mode & 0777) != 0700 && g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FOLDER,
                   _("The data folder “%s” could not be made private (%s)."), dir,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Reads the file's own header, so that a file we must not touch is refused before SQLite
 * opens it (opening can write: a WAL checkpoint, a journal roll-back). */
static gboolean
check_header (const char  *path,
              gboolean    *exists,
              GError     **error)
{
  guint8 header[100];
  ssize_t n;
  int fd;
  guint32 user_version;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          *exists = FALSE;
          return TRUE;
        }
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The database “%s” could not be read (%s)."), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;
  n = read (fd, header, sizeof header);
  close (fd);

  /* An empty file is what SQLite itself makes before the first write. */
  if (n == 0)
    return TRUE;

  if (n < (ssize_t) sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is not a Craft Companion database."), path);
      return FALSE;
    }

  user_version = ((guint32) header[60] << 24) | ((guint32) header[61] << 16)
                 | ((guint32) header[62] << 8) | header[63];
  if (user_version > CRAFT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NEWER_VERSION,
                   _("The database was saved by a newer version of Craft Companion "
                     "(data version %d; this version knows up to %d)."),
                   (int) MIN (user_version, G_MAXINT), CRAFT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  /* SQLite gives its -wal and -shm files the mode of the database file, so creating the
   * database as 0600 keeps all three private. */
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, CRAFT_STORE_ERROR,
                   saved_errno == ENOSPC ? CRAFT_STORE_ERROR_DISK_FULL
                                         : CRAFT_STORE_ERROR_READ_ONLY,
                   _("The database “%s” could not be created (%s)."), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

static void
make_files_private (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && (st.st_mode & 0777) != 0600)
        g_chmod (file, 0600);
    }
}

/* Reads the version and, with @quick_check, runs quick_check on a read-only connection,
 * which cannot change the file, before the writing connection is opened. Sets
 * @hot_journal when the file has a transaction to roll back that a read-only connection
 * cannot (see roll_back_hot_journal()). */
static gboolean
check_database_once (const char  *path,
                     gboolean     quick_check,
                     int         *version,
                     gboolean    *hot_journal,
                     GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, db, rc);
      goto out;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!query_int (db, "PRAGMA user_version", version, error))
    {
      *hot_journal = sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK;
      goto out;
    }
  if (*version > CRAFT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_NEWER_VERSION,
                   _("The database was saved by a newer version of Craft Companion "
                     "(data version %d; this version knows up to %d)."),
                   *version, CRAFT_STORE_SCHEMA_VERSION);
      goto out;
    }
  if (!quick_check)
    {
      ok = TRUE;
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _craft_store_set_error (error, db, rc);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s)."), sqlite3_column_text (stmt, 0));
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

/* A program killed in a write before the database was switched to WAL (in the first moments
 * of a new database) leaves a hot rollback journal. Rolling it back is SQLite's own
 * recovery to the last committed state, which any writing connection does as it opens;
 * a read-only one cannot, and would call the folder read-only. */
static gboolean
roll_back_hot_journal (const char  *path,
                       GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    _craft_store_set_error (error, db, rc);
  sqlite3_close_v2 (db);
  return rc == SQLITE_OK;
}

static gboolean
check_database (const char  *path,
                gboolean     quick_check,
                int         *version,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean hot_journal = FALSE;

  if (check_database_once (path, quick_check, version, &hot_journal, &local_error))
    return TRUE;
  if (hot_journal)
    {
      g_debug ("Rolling back what a killed writer left unfinished in %s", path);
      if (!roll_back_hot_journal (path, error))
        return FALSE;
      return check_database_once (path, quick_check, version, &hot_journal, error);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
migrate (sqlite3     *db,
         int          from_version,
         GError     **error)
{
  const CraftMigration *migrations;
  guint n_migrations;

  migrations = _craft_store_get_migrations (&n_migrations);
  for (guint i = 0; i < n_migrations; i++)
    {
      g_autofree char *set_version = NULL;

      if (migrations[i].version <= from_version)
        continue;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", migrations[i].version);
      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec_sql (db, migrations[i].sql, error) || !exec_sql (db, set_version, error)
          || !exec_sql (db, "COMMIT", error))
        {
          exec_sql (db, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/* Runs the deferred check unless it ran; waits while another thread runs it. */
static gboolean
wait_checked (CraftStore  *self,
              GError     **error)
{
  gboolean passed;

  g_mutex_lock (&self->check_lock);
  if (self->check_state == CHECK_PENDING)
    {
      g_autoptr(GError) local_error = NULL;
      int version = 0;
      gboolean ok;

      self->check_state = CHECK_RUNNING;
      g_mutex_unlock (&self->check_lock);
      ok = check_database (self->path, TRUE, &version, &local_error);
      g_mutex_lock (&self->check_lock);
      self->check_state = ok ? CHECK_PASSED : CHECK_FAILED;
      self->check_error = g_steal_pointer (&local_error);
      g_cond_broadcast (&self->check_cond);
    }
  while (self->check_state == CHECK_RUNNING)
    g_cond_wait (&self->check_cond, &self->check_lock);
  passed = self->check_state == CHECK_PASSED;
  if (!passed)
    g_propagate_error (error, g_error_copy (self->check_error));
  g_mutex_unlock (&self->check_lock);
  return passed;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (wait_checked (source_object, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
craft_store_check_async (CraftStore          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRAFT_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, craft_store_check_async);
  g_task_run_in_thread (task, check_thread);
}

gboolean
craft_store_get_check_pending (CraftStore *self)
{
  gboolean pending;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  g_mutex_lock (&self->check_lock);
  pending = self->check_state == CHECK_PENDING || self->check_state == CHECK_RUNNING;
  g_mutex_unlock (&self->check_lock);
  return pending;
}

gboolean
craft_store_check_finish (CraftStore    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Before every commit. Non-zero turns the commit into a roll-back
 * (SQLITE_CONSTRAINT_COMMITHOOK, named by _craft_store_set_error()). It refuses a commit
 * whose file was removed or renamed since it was opened: the write would land in a file that
 * is gone and be lost at exit, while the person believed it saved. And nothing is written to
 * a database not known to be sound (craft_store_open_deferring_check()). */
static int
on_commit_cb (gpointer user_data)
{
  CraftStore *self = user_data;

  if (self->db != NULL && has_moved (self->db))
    return 1;
  return wait_checked (self, NULL) ? 0 : 1;
}

static gboolean
open_writer (CraftStore  *self,
             sqlite3    **out_db,
             GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _craft_store_set_error (error, db, rc);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  /* SQLite quietly opens read-only what it cannot write; a store that cannot save must
   * say so at once, not take the person's typing and fail later. */
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_READ_ONLY,
                   _("The data folder cannot be written to (%s)."), g_strerror (EROFS));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, self->busy_timeout_ms);
  sqlite3_extended_result_codes (db, TRUE);

  /* WAL with synchronous=FULL: each commit is synced to disk before it returns, so a note
   * that was reported saved survives a power cut, not only a crash of the app. NORMAL
   * would skip that sync and could lose the last saves on power loss (never corrupt the
   * file); the cost of FULL is one flush per save, and typing is batched into one save per
   * pause. README's data section says the same. */
  if (!exec_sql (db,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;",
                 error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }
  /* Only now: switching a fresh copy to WAL is a commit of its own, made while self->db is
   * still the connection being replaced (craft_store_reopen()). */
  sqlite3_commit_hook (db, on_commit_cb, self);
  *out_db = db;
  return TRUE;
}

static CraftStore *
open_store (const char  *data_dir,
            gboolean     defer_check,
            GError     **error)
{
  g_autoptr(CraftStore) self = NULL;
  gboolean exists = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_craft_store_ensure_private_folder (data_dir, error))
    return NULL;

  self = g_object_new (CRAFT_TYPE_STORE, NULL);
  self->data_dir = g_strdup (data_dir);
  self->path = g_build_filename (data_dir, CRAFT_STORE_FILENAME, NULL);

  if (!check_header (self->path, &exists, error))
    return NULL;
  /* Only the version is read now when the check may wait: a database that needs migrating
   * is checked before the migration writes to it. */
  if (exists && !check_database (self->path, !defer_check, &version, error))
    return NULL;
  if (exists && defer_check && version < CRAFT_STORE_SCHEMA_VERSION
      && !check_database (self->path, TRUE, &version, error))
    return NULL;
  if (exists && defer_check && version == CRAFT_STORE_SCHEMA_VERSION)
    self->check_state = CHECK_PENDING;
  if (!exists && !create_private_file (self->path, error))
    return NULL;

  /* Opening may wait the long way for another program's lock: nobody is typing yet. */
  self->busy_timeout_ms = BUSY_TIMEOUT_MS;
  if (!open_writer (self, &self->db, error))
    return NULL;

  if (!migrate (self->db, version, error))
    return NULL;

  make_files_private (self->path);

  /* Removals that were not undone before the app last closed are final now. Looked for
   * first, so that an open with nothing to remove writes nothing (and waits for no check). */
  if (!query_int (self->db,
                  "SELECT EXISTS (SELECT 1 FROM worksheet_row WHERE deleted_at IS NOT NULL)",
                  &rc, error))
    return NULL;
  if (rc && !exec_sql (self->db, "DELETE FROM worksheet_row WHERE deleted_at IS NOT NULL", error))
    return NULL;

  _craft_store_set_busy_timeout (self, WRITE_BUSY_TIMEOUT_MS);

  return g_steal_pointer (&self);
}

CraftStore *
craft_store_open (const char  *data_dir,
                  GError     **error)
{
  return open_store (data_dir, FALSE, error);
}

CraftStore *
craft_store_open_deferring_check (const char  *data_dir,
                                  GError     **error)
{
  return open_store (data_dir, TRUE, error);
}

const char *
craft_store_get_data_dir (CraftStore *self)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  return self->data_dir;
}

const char *
craft_store_get_path (CraftStore *self)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  return self->path;
}

gboolean
craft_store_has_moved (CraftStore *self)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);

  return has_moved (self->db);
}

gboolean
craft_store_put_back (CraftStore  *self,
                      GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!craft_store_has_moved (self))
    return TRUE;

  /* The open connection still reads the removed file whole: copy it, checked, to where it
   * belongs. The copy never replaces a file someone has put there meanwhile. */
  if (!_craft_store_ensure_private_folder (self->data_dir, error)
      || !_craft_store_copy_database (self->db, self->path, error))
    return FALSE;

  return craft_store_reopen (self, error);
}

gboolean
craft_store_reopen (CraftStore  *self,
                    GError     **error)
{
  sqlite3 *db = NULL;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The old connection stays in use until the new one is whole. */
  if (!open_writer (self, &db, error))
    return FALSE;

  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = db;
  make_files_private (self->path);
  return TRUE;
}

char *
craft_store_set_aside (const char  *data_dir,
                       GDateTime   *now,
                       GError     **error)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  path = g_build_filename (data_dir, CRAFT_STORE_FILENAME, NULL);
  stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  /* Never overwrite an earlier damaged copy: count up until the name is free. */
  for (guint i = 0; target == NULL; i++)
    {
      g_autofree char *name = i == 0
        ? g_strdup_printf ("craft-companion-damaged-%s.db", stamp)
        : g_strdup_printf ("craft-companion-damaged-%s-%u.db", stamp, i);
      g_autofree char *candidate = g_build_filename (data_dir, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        target = g_steal_pointer (&candidate);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRAFT_STORE_ERROR, CRAFT_STORE_ERROR_FAILED,
                   _("The damaged database could not be moved aside (%s)."),
                   g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&target);
}

char *
_craft_store_step_text (CraftStore    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  char *value = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      value = g_strdup (text != NULL ? text : "");
    }
  else if (rc == SQLITE_DONE)
    value = g_strdup ("");
  else
    _craft_store_set_error (error, self->db, rc);
  sqlite3_reset (stmt);
  return value;
}

char *
craft_store_get_answer (CraftStore  *self,
                        const char  *worksheet,
                        const char  *field,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (worksheet != NULL && field != NULL, NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT value FROM worksheet_answer"
                               " WHERE worksheet = ?1 AND field = ?2",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, worksheet, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  return _craft_store_step_text (self, stmt, error);
}

gboolean
craft_store_set_answer (CraftStore  *self,
                        const char  *worksheet,
                        const char  *field,
                        const char  *value,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (worksheet != NULL && field != NULL && value != NULL, FALSE);

  stmt = _craft_store_prepare (self,
                               "INSERT OR REPLACE INTO worksheet_answer"
                               " (worksheet, field, value, updated_at)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, worksheet, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  return _craft_store_step_done (self, stmt, error);
}

GArray *
craft_store_list_rows (CraftStore  *self,
                       const char  *worksheet,
                       const char  *list,
                       GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (worksheet != NULL && list != NULL, NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT id FROM worksheet_row"
                               " WHERE worksheet = ?1 AND list = ?2 AND deleted_at IS NULL"
                               " ORDER BY position, id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, worksheet, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list, -1, SQLITE_TRANSIENT);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _craft_store_set_error (error, self->db, rc);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gint64
craft_store_add_row (CraftStore  *self,
                     const char  *worksheet,
                     const char  *list,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), 0);
  g_return_val_if_fail (worksheet != NULL && list != NULL, 0);

  /* New rows go last, after hidden ones too, so an undone removal keeps its place. */
  stmt = _craft_store_prepare (self,
                               "INSERT INTO worksheet_row (worksheet, list, position, created_at)"
                               " SELECT ?1, ?2, IFNULL(MAX(position) + 1, 0), ?3"
                               " FROM worksheet_row WHERE worksheet = ?1 AND list = ?2",
                               error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, worksheet, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  if (!_craft_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
set_row_deleted (CraftStore  *self,
                 gint64       row_id,
                 gboolean     deleted,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _craft_store_prepare (self,
                               "UPDATE worksheet_row SET deleted_at = ?2 WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row_id);
  if (deleted)
    sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  else
    sqlite3_bind_null (stmt, 2);
  return _craft_store_step_done (self, stmt, error);
}

gboolean
craft_store_delete_row (CraftStore  *self,
                        gint64       row_id,
                        GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  return set_row_deleted (self, row_id, TRUE, error);
}

gboolean
craft_store_restore_row (CraftStore  *self,
                         gint64       row_id,
                         GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  return set_row_deleted (self, row_id, FALSE, error);
}

char *
craft_store_get_row_value (CraftStore  *self,
                           gint64       row_id,
                           const char  *field,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  stmt = _craft_store_prepare (self,
                               "SELECT value FROM worksheet_row_value"
                               " WHERE row_id = ?1 AND field = ?2",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  return _craft_store_step_text (self, stmt, error);
}

gboolean
craft_store_set_row_value (CraftStore  *self,
                           gint64       row_id,
                           const char  *field,
                           const char  *value,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRAFT_IS_STORE (self), FALSE);
  g_return_val_if_fail (field != NULL && value != NULL, FALSE);

  stmt = _craft_store_prepare (self,
                               "INSERT OR REPLACE INTO worksheet_row_value (row_id, field, value)"
                               " VALUES (?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  return _craft_store_step_done (self, stmt, error);
}

/* src/review/craft-export.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export of everything to JSON, of the diary to CSV, and import of a JSON export. The
 * format is described in docs/export-format.md. Nothing here ever leaves the computer.
 */
#pragma once

#include <gio/gio.h>

#include "store/craft-store.h"

G_BEGIN_DECLS

#define CRAFT_EXPORT_ERROR (craft_export_error_quark ())

typedef enum
{
  CRAFT_EXPORT_ERROR_FAILED,        /* the file could not be read or written */
  CRAFT_EXPORT_ERROR_NOT_AN_EXPORT, /* valid JSON, but not ours */
  CRAFT_EXPORT_ERROR_NEWER_VERSION, /* ours, from a newer format version */
  CRAFT_EXPORT_ERROR_DAMAGED,       /* not JSON, cut short, or with wrong or hostile values */
  CRAFT_EXPORT_ERROR_TOO_LARGE,     /* larger than CRAFT_IMPORT_MAX_FILE_SIZE */
} CraftExportError;

/* The "format" and "version" members of an export. */
#define CRAFT_EXPORT_FORMAT  "craft-companion"
#define CRAFT_EXPORT_VERSION 1

/* What an import accepts at most. */
#define CRAFT_IMPORT_MAX_FILE_SIZE (G_GINT64_CONSTANT (512) * 1024 * 1024)
#define CRAFT_IMPORT_MAX_STRING    100000   /* bytes in one text */
#define CRAFT_IMPORT_MAX_ID        200      /* bytes in a worksheet, field, list, task or key id */
#define CRAFT_IMPORT_MAX_ITEMS     1000000  /* items in one array or object */
#define CRAFT_IMPORT_MAX_DEPTH     16       /* arrays and objects inside each other */

GQuark      craft_export_error_quark (void);

/* The warning to show with every export: the file is not protected. */
const char *craft_export_get_warning (void);

/* Writes everything except the Trash to @file as JSON. The file is written under a
 * temporary name and renamed at the end, so a failed export leaves no half file; a new file
 * gets the permissions the process's umask gives, and the folder is left as it is. */
gboolean    craft_export_json        (CraftStore  *store,
                                      GFile       *file,
                                      GError     **error);
/* Writes the diary (not the Trash) to @file as CSV: UTF-8 with a BOM, CRLF, a header row. */
gboolean    craft_export_csv         (CraftStore  *store,
                                      GFile       *file,
                                      GError     **error);
/* CSV when the file's name ends in ".csv" (any case), JSON otherwise: for --export FILE. */
gboolean    craft_export_to_file     (CraftStore  *store,
                                      GFile       *file,
                                      GError     **error);

/* What an import holds and, after craft_import_preview() or craft_import_apply(), what it
 * would add or added to the store. */
typedef struct
{
  guint diary_entries;     /* entries in the file */
  guint diary_new;         /* entries added */
  guint diary_present;     /* entries already here (same uuid, also in the Trash), left alone */
  guint answers;           /* worksheet answers filled in where empty */
  guint rows;              /* worksheet rows added to lists that were empty */
  guint sessions;          /* sessions given a plan date or progress */
  guint homework;          /* homework ticks added */
  guint happiness_ratings; /* happiness ratings added */
  guint settings;          /* settings (such as the plan's start) filled in */
} CraftImportSummary;

typedef struct _CraftImport CraftImport;

/* Reads and checks the whole file into memory, touching no data. */
CraftImport              *craft_import_load              (GFile        *file,
                                                          GError      **error);
/* The same for a file's contents already in memory (@data need not end in a NUL). */
CraftImport              *craft_import_load_data         (const char   *data,
                                                          gsize         length,
                                                          GError      **error);
void                      craft_import_free              (CraftImport  *import);
/* Works out what craft_import_apply() would add to @store, writing nothing. */
gboolean                  craft_import_preview           (CraftImport  *import,
                                                          CraftStore   *store,
                                                          GError      **error);
/* Adds what is new in one transaction: all of it, or on any error nothing at all. */
gboolean                  craft_import_apply             (CraftImport  *import,
                                                          CraftStore   *store,
                                                          GError      **error);
/* Called from the thread that imports with how many of @total items are merged so far;
 * the last call has @done == @total, once everything is written. */
typedef void (*CraftImportProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);
/* The same, telling @func how far it is. */
gboolean                  craft_import_apply_with_progress (CraftImport             *import,
                                                            CraftStore              *store,
                                                            CraftImportProgressFunc  func,
                                                            gpointer                 user_data,
                                                            GError                 **error);
/* The counts of the last preview or import (only the file's counts before either). */
const CraftImportSummary *craft_import_get_summary       (CraftImport  *import);
/* The summary as translated lines, one count a line, for a preview or the command line: the
 * diary's two counts always, the others when they are not 0. */
char                     *craft_import_summary_to_string (const CraftImportSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftImport, craft_import_free)

G_END_DECLS

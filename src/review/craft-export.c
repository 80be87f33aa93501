/* src/review/craft-export.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export and import. Exports are streamed: the JSON is written record by record rather than
 * built as one json-glib tree, which for a hundred thousand diary entries would cost hundreds
 * of megabytes and most of the time budget. json-glib has no streaming writer, so the small
 * writer here does the escaping itself; the output is read back with json-glib in the tests.
 * Output is deterministic (a stable order, no timestamp of the export), so exporting,
 * importing into an empty folder and exporting again gives the same bytes.
 *
 * An import is read and checked completely before anything is written, and then merged in
 * one transaction. See docs/export-format.md for the format and the merge rules.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "craft-export.h"
#include "craft-json-reader.h"
#include "store/craft-store-export.h"

G_DEFINE_QUARK (craft-export-error-quark, craft_export_error)

/* Written out in pieces of about this size. */
#define FLUSH_SIZE (64 * 1024)

const char *
craft_export_get_warning (void)
{
  return _("The exported file is not protected: anyone who can open it can read everything "
           "in it. Keep it somewhere safe, and delete it when you no longer need it.");
}

/* Output
 *
 * The file is written under a temporary name beside the target and renamed over it only
 * when complete, so a failed or interrupted export never leaves half a file. Over an
 * existing file, g_file_replace() does exactly that and keeps the file's permissions. For a
 * new file GIO would write in place, so then the temporary file is made here, with mode 0666
 * less the umask. Where the export goes and who may read it is the person's choice; the
 * folder is never touched. */

typedef struct
{
  GFile         *file;
  GOutputStream *stream;    /* replacing a file, or a new file that is not local */
  char          *temporary; /* a new local file: written here, then renamed */
  int            fd;
  GString       *buffer;
} Output;

static void
set_write_error (GError     **error,
                 GFile       *file,
                 const char  *detail)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_FAILED,
               _("The file “%s” could not be saved: %s"), name, detail);
}

static void
output_clear (Output *out)
{
  if (out->fd >= 0)
    close (out->fd);
  out->fd = -1;
  g_clear_object (&out->stream);
  g_clear_pointer (&out->temporary, g_free);
  g_clear_object (&out->file);
  if (out->buffer != NULL)
    g_string_free (g_steal_pointer (&out->buffer), TRUE);
}

static gboolean
output_open (Output  *out,
             GFile   *file,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);

  memset (out, 0, sizeof *out);
  out->fd = -1;
  out->file = g_object_ref (file);
  out->buffer = g_string_sized_new (FLUSH_SIZE + 4096);

  if (path != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *basename = g_path_get_basename (path);

      for (guint attempt = 0; out->fd < 0 && attempt < 100; attempt++)
        {
          g_autofree char *name = g_strdup_printf (".%s.%06x.part", basename,
                                                   g_random_int_range (0, 0xffffff));

          g_free (out->temporary);
          out->temporary = g_build_filename (folder, name, NULL);
          out->fd = g_open (out->temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
          if (out->fd < 0 && errno != EEXIST)
            break;
        }
      if (out->fd < 0)
        {
          int saved_errno = errno;

          set_write_error (error, file, g_strerror (saved_errno));
          output_clear (out);
          return FALSE;
        }
      return TRUE;
    }

  out->stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                                 &local_error));
  if (out->stream == NULL)
    {
      set_write_error (error, file, local_error->message);
      output_clear (out);
      return FALSE;
    }
  return TRUE;
}

static gboolean
output_flush (Output   *out,
              gboolean  all,
              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *data = out->buffer->str;
  gsize left = out->buffer->len;

  if (left == 0 || (!all && left < FLUSH_SIZE))
    return TRUE;

  if (out->fd >= 0)
    {
      while (left > 0)
        {
          gssize written = write (out->fd, data, left);

          if (written < 0 && errno == EINTR)
            continue;
          if (written < 0)
            {
              int saved_errno = errno;

              set_write_error (error, out->file, g_strerror (saved_errno));
              return FALSE;
            }
          data += written;
          left -= (gsize) written;
        }
    }
  else if (!g_output_stream_write_all (out->stream, data, left, NULL, NULL, &local_error))
    {
      set_write_error (error, out->file, local_error->message);
      return FALSE;
    }
  g_string_truncate (out->buffer, 0);
  return TRUE;
}

static void
output_abort (Output *out)
{
  if (out->temporary != NULL)
    g_unlink (out->temporary);
  if (out->stream != NULL)
    {
      /* Closing with a cancelled cancellable makes GIO drop its temporary file instead of
       * renaming it over the target. */
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_cancellable_cancel (cancellable);
      g_output_stream_close (out->stream, cancellable, NULL);
    }
  output_clear (out);
}

static gboolean
output_close (Output  *out,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!output_flush (out, TRUE, error))
    {
      output_abort (out);
      return FALSE;
    }

  if (out->fd >= 0)
    {
      g_autofree char *path = g_file_get_path (out->file);
      int fd = out->fd;

      /* On disk before the rename, so a power cut cannot leave an empty file under the
       * name; g_file_replace() does the same with its own temporary file. */
      out->fd = -1;
      if (fsync (fd) != 0 || close (fd) != 0 || g_rename (out->temporary, path) != 0)
        {
          int saved_errno = errno;

          set_write_error (error, out->file, g_strerror (saved_errno));
          output_abort (out);
          return FALSE;
        }
    }
  else if (!g_output_stream_close (out->stream, NULL, &local_error))
    {
      set_write_error (error, out->file, local_error->message);
      output_abort (out);
      return FALSE;
    }
  g_clear_pointer (&out->temporary, g_free);
  output_clear (out);
  return TRUE;
}

/* JSON writing */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autofree char *valid = NULL;

  /* The diary checks its text, but other answers could hold bytes that are not UTF-8;
   * those become U+FFFD so that the file stays valid JSON. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               gboolean    first,
               const char *name)
{
  if (!first)
    g_string_append (out, ", ");
  append_json_string (out, name);
  g_string_append (out, ": ");
}

static void
append_string_member (GString    *out,
                      gboolean    first,
                      const char *name,
                      const char *value)
{
  append_member (out, first, name);
  append_json_string (out, value);
}

static void
append_int_member (GString    *out,
                   gboolean    first,
                   const char *name,
                   gint64      value)
{
  append_member (out, first, name);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/* Moments that may be unset: 0 is written as null. */
static void
append_time_or_null_member (GString    *out,
                            gboolean    first,
                            const char *name,
                            gint64      value)
{
  if (value > 0)
    append_int_member (out, first, name, value);
  else
    {
      append_member (out, first, name);
      g_string_append (out, "null");
    }
}

/* Opens a section: "  "name": [" and remembers that no item was written yet. */
static void
begin_section (GString    *out,
               const char *name,
               const char *bracket)
{
  g_string_append (out, ",\n  ");
  append_json_string (out, name);
  g_string_append_printf (out, ": %s", bracket);
}

static void
begin_item (GString  *out,
            guint     index)
{
  g_string_append (out, index == 0 ? "\n    " : ",\n    ");
}

static void
end_section (GString    *out,
             guint       n_items,
             const char *bracket)
{
  if (n_items > 0)
    g_string_append (out, "\n  ");
  g_string_append (out, bracket);
}

typedef struct
{
  Output             *out;
  const char * const *names;
  guint               count;
} DiaryWriter;

static gboolean
write_json_entry_cb (const CraftDiaryRecord  *record,
                     gpointer                 user_data,
                     GError                 **error)
{
  DiaryWriter *writer = user_data;
  GString *out = writer->out->buffer;

  begin_item (out, writer->count++);
  g_string_append_c (out, '{');
  append_string_member (out, TRUE, "uuid", record->uuid);
  for (guint i = 0; writer->names[i] != NULL; i++)
    {
      const char *name = writer->names[i];
      const char *value = record->values[i];

      /* Fields that are not filled in are left out: most entries fill only a few, and the
       * file is read back twice as fast without them. */
      switch (craft_store_diary_field_kind (name))
        {
        case CRAFT_DIARY_KIND_TIME:
          append_member (out, FALSE, name);
          g_string_append (out, *value != '\0' ? value : "0");
          /* The entry's own moments follow when it happened, so the three read together. */
          append_int_member (out, FALSE, "created-at", record->created_at);
          append_int_member (out, FALSE, "updated-at", record->updated_at);
          break;
        case CRAFT_DIARY_KIND_RATING:
          if (*value != '\0')
            {
              append_member (out, FALSE, name);
              g_string_append (out, value);
            }
          break;
        case CRAFT_DIARY_KIND_FLAG:
          if (g_str_equal (value, "1"))
            {
              append_member (out, FALSE, name);
              g_string_append (out, "true");
            }
          break;
        case CRAFT_DIARY_KIND_TEXT:
        case CRAFT_DIARY_KIND_CHOICE:
        case CRAFT_DIARY_KIND_TAGS:
        default:
          if (*value != '\0')
            append_string_member (out, FALSE, name, value);
          break;
        }
    }
  g_string_append_c (out, '}');
  return output_flush (writer->out, FALSE, error);
}

static gboolean
write_json_sections (CraftStore  *store,
                     Output      *output,
                     GError     **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) homework = NULL;
  g_autoptr(GPtrArray) meta = NULL;
  g_autoptr(GArray) happiness = NULL;
  DiaryWriter writer = { output, craft_store_diary_fields (), 0 };
  GString *out = output->buffer;

  g_string_append (out, "{\n  ");
  append_string_member (out, TRUE, "format", CRAFT_EXPORT_FORMAT);
  g_string_append (out, ",\n  ");
  append_int_member (out, TRUE, "version", CRAFT_EXPORT_VERSION);

  begin_section (out, "diary", "[");
  if (!craft_store_foreach_diary_record (store, FALSE, write_json_entry_cb, &writer, error))
    return FALSE;
  end_section (out, writer.count, "]");

  if ((answers = craft_store_list_answer_records (store, error)) == NULL)
    return FALSE;
  begin_section (out, "answers", "[");
  for (guint i = 0; i < answers->len; i++)
    {
      CraftAnswerRecord *answer = answers->pdata[i];

      begin_item (out, i);
      g_string_append_c (out, '{');
      append_string_member (out, TRUE, "worksheet", answer->worksheet);
      append_string_member (out, FALSE, "field", answer->field);
      append_string_member (out, FALSE, "value", answer->value);
      append_int_member (out, FALSE, "updated-at", answer->updated_at);
      g_string_append_c (out, '}');
      if (!output_flush (output, FALSE, error))
        return FALSE;
    }
  end_section (out, answers->len, "]");

  if ((rows = craft_store_list_row_records (store, error)) == NULL)
    return FALSE;
  begin_section (out, "rows", "[");
  for (guint i = 0; i < rows->len; i++)
    {
      CraftRowRecord *row = rows->pdata[i];

      begin_item (out, i);
      g_string_append_c (out, '{');
      append_string_member (out, TRUE, "worksheet", row->worksheet);
      append_string_member (out, FALSE, "list", row->list);
      append_int_member (out, FALSE, "position", row->position);
      append_int_member (out, FALSE, "created-at", row->created_at);
      append_member (out, FALSE, "values");
      g_string_append_c (out, '{');
      for (guint j = 0; j < row->fields->len; j++)
        append_string_member (out, j == 0, row->fields->pdata[j], row->values->pdata[j]);
      g_string_append (out, "}}");
      if (!output_flush (output, FALSE, error))
        return FALSE;
    }
  end_section (out, rows->len, "]");

  if ((sessions = craft_store_list_session_records (store, error)) == NULL)
    return FALSE;
  begin_section (out, "sessions", "[");
  for (guint i = 0; i < sessions->len; i++)
    {
      CraftSessionRecord *session = sessions->pdata[i];

      begin_item (out, i);
      g_string_append_c (out, '{');
      append_int_member (out, TRUE, "number", session->number);
      append_member (out, FALSE, "planned-on");
      if (session->planned_on != NULL)
        append_json_string (out, session->planned_on);
      else
        g_string_append (out, "null");
      append_time_or_null_member (out, FALSE, "started-at", session->started_at);
      append_time_or_null_member (out, FALSE, "done-at", session->done_at);
      g_string_append_c (out, '}');
    }
  end_section (out, sessions->len, "]");

  if ((homework = craft_store_list_homework_records (store, error)) == NULL)
    return FALSE;
  begin_section (out, "homework", "[");
  for (guint i = 0; i < homework->len; i++)
    {
      CraftHomeworkRecord *task = homework->pdata[i];

      begin_item (out, i);
      g_string_append_c (out, '{');
      append_int_member (out, TRUE, "session", task->session);
      append_string_member (out, FALSE, "task", task->task);
      append_int_member (out, FALSE, "done-at", task->done_at);
      g_string_append_c (out, '}');
    }
  end_section (out, homework->len, "]");

  if ((happiness = craft_store_list_happiness (store, error)) == NULL)
    return FALSE;
  begin_section (out, "happiness", "[");
  for (guint i = 0; i < happiness->len; i++)
    {
      CraftHappinessRating *rating = &g_array_index (happiness, CraftHappinessRating, i);

      begin_item (out, i);
      g_string_append_c (out, '{');
      append_string_member (out, TRUE, "day", rating->day);
      append_string_member (out, FALSE, "area", rating->area);
      append_int_member (out, FALSE, "value", rating->value);
      g_string_append_c (out, '}');
      if (!output_flush (output, FALSE, error))
        return FALSE;
    }
  end_section (out, happiness->len, "]");

  if ((meta = craft_store_list_meta_records (store, error)) == NULL)
    return FALSE;
  begin_section (out, "meta", "{");
  for (guint i = 0; i < meta->len; i++)
    {
      CraftMetaRecord *setting = meta->pdata[i];

      begin_item (out, i);
      append_string_member (out, TRUE, setting->key, setting->value);
    }
  end_section (out, meta->len, "}");

  g_string_append (out, "\n}\n");
  return TRUE;
}

/* Reads the whole export inside one read snapshot, so a save that lands meanwhile cannot
 * leave the sections disagreeing. */
static gboolean
export_with (CraftStore  *store,
             GFile       *file,
             gboolean   (*write) (CraftStore *, Output *, GError **),
             GError     **error)
{
  Output output;
  gboolean ok;

  if (!craft_store_begin_read (store, error))
    return FALSE;
  if (!output_open (&output, file, error))
    {
      craft_store_end_read (store);
      return FALSE;
    }
  ok = write (store, &output, error);
  craft_store_end_read (store);
  if (!ok)
    {
      output_abort (&output);
      return FALSE;
    }
  return output_close (&output, error);
}

gboolean
craft_export_json (CraftStore  *store,
                   GFile       *file,
                   GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_with (store, file, write_json_sections, error);
}

/* CSV */

static void
append_csv_field (GString    *out,
                  gboolean    first,
                  const char *value)
{
  g_autofree char *valid = NULL;

  if (!first)
    g_string_append_c (out, ',');
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  /* RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* ISO 8601 in local time without an offset (2026-03-12T14:05:00): what the person saw when
 * writing, and a form LibreOffice Calc reads as a date and time. */
static void
append_csv_time (GString  *out,
                 gint64    unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);
  g_autofree char *text = when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%S") : NULL;

  g_string_append_c (out, ',');
  g_string_append (out, text != NULL ? text : "");
}

static gboolean
write_csv_entry_cb (const CraftDiaryRecord  *record,
                    gpointer                 user_data,
                    GError                 **error)
{
  DiaryWriter *writer = user_data;
  GString *out = writer->out->buffer;
  gint64 happened_at = 0;

  g_ascii_string_to_signed (record->values[0], 10, 0, G_MAXINT64, &happened_at, NULL);
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (happened_at);
    g_autofree char *text = when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%S")
                                         : NULL;

    g_string_append (out, text != NULL ? text : "");
  }
  for (guint i = 1; writer->names[i] != NULL; i++)
    append_csv_field (out, FALSE, record->values[i]);
  append_csv_field (out, FALSE, record->uuid);
  append_csv_time (out, record->created_at);
  append_csv_time (out, record->updated_at);
  g_string_append (out, "\r\n");
  writer->count++;
  return output_flush (writer->out, FALSE, error);
}

static gboolean
write_csv (CraftStore  *store,
           Output      *output,
           GError     **error)
{
  DiaryWriter writer = { output, craft_store_diary_fields (), 0 };
  GString *out = output->buffer;

  /* LibreOffice and Excel read a CSV without a byte order mark in the system's legacy
   * encoding, which turns å, ä, ö, æ and ø into garbage; the BOM tells them it is UTF-8. */
  g_string_append (out, "\xEF\xBB\xBF");

  /* The header: the field ids, which read as English, with happened-at first. */
  g_assert (g_str_equal (writer.names[0], "happened-at"));
  for (guint i = 0; writer.names[i] != NULL; i++)
    append_csv_field (out, i == 0, writer.names[i]);
  g_string_append (out, ",uuid,created-at,updated-at\r\n");

  return craft_store_foreach_diary_record (store, FALSE, write_csv_entry_cb, &writer, error);
}

gboolean
craft_export_csv (CraftStore  *store,
                  GFile       *file,
                  GError     **error)
{
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_with (store, file, write_csv, error);
}

gboolean
craft_export_to_file (CraftStore  *store,
                      GFile       *file,
                      GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  if (lower != NULL && g_str_has_suffix (lower, ".csv"))
    return craft_export_csv (store, file, error);
  return craft_export_json (store, file, error);
}

/* Import: the file in memory */

typedef struct
{
  const char *uuid;
  gint64      created_at;
  gint64      updated_at;
  guint       first_value; /* into values, one per diary field */
} DiaryItem;

typedef struct
{
  const char *worksheet;
  const char *field;
  const char *value;
  gint64      updated_at;
} AnswerItem;

typedef struct
{
  const char *worksheet;
  const char *list;
  gint64      position;
  gint64      created_at;
  guint       first_value; /* into row_values, as field, value pairs */
  guint       n_values;
} RowItem;

typedef struct
{
  int         session;
  const char *task;
  gint64      done_at;
} HomeworkItem;

typedef struct
{
  const char *day;
  const char *area;
  int         value;
} HappinessItem;

typedef struct
{
  const char *key;
  const char *value;
} MetaItem;

struct _CraftImport
{
  GStringChunk       *strings;
  guint               n_fields;
  GArray             *diary;      /* DiaryItem */
  GPtrArray          *values;     /* const char *, n_fields per entry */
  GArray             *answers;    /* AnswerItem */
  GArray             *rows;       /* RowItem */
  GPtrArray          *row_values; /* const char *field, const char *value, … */
  GArray             *sessions;   /* CraftSessionRecord, planned_on in strings */
  GArray             *homework;   /* HomeworkItem */
  GArray             *happiness;  /* HappinessItem */
  GArray             *meta;       /* MetaItem */
  CraftImportSummary  summary;
};

void
craft_import_free (CraftImport *import)
{
  if (import == NULL)
    return;
  g_string_chunk_free (import->strings);
  g_array_unref (import->diary);
  g_ptr_array_unref (import->values);
  g_array_unref (import->answers);
  g_array_unref (import->rows);
  g_ptr_array_unref (import->row_values);
  g_array_unref (import->sessions);
  g_array_unref (import->homework);
  g_array_unref (import->happiness);
  g_array_unref (import->meta);
  g_free (import);
}

static CraftImport *
import_new (void)
{
  CraftImport *import = g_new0 (CraftImport, 1);

  import->strings = g_string_chunk_new (64 * 1024);
  import->n_fields = g_strv_length ((char **) craft_store_diary_fields ());
  import->diary = g_array_new (FALSE, FALSE, sizeof (DiaryItem));
  import->values = g_ptr_array_new ();
  import->answers = g_array_new (FALSE, FALSE, sizeof (AnswerItem));
  import->rows = g_array_new (FALSE, FALSE, sizeof (RowItem));
  import->row_values = g_ptr_array_new ();
  import->sessions = g_array_new (FALSE, FALSE, sizeof (CraftSessionRecord));
  import->homework = g_array_new (FALSE, FALSE, sizeof (HomeworkItem));
  import->happiness = g_array_new (FALSE, FALSE, sizeof (HappinessItem));
  import->meta = g_array_new (FALSE, FALSE, sizeof (MetaItem));
  return import;
}

/* Import: checking */

/* Where in the file a value sits, built only when there is something to report. */
typedef struct
{
  const char *section; /* a top-level member */
  gint64      index;   /* in the section's array, or -1 */
  const char *member;  /* inside the item, or NULL */
  const char *key;     /* inside the member's object, or NULL */
} Place;

static char *
describe_place (const Place *place)
{
  GString *text = g_string_new (place->section);

  if (place->index >= 0)
    g_string_append_printf (text, "[%" G_GINT64_FORMAT "]", place->index);
  if (place->member != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "." : "", place->member);
  if (place->key != NULL)
    g_string_append_printf (text, ".%s", place->key);

  /* A member name can hold a lone surrogate (\ud83d), which json-glib turns into bytes
   * that are not UTF-8: the message is shown in a label and must be text. */
  if (!g_utf8_validate (text->str, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text->str, -1);

      g_string_assign (text, valid);
    }

  /* A hostile file can have a member name of any length; the message need not. */
  if (g_utf8_strlen (text->str, -1) > 80)
    {
      g_autofree char *head = g_utf8_substring (text->str, 0, 79);

      g_string_assign (text, head);
      g_string_append (text, "…");
    }
  return g_string_free (text, FALSE);
}

typedef enum
{
  PROBLEM_WRONG_TYPE,
  PROBLEM_MISSING,
  PROBLEM_TOO_LONG,
  PROBLEM_TOO_MANY,
  PROBLEM_UNKNOWN,
  PROBLEM_INVALID,
  PROBLEM_TWICE,
} Problem;

static gboolean
damaged (GError      **error,
         const Place  *place,
         Problem       problem)
{
  g_autofree char *where = describe_place (place);

  switch (problem)
    {
    case PROBLEM_WRONG_TYPE:
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   /* Translators: %s is a place in the file, such as “diary[3].stress”. */
                   _("The file is damaged: “%s” holds the wrong kind of value."), where);
      break;
    case PROBLEM_MISSING:
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   /* Translators: %s is a place in the file, such as “diary[3].stress”. */
                   _("The file is damaged: “%s” is missing."), where);
      break;
    case PROBLEM_TOO_LONG:
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   /* Translators: %s is a place in the file, such as “diary[3].place”. */
                   _("The file is damaged: the text in “%s” is too long."), where);
      break;
    case PROBLEM_TOO_MANY:
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   /* Translators: %s is a place in the file, such as “diary[3].stress”. */
                   _("The file is damaged: “%s” has too many items."), where);
      break;
    case PROBLEM_UNKNOWN:
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   /* Translators: %s is a place in the file, such as “diary[3].stress”. */
                   _("The file is damaged: “%s” is not part of the format."), where);
      break;
    case PROBLEM_TWICE:
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   /* Translators: %s is a place in the file, such as “diary[3].stress”. */
                   _("The file is damaged: “%s” is there twice."), where);
      break;
    case PROBLEM_INVALID:
    default:
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   /* Translators: %s is a place in the file, such as “diary[3].stress”. */
                   _("The file is damaged: “%s” holds a value that is not allowed."), where);
      break;
    }
  return FALSE;
}

static gboolean
get_object (JsonNode     *node,
            const Place  *place,
            JsonObject  **object,
            GError      **error)
{
  if (node == NULL)
    return damaged (error, place, PROBLEM_MISSING);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return damaged (error, place, PROBLEM_WRONG_TYPE);
  *object = json_node_get_object (node);
  if (json_object_get_size (*object) > CRAFT_IMPORT_MAX_ITEMS)
    return damaged (error, place, PROBLEM_TOO_MANY);
  return TRUE;
}

static gboolean
get_array (JsonNode     *node,
           const Place  *place,
           JsonArray   **array,
           GError      **error)
{
  if (node == NULL)
    return damaged (error, place, PROBLEM_MISSING);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return damaged (error, place, PROBLEM_WRONG_TYPE);
  *array = json_node_get_array (node);
  if (json_array_get_length (*array) > CRAFT_IMPORT_MAX_ITEMS)
    return damaged (error, place, PROBLEM_TOO_MANY);
  return TRUE;
}

static gboolean
check_text (const char   *text,
            gsize         max_length,
            const Place  *place,
            GError      **error)
{
  if (strlen (text) > max_length)
    return damaged (error, place, PROBLEM_TOO_LONG);
  if (!g_utf8_validate (text, -1, NULL))
    return damaged (error, place, PROBLEM_INVALID);
  return TRUE;
}

static gboolean
get_string (JsonNode     *node,
            gsize         max_length,
            const Place  *place,
            const char  **value,
            GError      **error)
{
  if (node == NULL)
    return damaged (error, place, PROBLEM_MISSING);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return damaged (error, place, PROBLEM_WRONG_TYPE);
  *value = json_node_get_string (node);
  return check_text (*value, max_length, place, error);
}

static gboolean
get_id (JsonNode     *node,
        const Place  *place,
        const char  **value,
        GError      **error)
{
  if (!get_string (node, CRAFT_IMPORT_MAX_ID, place, value, error))
    return FALSE;
  if (**value == '\0')
    return damaged (error, place, PROBLEM_INVALID);
  return TRUE;
}

static gboolean
get_int (JsonNode     *node,
         gint64        min,
         gint64        max,
         const Place  *place,
         gint64       *value,
         GError      **error)
{
  if (node == NULL)
    return damaged (error, place, PROBLEM_MISSING);
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return damaged (error, place, PROBLEM_WRONG_TYPE);
  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    return damaged (error, place, PROBLEM_INVALID);
  return TRUE;
}

static gboolean
get_time (JsonNode     *node,
          const Place  *place,
          gint64       *value,
          GError      **error)
{
  return get_int (node, 0, CRAFT_STORE_MAX_TIME, place, value, error);
}

/* null reads as 0, "not set". */
static gboolean
get_time_or_null (JsonNode     *node,
                  const Place  *place,
                  gint64       *value,
                  GError      **error)
{
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      *value = 0;
      return TRUE;
    }
  return get_time (node, place, value, error);
}

static gboolean
is_day (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
get_day (JsonNode     *node,
         const Place  *place,
         const char  **value,
         GError      **error)
{
  if (!get_string (node, CRAFT_IMPORT_MAX_ID, place, value, error))
    return FALSE;
  if (!is_day (*value))
    return damaged (error, place, PROBLEM_INVALID);
  return TRUE;
}

/* Refuses members the format does not have: dropping them quietly could lose what a
 * person wrote, and a file with new members comes with a new version number. */
static gboolean
check_members (JsonObject          *object,
               const char * const  *known,
               Place               *place,
               GError             **error)
{
  g_autoptr(GList) members = NULL;
  guint n_known = 0;

  /* Member names are unique in a JsonObject: when as many known names are there as it has
   * members, there is nothing else. A hash lookup each, for every diary entry. */
  for (guint i = 0; known[i] != NULL; i++)
    n_known += json_object_has_member (object, known[i]);
  if (n_known == json_object_get_size (object))
    return TRUE;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        place->member = l->data;
        return damaged (error, place, PROBLEM_UNKNOWN);
      }
  return TRUE;
}

static char *
describe_entry_time (gint64 happened_at)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (happened_at);

  /* Translators: the date and time of a diary entry in an error message, in
   * g_date_time_format() notation. */
  return when != NULL ? g_date_time_format (when, _("%-d %B %Y, %H:%M")) : g_strdup ("?");
}

static gboolean
load_diary_entry (CraftImport  *import,
                  JsonNode     *node,
                  Place        *place,
                  GHashTable   *uuids,
                  GError      **error)
{
  const char * const *names = craft_store_diary_fields ();
  g_autofree const char **known = g_new0 (const char *, import->n_fields + 4);
  JsonObject *object;
  DiaryItem item = { NULL };
  const char *uuid;
  char *lower_uuid;
  gint64 happened_at;

  if (!get_object (node, place, &object, error))
    return FALSE;

  known[0] = "uuid";
  known[1] = "created-at";
  known[2] = "updated-at";
  for (guint i = 0; i < import->n_fields; i++)
    known[3 + i] = names[i];
  if (!check_members (object, known, place, error))
    return FALSE;

  place->member = "uuid";
  if (!get_string (json_object_get_member (object, "uuid"), 36, place, &uuid, error))
    return FALSE;
  if (!g_uuid_string_is_valid (uuid))
    return damaged (error, place, PROBLEM_INVALID);
  /* The same entry may have been written with capitals by another tool. */
  lower_uuid = g_ascii_strdown (uuid, -1);
  item.uuid = g_string_chunk_insert (import->strings, lower_uuid);
  g_free (lower_uuid);
  if (!g_hash_table_add (uuids, (gpointer) item.uuid))
    return damaged (error, place, PROBLEM_TWICE);

  place->member = "happened-at";
  if (!get_time (json_object_get_member (object, "happened-at"), place, &happened_at, error))
    return FALSE;
  place->member = "created-at";
  if (!get_time (json_object_get_member (object, "created-at"), place, &item.created_at, error))
    return FALSE;
  place->member = "updated-at";
  if (!get_time (json_object_get_member (object, "updated-at"), place, &item.updated_at, error))
    return FALSE;

  item.first_value = import->values->len;
  for (guint i = 0; i < import->n_fields; i++)
    {
      JsonNode *member = json_object_get_member (object, names[i]);
      g_autofree char *number = NULL;
      g_autoptr(GError) value_error = NULL;
      const char *value = "";

      place->member = names[i];
      switch (craft_store_diary_field_kind (names[i]))
        {
        case CRAFT_DIARY_KIND_TIME:
          value = number = g_strdup_printf ("%" G_GINT64_FORMAT, happened_at);
          break;
        case CRAFT_DIARY_KIND_RATING:
          if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
            {
              gint64 rating;

              if (!get_int (member, G_MININT64, G_MAXINT64, place, &rating, error))
                return FALSE;
              value = number = g_strdup_printf ("%" G_GINT64_FORMAT, rating);
            }
          break;
        case CRAFT_DIARY_KIND_FLAG:
          if (member != NULL)
            {
              if (json_node_get_value_type (member) != G_TYPE_BOOLEAN)
                return damaged (error, place, PROBLEM_WRONG_TYPE);
              value = json_node_get_boolean (member) ? "1" : "0";
            }
          else
            value = "0";
          break;
        case CRAFT_DIARY_KIND_TEXT:
        case CRAFT_DIARY_KIND_CHOICE:
        case CRAFT_DIARY_KIND_TAGS:
        default:
          if (member != NULL
              && !get_string (member, CRAFT_IMPORT_MAX_STRING, place, &value, error))
            return FALSE;
          break;
        }

      /* The diary's own rules, so nothing gets in that the diary would refuse. */
      if (!craft_store_diary_check_value (names[i], value, &value_error))
        {
          g_autofree char *when = describe_entry_time (happened_at);

          g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                       /* Translators: the first %s is a date and time, the second says
                        * which value is wrong. */
                       _("The file is damaged: the diary entry from %s cannot be used. %s"),
                       when, value_error->message);
          return FALSE;
        }
      g_ptr_array_add (import->values, g_string_chunk_insert (import->strings, value));
    }

  g_array_append_val (import->diary, item);
  return TRUE;
}

/* A key for the duplicate checks: the parts joined by a byte that JSON text cannot hold
 * unescaped and our ids never contain. */
static char *
join_key (const char *first,
          const char *second)
{
  return g_strconcat (first, "\x1f", second, NULL);
}

static gboolean
load_answer (CraftImport  *import,
             JsonNode     *node,
             Place        *place,
             GHashTable   *seen,
             GError      **error)
{
  static const char * const known[] = { "worksheet", "field", "value", "updated-at", NULL };
  JsonObject *object;
  AnswerItem item;
  const char *worksheet, *field, *value;

  if (!get_object (node, place, &object, error) || !check_members (object, known, place, error))
    return FALSE;
  place->member = "worksheet";
  if (!get_id (json_object_get_member (object, "worksheet"), place, &worksheet, error))
    return FALSE;
  place->member = "field";
  if (!get_id (json_object_get_member (object, "field"), place, &field, error))
    return FALSE;
  place->member = "value";
  if (!get_string (json_object_get_member (object, "value"), CRAFT_IMPORT_MAX_STRING, place,
                   &value, error))
    return FALSE;
  place->member = "updated-at";
  if (!get_time (json_object_get_member (object, "updated-at"), place, &item.updated_at, error))
    return FALSE;

  place->member = NULL;
  if (!g_hash_table_add (seen, join_key (worksheet, field)))
    return damaged (error, place, PROBLEM_TWICE);

  item.worksheet = g_string_chunk_insert_const (import->strings, worksheet);
  item.field = g_string_chunk_insert_const (import->strings, field);
  item.value = g_string_chunk_insert (import->strings, value);
  g_array_append_val (import->answers, item);
  return TRUE;
}

static gboolean
load_row (CraftImport  *import,
          JsonNode     *node,
          Place        *place,
          GError      **error)
{
  static const char * const known[] = {
    "worksheet", "list", "position", "created-at", "values", NULL
  };
  g_autoptr(GList) members = NULL;
  JsonObject *object, *values;
  RowItem item;
  const char *worksheet, *list;

  if (!get_object (node, place, &object, error) || !check_members (object, known, place, error))
    return FALSE;
  place->member = "worksheet";
  if (!get_id (json_object_get_member (object, "worksheet"), place, &worksheet, error))
    return FALSE;
  place->member = "list";
  if (!get_id (json_object_get_member (object, "list"), place, &list, error))
    return FALSE;
  place->member = "position";
  if (!get_int (json_object_get_member (object, "position"), 0, G_MAXINT32, place,
                &item.position, error))
    return FALSE;
  place->member = "created-at";
  if (!get_time (json_object_get_member (object, "created-at"), place, &item.created_at, error))
    return FALSE;
  place->member = "values";
  if (!get_object (json_object_get_member (object, "values"), place, &values, error))
    return FALSE;

  item.worksheet = g_string_chunk_insert_const (import->strings, worksheet);
  item.list = g_string_chunk_insert_const (import->strings, list);
  item.first_value = import->row_values->len;
  item.n_values = 0;
  members = json_object_get_members (values);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *field = l->data;
      const char *value;

      place->key = field;
      if (!check_text (field, CRAFT_IMPORT_MAX_ID, place, error))
        return FALSE;
      if (*field == '\0')
        return damaged (error, place, PROBLEM_INVALID);
      if (!get_string (json_object_get_member (values, field), CRAFT_IMPORT_MAX_STRING, place,
                       &value, error))
        return FALSE;
      g_ptr_array_add (import->row_values, g_string_chunk_insert_const (import->strings, field));
      g_ptr_array_add (import->row_values, g_string_chunk_insert (import->strings, value));
      item.n_values++;
    }
  place->key = NULL;
  g_array_append_val (import->rows, item);
  return TRUE;
}

static gboolean
load_session (CraftImport  *import,
              JsonNode     *node,
              Place        *place,
              GHashTable   *seen,
              GError      **error)
{
  static const char * const known[] = { "number", "planned-on", "started-at", "done-at", NULL };
  CraftSessionRecord item = { 0 };
  JsonObject *object;
  JsonNode *planned;
  gint64 number;

  if (!get_object (node, place, &object, error) || !check_members (object, known, place, error))
    return FALSE;
  place->member = "number";
  if (!get_int (json_object_get_member (object, "number"), 1, 12, place, &number, error))
    return FALSE;
  if (!g_hash_table_add (seen, GINT_TO_POINTER ((int) number)))
    return damaged (error, place, PROBLEM_TWICE);
  item.number = (int) number;

  place->member = "planned-on";
  planned = json_object_get_member (object, "planned-on");
  if (planned == NULL || !JSON_NODE_HOLDS_NULL (planned))
    {
      const char *day;

      if (!get_day (planned, place, &day, error))
        return FALSE;
      item.planned_on = g_string_chunk_insert (import->strings, day);
    }
  place->member = "started-at";
  if (!get_time_or_null (json_object_get_member (object, "started-at"), place, &item.started_at,
                         error))
    return FALSE;
  place->member = "done-at";
  if (!get_time_or_null (json_object_get_member (object, "done-at"), place, &item.done_at,
                         error))
    return FALSE;

  g_array_append_val (import->sessions, item);
  return TRUE;
}

static gboolean
load_homework (CraftImport  *import,
               JsonNode     *node,
               Place        *place,
               GHashTable   *seen,
               GError      **error)
{
  static const char * const known[] = { "session", "task", "done-at", NULL };
  HomeworkItem item;
  JsonObject *object;
  const char *task;
  gint64 session;
  g_autofree char *session_text = NULL;

  if (!get_object (node, place, &object, error) || !check_members (object, known, place, error))
    return FALSE;
  place->member = "session";
  if (!get_int (json_object_get_member (object, "session"), 1, 12, place, &session, error))
    return FALSE;
  place->member = "task";
  if (!get_id (json_object_get_member (object, "task"), place, &task, error))
    return FALSE;
  place->member = "done-at";
  if (!get_time (json_object_get_member (object, "done-at"), place, &item.done_at, error))
    return FALSE;

  place->member = NULL;
  session_text = g_strdup_printf ("%d", (int) session);
  if (!g_hash_table_add (seen, join_key (session_text, task)))
    return damaged (error, place, PROBLEM_TWICE);

  item.session = (int) session;
  item.task = g_string_chunk_insert_const (import->strings, task);
  g_array_append_val (import->homework, item);
  return TRUE;
}

static gboolean
load_happiness (CraftImport  *import,
                JsonNode     *node,
                Place        *place,
                GHashTable   *seen,
                GError      **error)
{
  static const char * const known[] = { "day", "area", "value", NULL };
  HappinessItem item;
  JsonObject *object;
  const char *day, *area;
  gint64 value;

  if (!get_object (node, place, &object, error) || !check_members (object, known, place, error))
    return FALSE;
  place->member = "day";
  if (!get_day (json_object_get_member (object, "day"), place, &day, error))
    return FALSE;
  place->member = "area";
  /* The store keeps an area id in 31 bytes. */
  if (!get_id (json_object_get_member (object, "area"), place, &area, error))
    return FALSE;
  if (strlen (area) >= sizeof ((CraftHappinessRating *) NULL)->area)
    return damaged (error, place, PROBLEM_TOO_LONG);
  place->member = "value";
  if (!get_int (json_object_get_member (object, "value"), 0, 10, place, &value, error))
    return FALSE;

  place->member = NULL;
  if (!g_hash_table_add (seen, join_key (day, area)))
    return damaged (error, place, PROBLEM_TWICE);

  item.day = g_string_chunk_insert_const (import->strings, day);
  item.area = g_string_chunk_insert_const (import->strings, area);
  item.value = (int) value;
  g_array_append_val (import->happiness, item);
  return TRUE;
}

static gboolean
load_meta (CraftImport  *import,
           JsonNode     *node,
           Place        *place,
           GError      **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!get_object (node, place, &object, error))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      MetaItem item;

      place->member = l->data;
      if (!check_text (l->data, CRAFT_IMPORT_MAX_ID, place, error))
        return FALSE;
      if (*(const char *) l->data == '\0')
        return damaged (error, place, PROBLEM_INVALID);
      if (!get_string (json_object_get_member (object, l->data), CRAFT_IMPORT_MAX_STRING, place,
                       &item.value, error))
        return FALSE;
      item.key = g_string_chunk_insert_const (import->strings, l->data);
      item.value = g_string_chunk_insert (import->strings, item.value);
      g_array_append_val (import->meta, item);
    }
  return TRUE;
}

typedef enum
{
  SECTION_DIARY,
  SECTION_ANSWERS,
  SECTION_ROWS,
  SECTION_SESSIONS,
  SECTION_HOMEWORK,
  SECTION_HAPPINESS,
} Section;

#define N_SECTIONS (SECTION_HAPPINESS + 1)

static const char * const section_names[N_SECTIONS] = {
  "diary", "answers", "rows", "sessions", "homework", "happiness",
};

/* What reading a file keeps between the items of a section: the keys seen, for refusing
 * an item that is there twice. */
typedef struct
{
  CraftImport *import;
  GHashTable  *seen[N_SECTIONS];
} Loader;

static void
loader_clear (Loader *loader)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_pointer (&loader->seen[i], g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static GHashTable *
loader_get_seen (Loader  *loader,
                 Section  section)
{
  if (loader->seen[section] == NULL)
    {
      if (section == SECTION_DIARY)
        loader->seen[section] = g_hash_table_new (g_str_hash, g_str_equal);
      else if (section == SECTION_SESSIONS)
        loader->seen[section] = g_hash_table_new (NULL, NULL);
      else
        loader->seen[section] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  return loader->seen[section];
}

static gboolean
load_item (Loader      *loader,
           Section      section,
           guint        index,
           JsonNode    *item,
           GError     **error)
{
  CraftImport *import = loader->import;
  GHashTable *seen = loader_get_seen (loader, section);
  Place place = { section_names[section], index, NULL, NULL };

  /* As get_array() checks a whole array. */
  if (index >= CRAFT_IMPORT_MAX_ITEMS)
    {
      place.index = -1;
      return damaged (error, &place, PROBLEM_TOO_MANY);
    }
  switch (section)
    {
    case SECTION_DIARY:
      return load_diary_entry (import, item, &place, seen, error);
    case SECTION_ANSWERS:
      return load_answer (import, item, &place, seen, error);
    case SECTION_ROWS:
      return load_row (import, item, &place, error);
    case SECTION_SESSIONS:
      return load_session (import, item, &place, seen, error);
    case SECTION_HOMEWORK:
      return load_homework (import, item, &place, seen, error);
    case SECTION_HAPPINESS:
      return load_happiness (import, item, &place, seen, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
load_section (Loader      *loader,
              JsonObject  *root,
              Section      section,
              GError     **error)
{
  JsonNode *node = json_object_get_member (root, section_names[section]);
  Place place = { section_names[section], -1, NULL, NULL };
  JsonArray *array = NULL;
  guint length;

  /* A section that is not there (or was read item by item) holds nothing more. */
  if (node == NULL)
    return TRUE;
  if (!get_array (node, &place, &array, error))
    return FALSE;

  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    if (!load_item (loader, section, i, json_array_get_element (array, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
not_an_export (GError **error)
{
  g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_NOT_AN_EXPORT,
               _("This file is not a Craft Companion export."));
  return FALSE;
}

static gboolean
load_root (Loader       *loader,
           JsonNode     *root_node,
           GError      **error)
{
  CraftImport *import = loader->import;
  static const char * const known[] = {
    "format", "version", "diary", "answers", "rows", "sessions", "homework", "happiness",
    "meta", NULL
  };
  Place place = { "", -1, NULL, NULL };
  JsonObject *root;
  JsonNode *node;
  gint64 version;

  /* An empty file is most likely an export that was cut off. */
  if (root_node == NULL)
    {
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   _("The file is damaged: it is empty."));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return not_an_export (error);
  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "format");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (node), CRAFT_EXPORT_FORMAT) != 0)
    return not_an_export (error);

  /* Before anything else: a newer file may well have members this version does not know. */
  place.section = "version";
  if (!get_int (json_object_get_member (root, "version"), 1, G_MAXINT64, &place, &version,
                error))
    return FALSE;
  if (version > CRAFT_EXPORT_VERSION)
    {
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_NEWER_VERSION,
                   _("This file was made by a newer version of Craft Companion. Install the "
                     "newer version to import it."));
      return FALSE;
    }

  place.section = "";
  if (!check_members (root, known, &place, error))
    return FALSE;

  for (Section section = 0; section < N_SECTIONS; section++)
    if (!load_section (loader, root, section, error))
      return FALSE;

  node = json_object_get_member (root, "meta");
  place.section = "meta";
  if (node != NULL && !load_meta (import, node, &place, error))
    return FALSE;

  import->summary.diary_entries = import->diary->len;
  return TRUE;
}

CraftImport *
craft_import_load (GFile   *file,
                   GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &local_error);
  if (info != NULL && g_file_info_get_size (info) > CRAFT_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (CRAFT_IMPORT_MAX_FILE_SIZE);

      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_TOO_LARGE,
                   _("The file is too large to import (more than %s)."), limit);
      return NULL;
    }
  if (info == NULL
      || !g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_FAILED,
                   _("The file “%s” could not be read: %s"), name, local_error->message);
      return NULL;
    }
  return craft_import_load_data (contents, length, error);
}

/* A section's items are read one at a time, never all kept as a tree, once the file has
 * shown that it is an export of a version this one reads (so that a newer file is still
 * told to be newer, not damaged). Otherwise the section stays in the tree and is checked
 * after the whole file, as before. */
static gboolean
stream_section_cb (JsonObject *root,
                   const char *member,
                   gpointer    user_data)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");

  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (format), CRAFT_EXPORT_FORMAT) != 0
      || version == NULL || json_node_get_value_type (version) != G_TYPE_INT64
      || json_node_get_int (version) < 1 || json_node_get_int (version) > CRAFT_EXPORT_VERSION)
    return FALSE;
  for (Section section = 0; section < N_SECTIONS; section++)
    if (g_str_equal (member, section_names[section]))
      return TRUE;
  return FALSE;
}

static gboolean
load_element_cb (const char  *member,
                 guint        index,
                 JsonNode    *element,
                 gpointer     user_data,
                 GError     **error)
{
  for (Section section = 0; section < N_SECTIONS; section++)
    if (g_str_equal (member, section_names[section]))
      return load_item (user_data, section, index, element, error);
  g_assert_not_reached ();
}

CraftImport *
craft_import_load_data (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(CraftImport) import = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(Loader) loader = { NULL };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The file may have grown since its size was asked. */
  if (length > (gsize) CRAFT_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (CRAFT_IMPORT_MAX_FILE_SIZE);

      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_TOO_LARGE,
                   _("The file is too large to import (more than %s)."), limit);
      return NULL;
    }

  import = import_new ();
  loader.import = import;
  root = craft_json_read_streaming (data, length, CRAFT_IMPORT_MAX_DEPTH, stream_section_cb,
                                    load_element_cb, &loader, &local_error);
  if (local_error != NULL && local_error->domain == CRAFT_EXPORT_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (local_error != NULL
      && g_error_matches (local_error, CRAFT_JSON_READER_ERROR,
                          CRAFT_JSON_READER_ERROR_TOO_DEEP))
    {
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   _("The file is damaged: it is nested too deeply."));
      return NULL;
    }
  if (local_error != NULL)
    {
      g_set_error (error, CRAFT_EXPORT_ERROR, CRAFT_EXPORT_ERROR_DAMAGED,
                   _("The file is damaged: it is incomplete or not valid JSON (%s)."),
                   local_error->message);
      return NULL;
    }

  if (!load_root (&loader, root, error))
    return NULL;
  return g_steal_pointer (&import);
}

/* Import: merging */

/* Tells how far an import is, about once per percent. */
typedef struct
{
  CraftImportProgressFunc func;
  gpointer                data;
  guint                   done;
  guint                   total;
  guint                   next;
  guint                   indexed_base; /* done before the full-text index was filled */
} Progress;

/* Sets how many items are done, telling the caller when a percent more is. */
static void
progress_advance (Progress *progress,
                  guint     done)
{
  progress->done = MIN (done, progress->total);
  if (progress->func != NULL && progress->done >= progress->next)
    {
      progress->func (progress->done, progress->total, progress->data);
      progress->next = progress->done + MAX (progress->total / 100, 1);
    }
}

static void
progress_step (Progress *progress)
{
  progress_advance (progress, progress->done + 1);
}

static void
progress_indexed (guint    n_indexed,
                  gpointer user_data)
{
  Progress *progress = user_data;

  progress_advance (progress, progress->indexed_base + n_indexed);
}

static gboolean
merge (CraftImport  *import,
       CraftStore   *store,
       gboolean      dry_run,
       Progress     *progress,
       GError      **error)
{
  CraftImportSummary summary = { 0 };
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree CraftDiaryRecord *records = NULL;
  g_autofree gboolean *added = NULL;
  g_autoptr(CraftDiarySearchPause) pause = NULL;
  gboolean changed;
  guint slice;

  summary.diary_entries = import->diary->len;
  /* The entries count twice: written, then added to the full-text index. */
  progress->total = 2 * import->diary->len + import->answers->len + import->rows->len
                    + import->sessions->len + import->homework->len + import->happiness->len
                    + import->meta->len;

  /* The index is filled once, after the last entry (see craft_store_pause_diary_search()). */
  if (!dry_run && import->diary->len > 0
      && (pause = craft_store_pause_diary_search (store, error)) == NULL)
    return FALSE;

  /* In slices, so the store can insert many entries with one statement. */
  slice = craft_store_diary_batch_size (store) * 8;
  records = g_new (CraftDiaryRecord, slice);
  added = g_new (gboolean, slice);
  for (guint start = 0; start < import->diary->len; start += slice)
    {
      guint n = MIN (slice, import->diary->len - start);

      for (guint i = 0; i < n; i++)
        {
          DiaryItem *item = &g_array_index (import->diary, DiaryItem, start + i);
          CraftDiaryRecord record = {
            item->uuid, item->created_at, item->updated_at, 0,
            (const char * const *) &import->values->pdata[item->first_value],
          };

          records[i] = record;
        }
      if (!craft_store_merge_diary_records (store, records, n, dry_run, added, error))
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          progress_step (progress);
          if (added[i])
            summary.diary_new++;
          else
            summary.diary_present++;
        }
    }
  if (pause != NULL)
    {
      guint before = progress->done;

      progress->indexed_base = before;
      if (!craft_store_resume_diary_search (store, pause, progress_indexed, progress, error))
        return FALSE;
      /* Entries already here are not indexed again, but count all the same. */
      progress_advance (progress, before + import->diary->len);
    }
  else
    progress_advance (progress, progress->done + import->diary->len);

  for (guint i = 0; i < import->answers->len; i++)
    {
      progress_step (progress);
      AnswerItem *item = &g_array_index (import->answers, AnswerItem, i);

      if (!craft_store_merge_answer (store, item->worksheet, item->field, item->value,
                                     item->updated_at, dry_run, &changed, error))
        return FALSE;
      summary.answers += changed;
    }

  /* A list is taken from the file only when it is empty here: merging two lists of people
   * row by row would repeat everyone who is in both. The choice is made once per list,
   * before its first row is added. */
  for (guint i = 0; i < import->rows->len; i++)
    {
      progress_step (progress);
      RowItem *item = &g_array_index (import->rows, RowItem, i);
      char *key = join_key (item->worksheet, item->list);
      gpointer decision;
      gint64 row_id;

      if (!g_hash_table_lookup_extended (lists, key, NULL, &decision))
        {
          gboolean has_rows;

          if (!craft_store_list_has_rows (store, item->worksheet, item->list, &has_rows, error))
            {
              g_free (key);
              return FALSE;
            }
          decision = GINT_TO_POINTER (!has_rows);
          g_hash_table_insert (lists, key, decision);
        }
      else
        g_free (key);

      if (!GPOINTER_TO_INT (decision))
        continue;
      summary.rows++;
      if (dry_run)
        continue;

      row_id = craft_store_insert_row (store, item->worksheet, item->list, item->position,
                                       item->created_at, error);
      if (row_id == 0)
        return FALSE;
      for (guint j = 0; j < item->n_values; j++)
        {
          const char *field = import->row_values->pdata[item->first_value + 2 * j];
          const char *value = import->row_values->pdata[item->first_value + 2 * j + 1];

          if (*value != '\0' && !craft_store_set_row_value (store, row_id, field, value, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < import->sessions->len; i++)
    {
      progress_step (progress);
      CraftSessionRecord *item = &g_array_index (import->sessions, CraftSessionRecord, i);

      if (!craft_store_merge_session (store, item, dry_run, &changed, error))
        return FALSE;
      summary.sessions += changed;
    }

  for (guint i = 0; i < import->homework->len; i++)
    {
      progress_step (progress);
      HomeworkItem *item = &g_array_index (import->homework, HomeworkItem, i);

      if (!craft_store_merge_homework (store, item->session, item->task, item->done_at, dry_run,
                                       &changed, error))
        return FALSE;
      summary.homework += changed;
    }

  for (guint i = 0; i < import->happiness->len; i++)
    {
      progress_step (progress);
      HappinessItem *item = &g_array_index (import->happiness, HappinessItem, i);

      if (!craft_store_merge_happiness (store, item->day, item->area, item->value, dry_run,
                                        &changed, error))
        return FALSE;
      summary.happiness_ratings += changed;
    }

  for (guint i = 0; i < import->meta->len; i++)
    {
      progress_step (progress);
      MetaItem *item = &g_array_index (import->meta, MetaItem, i);

      if (!craft_store_merge_meta (store, item->key, item->value, dry_run, &changed, error))
        return FALSE;
      summary.settings += changed;
    }

  import->summary = summary;
  return TRUE;
}

gboolean
craft_import_preview (CraftImport  *import,
                      CraftStore   *store,
                      GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  Progress progress = { 0 };

  if (!craft_store_begin_read (store, error))
    return FALSE;
  ok = merge (import, store, TRUE, &progress, error);
  craft_store_end_read (store);
  return ok;
}

gboolean
craft_import_apply (CraftImport  *import,
                    CraftStore   *store,
                    GError      **error)
{
  return craft_import_apply_with_progress (import, store, NULL, NULL, error);
}

gboolean
craft_import_apply_with_progress (CraftImport              *import,
                                  CraftStore               *store,
                                  CraftImportProgressFunc   func,
                                  gpointer                  user_data,
                                  GError                  **error)
{
  Progress progress = { func, user_data, 0, 0, 0, 0 };

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!craft_store_begin_write (store, error))
    {
      g_prefix_error (error, "%s ", _("Nothing was imported."));
      return FALSE;
    }
  if (!merge (import, store, FALSE, &progress, error) || !craft_store_commit (store, error))
    {
      craft_store_rollback (store);
      g_prefix_error (error, "%s ", _("Nothing was imported."));
      return FALSE;
    }
  if (func != NULL)
    func (progress.total, progress.total, user_data);
  return TRUE;
}

const CraftImportSummary *
craft_import_get_summary (CraftImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return &import->summary;
}

static void
append_count_line (GString    *text,
                   const char *format,
                   guint       count)
{
  if (count == 0)
    return;
  g_string_append_c (text, '\n');
  g_string_append_printf (text, format, count);
}

char *
craft_import_summary_to_string (const CraftImportSummary *summary)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->diary_new + summary->answers + summary->rows + summary->sessions
      + summary->homework + summary->happiness_ratings + summary->settings == 0)
    g_string_append_printf (text, "%s\n", _("Everything in this file is already here."));

  /* A label and a number a line reads right for any number, without plural forms. */
  g_string_append_printf (text, _("New diary entries: %u"), summary->diary_new);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Diary entries already here, left as they are: %u"),
                          summary->diary_present);
  /* The rest only when there is any: a preview of diary entries is not a list of zeros. */
  append_count_line (text, _("Worksheet answers filled in: %u"), summary->answers);
  append_count_line (text, _("Worksheet rows added: %u"), summary->rows);
  append_count_line (text, _("Sessions with dates or progress added: %u"), summary->sessions);
  append_count_line (text, _("Homework ticks added: %u"), summary->homework);
  append_count_line (text, _("Happiness ratings added: %u"), summary->happiness_ratings);
  append_count_line (text, _("Settings filled in: %u"), summary->settings);
  return g_string_free (text, FALSE);
}

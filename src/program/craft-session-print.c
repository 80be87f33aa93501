/* src/program/craft-session-print.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session's worksheet answers and homework on paper, or in a PDF. Everything is read from
 * the store into a plain list of paragraphs before the operation runs, so a store error is
 * reported before any page is made, never halfway through; app/craft-print-document.c lays
 * them out and places them on pages.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "app/craft-print-document.h"
#include "craft-session-print.h"

/* The worksheet kept as dated ratings rather than as answers; see docs/session-content.md. */
#define HAPPINESS_SCALE "happiness-scale"

static void
add_not_filled_in (CraftPrintDocument *job)
{
  /* Translators: printed under a worksheet question that has no answer yet */
  craft_print_document_add (job, CRAFT_PRINT_EMPTY, NULL, _("Not filled in"), NULL);
}

/* A calendar day (YYYY-MM-DD) as the locale writes dates, or NULL. */
static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  if (sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3
      || year < 1 || year > 9999
      || !g_date_valid_dmy ((GDateDay) CLAMP (mday, 0, 255), (GDateMonth) CLAMP (month, 0, 13),
                            (GDateYear) year))
    return NULL;
  /* Noon, so that no daylight-saving gap can move the day. */
  date = g_date_time_new_local (year, month, mday, 12, 0, 0);
  return date != NULL ? g_date_time_format (date, "%x") : NULL;
}

static const char *
find_option_label (CraftContentNode *field,
                   const char       *id)
{
  for (guint i = 0; i < craft_content_node_get_n_children (field); i++)
    {
      CraftContentNode *option = craft_content_node_get_child (field, i);

      if (g_str_equal (craft_content_node_get_name (option), "option")
          && g_strcmp0 (craft_content_node_get_attribute (option, "id"), id) == 0)
        return craft_content_node_get_text (option);
    }
  return NULL;
}

/* The answer to @field as it is printed: one string, or one per ticked option of a
 * checklist. Empty when there is no answer. */
static GPtrArray *
format_answer (CraftContentNode *field,
               const char       *stored)
{
  const char *type = craft_content_node_get_attribute (field, "type");
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *value = g_strstrip (g_strdup (stored));
  char *text = NULL;

  if (*value == '\0')
    return items;

  if (g_strcmp0 (type, "checklist") == 0)
    {
      g_auto(GStrv) ticked = g_strsplit (value, ",", -1);

      for (guint i = 0; ticked[i] != NULL; i++)
        g_strstrip (ticked[i]);

      /* In the order of the options, as the worksheet shows them; ids of options that are
       * no longer offered are left out. */
      for (guint i = 0; i < craft_content_node_get_n_children (field); i++)
        {
          CraftContentNode *option = craft_content_node_get_child (field, i);
          const char *id = craft_content_node_get_attribute (option, "id");

          if (g_str_equal (craft_content_node_get_name (option), "option") && id != NULL
              && g_strv_contains ((const char * const *) ticked, id))
            g_ptr_array_add (items, g_strdup (craft_content_node_get_text (option)));
        }
      return items;
    }

  if (g_strcmp0 (type, "scale") == 0)
    {
      gint64 rating;

      if (g_ascii_string_to_signed (value, 10, 0, 10, &rating, NULL))
        /* Translators: a rating from 0 to 10 on a printed worksheet, e.g. "7 of 10" */
        text = g_strdup_printf (_("%d of 10"), (int) rating);
    }
  else if (g_strcmp0 (type, "choice") == 0)
    text = g_strdup (find_option_label (field, value));
  else if (g_strcmp0 (type, "date") == 0)
    text = format_day (value);

  /* Text as typed; a value the content no longer explains is still shown, not lost. */
  g_ptr_array_add (items, text != NULL ? text : g_steal_pointer (&value));
  return items;
}

static void
add_answer (CraftPrintDocument *job,
            CraftContentNode *field,
            const char       *stored)
{
  g_autoptr(GPtrArray) items = format_answer (field, stored);

  if (items->len == 0)
    add_not_filled_in (job);
  else if (g_strcmp0 (craft_content_node_get_attribute (field, "type"), "checklist") == 0)
    for (guint i = 0; i < items->len; i++)
      craft_print_document_add (job, CRAFT_PRINT_ITEM, "•", g_ptr_array_index (items, i), NULL);
  else
    craft_print_document_add (job, CRAFT_PRINT_ANSWER, NULL, g_ptr_array_index (items, 0), NULL);
}

static gboolean
add_field (CraftPrintDocument *job,
           CraftStore        *store,
           const char        *worksheet_id,
           CraftContentNode  *field,
           GError           **error)
{
  g_autofree char *value = NULL;

  /* A field marked print="no" (the safety plan's note to yourself) promises that it stays
   * on this computer, and paper is easily seen by others: its label is printed, the
   * answer never is. */
  if (g_strcmp0 (craft_content_node_get_attribute (field, "print"), "no") == 0)
    {
      craft_print_document_begin_block (job, FALSE, FALSE);
      craft_print_document_add (job, CRAFT_PRINT_LABEL, NULL,
                                craft_content_node_get_child_text (field, "label"), NULL);
      /* Translators: printed instead of the answer to the safety plan's private note */
      craft_print_document_add (job, CRAFT_PRINT_EMPTY, NULL,
                                _("Not printed: this note stays on this computer"), NULL);
      return TRUE;
    }

  value = craft_store_get_answer (store, worksheet_id,
                                  craft_content_node_get_attribute (field, "id"), error);
  if (value == NULL)
    return FALSE;

  craft_print_document_begin_block (job, FALSE, FALSE);
  craft_print_document_add (job, CRAFT_PRINT_LABEL, NULL,
                            craft_content_node_get_child_text (field, "label"), NULL);
  add_answer (job, field, value);
  return TRUE;
}

static gboolean
add_rows (CraftPrintDocument *job,
          CraftStore        *store,
          const char        *worksheet_id,
          CraftContentNode  *rows,
          GError           **error)
{
  g_autoptr(GArray) ids = NULL;
  guint number = 0;

  ids = craft_store_list_rows (store, worksheet_id, craft_content_node_get_attribute (rows, "id"),
                               error);
  if (ids == NULL)
    return FALSE;

  craft_print_document_begin_block (job, FALSE, FALSE);
  craft_print_document_add (job, CRAFT_PRINT_LABEL, NULL,
                            craft_content_node_get_child_text (rows, "label"), NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      g_autofree char *marker = NULL;

      for (guint j = 0; j < craft_content_node_get_n_children (rows); j++)
        {
          CraftContentNode *field = craft_content_node_get_child (rows, j);
          g_autofree char *value = NULL;
          g_autoptr(GPtrArray) items = NULL;
          g_autofree char *joined = NULL;

          if (!g_str_equal (craft_content_node_get_name (field), "field"))
            continue;
          value = craft_store_get_row_value (store, g_array_index (ids, gint64, i),
                                             craft_content_node_get_attribute (field, "id"),
                                             error);
          if (value == NULL)
            return FALSE;

          items = format_answer (field, value);
          if (items->len == 0)
            continue;
          g_ptr_array_add (items, NULL);
          joined = g_strjoinv (", ", (char **) items->pdata);
          if (text->len > 0)
            g_string_append_c (text, '\n');
          craft_print_append_pair (text, attrs, craft_content_node_get_child_text (field, "label"),
                                   joined);
        }

      /* A row left empty is no answer; the numbers count only what is printed. */
      if (text->len == 0)
        continue;
      marker = g_strdup_printf ("%u.", ++number);
      craft_print_document_add (job, CRAFT_PRINT_ROW, marker, text->str, g_steal_pointer (&attrs));
    }

  if (number == 0)
    add_not_filled_in (job);
  return TRUE;
}

/* The happiness scale keeps every rating with its day; the page shows where each life area
 * stands now, which is its newest rating. */
static gboolean
add_happiness_scale (CraftPrintDocument *job,
                     CraftStore        *store,
                     CraftContentNode  *worksheet,
                     GError           **error)
{
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GHashTable) newest = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  ratings = craft_store_list_happiness (store, error);
  if (ratings == NULL)
    return FALSE;
  /* Oldest day first, so a later day overwrites an earlier one. */
  for (guint i = 0; i < ratings->len; i++)
    {
      CraftHappinessRating *rating = &g_array_index (ratings, CraftHappinessRating, i);

      g_hash_table_insert (newest, rating->area, g_strdup_printf ("%d", rating->value));
    }

  for (guint i = 0; i < craft_content_node_get_n_children (worksheet); i++)
    {
      CraftContentNode *field = craft_content_node_get_child (worksheet, i);
      const char *value;

      if (!g_str_equal (craft_content_node_get_name (field), "field"))
        continue;
      value = g_hash_table_lookup (newest, craft_content_node_get_attribute (field, "id"));
      craft_print_document_begin_block (job, FALSE, FALSE);
      craft_print_document_add (job, CRAFT_PRINT_LABEL, NULL,
                                craft_content_node_get_child_text (field, "label"), NULL);
      add_answer (job, field, value != NULL ? value : "");
    }
  return TRUE;
}

static gboolean
add_worksheet (CraftPrintDocument *job,
               CraftStore        *store,
               CraftContentNode  *worksheet,
               GError           **error)
{
  const char *id = craft_content_node_get_attribute (worksheet, "id");

  craft_print_document_begin_block (job, TRUE, FALSE);
  craft_print_document_add (job, CRAFT_PRINT_HEADING, NULL,
                            craft_content_node_get_child_text (worksheet, "title"), NULL);

  if (g_strcmp0 (id, HAPPINESS_SCALE) == 0)
    return add_happiness_scale (job, store, worksheet, error);

  for (guint i = 0; i < craft_content_node_get_n_children (worksheet); i++)
    {
      CraftContentNode *child = craft_content_node_get_child (worksheet, i);
      const char *name = craft_content_node_get_name (child);

      if (g_str_equal (name, "field") && !add_field (job, store, id, child, error))
        return FALSE;
      if (g_str_equal (name, "rows") && !add_rows (job, store, id, child, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_homework (CraftPrintDocument *job,
              CraftStore        *store,
              int                number,
              CraftContentNode  *homework,
              GError           **error)
{
  craft_print_document_begin_block (job, TRUE, FALSE);
  craft_print_document_add (job, CRAFT_PRINT_HEADING, NULL, _("Homework"), NULL);

  for (guint i = 0; i < craft_content_node_get_n_children (homework); i++)
    {
      CraftContentNode *task = craft_content_node_get_child (homework, i);
      gboolean done = FALSE;

      if (!g_str_equal (craft_content_node_get_name (task), "task"))
        continue;
      if (!craft_store_get_homework_done (store, number,
                                          craft_content_node_get_attribute (task, "id"), &done,
                                          error))
        return FALSE;
      craft_print_document_begin_block (job, FALSE, FALSE);
      craft_print_document_add (job, CRAFT_PRINT_TASK, done ? "☑" : "☐",
                                craft_content_node_get_text (task), NULL);
    }
  return TRUE;
}

/* Everything the printout says, read from the program and the store. */
static CraftPrintDocument *
collect_job (CraftProgram  *program,
             CraftSession  *session,
             CraftStore    *store,
             GError       **error)
{
  g_autoptr(CraftPrintDocument) job = craft_print_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%x");
  g_autofree char *printed = NULL;
  g_autofree char *heading = NULL;
  CraftContentNode *root = craft_session_get_root (session);
  CraftContentNode *homework = NULL;

  /* Translators: the heading of a printed session, e.g. "Session 5: Talking so you are
   * heard"; %d is the session's number, %s its title */
  heading = g_strdup_printf (_("Session %d: %s"), craft_session_get_number (session),
                            craft_session_get_title (session));
  /* Translators: under the heading of a printed session; %s is today's date */
  printed = g_strdup_printf (_("Printed on %s"), today);

  craft_print_document_begin_block (job, TRUE, FALSE);
  craft_print_document_add (job, CRAFT_PRINT_TITLE, NULL, heading, NULL);
  craft_print_document_add (job, CRAFT_PRINT_DATE, NULL, printed, NULL);

  for (guint i = 0; i < craft_content_node_get_n_children (root); i++)
    {
      CraftContentNode *child = craft_content_node_get_child (root, i);
      const char *name = craft_content_node_get_name (child);

      if (g_str_equal (name, "worksheet"))
        {
          const char *ref = craft_content_node_get_attribute (child, "ref");
          CraftContentNode *worksheet = child;

          /* A worksheet shown again is the one declared elsewhere, with the same answers. */
          if (ref != NULL)
            worksheet = craft_program_find_worksheet (program, ref);
          if (worksheet == NULL)
            {
              g_warning ("Session %d shows an unknown worksheet “%s”",
                         craft_session_get_number (session), ref);
              continue;
            }
          if (!add_worksheet (job, store, worksheet, error))
            return NULL;
        }
      else if (g_str_equal (name, "homework"))
        homework = child;
    }

  if (homework != NULL && craft_content_node_get_n_children (homework) > 0
      && !add_homework (job, store, craft_session_get_number (session), homework, error))
    return NULL;

  return g_steal_pointer (&job);
}

gboolean
craft_session_print (GtkWindow     *parent,
                     CraftProgram  *program,
                     CraftSession  *session,
                     CraftStore    *store,
                     const char    *pdf_path,
                     GError       **error)
{
  CraftPrintDocument *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (CRAFT_IS_PROGRAM (program), FALSE);
  g_return_val_if_fail (CRAFT_IS_SESSION (session), FALSE);
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = collect_job (program, session, store, error);
  if (job == NULL)
    return FALSE;

  return craft_print_document_run (job, parent, pdf_path, error);
}

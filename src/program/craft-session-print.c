/* src/program/craft-session-print.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session's worksheet answers and homework on paper, or in a PDF. Everything is read from
 * the store into a plain list of paragraphs before the operation runs, so a store error is
 * reported before any page is made, never halfway through. begin-print lays the paragraphs
 * out for the paper the person chose and places them on pages line by line; draw-page only
 * draws what was placed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "craft-session-print.h"

/* The worksheet kept as dated ratings rather than as answers; see docs/session-content.md. */
#define HAPPINESS_SCALE "happiness-scale"

/* Lengths are in points, the unit the operation is set to; only the paper margin is in mm. */
#define PAGE_MARGIN_MM 20.0
#define LIST_INDENT    22.0
#define MARKER_GAP     6.0
#define DIM_GRAY       0.42

typedef enum
{
  STYLE_TITLE,
  STYLE_DATE,
  STYLE_HEADING,
  STYLE_LABEL,
  STYLE_ANSWER,
  STYLE_ITEM,
  STYLE_ROW,
  STYLE_EMPTY,
  STYLE_TASK,
} PrintStyle;

static const struct
{
  const char *font;
  const char *marker_font;  /* NULL: the paragraph's own */
  double      space_before; /* dropped at the top of a page */
  gboolean    dim;
} styles[] = {
  [STYLE_TITLE]   = { "Sans Bold 18",   NULL,      0, FALSE },
  [STYLE_DATE]    = { "Sans 10",        NULL,      4, TRUE },
  [STYLE_HEADING] = { "Sans Bold 14",   NULL,     24, FALSE },
  [STYLE_LABEL]   = { "Sans Bold 10.5", NULL,     12, FALSE },
  [STYLE_ANSWER]  = { "Sans 10.5",      NULL,      3, FALSE },
  [STYLE_ITEM]    = { "Sans 10.5",      NULL,      3, FALSE },
  [STYLE_ROW]     = { "Sans 10.5",      NULL,      5, FALSE },
  [STYLE_EMPTY]   = { "Sans Italic 10", NULL,      3, TRUE },
  [STYLE_TASK]    = { "Sans 10.5",      "Sans 13", 8, FALSE },
};

typedef struct
{
  PrintStyle     style;
  guint          level;         /* 0, or 1 for list items that carry a marker */
  char          *text;
  PangoAttrList *attrs;         /* or NULL */
  char          *marker;        /* a bullet, number or box left of the first line, or NULL */

  /* Made in begin-print, for the paper chosen. */
  PangoLayout   *layout;
  PangoLayout   *marker_layout;
} PrintPara;

/* Paragraphs that belong together: a field's label and its answer, say. */
typedef struct
{
  guint    first_para;
  gboolean keep_with_next;      /* a heading: never last on a page */
} PrintBlock;

typedef struct
{
  PrintPara       *para;
  PangoLayoutLine *line;        /* owned by para->layout */
  gboolean         first;       /* the paragraph's first line, beside its marker */
  double           x;
  double           height;
  double           baseline;    /* below the line's top */
  double           space_before;
  gboolean         may_break_before;

  int              page;
  double           y;           /* the line's top on its page */
} PrintLine;

typedef struct
{
  char      *heading;
  GPtrArray *paras;             /* PrintPara */
  GArray    *blocks;            /* PrintBlock */
  GArray    *lines;             /* PrintLine, made in begin-print */
  double     inset_left;
  double     inset_top;
} PrintJob;

static GtkPrintSettings *last_settings;

static void
print_para_free (PrintPara *para)
{
  g_free (para->text);
  g_free (para->marker);
  g_clear_pointer (&para->attrs, pango_attr_list_unref);
  g_clear_object (&para->layout);
  g_clear_object (&para->marker_layout);
  g_free (para);
}

static PrintJob *
print_job_new (void)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) print_para_free);
  job->blocks = g_array_new (FALSE, FALSE, sizeof (PrintBlock));
  job->lines = g_array_new (FALSE, TRUE, sizeof (PrintLine));
  return job;
}

static void
print_job_free (PrintJob *job)
{
  g_free (job->heading);
  g_ptr_array_unref (job->paras);
  g_array_unref (job->blocks);
  g_array_unref (job->lines);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

static void
begin_block (PrintJob *job,
             gboolean  keep_with_next)
{
  PrintBlock block = { job->paras->len, keep_with_next };

  g_array_append_val (job->blocks, block);
}

/* Takes @attrs. */
static void
add_para (PrintJob      *job,
          PrintStyle     style,
          const char    *marker,
          const char    *text,
          PangoAttrList *attrs)
{
  PrintPara *para = g_new0 (PrintPara, 1);

  para->style = style;
  para->level = marker != NULL ? 1 : 0;
  /* Answers are shown as typed, but Pango must never see broken UTF-8. */
  para->text = g_utf8_make_valid (text, -1);
  para->attrs = attrs;
  para->marker = g_strdup (marker);
  g_ptr_array_add (job->paras, para);
}

static void
add_not_filled_in (PrintJob *job)
{
  /* Translators: printed under a worksheet question that has no answer yet */
  add_para (job, STYLE_EMPTY, NULL, _("Not filled in"), NULL);
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
add_answer (PrintJob         *job,
            CraftContentNode *field,
            const char       *stored)
{
  g_autoptr(GPtrArray) items = format_answer (field, stored);

  if (items->len == 0)
    add_not_filled_in (job);
  else if (g_strcmp0 (craft_content_node_get_attribute (field, "type"), "checklist") == 0)
    for (guint i = 0; i < items->len; i++)
      add_para (job, STYLE_ITEM, "•", g_ptr_array_index (items, i), NULL);
  else
    add_para (job, STYLE_ANSWER, NULL, g_ptr_array_index (items, 0), NULL);
}

static gboolean
add_field (PrintJob          *job,
           CraftStore        *store,
           const char        *worksheet_id,
           CraftContentNode  *field,
           GError           **error)
{
  g_autofree char *value = NULL;

  value = craft_store_get_answer (store, worksheet_id,
                                  craft_content_node_get_attribute (field, "id"), error);
  if (value == NULL)
    return FALSE;

  begin_block (job, FALSE);
  add_para (job, STYLE_LABEL, NULL, craft_content_node_get_child_text (field, "label"), NULL);
  add_answer (job, field, value);
  return TRUE;
}

/* Appends "Label: value" to @text with the label in bold. */
static void
append_pair (GString       *text,
             PangoAttrList *attrs,
             const char    *label,
             const char    *value)
{
  /* Translators: a field and its value in a printed list, e.g. "Name: Anna" */
  const char *format = _("%s: %s");
  const char *label_at = strstr (format, "%s");
  gsize start = text->len;

  g_string_append_printf (text, format, label, value);
  /* The bold is only a help for the eye: a translation that reorders gets none. */
  if (label_at != NULL && strstr (label_at + 2, "%s") != NULL && strchr (format, '$') == NULL)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = start + (label_at - format);
      bold->end_index = bold->start_index + strlen (label);
      pango_attr_list_insert (attrs, bold);
    }
}

static gboolean
add_rows (PrintJob          *job,
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

  begin_block (job, FALSE);
  add_para (job, STYLE_LABEL, NULL, craft_content_node_get_child_text (rows, "label"), NULL);

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
          append_pair (text, attrs, craft_content_node_get_child_text (field, "label"), joined);
        }

      /* A row left empty is no answer; the numbers count only what is printed. */
      if (text->len == 0)
        continue;
      marker = g_strdup_printf ("%u.", ++number);
      add_para (job, STYLE_ROW, marker, text->str, g_steal_pointer (&attrs));
    }

  if (number == 0)
    add_not_filled_in (job);
  return TRUE;
}

/* The happiness scale keeps every rating with its day; the page shows where each life area
 * stands now, which is its newest rating. */
static gboolean
add_happiness_scale (PrintJob          *job,
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
      begin_block (job, FALSE);
      add_para (job, STYLE_LABEL, NULL, craft_content_node_get_child_text (field, "label"),
                NULL);
      add_answer (job, field, value != NULL ? value : "");
    }
  return TRUE;
}

static gboolean
add_worksheet (PrintJob          *job,
               CraftStore        *store,
               CraftContentNode  *worksheet,
               GError           **error)
{
  const char *id = craft_content_node_get_attribute (worksheet, "id");

  begin_block (job, TRUE);
  add_para (job, STYLE_HEADING, NULL, craft_content_node_get_child_text (worksheet, "title"),
            NULL);

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
add_homework (PrintJob          *job,
              CraftStore        *store,
              int                number,
              CraftContentNode  *homework,
              GError           **error)
{
  begin_block (job, TRUE);
  add_para (job, STYLE_HEADING, NULL, _("Homework"), NULL);

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
      begin_block (job, FALSE);
      add_para (job, STYLE_TASK, done ? "☑" : "☐", craft_content_node_get_text (task), NULL);
    }
  return TRUE;
}

/* Everything the printout says, read from the program and the store. */
static PrintJob *
collect_job (CraftProgram  *program,
             CraftSession  *session,
             CraftStore    *store,
             GError       **error)
{
  g_autoptr(PrintJob) job = print_job_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%x");
  g_autofree char *printed = NULL;
  CraftContentNode *root = craft_session_get_root (session);
  CraftContentNode *homework = NULL;

  /* Translators: the heading of a printed session, e.g. "Session 5: Talking so you are
   * heard"; %d is the session's number, %s its title */
  job->heading = g_strdup_printf (_("Session %d: %s"), craft_session_get_number (session),
                                  craft_session_get_title (session));
  /* Translators: under the heading of a printed session; %s is today's date */
  printed = g_strdup_printf (_("Printed on %s"), today);

  begin_block (job, TRUE);
  add_para (job, STYLE_TITLE, NULL, job->heading, NULL);
  add_para (job, STYLE_DATE, NULL, printed, NULL);

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

static PangoLayout *
new_layout (PangoContext *pango,
            const char   *font,
            double        width)
{
  PangoLayout *layout = pango_layout_new (pango);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  /* A long word or a pasted address must break rather than run off the paper. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
lay_out_para (PrintPara    *para,
              PangoContext *pango,
              double        width)
{
  const char *font = styles[para->style].font;
  double indent = para->level * LIST_INDENT;

  g_clear_object (&para->layout);
  g_clear_object (&para->marker_layout);

  para->layout = new_layout (pango, font, width - indent);
  pango_layout_set_text (para->layout, para->text, -1);
  pango_layout_set_attributes (para->layout, para->attrs);

  if (para->marker != NULL)
    {
      const char *marker_font = styles[para->style].marker_font;

      para->marker_layout = new_layout (pango, marker_font != NULL ? marker_font : font,
                                        LIST_INDENT);
      pango_layout_set_text (para->marker_layout, para->marker, -1);
    }
}

/* Adds the lines of the paragraphs @first … @end - 1, which make one block, and decides
 * where a page may break among them. */
static void
add_block_lines (PrintJob *job,
                 guint     first,
                 guint     end,
                 gboolean  follows_heading,
                 double    page_height)
{
  guint start = job->lines->len;
  guint n_lines;
  guint n_label_lines = 0;
  double block_height = 0;
  gboolean whole;

  for (guint i = first; i < end; i++)
    {
      PrintPara *para = g_ptr_array_index (job->paras, i);
      PangoRectangle logical;
      PangoLayoutIter *iter;
      gboolean first_line = TRUE;

      pango_layout_get_pixel_extents (para->layout, NULL, &logical);
      block_height += logical.height + (i > first ? styles[para->style].space_before : 0);

      iter = pango_layout_get_iter (para->layout);
      do
        {
          PrintLine line = { 0 };
          PangoRectangle extents;
          int top, bottom;

          pango_layout_iter_get_line_yrange (iter, &top, &bottom);
          pango_layout_iter_get_line_extents (iter, NULL, &extents);
          line.para = para;
          line.line = pango_layout_iter_get_line_readonly (iter);
          line.first = first_line;
          line.x = para->level * LIST_INDENT + pango_units_to_double (extents.x);
          line.height = pango_units_to_double (bottom - top);
          line.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - top);
          line.space_before = first_line ? styles[para->style].space_before : 0;
          g_array_append_val (job->lines, line);

          if (i == first && (para->style == STYLE_LABEL || para->style == STYLE_HEADING))
            n_label_lines++;
          first_line = FALSE;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  /* A short block moves to the next page whole. A long one (a long answer) may continue on
   * the next page line by line, but its label keeps at least two lines of the answer, and
   * its last line never stands alone at the top of a page. */
  whole = block_height <= page_height / 4;
  n_lines = job->lines->len - start;
  for (guint i = 0; i < n_lines; i++)
    {
      PrintLine *line = &g_array_index (job->lines, PrintLine, start + i);

      if (i == 0)
        line->may_break_before = !follows_heading;
      else
        line->may_break_before = !whole && i >= n_label_lines + 2 && i + 1 < n_lines;
    }
}

/* Places every line on a page and returns the number of pages. */
static int
paginate (PrintJob *job,
          double    page_height)
{
  guint page_start = 0;
  guint i = 0;
  int page = 0;
  double y = 0;

  while (i < job->lines->len)
    {
      PrintLine *line = &g_array_index (job->lines, PrintLine, i);
      double space = y > 0 ? line->space_before : 0;

      if (y > 0 && y + space + line->height > page_height)
        {
          guint j = i;

          /* Go back to the last place a page may break, and start the page there. */
          while (j > page_start && !g_array_index (job->lines, PrintLine, j).may_break_before)
            j--;
          /* Something that must stay together but is longer than a page breaks where it
           * overflows; a line is never cut. */
          if (j == page_start)
            j = i;
          page++;
          y = 0;
          page_start = i = j;
          continue;
        }

      line->page = page;
      line->y = y + space;
      y = line->y + line->height;
      i++;
    }

  return page + 1;
}

static void
on_operation_begin_print_cb (GtkPrintOperation *operation,
                             GtkPrintContext   *context,
                             PrintJob          *job)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double top, bottom, left, right;
  double inset_right = 0, inset_bottom = 0;
  double width, height;

  /* The page setup's margins are already outside the context; a printer that cannot print
   * that close to the edge needs the difference as well. */
  job->inset_left = job->inset_top = 0;
  if (gtk_print_context_get_hard_margins (context, &top, &bottom, &left, &right))
    {
      job->inset_top = MAX (0, top - gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
      job->inset_left = MAX (0, left - gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS));
      inset_bottom = MAX (0, bottom - gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS));
      inset_right = MAX (0, right - gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS));
    }
  width = gtk_print_context_get_width (context) - job->inset_left - inset_right;
  height = gtk_print_context_get_height (context) - job->inset_top - inset_bottom;

  for (guint i = 0; i < job->paras->len; i++)
    lay_out_para (g_ptr_array_index (job->paras, i), pango, width);

  g_array_set_size (job->lines, 0);
  for (guint b = 0; b < job->blocks->len; b++)
    {
      PrintBlock *block = &g_array_index (job->blocks, PrintBlock, b);
      guint end = b + 1 < job->blocks->len
                  ? g_array_index (job->blocks, PrintBlock, b + 1).first_para
                  : job->paras->len;

      if (end > block->first_para)
        add_block_lines (job, block->first_para, end,
                         b > 0 && g_array_index (job->blocks, PrintBlock, b - 1).keep_with_next,
                         height);
    }

  g_object_unref (pango);

  gtk_print_operation_set_n_pages (operation, paginate (job, height));
}

static void
on_operation_draw_page_cb (GtkPrintOperation *operation,
                           GtkPrintContext   *context,
                           int                page_nr,
                           PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  for (guint i = 0; i < job->lines->len; i++)
    {
      PrintLine *line = &g_array_index (job->lines, PrintLine, i);
      double gray = styles[line->para->style].dim ? DIM_GRAY : 0;
      double baseline_y = job->inset_top + line->y + line->baseline;

      if (line->page != page_nr)
        continue;

      cairo_set_source_rgb (cr, gray, gray, gray);
      cairo_move_to (cr, job->inset_left + line->x, baseline_y);
      pango_cairo_show_layout_line (cr, line->line);

      if (line->first && line->para->marker_layout != NULL)
        {
          PangoRectangle logical;

          /* Right-aligned, so that "9." and "10." line up. */
          pango_layout_get_pixel_extents (line->para->marker_layout, NULL, &logical);
          cairo_move_to (cr, job->inset_left + LIST_INDENT - MARKER_GAP - logical.width,
                         baseline_y);
          pango_cairo_show_layout_line (cr,
                                        pango_layout_get_line_readonly (line->para->marker_layout,
                                                                        0));
        }
    }
}

static GtkPageSetup *
new_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();

  /* Room to hold the sheet and to write a note in the margin. */
  gtk_page_setup_set_top_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  return setup;
}

gboolean
craft_session_print (GtkWindow     *parent,
                     CraftProgram  *program,
                     CraftSession  *session,
                     CraftStore    *store,
                     const char    *pdf_path,
                     GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  PrintJob *job;
  GtkPrintOperationAction action;
  GtkPrintOperationResult result;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (CRAFT_IS_PROGRAM (program), FALSE);
  g_return_val_if_fail (CRAFT_IS_SESSION (session), FALSE);
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = collect_job (program, session, store, error);
  if (job == NULL)
    return FALSE;

  operation = gtk_print_operation_new ();
  setup = new_page_setup ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* A print queue is often seen by others (at work, on a shared computer): the job's name
   * does not tell what the pages are about. */
  gtk_print_operation_set_job_name (operation, PACKAGE_NAME);
  /* The printer may still be busy with the pages after the call returns. */
  g_object_set_data_full (G_OBJECT (operation), "craft-print-job", job,
                          (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_operation_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_operation_draw_page_cb), job);

  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, pdf_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  else
    {
      /* The same printer and paper as last time, as other GNOME apps do. */
      if (last_settings != NULL)
        gtk_print_operation_set_print_settings (operation, last_settings);
      gtk_print_operation_set_embed_page_setup (operation, TRUE);
      action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
    }

  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && pdf_path == NULL)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  return TRUE;
}

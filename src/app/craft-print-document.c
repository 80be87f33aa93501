/* src/app/craft-print-document.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout and pagination behind every printout. Lengths are in points, the unit the
 * operation is set to; only the paper margin is in mm.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "craft-print-document.h"

#define PAGE_MARGIN_MM 20.0
#define LIST_INDENT    22.0
#define MARKER_GAP     6.0
#define DIM_GRAY       0.42

static const struct
{
  const char *font;
  const char *marker_font;  /* NULL: the paragraph's own */
  double      space_before; /* dropped at the top of a page */
  gboolean    dim;
} styles[] = {
  [CRAFT_PRINT_TITLE]   = { "Sans Bold 18",   NULL,      0, FALSE },
  [CRAFT_PRINT_DATE]    = { "Sans 10",        NULL,      4, TRUE },
  [CRAFT_PRINT_HEADING] = { "Sans Bold 14",   NULL,     24, FALSE },
  [CRAFT_PRINT_LABEL]   = { "Sans Bold 10.5", NULL,     12, FALSE },
  [CRAFT_PRINT_ANSWER]  = { "Sans 10.5",      NULL,      3, FALSE },
  [CRAFT_PRINT_ITEM]    = { "Sans 10.5",      NULL,      3, FALSE },
  [CRAFT_PRINT_ROW]     = { "Sans 10.5",      NULL,      5, FALSE },
  [CRAFT_PRINT_EMPTY]   = { "Sans Italic 10", NULL,      3, TRUE },
  [CRAFT_PRINT_TASK]    = { "Sans 10.5",      "Sans 13", 8, FALSE },
};

/* The space above a figure, such as a chart. */
#define FIGURE_SPACE 10.0

typedef struct
{
  CraftPrintStyle        style;
  guint                  level;   /* 0, or 1 for list items that carry a marker */
  char                  *text;
  PangoAttrList         *attrs;   /* or NULL */
  char                  *marker;  /* a bullet, number or box left of the first line, or NULL */

  /* A figure instead of text, when measure is set. */
  CraftPrintMeasureFunc  measure;
  CraftPrintDrawFunc     draw;
  gpointer               data;
  GDestroyNotify         destroy;

  /* Made in begin-print, for the paper chosen. */
  PangoLayout           *layout;
  PangoLayout           *marker_layout;
  double                 figure_height;
} PrintPara;

typedef struct
{
  guint    first_para;
  gboolean keep_with_next;  /* a heading: never last on a page */
  gboolean keep_together;   /* a whole diary entry: to the next page whole when it fits */
  gboolean page_break;      /* starts a new page */
} PrintBlock;

typedef struct
{
  PrintPara       *para;
  PangoLayoutLine *line;        /* owned by para->layout; NULL for a figure */
  gboolean         first;       /* the paragraph's first line, beside its marker */
  double           x;
  double           height;
  double           baseline;    /* below the line's top */
  double           space_before;
  gboolean         may_break_before;
  gboolean         must_break_before;

  int              page;
  double           y;           /* the line's top on its page */
} PrintLine;

struct _CraftPrintDocument
{
  GPtrArray    *paras;   /* PrintPara */
  GArray       *blocks;  /* PrintBlock */
  GArray       *lines;   /* PrintLine, made in begin-print */
  gboolean      break_next;
  PangoContext *pango;   /* the print context's, kept for draw-page's figures */
  double        width;
  double        inset_left;
  double        inset_top;
};

static GtkPrintSettings *last_settings;

static void
print_para_free (PrintPara *para)
{
  g_free (para->text);
  g_free (para->marker);
  g_clear_pointer (&para->attrs, pango_attr_list_unref);
  g_clear_object (&para->layout);
  g_clear_object (&para->marker_layout);
  if (para->destroy != NULL)
    para->destroy (para->data);
  g_free (para);
}

CraftPrintDocument *
craft_print_document_new (void)
{
  CraftPrintDocument *self = g_new0 (CraftPrintDocument, 1);

  self->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) print_para_free);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (PrintBlock));
  self->lines = g_array_new (FALSE, TRUE, sizeof (PrintLine));
  return self;
}

void
craft_print_document_free (CraftPrintDocument *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->paras);
  g_array_unref (self->blocks);
  g_array_unref (self->lines);
  g_clear_object (&self->pango);
  g_free (self);
}

void
craft_print_document_begin_block (CraftPrintDocument *self,
                                  gboolean            keep_with_next,
                                  gboolean            keep_together)
{
  PrintBlock block = { self->paras->len, keep_with_next, keep_together, self->break_next };

  g_return_if_fail (self != NULL);
  self->break_next = FALSE;
  g_array_append_val (self->blocks, block);
}

void
craft_print_document_page_break (CraftPrintDocument *self)
{
  g_return_if_fail (self != NULL);
  self->break_next = TRUE;
}

void
craft_print_document_add (CraftPrintDocument *self,
                          CraftPrintStyle     style,
                          const char         *marker,
                          const char         *text,
                          PangoAttrList      *attrs)
{
  PrintPara *para = g_new0 (PrintPara, 1);

  g_return_if_fail (self != NULL && self->blocks->len > 0);
  para->style = style;
  para->level = marker != NULL ? 1 : 0;
  /* Text is shown as typed, but Pango must never see broken UTF-8. */
  para->text = g_utf8_make_valid (text != NULL ? text : "", -1);
  para->attrs = attrs;
  para->marker = g_strdup (marker);
  g_ptr_array_add (self->paras, para);
}

void
craft_print_document_add_figure (CraftPrintDocument    *self,
                                 CraftPrintMeasureFunc  measure,
                                 CraftPrintDrawFunc     draw,
                                 gpointer               data,
                                 GDestroyNotify         destroy)
{
  PrintPara *para = g_new0 (PrintPara, 1);

  g_return_if_fail (self != NULL && self->blocks->len > 0);
  g_return_if_fail (measure != NULL && draw != NULL);
  para->style = CRAFT_PRINT_ANSWER;
  para->measure = measure;
  para->draw = draw;
  para->data = data;
  para->destroy = destroy;
  g_ptr_array_add (self->paras, para);
}

void
craft_print_append_pair (GString       *text,
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

  if (para->measure != NULL)
    {
      para->figure_height = para->measure (para->data, pango, width);
      return;
    }

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

/* Adds the lines of one block's paragraphs and decides where a page may break among them. */
static void
add_block_lines (CraftPrintDocument *self,
                 const PrintBlock   *block,
                 guint               end,
                 gboolean            follows_heading,
                 double              page_height)
{
  guint start = self->lines->len;
  guint n_lines;
  guint n_label_lines = 0;
  double block_height = 0;
  gboolean whole;

  for (guint i = block->first_para; i < end; i++)
    {
      PrintPara *para = g_ptr_array_index (self->paras, i);
      PangoLayoutIter *iter;
      gboolean first_line = TRUE;

      if (para->measure != NULL)
        {
          PrintLine line = { 0 };

          line.para = para;
          line.first = TRUE;
          line.height = para->figure_height;
          line.space_before = FIGURE_SPACE;
          block_height += line.height + (i > block->first_para ? FIGURE_SPACE : 0);
          g_array_append_val (self->lines, line);
          continue;
        }

      {
        PangoRectangle logical;

        pango_layout_get_pixel_extents (para->layout, NULL, &logical);
        block_height += logical.height
                        + (i > block->first_para ? styles[para->style].space_before : 0);
      }

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
          g_array_append_val (self->lines, line);

          if (i == block->first_para
              && (para->style == CRAFT_PRINT_LABEL || para->style == CRAFT_PRINT_HEADING))
            n_label_lines++;
          first_line = FALSE;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  /* A short block moves to the next page whole, and so does one that asked to, as long as
   * it fits on a page. A long one (a long answer) may continue on the next page line by
   * line, but its label keeps at least two lines of the answer, and its last line never
   * stands alone at the top of a page. */
  whole = block_height <= page_height / 4
          || (block->keep_together && block_height <= page_height);
  n_lines = self->lines->len - start;
  for (guint i = 0; i < n_lines; i++)
    {
      PrintLine *line = &g_array_index (self->lines, PrintLine, start + i);

      if (i == 0)
        {
          line->may_break_before = !follows_heading || block->page_break;
          line->must_break_before = block->page_break;
        }
      else
        line->may_break_before = !whole && i >= n_label_lines + 2 && i + 1 < n_lines;
    }
}

/* Places every line on a page and returns the number of pages. */
static int
paginate (CraftPrintDocument *self,
          double              page_height)
{
  guint page_start = 0;
  guint i = 0;
  int page = 0;
  double y = 0;

  while (i < self->lines->len)
    {
      PrintLine *line = &g_array_index (self->lines, PrintLine, i);
      double space = y > 0 ? line->space_before : 0;

      if (y > 0 && (line->must_break_before || y + space + line->height > page_height))
        {
          guint j = i;

          /* Go back to the last place a page may break, and start the page there. */
          while (!line->must_break_before && j > page_start
                 && !g_array_index (self->lines, PrintLine, j).may_break_before)
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
on_operation_begin_print_cb (GtkPrintOperation  *operation,
                             GtkPrintContext    *context,
                             CraftPrintDocument *self)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double top, bottom, left, right;
  double inset_right = 0, inset_bottom = 0;
  double height;

  g_clear_object (&self->pango);
  self->pango = gtk_print_context_create_pango_context (context);

  /* The page setup's margins are already outside the context; a printer that cannot print
   * that close to the edge needs the difference as well. */
  self->inset_left = self->inset_top = 0;
  if (gtk_print_context_get_hard_margins (context, &top, &bottom, &left, &right))
    {
      self->inset_top = MAX (0, top - gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
      self->inset_left = MAX (0, left - gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS));
      inset_bottom = MAX (0, bottom - gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS));
      inset_right = MAX (0, right - gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS));
    }
  self->width = gtk_print_context_get_width (context) - self->inset_left - inset_right;
  height = gtk_print_context_get_height (context) - self->inset_top - inset_bottom;

  for (guint i = 0; i < self->paras->len; i++)
    lay_out_para (g_ptr_array_index (self->paras, i), self->pango, self->width);

  g_array_set_size (self->lines, 0);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      PrintBlock *block = &g_array_index (self->blocks, PrintBlock, b);
      guint end = b + 1 < self->blocks->len
                  ? g_array_index (self->blocks, PrintBlock, b + 1).first_para
                  : self->paras->len;

      if (end > block->first_para)
        add_block_lines (self, block, end,
                         b > 0 && g_array_index (self->blocks, PrintBlock, b - 1).keep_with_next,
                         height);
    }

  gtk_print_operation_set_n_pages (operation, paginate (self, height));
}

static void
on_operation_draw_page_cb (GtkPrintOperation  *operation,
                           GtkPrintContext    *context,
                           int                 page_nr,
                           CraftPrintDocument *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  for (guint i = 0; i < self->lines->len; i++)
    {
      PrintLine *line = &g_array_index (self->lines, PrintLine, i);
      double gray = styles[line->para->style].dim ? DIM_GRAY : 0;
      double baseline_y = self->inset_top + line->y + line->baseline;

      if (line->page != page_nr)
        continue;

      if (line->line == NULL)
        {
          cairo_save (cr);
          cairo_translate (cr, self->inset_left, self->inset_top + line->y);
          line->para->draw (line->para->data, cr, self->pango, self->width, line->height);
          cairo_restore (cr);
          continue;
        }

      cairo_set_source_rgb (cr, gray, gray, gray);
      cairo_move_to (cr, self->inset_left + line->x, baseline_y);
      pango_cairo_show_layout_line (cr, line->line);

      if (line->first && line->para->marker_layout != NULL)
        {
          PangoRectangle logical;

          /* Right-aligned, so that "9." and "10." line up. */
          pango_layout_get_pixel_extents (line->para->marker_layout, NULL, &logical);
          cairo_move_to (cr, self->inset_left + LIST_INDENT - MARKER_GAP - logical.width,
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
craft_print_document_run (CraftPrintDocument  *self,
                          GtkWindow           *parent,
                          const char          *pdf_path,
                          GError             **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperationAction action;
  GtkPrintOperationResult result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = gtk_print_operation_new ();
  setup = new_page_setup ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* A print queue is often seen by others (at work, on a shared computer): the job's name
   * does not tell what the pages are about. */
  gtk_print_operation_set_job_name (operation, PACKAGE_NAME);
  /* The printer may still be busy with the pages after the call returns. */
  g_object_set_data_full (G_OBJECT (operation), "craft-print-document", self,
                          (GDestroyNotify) craft_print_document_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_operation_begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_operation_draw_page_cb), self);

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

/* src/app/craft-print-document.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paragraphs (and drawn figures) on paper, shared by every printout: a document is filled
 * with everything it says before the operation runs, so that a store error is reported
 * before any page is made; begin-print lays it out for the chosen paper and places it on
 * pages line by line (never cutting a line); draw-page only draws what was placed.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CRAFT_PRINT_TITLE,
  CRAFT_PRINT_DATE,
  CRAFT_PRINT_HEADING,
  CRAFT_PRINT_LABEL,
  CRAFT_PRINT_ANSWER,
  CRAFT_PRINT_ITEM,
  CRAFT_PRINT_ROW,
  CRAFT_PRINT_EMPTY,
  CRAFT_PRINT_TASK,
} CraftPrintStyle;

/* How tall a figure is for @width points on this paper. */
typedef double (*CraftPrintMeasureFunc) (gpointer      data,
                                         PangoContext *pango,
                                         double        width);
/* Draws the figure with its top left corner at the origin of @cr. */
typedef void   (*CraftPrintDrawFunc)    (gpointer      data,
                                         cairo_t      *cr,
                                         PangoContext *pango,
                                         double        width,
                                         double        height);

typedef struct _CraftPrintDocument CraftPrintDocument;

CraftPrintDocument *craft_print_document_new         (void);
void                craft_print_document_free        (CraftPrintDocument *self);
/* Starts a group of paragraphs that belong together (a label and its answer). A
 * @keep_with_next block (a heading) is never last on a page; a @keep_together block moves
 * to the next page whole whenever it fits on one page, otherwise only short blocks do. */
void                craft_print_document_begin_block (CraftPrintDocument *self,
                                                      gboolean            keep_with_next,
                                                      gboolean            keep_together);
/* Adds a paragraph; @marker (a bullet, number or box) goes left of its first line. Takes
 * @attrs (may be NULL). */
void                craft_print_document_add         (CraftPrintDocument *self,
                                                      CraftPrintStyle     style,
                                                      const char         *marker,
                                                      const char         *text,
                                                      PangoAttrList      *attrs);
/* Adds a drawn figure, such as a chart, as one unbreakable piece. */
void                craft_print_document_add_figure  (CraftPrintDocument    *self,
                                                      CraftPrintMeasureFunc  measure,
                                                      CraftPrintDrawFunc     draw,
                                                      gpointer               data,
                                                      GDestroyNotify         destroy);
/* What follows starts on a new page. */
void                craft_print_document_page_break  (CraftPrintDocument *self);
/* Appends "Label: value" to @text with the label in bold in @attrs. */
void                craft_print_append_pair          (GString            *text,
                                                      PangoAttrList      *attrs,
                                                      const char         *label,
                                                      const char         *value);
/* Prints @self (which it takes) with GtkPrintOperation. With @pdf_path it saves a PDF
 * there without a dialog; otherwise it shows the print dialog over @parent. A cancelled
 * dialog is not a failure. */
gboolean            craft_print_document_run         (CraftPrintDocument *self,
                                                      GtkWindow          *parent,
                                                      const char         *pdf_path,
                                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftPrintDocument, craft_print_document_free)

G_END_DECLS

/* src/review/craft-review-chart.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CRAFT_REVIEW_CHART_BARS,    /* horizontal bars with their counts, one row per category */
  CRAFT_REVIEW_CHART_STACKED, /* vertical bars over time, the series stacked */
  CRAFT_REVIEW_CHART_LINE,    /* a line over time, with optional lowest-to-highest ranges */
} CraftReviewChartKind;

typedef enum
{
  CRAFT_REVIEW_SERIES_VALUE, /* drawn: a bar, a part of a stack or the line */
  CRAFT_REVIEW_SERIES_LOW,   /* line charts: the bottom of each range */
  CRAFT_REVIEW_SERIES_HIGH,  /* line charts: the top of each range */
  CRAFT_REVIEW_SERIES_TABLE, /* only shown in the table */
} CraftReviewSeriesRole;

#define CRAFT_TYPE_REVIEW_CHART_KIND (craft_review_chart_kind_get_type ())
GType craft_review_chart_kind_get_type (void);

#define CRAFT_TYPE_REVIEW_CHART (craft_review_chart_get_type ())
G_DECLARE_FINAL_TYPE (CraftReviewChart, craft_review_chart, CRAFT, REVIEW_CHART, GtkWidget)

/* One chart of the Review place, drawn with cairo in the Okabe-Ito colours, each series
 * also told apart by a pattern, with text and grid in the widget's own colour so that it
 * reads in the light and the dark style. The same numbers come as a table too. */
GtkWidget  *craft_review_chart_new                (CraftReviewChartKind   kind);
/* Forgets every series and category. */
void        craft_review_chart_clear              (CraftReviewChart      *self);
/* Adds a series (a column of the table); its values are shown with @digits decimals.
 * Returns its index. Add every series before the first category. */
guint       craft_review_chart_add_series         (CraftReviewChart      *self,
                                                   const char            *label,
                                                   CraftReviewSeriesRole  role,
                                                   int                    digits);
/* Adds a category (a bar, a point in time; a row of the table). @axis_label is short, for
 * under the chart or beside a bar; @label is the table's, or NULL for the same. @values
 * has one number per series; NAN leaves it out. */
void        craft_review_chart_add_category       (CraftReviewChart      *self,
                                                   const char            *axis_label,
                                                   const char            *label,
                                                   const double          *values);
/* The top of the value axis; 0 (the default) takes it from the data. */
void        craft_review_chart_set_max            (CraftReviewChart      *self,
                                                   double                 max);
/* The heading of the table's first column, such as "Week". */
void        craft_review_chart_set_category_title (CraftReviewChart      *self,
                                                   const char            *title);
/* What the chart says when it has no categories. */
void        craft_review_chart_set_empty_text     (CraftReviewChart      *self,
                                                   const char            *text);
/* The text alternative: what the chart shows, in words (also its accessible description). */
void        craft_review_chart_set_summary        (CraftReviewChart      *self,
                                                   const char            *summary);
const char *craft_review_chart_get_summary        (CraftReviewChart      *self);
guint       craft_review_chart_get_n_categories   (CraftReviewChart      *self);
/* A new table (a GtkGrid) of the same numbers: a heading row, then a row per category.
 * Empty values show as "–". */
GtkWidget  *craft_review_chart_build_table        (CraftReviewChart      *self);

/* The chart on paper (light style, the print context's fonts): the height it needs at
 * @width points, and drawing it there with its top left corner at the origin of @cr. */
double      craft_review_chart_measure_print      (CraftReviewChart      *self,
                                                   PangoContext          *pango,
                                                   double                 width);
void        craft_review_chart_draw_print         (CraftReviewChart      *self,
                                                   cairo_t               *cr,
                                                   PangoContext          *pango,
                                                   double                 width,
                                                   double                 height);

/* Tables for numbers that are not in a CraftReviewChart, such as the happiness scale. */
GtkWidget  *craft_review_table_new                (const char * const    *headings);
void        craft_review_table_append             (GtkWidget             *table,
                                                   const char * const    *cells);

G_END_DECLS

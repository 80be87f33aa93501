/* src/review/craft-review-chart.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget for every diary chart of the Review place. It follows the happiness chart
 * (program/craft-happiness-chart.c): the Okabe-Ito colours that keep 3:1 contrast on both
 * Adwaita backgrounds, a second cue besides colour (a pattern or a marker) for each series,
 * and text and grid lines in the widget's colour, read at every draw.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h> /* isnan() and NAN only: libm stays out of the link */

#include "craft-review-chart.h"

#define MIN_WIDTH           200
#define NATURAL_WIDTH       480
#define MIN_PLOT_HEIGHT     110
#define NATURAL_PLOT_HEIGHT 170
#define SPACING             6
#define TICK_LENGTH         4
#define LEGEND_TOP_SPACING  10
#define LEGEND_SWATCH       14
#define LEGEND_ITEM_SPACING 18
#define BAR_ROW_PADDING     8
#define BAR_THICKNESS       18
#define LINE_WIDTH          2.0
#define MARKER_RADIUS       4.0
#define MESSAGE_HEIGHT      60
#define MESSAGE_MARGIN      12

typedef struct
{
  char                  *label;
  CraftReviewSeriesRole  role;
  int                    digits;
  guint                  style; /* its place among the drawn series: colour and pattern */
} Series;

typedef struct
{
  char   *axis_label;
  char   *label;
  double *values;
} Category;

struct _CraftReviewChart
{
  GtkWidget             parent_instance;

  CraftReviewChartKind  kind;
  GPtrArray            *series;     /* Series */
  GPtrArray            *categories; /* Category */
  guint                 n_drawn;    /* series with the VALUE role */
  double                max;
  char                 *category_title;
  char                 *empty_text;
  char                 *summary;
};

G_DEFINE_ENUM_TYPE (CraftReviewChartKind, craft_review_chart_kind,
                    G_DEFINE_ENUM_VALUE (CRAFT_REVIEW_CHART_BARS, "bars"),
                    G_DEFINE_ENUM_VALUE (CRAFT_REVIEW_CHART_STACKED, "stacked"),
                    G_DEFINE_ENUM_VALUE (CRAFT_REVIEW_CHART_LINE, "line"))

G_DEFINE_FINAL_TYPE (CraftReviewChart, craft_review_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_EMPTY_TEXT,
  PROP_CATEGORY_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The Okabe-Ito colours with at least 3:1 contrast on both the light and the dark Adwaita
 * background, in the order series take them: blue, vermillion, bluish green, reddish
 * purple. */
static const GdkRGBA palette[] = {
  { 0.000, 0.447, 0.698, 1.0 },
  { 0.835, 0.369, 0.000, 1.0 },
  { 0.000, 0.620, 0.451, 1.0 },
  { 0.800, 0.475, 0.655, 1.0 },
};

/* Besides its colour, each drawn series has a fill pattern, so that the parts of a stack can
 * be told apart in grey too. */
typedef enum
{
  PATTERN_SOLID,
  PATTERN_STRIPES,
  PATTERN_DOTS,
  PATTERN_CROSS,
  N_PATTERNS
} Pattern;

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->label);
  g_free (series);
}

static void
category_free (gpointer data)
{
  Category *category = data;

  g_free (category->axis_label);
  g_free (category->label);
  g_free (category->values);
  g_free (category);
}

static void
set_source_rgba (cairo_t       *cr,
                 const GdkRGBA *colour,
                 double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static const GdkRGBA *
colour_for_style (guint style)
{
  return &palette[style % G_N_ELEMENTS (palette)];
}

static void
get_text_colour (GtkWidget *widget,
                 GdkRGBA   *colour)
{
  /* gtk_widget_get_color() would be the way from GTK 4.10 on; 4.8 has only this. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), colour);
}

/* Where the chart's text comes from: the widget's own fonts on screen, or a print
 * context's (at the printer's resolution) on paper. */
typedef struct
{
  PangoContext         *pango;
  PangoFontDescription *font;  /* NULL: the context's */
  gboolean              rtl;
  int                   bar_thickness;
  int                   row_padding;
} Painter;

static void
painter_for_widget (Painter   *painter,
                    GtkWidget *widget)
{
  painter->pango = gtk_widget_get_pango_context (widget);
  painter->font = NULL;
  painter->rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  painter->bar_thickness = BAR_THICKNESS;
  painter->row_padding = BAR_ROW_PADDING;
}

static PangoLayout *
create_layout (const Painter *painter,
               const char    *text)
{
  PangoLayout *layout = pango_layout_new (painter->pango);

  if (painter->font != NULL)
    pango_layout_set_font_description (layout, painter->font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static PangoLayout *
create_small_layout (const Painter *painter,
                     const char    *text)
{
  PangoLayout *layout = create_layout (painter, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* Done by hand, like the happiness chart does, to keep libm out of the link. */
static double
floor_down (double v)
{
  double t = (double) (gint64) v;

  return t > v ? t - 1 : t;
}

static double
ceil_up (double v)
{
  return -floor_down (-v);
}

/* The middle of the pixel at @v: a 1 px line there is crisp. */
static double
floor_half (double v)
{
  return floor_down (v) + 0.5;
}

static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static char *
format_value (double value,
              int    digits)
{
  if (isnan (value))
    /* Translators: in a table, a value that is missing. */
    return g_strdup (C_("table", "–"));
  /* %f follows the locale, so Swedish and Danish get their decimal comma. */
  return g_strdup_printf ("%.*f", digits, value);
}

/* Fills the current path in the colour and pattern of @style; the path is used up. */
static void
fill_with_style (cairo_t       *cr,
                 guint          style,
                 const GdkRGBA *text)
{
  Pattern pattern = style % N_PATTERNS;
  double x1, y1, x2, y2;

  set_source_rgba (cr, colour_for_style (style), 1.0);
  if (pattern == PATTERN_SOLID)
    {
      cairo_fill (cr);
      return;
    }

  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_path_extents (cr, &x1, &y1, &x2, &y2);
  cairo_clip (cr);
  /* The marks take the text colour: dark on the light style and light on the dark, where
   * they always stand out against the Okabe-Ito colours. */
  set_source_rgba (cr, text, 0.55);
  cairo_set_line_width (cr, 1.5);
  switch (pattern)
    {
    case PATTERN_STRIPES:
    case PATTERN_CROSS:
      for (double d = floor_down ((x1 - (y2 - y1)) / 6.0) * 6.0; d < x2; d += 6.0)
        {
          cairo_move_to (cr, d, y2);
          cairo_line_to (cr, d + (y2 - y1), y1);
          if (pattern == PATTERN_CROSS)
            {
              cairo_move_to (cr, d, y1);
              cairo_line_to (cr, d + (y2 - y1), y2);
            }
        }
      cairo_stroke (cr);
      break;
    case PATTERN_DOTS:
      for (double y = floor_down (y2) - 3.0; y > y1 - 3.0; y -= 6.0)
        for (double x = floor_down (x1 / 6.0) * 6.0 + 3.0; x < x2 + 3.0; x += 6.0)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, 1.4, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case PATTERN_SOLID:
    case N_PATTERNS:
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
  cairo_new_path (cr);
}

static void
draw_marker (cairo_t       *cr,
             double         x,
             double         y,
             const GdkRGBA *colour)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, MARKER_RADIUS, 0, 2 * G_PI);
  set_source_rgba (cr, colour, 1.0);
  cairo_fill (cr);
}

static void
draw_message (CraftReviewChart *self,
              const Painter    *painter,
              cairo_t          *cr,
              int               width,
              int               height,
              const GdkRGBA    *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  int text_height;

  layout = create_layout (painter, self->empty_text != NULL
                                   ? self->empty_text
                                   : _("Nothing to show for this period."));
  pango_layout_set_width (layout, MAX (width - 2 * MESSAGE_MARGIN, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  set_source_rgba (cr, text, 0.7);
  cairo_move_to (cr, MESSAGE_MARGIN, MAX ((height - text_height) / 2.0, 0));
  pango_cairo_show_layout (cr, layout);
}

static double
category_value (Category *category,
                guint     series)
{
  return category->values[series];
}

/* The largest value to show: the highest bar, stack or range top. */
static double
data_max (CraftReviewChart *self)
{
  double max = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      double stack = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          double value = category_value (category, s);

          if (isnan (value) || series->role == CRAFT_REVIEW_SERIES_TABLE)
            continue;
          if (self->kind == CRAFT_REVIEW_CHART_STACKED && series->role == CRAFT_REVIEW_SERIES_VALUE)
            stack += value;
          else
            max = MAX (max, value);
        }
      max = MAX (max, stack);
    }
  return max;
}

/* A round top for the axis and its step: 1, 2 or 5 times a power of ten, about four steps. */
static void
nice_axis (double  max,
           double *top,
           double *step)
{
  double raw = MAX (max, 1.0) / 4.0;
  double magnitude = 1.0;
  double fraction;

  while (magnitude * 10 <= raw)
    magnitude *= 10;
  fraction = raw / magnitude;

  if (fraction <= 1)
    *step = magnitude;
  else if (fraction <= 2)
    *step = 2 * magnitude;
  else if (fraction <= 5)
    *step = 5 * magnitude;
  else
    *step = 10 * magnitude;
  *step = MAX (*step, 1.0);
  *top = *step * ceil_up (MAX (max, 1.0) / *step);
}

/* The legend: one item per drawn series (and the range, for a line chart), in rows no wider
 * than @width. Returns its height; draws it when @cr is not NULL. */
static int
layout_legend (CraftReviewChart *self,
               const Painter    *painter,
               int               width,
               cairo_t          *cr,
               double            top,
               const GdkRGBA    *text)
{
  int x = 0, y = 0, row_height = LEGEND_SWATCH;
  gboolean any = FALSE;

  if (self->kind == CRAFT_REVIEW_CHART_BARS)
    return 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      g_autoptr(PangoLayout) layout = NULL;
      int text_width, text_height, item_width;

      if (series->role == CRAFT_REVIEW_SERIES_TABLE || series->role == CRAFT_REVIEW_SERIES_LOW)
        continue;

      layout = create_small_layout (painter, series->role == CRAFT_REVIEW_SERIES_HIGH
                                             ? _("Lowest to highest")
                                             : series->label);
      pango_layout_set_width (layout, MAX (width - LEGEND_SWATCH - SPACING, 1) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      item_width = LEGEND_SWATCH + SPACING + text_width;
      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += row_height + SPACING / 2;
          row_height = LEGEND_SWATCH;
        }
      row_height = MAX (row_height, text_height);
      any = TRUE;

      if (cr != NULL)
        {
          double middle = top + y + MAX (text_height, LEGEND_SWATCH) / 2.0;

          if (series->role == CRAFT_REVIEW_SERIES_HIGH)
            {
              set_source_rgba (cr, colour_for_style (0), 0.45);
              cairo_set_line_width (cr, 3.0);
              cairo_move_to (cr, x + LEGEND_SWATCH / 2.0, middle - LEGEND_SWATCH / 2.0);
              cairo_line_to (cr, x + LEGEND_SWATCH / 2.0, middle + LEGEND_SWATCH / 2.0);
              cairo_stroke (cr);
            }
          else if (self->kind == CRAFT_REVIEW_CHART_LINE)
            {
              set_source_rgba (cr, colour_for_style (series->style), 1.0);
              cairo_set_line_width (cr, LINE_WIDTH);
              cairo_move_to (cr, x, middle);
              cairo_line_to (cr, x + LEGEND_SWATCH, middle);
              cairo_stroke (cr);
              draw_marker (cr, x + LEGEND_SWATCH / 2.0, middle, colour_for_style (series->style));
            }
          else
            {
              cairo_rectangle (cr, x, middle - LEGEND_SWATCH / 2.0, LEGEND_SWATCH, LEGEND_SWATCH);
              fill_with_style (cr, series->style, text);
            }
          set_source_rgba (cr, text, 0.85);
          cairo_move_to (cr, x + LEGEND_SWATCH + SPACING, middle - text_height / 2.0);
          pango_cairo_show_layout (cr, layout);
        }
      x += item_width + LEGEND_ITEM_SPACING;
    }
  return any ? y + row_height : 0;
}

static int
small_text_height (const Painter *painter)
{
  g_autoptr(PangoLayout) layout = create_small_layout (painter, "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
bar_row_height (const Painter *painter)
{
  g_autoptr(PangoLayout) layout = create_layout (painter, "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (height, painter->bar_thickness) + painter->row_padding;
}

/* Horizontal bars: the label, the bar, and its count at the end of it. */
static void
draw_bars (CraftReviewChart *self,
           const Painter    *painter,
           cairo_t          *cr,
           int               width,
           const GdkRGBA    *text)
{
  gboolean rtl = painter->rtl;
  int row_height = bar_row_height (painter);
  int label_width = 0, count_width = 0;
  double max = self->max > 0 ? self->max : data_max (self);
  double bar_left, bar_room;

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      g_autoptr(PangoLayout) layout = create_layout (painter, category->axis_label);
      g_autofree char *count = format_value (category_value (category, 0),
                                             ((Series *) self->series->pdata[0])->digits);
      g_autoptr(PangoLayout) count_layout = create_layout (painter, count);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      label_width = MAX (label_width, w);
      pango_layout_get_pixel_size (count_layout, &w, NULL);
      count_width = MAX (count_width, w);
    }
  /* Long words (a trigger is often a sentence) are cut, so that the bars keep room. */
  label_width = MIN (label_width, (int) (width * 0.45));
  bar_left = label_width + 2 * SPACING;
  bar_room = MAX (width - bar_left - count_width - SPACING, 1);
  max = MAX (max, 1);

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      g_autoptr(PangoLayout) layout = create_layout (painter, category->axis_label);
      double value = category_value (category, 0);
      g_autofree char *count = format_value (value,
                                             ((Series *) self->series->pdata[0])->digits);
      g_autoptr(PangoLayout) count_layout = create_layout (painter, count);
      double top = c * row_height;
      double middle = top + row_height / 2.0;
      double length = isnan (value) ? 0 : bar_room * value / max;
      double x;
      int text_width, text_height;

      pango_layout_set_width (layout, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      set_source_rgba (cr, text, 0.85);
      cairo_move_to (cr, rtl ? width - label_width : 0, middle - text_height / 2.0);
      pango_cairo_show_layout (cr, layout);

      /* A sliver even for a count of zero would say "some"; nothing is drawn then. */
      if (length > 0)
        {
          x = rtl ? width - bar_left - length : bar_left;
          cairo_rectangle (cr, x, middle - painter->bar_thickness / 2.0, MAX (length, 2),
                           painter->bar_thickness);
          fill_with_style (cr, 0, text);
        }

      pango_layout_get_pixel_size (count_layout, &text_width, &text_height);
      x = rtl ? width - bar_left - length - SPACING - text_width : bar_left + length + SPACING;
      set_source_rgba (cr, text, 0.85);
      cairo_move_to (cr, x, middle - text_height / 2.0);
      pango_cairo_show_layout (cr, count_layout);
    }
}

typedef struct
{
  double left;
  double right;
} Span;

static gboolean
span_is_free (GArray *taken,
              Span    span)
{
  for (guint i = 0; i < taken->len; i++)
    {
      Span *other = &g_array_index (taken, Span, i);

      if (span.left < other->right + 2 * SPACING && other->left < span.right + 2 * SPACING)
        return FALSE;
    }
  return TRUE;
}

/* Stacked bars and lines share an axis of evenly spaced categories (days or weeks). */
static void
draw_over_time (CraftReviewChart *self,
                const Painter    *painter,
                cairo_t          *cr,
                int               width,
                int               height,
                const GdkRGBA    *text)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Span));
  guint n = self->categories->len;
  int label_height = small_text_height (painter);
  int legend_height = layout_legend (self, painter, width, NULL, 0, text);
  int number_width = 0;
  double top, step, plot_left, plot_right, plot_top, plot_bottom, slot;
  gint low = -1, high = -1;

  nice_axis (self->max > 0 ? self->max : data_max (self), &top, &step);
  if (self->max > 0)
    {
      top = self->max;
      step = self->max / 2;
    }

  for (double v = 0; v <= top + 0.001; v += step)
    {
      g_autofree char *number = g_strdup_printf ("%g", v);
      g_autoptr(PangoLayout) layout = create_small_layout (painter, number);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      number_width = MAX (number_width, w);
    }

  plot_left = number_width + SPACING;
  plot_right = width;
  plot_top = label_height / 2.0 + 1;
  plot_bottom = height - legend_height - (legend_height > 0 ? LEGEND_TOP_SPACING : 0)
                - label_height - TICK_LENGTH - SPACING / 2.0;
  if (plot_bottom - plot_top < 20 || plot_right - plot_left < 20)
    return;
  slot = (plot_right - plot_left) / n;

#define X_FOR(i)  (plot_left + slot * ((i) + 0.5))
#define Y_FOR(v)  (plot_bottom - (plot_bottom - plot_top) * (v) / top)

  cairo_set_line_width (cr, 1.0);
  for (double v = 0; v <= top + 0.001; v += step)
    {
      g_autofree char *number = g_strdup_printf ("%g", v);
      g_autoptr(PangoLayout) layout = create_small_layout (painter, number);
      double y = floor_half (Y_FOR (v));
      int w;

      set_source_rgba (cr, text, v == 0 ? 0.35 : 0.15);
      cairo_move_to (cr, plot_left, y);
      cairo_line_to (cr, plot_right, y);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &w, NULL);
      set_source_rgba (cr, text, 0.7);
      cairo_move_to (cr, plot_left - SPACING - w, y - label_height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* Labels under as many categories as fit: the first and the last, then from the start. */
  for (guint k = 0; k < n + 2; k++)
    {
      guint i = k == 0 ? 0 : k == 1 ? n - 1 : k - 2;
      Category *category = g_ptr_array_index (self->categories, i);
      g_autoptr(PangoLayout) layout = NULL;
      int w;
      Span span;

      if (k >= 2 && (i == 0 || i == n - 1))
        continue;
      layout = create_small_layout (painter, category->axis_label);
      pango_layout_get_pixel_size (layout, &w, NULL);
      span.left = CLAMP (X_FOR (i) - w / 2.0, 0, MAX (width - w, 0));
      span.right = span.left + w;
      if (!span_is_free (taken, span))
        continue;
      g_array_append_val (taken, span);

      set_source_rgba (cr, text, 0.35);
      cairo_move_to (cr, floor_half (X_FOR (i)), plot_bottom);
      cairo_line_to (cr, floor_half (X_FOR (i)), plot_bottom + TICK_LENGTH);
      cairo_stroke (cr);
      set_source_rgba (cr, text, 0.7);
      cairo_move_to (cr, span.left, plot_bottom + TICK_LENGTH + SPACING / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      if (series->role == CRAFT_REVIEW_SERIES_LOW)
        low = s;
      else if (series->role == CRAFT_REVIEW_SERIES_HIGH)
        high = s;
    }

  if (self->kind == CRAFT_REVIEW_CHART_STACKED)
    {
      /* A gap between bars while there is room for one. */
      double bar = slot > 6 ? MIN (slot * 0.7, 48) : MAX (slot - 1, 1);

      for (guint i = 0; i < n; i++)
        {
          Category *category = g_ptr_array_index (self->categories, i);
          double base = 0;

          for (guint s = 0; s < self->series->len; s++)
            {
              Series *series = g_ptr_array_index (self->series, s);
              double value = category_value (category, s);
              double y_top, y_bottom;

              if (series->role != CRAFT_REVIEW_SERIES_VALUE || isnan (value) || value <= 0)
                continue;
              y_bottom = Y_FOR (base);
              y_top = Y_FOR (base + value);
              /* A hair between the parts keeps their edges apart. */
              cairo_rectangle (cr, X_FOR (i) - bar / 2.0, y_top,
                               bar, y_bottom - y_top - (base > 0 ? 1 : 0));
              fill_with_style (cr, series->style, text);
              base += value;
            }
        }
    }
  else
    {
      /* The ranges first, faint, then the lines, then the dots on top. */
      if (low >= 0 && high >= 0)
        {
          set_source_rgba (cr, colour_for_style (0), 0.35);
          cairo_set_line_width (cr, MIN (MAX (slot * 0.4, 2), 8));
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          for (guint i = 0; i < n; i++)
            {
              Category *category = g_ptr_array_index (self->categories, i);
              double a = category_value (category, low);
              double b = category_value (category, high);

              if (isnan (a) || isnan (b) || a == b)
                continue;
              cairo_move_to (cr, X_FOR (i), Y_FOR (a));
              cairo_line_to (cr, X_FOR (i), Y_FOR (b));
            }
          cairo_stroke (cr);
        }

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          gboolean started = FALSE;

          if (series->role != CRAFT_REVIEW_SERIES_VALUE)
            continue;
          cairo_new_path (cr);
          for (guint i = 0; i < n; i++)
            {
              double value = category_value (g_ptr_array_index (self->categories, i), s);

              if (isnan (value))
                continue;
              if (started)
                cairo_line_to (cr, X_FOR (i), Y_FOR (value));
              else
                cairo_move_to (cr, X_FOR (i), Y_FOR (value));
              started = TRUE;
            }
          set_source_rgba (cr, colour_for_style (series->style), 1.0);
          cairo_set_line_width (cr, LINE_WIDTH);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (cr);

          /* Dots only while they do not run into each other. */
          for (guint i = 0; i < n && slot >= 3 * MARKER_RADIUS; i++)
            {
              double value = category_value (g_ptr_array_index (self->categories, i), s);

              if (!isnan (value))
                draw_marker (cr, X_FOR (i), Y_FOR (value), colour_for_style (series->style));
            }
        }
    }

#undef X_FOR
#undef Y_FOR

  layout_legend (self, painter, width, cr, height - legend_height, text);
}

static void
draw_chart (CraftReviewChart *self,
            const Painter    *painter,
            cairo_t          *cr,
            int               width,
            int               height,
            const GdkRGBA    *text)
{
  if (self->categories->len == 0 || self->n_drawn == 0)
    draw_message (self, painter, cr, width, height, text);
  else if (self->kind == CRAFT_REVIEW_CHART_BARS)
    draw_bars (self, painter, cr, width, text);
  else
    draw_over_time (self, painter, cr, width, height, text);
}

/* The height the chart needs at @width. */
static int
measure_height (CraftReviewChart *self,
                const Painter    *painter,
                int               width,
                gboolean          natural)
{
  if (self->categories->len == 0 || self->n_drawn == 0)
    return MESSAGE_HEIGHT;
  if (self->kind == CRAFT_REVIEW_CHART_BARS)
    return (int) self->categories->len * bar_row_height (painter);
  {
    int legend = layout_legend (self, painter, width, NULL, 0, NULL);
    int extra = small_text_height (painter) + TICK_LENGTH + SPACING
                + (legend > 0 ? legend + LEGEND_TOP_SPACING : 0);

    return (natural ? NATURAL_PLOT_HEIGHT : MIN_PLOT_HEIGHT) + extra;
  }
}

static void
craft_review_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CraftReviewChart *self = CRAFT_REVIEW_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Painter painter;
  GdkRGBA text;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* Taken at every draw, so that the chart follows a switch between light and dark. */
  get_text_colour (widget, &text);
  painter_for_widget (&painter, widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_chart (self, &painter, cr, width, height, &text);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
craft_review_chart_get_request_mode (GtkWidget *widget)
{
  /* The legend wraps, so a narrow chart needs more height. */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
craft_review_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CraftReviewChart *self = CRAFT_REVIEW_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      int width = for_size < 0 ? NATURAL_WIDTH : for_size;
      Painter painter;

      painter_for_widget (&painter, widget);
      *minimum = measure_height (self, &painter, width, FALSE);
      *natural = measure_height (self, &painter, width, TRUE);
    }
}

static void
craft_review_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CraftReviewChart *self = CRAFT_REVIEW_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;
    case PROP_CATEGORY_TITLE:
      g_value_set_string (value, self->category_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_review_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CraftReviewChart *self = CRAFT_REVIEW_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_EMPTY_TEXT:
      craft_review_chart_set_empty_text (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY_TITLE:
      craft_review_chart_set_category_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_review_chart_finalize (GObject *object)
{
  CraftReviewChart *self = CRAFT_REVIEW_CHART (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->category_title, g_free);
  g_clear_pointer (&self->empty_text, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (craft_review_chart_parent_class)->finalize (object);
}

static void
craft_review_chart_class_init (CraftReviewChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = craft_review_chart_finalize;
  object_class->get_property = craft_review_chart_get_property;
  object_class->set_property = craft_review_chart_set_property;

  widget_class->snapshot = craft_review_chart_snapshot;
  widget_class->get_request_mode = craft_review_chart_get_request_mode;
  widget_class->measure = craft_review_chart_measure;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CRAFT_TYPE_REVIEW_CHART_KIND,
                       CRAFT_REVIEW_CHART_BARS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY_TITLE] =
    g_param_spec_string ("category-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "review-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
craft_review_chart_init (CraftReviewChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->categories = g_ptr_array_new_with_free_func (category_free);
}

GtkWidget *
craft_review_chart_new (CraftReviewChartKind kind)
{
  return g_object_new (CRAFT_TYPE_REVIEW_CHART, "kind", kind, NULL);
}

void
craft_review_chart_clear (CraftReviewChart *self)
{
  g_return_if_fail (CRAFT_IS_REVIEW_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->series, 0);
  self->n_drawn = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
craft_review_chart_add_series (CraftReviewChart      *self,
                               const char            *label,
                               CraftReviewSeriesRole  role,
                               int                    digits)
{
  Series *series;

  g_return_val_if_fail (CRAFT_IS_REVIEW_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (self->categories->len == 0, 0);

  series = g_new0 (Series, 1);
  series->label = g_strdup (label);
  series->role = role;
  series->digits = CLAMP (digits, 0, 3);
  series->style = self->n_drawn;
  if (role == CRAFT_REVIEW_SERIES_VALUE)
    self->n_drawn++;
  g_ptr_array_add (self->series, series);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return self->series->len - 1;
}

void
craft_review_chart_add_category (CraftReviewChart *self,
                                 const char       *axis_label,
                                 const char       *label,
                                 const double     *values)
{
  Category *category;

  g_return_if_fail (CRAFT_IS_REVIEW_CHART (self));
  g_return_if_fail (axis_label != NULL);
  g_return_if_fail (values != NULL || self->series->len == 0);

  category = g_new0 (Category, 1);
  category->axis_label = g_strdup (axis_label);
  category->label = g_strdup (label != NULL ? label : axis_label);
  category->values = g_memdup2 (values, sizeof (double) * MAX (self->series->len, 1));
  g_ptr_array_add (self->categories, category);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
craft_review_chart_set_max (CraftReviewChart *self,
                            double            max)
{
  g_return_if_fail (CRAFT_IS_REVIEW_CHART (self));

  self->max = MAX (max, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
craft_review_chart_set_category_title (CraftReviewChart *self,
                                       const char       *title)
{
  g_return_if_fail (CRAFT_IS_REVIEW_CHART (self));

  if (set_str (&self->category_title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_TITLE]);
}

void
craft_review_chart_set_empty_text (CraftReviewChart *self,
                                   const char       *text)
{
  g_return_if_fail (CRAFT_IS_REVIEW_CHART (self));

  if (set_str (&self->empty_text, text))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
    }
}

void
craft_review_chart_set_summary (CraftReviewChart *self,
                                const char       *summary)
{
  g_return_if_fail (CRAFT_IS_REVIEW_CHART (self));

  set_str (&self->summary, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary != NULL ? summary : "",
                                  -1);
}

const char *
craft_review_chart_get_summary (CraftReviewChart *self)
{
  g_return_val_if_fail (CRAFT_IS_REVIEW_CHART (self), NULL);
  return self->summary != NULL ? self->summary : "";
}

guint
craft_review_chart_get_n_categories (CraftReviewChart *self)
{
  g_return_val_if_fail (CRAFT_IS_REVIEW_CHART (self), 0);
  return self->categories->len;
}

static GtkWidget *
create_cell (const char *text,
             gboolean    heading,
             gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), !number);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, !number);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

GtkWidget *
craft_review_table_new (const char * const *headings)
{
  GtkWidget *grid = gtk_grid_new ();

  g_return_val_if_fail (headings != NULL && headings[0] != NULL, NULL);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "review-table");
  for (guint i = 0; headings[i] != NULL; i++)
    gtk_grid_attach (GTK_GRID (grid), create_cell (headings[i], TRUE, i > 0), (int) i, 0, 1, 1);
  g_object_set_data (G_OBJECT (grid), "craft-rows", GUINT_TO_POINTER (1));
  return grid;
}

void
craft_review_table_append (GtkWidget          *table,
                           const char * const *cells)
{
  guint row;

  g_return_if_fail (GTK_IS_GRID (table));
  g_return_if_fail (cells != NULL);

  row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (table), "craft-rows"));
  for (guint i = 0; cells[i] != NULL; i++)
    gtk_grid_attach (GTK_GRID (table), create_cell (cells[i], FALSE, i > 0), (int) i, (int) row,
                     1, 1);
  g_object_set_data (G_OBJECT (table), "craft-rows", GUINT_TO_POINTER (row + 1));
}

GtkWidget *
craft_review_chart_build_table (CraftReviewChart *self)
{
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  GtkWidget *table;

  g_return_val_if_fail (CRAFT_IS_REVIEW_CHART (self), NULL);

  g_ptr_array_add (headings, self->category_title != NULL ? self->category_title : "");
  for (guint s = 0; s < self->series->len; s++)
    g_ptr_array_add (headings, ((Series *) self->series->pdata[s])->label);
  g_ptr_array_add (headings, NULL);
  table = craft_review_table_new ((const char * const *) headings->pdata);

  for (guint c = 0; c < self->categories->len; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (category->label));
      for (guint s = 0; s < self->series->len; s++)
        g_ptr_array_add (cells, format_value (category_value (category, s),
                                              ((Series *) self->series->pdata[s])->digits));
      g_ptr_array_add (cells, NULL);
      craft_review_table_append (table, (const char * const *) cells->pdata);
    }
  return table;
}

#define PRINT_BAR_THICKNESS 9
#define PRINT_ROW_PADDING   3

/* On paper the chart takes the print context's fonts at the printer's resolution and the
 * light style's ink, whatever style the screen has. */
static void
painter_for_print (Painter              *painter,
                   PangoContext         *pango,
                   PangoFontDescription *font)
{
  painter->pango = pango;
  painter->font = font;
  painter->rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  /* Paper is read closer than a screen: slimmer bars keep the summary on one page. */
  painter->bar_thickness = PRINT_BAR_THICKNESS;
  painter->row_padding = PRINT_ROW_PADDING;
}

#define PRINT_FONT "Sans 9"

double
craft_review_chart_measure_print (CraftReviewChart *self,
                                  PangoContext     *pango,
                                  double            width)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (PRINT_FONT);
  Painter painter;

  g_return_val_if_fail (CRAFT_IS_REVIEW_CHART (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), 0);

  painter_for_print (&painter, pango, font);
  return measure_height (self, &painter, (int) width, FALSE);
}

void
craft_review_chart_draw_print (CraftReviewChart *self,
                               cairo_t          *cr,
                               PangoContext     *pango,
                               double            width,
                               double            height)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (PRINT_FONT);
  static const GdkRGBA ink = { 0, 0, 0, 1 };
  Painter painter;

  g_return_if_fail (CRAFT_IS_REVIEW_CHART (self));
  g_return_if_fail (cr != NULL && PANGO_IS_CONTEXT (pango));

  painter_for_print (&painter, pango, font);
  draw_chart (self, &painter, cr, (int) width, (int) height, &ink);
}

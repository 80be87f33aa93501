/* src/program/craft-happiness-chart.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "craft-happiness-chart.h"
#include "store/craft-store.h"

#define MAX_VALUE            10
#define MIN_WIDTH            280
#define NATURAL_WIDTH        480
#define MIN_PLOT_HEIGHT      120
#define NATURAL_PLOT_HEIGHT  200
#define SPACING              6
#define TICK_LENGTH          4
#define LEGEND_TOP_SPACING   12
#define LEGEND_SAMPLE_WIDTH  30
#define LEGEND_ITEM_SPACING  18
#define LEGEND_ROW_SPACING   4
#define LINE_WIDTH           2.0
#define MARKER_RADIUS        4.5
#define LEGEND_MARKER_HEIGHT 12   /* the tallest marker, a triangle, rounded up */
#define MESSAGE_MARGIN       12

typedef struct
{
  guint32 day;   /* Julian day, so that distances on the time axis are real days. */
  int     value;
} ChartPoint;

typedef struct
{
  char   *label;
  guint   style; /* The area's place in the caller's list: its colour, marker and dash. */
  GArray *points;
} ChartArea;

struct _CraftHappinessChart
{
  GtkWidget  parent_instance;

  GPtrArray *areas;   /* ChartArea with at least one rating, in the caller's order */
  GArray    *days;    /* guint32 Julian days that have a rating, sorted, each once */
  char      *summary;
};

G_DEFINE_FINAL_TYPE (CraftHappinessChart, craft_happiness_chart, GTK_TYPE_WIDGET)

/* The Okabe-Ito palette, reordered so that the first five keep 3:1 contrast on both the
 * light and the dark Adwaita background. Its black is not listed: that slot takes the text
 * colour (see colour_for_style), which stays readable in both styles. The last three fall
 * under 3:1 on a light background, and get an outline there. */
static const struct
{
  GdkRGBA  colour;
  gboolean faint_on_light;
} palette[] = {
  { { 0.835, 0.369, 0.000, 1.0 }, FALSE }, /* vermillion */
  { { 0.000, 0.620, 0.451, 1.0 }, FALSE }, /* bluish green */
  { { 0.000, 0.447, 0.698, 1.0 }, FALSE }, /* blue */
  { { 0.800, 0.475, 0.655, 1.0 }, FALSE }, /* reddish purple */
  { { 0.000, 0.000, 0.000, 0.0 }, FALSE }, /* black: replaced by the text colour */
  { { 0.902, 0.624, 0.000, 1.0 }, TRUE },  /* orange */
  { { 0.337, 0.706, 0.914, 1.0 }, TRUE },  /* sky blue */
  { { 0.941, 0.894, 0.259, 1.0 }, TRUE },  /* yellow */
};
#define TEXT_COLOUR_SLOT 4

typedef enum
{
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_TRIANGLE_UP,
  MARKER_DIAMOND,
  MARKER_TRIANGLE_DOWN,
  MARKER_PLUS,
  N_MARKERS
} MarkerShape;

/* In pixels for a 2 px line with round caps; a zero-length dash draws a dot. The counts of
 * markers (6) and dashes (4) differ from the palette's (8), so that the first 24 areas all
 * look different even to someone who sees no colour at all. */
static const double dash_dashed[] = { 7.0, 4.0 };
static const double dash_dotted[] = { 0.0, 4.5 };
static const double dash_dash_dot[] = { 7.0, 4.0, 0.0, 4.0 };
static const struct
{
  const double *dashes;
  int           n_dashes;
} dash_patterns[] = {
  { NULL, 0 },
  { dash_dashed, G_N_ELEMENTS (dash_dashed) },
  { dash_dash_dot, G_N_ELEMENTS (dash_dash_dot) },
  /* Dots carry the least colour; here they fall to purple and yellow, the clearest on a
   * dark background, rather than to blue. */
  { dash_dotted, G_N_ELEMENTS (dash_dotted) },
};

static void
chart_area_free (gpointer data)
{
  ChartArea *area = data;

  g_free (area->label);
  g_array_unref (area->points);
  g_free (area);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const ChartPoint *pa = a;
  const ChartPoint *pb = b;

  return (pa->day > pb->day) - (pa->day < pb->day);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 da = *(const guint32 *) a;
  guint32 db = *(const guint32 *) b;

  return (da > db) - (da < db);
}

/* The store keeps days as "YYYY-MM-DD"; parse them by hand, because g_date_set_parse()
 * follows the locale. */
static gboolean
parse_day (const char *day,
           guint32    *julian)
{
  int y, m, d;
  char end;
  GDate date;

  if (memchr (day, '\0', sizeof ((CraftHappinessRating *) NULL)->day) == NULL
      || sscanf (day, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

static char *
format_day (guint32 julian)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* Noon in UTC: only the calendar day is shown, and no time zone lacks noon. */
  when = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  return g_date_time_format (when, "%x");
}

static char *
build_summary (CraftHappinessChart *self)
{
  g_autoptr(GString) summary = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  guint n_days = self->days->len;

  if (n_days == 0)
    return g_strdup (_("No happiness ratings yet."));

  summary = g_string_new (NULL);
  first_day = format_day (g_array_index (self->days, guint32, 0));
  last_day = format_day (g_array_index (self->days, guint32, n_days - 1));
  if (n_days == 1)
    {
      /* Translators: the start of the happiness chart's description for screen readers;
       * %s is a date. */
      g_string_append_printf (summary, _("Happiness scale from 0 to 10, rated on %s."),
                              first_day);
    }
  else
    {
      g_string_append_printf (summary,
                              /* Translators: the start of the happiness chart's
                               * description for screen readers; %1$u is a number of days,
                               * %2$s the first date and %3$s the latest. */
                              ngettext ("Happiness scale from 0 to 10, rated on %1$u day "
                                        "between %2$s and %3$s.",
                                        "Happiness scale from 0 to 10, rated on %1$u days "
                                        "between %2$s and %3$s.",
                                        n_days),
                              n_days, first_day, last_day);
    }

  for (guint i = 0; i < self->areas->len; i++)
    {
      ChartArea *area = g_ptr_array_index (self->areas, i);
      ChartPoint *first = &g_array_index (area->points, ChartPoint, 0);
      ChartPoint *latest = &g_array_index (area->points, ChartPoint, area->points->len - 1);
      g_autofree char *first_text = format_day (first->day);

      g_string_append_c (summary, ' ');
      if (area->points->len == 1)
        {
          /* Translators: a life area on the happiness scale, e.g. "Social life: 4 on
           * 07/09/2026."; %1$s is the area, %2$d its rating (0 to 10), %3$s the date. */
          g_string_append_printf (summary, _("%1$s: %2$d on %3$s."),
                                  area->label, first->value, first_text);
        }
      else
        {
          g_autofree char *latest_text = format_day (latest->day);

          /* Translators: a life area on the happiness scale, e.g. "Overall: 3 on 07/09/2026,
           * now 6 on 23/11/2026."; %1$s is the area, %2$d its first rating (0 to 10) on the
           * date %3$s, %4$d its latest rating on the date %5$s. */
          g_string_append_printf (summary, _("%1$s: %2$d on %3$s, now %4$d on %5$s."),
                                  area->label, first->value, first_text,
                                  latest->value, latest_text);
        }
    }

  return g_strdup (summary->str);
}

static void
update_summary (CraftHappinessChart *self)
{
  g_free (self->summary);
  self->summary = build_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
get_text_colour (GtkWidget *widget,
                 GdkRGBA   *colour)
{
  /* gtk_widget_get_color() would be the way from GTK 4.10 on; 4.8 has only this. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), colour);
}

static void
colour_for_style (guint          style,
                  const GdkRGBA *text,
                  GdkRGBA       *colour)
{
  guint slot = style % G_N_ELEMENTS (palette);

  if (slot == TEXT_COLOUR_SLOT)
    {
      *colour = *text;
      colour->alpha = 1.0;
    }
  else
    *colour = palette[slot].colour;
}

/* The background is not ours to know, but dark text means a light one. Against it a faint
 * colour gets an outline in the text colour, so that its lines and dots stay visible. */
static gboolean
needs_outline (guint          style,
               const GdkRGBA *text)
{
  guint slot = style % G_N_ELEMENTS (palette);
  gboolean light = 0.299 * text->red + 0.587 * text->green + 0.114 * text->blue < 0.5;

  return light && palette[slot].faint_on_light;
}

static void
set_source_rgba (cairo_t       *cr,
                 const GdkRGBA *colour,
                 double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static void
path_marker (cairo_t    *cr,
             MarkerShape shape,
             double      x,
             double      y)
{
  double r = MARKER_RADIUS;

  switch (shape)
    {
    case MARKER_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case MARKER_SQUARE:
      /* A square of the same area as the circle looks the same size. */
      r *= 0.886;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case MARKER_TRIANGLE_UP:
    case MARKER_TRIANGLE_DOWN:
      {
        double sign = shape == MARKER_TRIANGLE_UP ? 1.0 : -1.0;

        r *= 1.3;
        cairo_move_to (cr, x, y - sign * r);
        cairo_line_to (cr, x + r * 0.866, y + sign * r * 0.5);
        cairo_line_to (cr, x - r * 0.866, y + sign * r * 0.5);
        cairo_close_path (cr);
      }
      break;
    case MARKER_DIAMOND:
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case MARKER_PLUS:
      {
        double a = r * 1.2;
        double b = r * 0.45;

        cairo_move_to (cr, x - b, y - a);
        cairo_line_to (cr, x + b, y - a);
        cairo_line_to (cr, x + b, y - b);
        cairo_line_to (cr, x + a, y - b);
        cairo_line_to (cr, x + a, y + b);
        cairo_line_to (cr, x + b, y + b);
        cairo_line_to (cr, x + b, y + a);
        cairo_line_to (cr, x - b, y + a);
        cairo_line_to (cr, x - b, y + b);
        cairo_line_to (cr, x - a, y + b);
        cairo_line_to (cr, x - a, y - b);
        cairo_line_to (cr, x - b, y - b);
        cairo_close_path (cr);
      }
      break;
    case N_MARKERS:
    default:
      g_assert_not_reached ();
    }
}

static void
draw_marker (cairo_t       *cr,
             guint          style,
             double         x,
             double         y,
             const GdkRGBA *text)
{
  GdkRGBA colour;

  colour_for_style (style, text, &colour);
  path_marker (cr, style % N_MARKERS, x, y);
  set_source_rgba (cr, &colour, 1.0);
  if (needs_outline (style, text))
    {
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 1.0);
      set_source_rgba (cr, text, 0.6);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

/* Strokes the current path as the line of the area with @style. */
static void
stroke_line (cairo_t       *cr,
             guint          style,
             const GdkRGBA *text)
{
  guint pattern = style % G_N_ELEMENTS (dash_patterns);
  GdkRGBA colour;

  colour_for_style (style, text, &colour);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash_patterns[pattern].dashes, dash_patterns[pattern].n_dashes, 0);
  if (needs_outline (style, text))
    {
      /* Half a pixel each side: enough to see the line, too little to change its colour. */
      cairo_set_line_width (cr, LINE_WIDTH + 1.0);
      set_source_rgba (cr, text, 0.35);
      cairo_stroke_preserve (cr);
    }
  cairo_set_line_width (cr, LINE_WIDTH);
  set_source_rgba (cr, &colour, 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static PangoLayout *
create_small_layout (GtkWidget  *widget,
                     const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* Lays the legend out in rows no wider than @width; returns its height. When @cr is not
 * NULL, draws it there with its top at @top. */
static int
layout_legend (CraftHappinessChart *self,
               int                  width,
               cairo_t             *cr,
               double               top,
               const GdkRGBA       *text)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int row_height = LEGEND_MARKER_HEIGHT;
  int x = 0;
  int y = 0;

  if (self->areas->len == 0)
    return 0;

  for (guint i = 0; i < self->areas->len; i++)
    {
      ChartArea *area = g_ptr_array_index (self->areas, i);
      g_autoptr(PangoLayout) layout = create_small_layout (widget, area->label);
      int text_room = MAX (width - LEGEND_SAMPLE_WIDTH - SPACING, 1);
      int text_width, text_height, item_width;

      /* A label too long for a row of its own is cut rather than running off the edge. */
      pango_layout_set_width (layout, text_room * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      row_height = MAX (row_height, text_height);
      item_width = LEGEND_SAMPLE_WIDTH + SPACING + text_width;

      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += row_height + LEGEND_ROW_SPACING;
        }

      if (cr != NULL)
        {
          double middle = top + y + row_height / 2.0;

          /* Drawn from both ends inwards, so that the dash pattern starts alike on either
           * side of the marker instead of ending in a gap before the label. */
          cairo_new_path (cr);
          cairo_move_to (cr, x + 1, middle);
          cairo_line_to (cr, x + LEGEND_SAMPLE_WIDTH / 2.0, middle);
          cairo_move_to (cr, x + LEGEND_SAMPLE_WIDTH - 1, middle);
          cairo_line_to (cr, x + LEGEND_SAMPLE_WIDTH / 2.0, middle);
          stroke_line (cr, area->style, text);
          draw_marker (cr, area->style, x + LEGEND_SAMPLE_WIDTH / 2.0, middle, text);

          set_source_rgba (cr, text, 1.0);
          cairo_move_to (cr, x + LEGEND_SAMPLE_WIDTH + SPACING,
                         middle - text_height / 2.0);
          pango_cairo_show_layout (cr, layout);
        }

      x += item_width + LEGEND_ITEM_SPACING;
    }

  return y + row_height;
}

static void
get_axis_label_size (GtkWidget *widget,
                     int       *width,
                     int       *height)
{
  g_autoptr(PangoLayout) layout = create_small_layout (widget, "10");

  pango_layout_get_pixel_size (layout, width, height);
}

static void
draw_message (CraftHappinessChart *self,
              cairo_t             *cr,
              int                  width,
              int                  height,
              const GdkRGBA       *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  const char *message;
  int text_height;

  if (self->days->len == 0)
    message = _("Rate your happiness on two or more days, and you will see here how it "
                "changes over time.");
  else
    message = _("Rate your happiness again on another day, and you will see here how it "
                "changes over time.");

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), message);
  pango_layout_set_width (layout, MAX (width - 2 * MESSAGE_MARGIN, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, NULL, &text_height);

  /* Dimmed like a placeholder, yet less than .dim-label, so that it stays easy to read. */
  set_source_rgba (cr, text, 0.7);
  cairo_move_to (cr, MESSAGE_MARGIN, MAX ((height - text_height) / 2.0, 0));
  pango_cairo_show_layout (cr, layout);
}

/* The middle of the pixel at @v (which is never negative here): a 1 px line there is crisp.
 * Done by hand to keep libm out of the link. */
static double
floor_half (double v)
{
  return (int) v + 0.5;
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

static void
draw_chart (CraftHappinessChart *self,
            cairo_t             *cr,
            int                  width,
            int                  height,
            const GdkRGBA       *text)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Span));
  guint32 first_day = g_array_index (self->days, guint32, 0);
  guint32 last_day = g_array_index (self->days, guint32, self->days->len - 1);
  int label_width, label_height, legend_height;
  double plot_left, plot_right, plot_top, plot_bottom, data_left, data_right, label_top;
  guint order[2];

  get_axis_label_size (widget, &label_width, &label_height);
  legend_height = layout_legend (self, width, NULL, 0, text);

  plot_left = label_width + SPACING;
  plot_right = width;
  plot_top = MAX (label_height / 2.0, MARKER_RADIUS * 1.3) + 1;
  plot_bottom = height - legend_height - LEGEND_TOP_SPACING - label_height - TICK_LENGTH
                - SPACING / 2.0;
  /* Dots on the first and last day must not be cut by the edge. */
  data_left = plot_left + MARKER_RADIUS * 1.3 + 2;
  data_right = plot_right - MARKER_RADIUS * 1.3 - 2;
  if (plot_bottom - plot_top < 20 || data_right - data_left < 20)
    return;

#define X_FOR_DAY(d) (data_left + (data_right - data_left) * ((double) (d) - first_day) \
                      / (double) (last_day - first_day))
#define Y_FOR_VALUE(v) (plot_bottom - (plot_bottom - plot_top) * (v) / (double) MAX_VALUE)

  /* Grid lines at 0, 5 and 10, with their numbers, on whole pixels so that they stay
   * crisp. */
  cairo_set_line_width (cr, 1.0);
  for (int value = 0; value <= MAX_VALUE; value += MAX_VALUE / 2)
    {
      g_autofree char *number = g_strdup_printf ("%d", value);
      g_autoptr(PangoLayout) layout = create_small_layout (widget, number);
      double y = floor_half (Y_FOR_VALUE (value));
      int number_width;

      set_source_rgba (cr, text, value == 0 ? 0.35 : 0.15);
      cairo_move_to (cr, plot_left, y);
      cairo_line_to (cr, plot_right, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &number_width, NULL);
      set_source_rgba (cr, text, 0.7);
      cairo_move_to (cr, plot_left - SPACING - number_width, y - label_height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* A tick under every rated day; dates under as many as fit, the first and latest first. */
  set_source_rgba (cr, text, 0.35);
  for (guint i = 0; i < self->days->len; i++)
    {
      double x = floor_half (X_FOR_DAY (g_array_index (self->days, guint32, i)));

      cairo_move_to (cr, x, plot_bottom);
      cairo_line_to (cr, x, plot_bottom + TICK_LENGTH);
    }
  cairo_stroke (cr);

  label_top = plot_bottom + TICK_LENGTH + SPACING / 2.0;
  order[0] = 0;
  order[1] = self->days->len - 1;
  for (guint i = 0; i < self->days->len + 2; i++)
    {
      guint index = i < 2 ? order[i] : i - 2;
      guint32 day = g_array_index (self->days, guint32, index);
      g_autofree char *date = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int date_width;
      Span span;

      if (i >= 2 && (index == order[0] || index == order[1]))
        continue;

      date = format_day (day);
      layout = create_small_layout (widget, date);
      pango_layout_get_pixel_size (layout, &date_width, NULL);
      span.left = CLAMP (X_FOR_DAY (day) - date_width / 2.0, 0, MAX (width - date_width, 0));
      span.right = span.left + date_width;
      if (!span_is_free (taken, span))
        continue;
      g_array_append_val (taken, span);

      set_source_rgba (cr, text, 0.7);
      cairo_move_to (cr, span.left, label_top);
      pango_cairo_show_layout (cr, layout);
    }

  /* All lines before any dot, so that no line crosses over a dot. */
  for (guint i = 0; i < self->areas->len; i++)
    {
      ChartArea *area = g_ptr_array_index (self->areas, i);

      if (area->points->len < 2)
        continue;
      /* The labels above leave a current point, which would start the line there. */
      cairo_new_path (cr);
      for (guint j = 0; j < area->points->len; j++)
        {
          ChartPoint *point = &g_array_index (area->points, ChartPoint, j);

          cairo_line_to (cr, X_FOR_DAY (point->day), Y_FOR_VALUE (point->value));
        }
      stroke_line (cr, area->style, text);
    }

  for (guint i = 0; i < self->areas->len; i++)
    {
      ChartArea *area = g_ptr_array_index (self->areas, i);

      for (guint j = 0; j < area->points->len; j++)
        {
          ChartPoint *point = &g_array_index (area->points, ChartPoint, j);

          draw_marker (cr, area->style, X_FOR_DAY (point->day), Y_FOR_VALUE (point->value),
                       text);
        }
    }

#undef X_FOR_DAY
#undef Y_FOR_VALUE

  layout_legend (self, width, cr, height - legend_height, text);
}

static void
craft_happiness_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  CraftHappinessChart *self = CRAFT_HAPPINESS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA text;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* Taken at every draw, so that the chart follows a switch between light and dark. */
  get_text_colour (widget, &text);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->days->len < 2)
    draw_message (self, cr, width, height, &text);
  else
    draw_chart (self, cr, width, height, &text);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
craft_happiness_chart_get_request_mode (GtkWidget *widget)
{
  /* The legend wraps, so a narrow chart needs more height. */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
craft_happiness_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  CraftHappinessChart *self = CRAFT_HAPPINESS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      int width = for_size < 0 ? NATURAL_WIDTH : for_size;
      int label_height, extra;

      get_axis_label_size (widget, NULL, &label_height);
      extra = label_height + TICK_LENGTH + SPACING + LEGEND_TOP_SPACING
              + layout_legend (self, width, NULL, 0, NULL);
      *minimum = MIN_PLOT_HEIGHT + extra;
      *natural = NATURAL_PLOT_HEIGHT + extra;
    }
}

static void
craft_happiness_chart_finalize (GObject *object)
{
  CraftHappinessChart *self = CRAFT_HAPPINESS_CHART (object);

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (craft_happiness_chart_parent_class)->finalize (object);
}

static void
craft_happiness_chart_class_init (CraftHappinessChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = craft_happiness_chart_finalize;

  widget_class->snapshot = craft_happiness_chart_snapshot;
  widget_class->get_request_mode = craft_happiness_chart_get_request_mode;
  widget_class->measure = craft_happiness_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "happiness-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
craft_happiness_chart_init (CraftHappinessChart *self)
{
  self->areas = g_ptr_array_new_with_free_func (chart_area_free);
  self->days = g_array_new (FALSE, FALSE, sizeof (guint32));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Happiness over time"),
                                  -1);
  update_summary (self);
}

GtkWidget *
craft_happiness_chart_new (void)
{
  return g_object_new (CRAFT_TYPE_HAPPINESS_CHART, NULL);
}

void
craft_happiness_chart_set_ratings (CraftHappinessChart *self,
                                   GArray              *ratings,
                                   const char * const  *area_ids,
                                   const char * const  *area_labels)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) days = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  guint n_areas;

  g_return_if_fail (CRAFT_IS_HAPPINESS_CHART (self));
  g_return_if_fail (ratings == NULL
                    || g_array_get_element_size (ratings) == sizeof (CraftHappinessRating));
  g_return_if_fail ((area_ids == NULL) == (area_labels == NULL));

  n_areas = area_ids != NULL ? g_strv_length ((char **) area_ids) : 0;
  g_return_if_fail (n_areas == 0 || g_strv_length ((char **) area_labels) == n_areas);

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  areas = g_ptr_array_new_with_free_func (chart_area_free);
  for (guint i = 0; i < n_areas; i++)
    {
      ChartArea *area;

      if (g_hash_table_contains (by_id, area_ids[i]))
        continue;
      area = g_new0 (ChartArea, 1);
      area->label = g_strdup (area_labels[i]);
      area->style = i;
      area->points = g_array_new (FALSE, FALSE, sizeof (ChartPoint));
      g_ptr_array_add (areas, area);
      /* The key lives in the caller's array, which outlives this function. */
      g_hash_table_insert (by_id, (gpointer) area_ids[i], area);
    }

  for (guint i = 0; ratings != NULL && i < ratings->len; i++)
    {
      CraftHappinessRating *rating = &g_array_index (ratings, CraftHappinessRating, i);
      ChartPoint point;
      ChartArea *area;

      if (memchr (rating->area, '\0', sizeof rating->area) == NULL
          || (area = g_hash_table_lookup (by_id, rating->area)) == NULL)
        continue;
      if (!parse_day (rating->day, &point.day))
        {
          g_warning ("Leaving out a happiness rating with an invalid day “%.*s”",
                     (int) sizeof rating->day, rating->day);
          continue;
        }
      point.value = CLAMP (rating->value, 0, MAX_VALUE);
      g_array_append_val (area->points, point);
    }

  days = g_hash_table_new (NULL, NULL);
  g_ptr_array_set_size (self->areas, 0);
  for (guint i = 0; i < areas->len;)
    {
      ChartArea *area = g_ptr_array_index (areas, i);
      GArray *points = area->points;

      if (points->len == 0)
        {
          i++;
          continue;
        }

      /* The sort is stable, so of two ratings on one day the later one, which replaced the
       * first in the store, is the one kept. */
      g_array_sort (points, compare_points);
      for (guint j = points->len - 1; j > 0; j--)
        {
          if (g_array_index (points, ChartPoint, j - 1).day
              == g_array_index (points, ChartPoint, j).day)
            g_array_remove_index (points, j - 1);
        }

      for (guint j = 0; j < points->len; j++)
        g_hash_table_add (days, GUINT_TO_POINTER (g_array_index (points, ChartPoint, j).day));

      g_ptr_array_add (self->areas, g_ptr_array_steal_index (areas, i));
    }

  g_array_set_size (self->days, 0);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, days);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        guint32 day = GPOINTER_TO_UINT (key);

        g_array_append_val (self->days, day);
      }
  }
  g_array_sort (self->days, compare_days);

  update_summary (self);
  /* The legend's height may have changed with its areas. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
craft_happiness_chart_get_summary (CraftHappinessChart *self)
{
  g_return_val_if_fail (CRAFT_IS_HAPPINESS_CHART (self), NULL);
  return self->summary;
}

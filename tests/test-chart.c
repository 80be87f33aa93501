/* tests/test-chart.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The happiness chart: what it says in words, and that it draws in a real window.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "craft-test-util.h"
#include "program/craft-happiness-chart.h"
#include "store/craft-store.h"

static const char * const area_ids[] = { "overall", "social", NULL };
static const char * const area_labels[] = { "Overall", "Social life", NULL };

static void
add_rating (GArray     *ratings,
            const char *day,
            const char *area,
            int         value)
{
  CraftHappinessRating rating = { 0 };

  g_strlcpy (rating.day, day, sizeof rating.day);
  g_strlcpy (rating.area, area, sizeof rating.area);
  rating.value = value;
  g_array_append_val (ratings, rating);
}

/* Two areas over three days, and one area the chart is not told about. */
static GArray *
new_sample_ratings (void)
{
  GArray *ratings = g_array_new (FALSE, TRUE, sizeof (CraftHappinessRating));

  add_rating (ratings, "2026-09-07", "overall", 3);
  add_rating (ratings, "2026-09-07", "social", 2);
  add_rating (ratings, "2026-09-07", "work", 9);
  add_rating (ratings, "2026-10-15", "overall", 5);
  add_rating (ratings, "2026-11-23", "overall", 6);
  add_rating (ratings, "2026-11-23", "social", 7);
  return ratings;
}

/* The date as the summary must show it: the locale's own short form. */
static char *
locale_date (int year,
             int month,
             int day)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (year, month, day, 12, 0, 0);

  return g_date_time_format (when, "%x");
}

/* Whether @number stands on its own in @text, not as part of a longer number. */
static gboolean
has_number (const char *text,
            const char *number)
{
  size_t length = strlen (number);

  for (const char *p = strstr (text, number); p != NULL; p = strstr (p + 1, number))
    {
      if ((p == text || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[length]))
        return TRUE;
    }
  return FALSE;
}

/* The part of @summary about the area called @label, up to where @next_label begins. */
static char *
area_part (const char *summary,
           const char *label,
           const char *next_label)
{
  const char *start = strstr (summary, label);
  const char *end;

  g_assert_nonnull (start);
  end = next_label != NULL ? strstr (start, next_label) : NULL;
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

static void
test_summary_ratings (void)
{
  GtkWidget *chart = g_object_ref_sink (craft_happiness_chart_new ());
  g_autoptr(GArray) ratings = new_sample_ratings ();
  g_autofree char *first = locale_date (2026, 9, 7);
  g_autofree char *middle = locale_date (2026, 10, 15);
  g_autofree char *latest = locale_date (2026, 11, 23);
  g_autofree char *overall = NULL;
  g_autofree char *social = NULL;
  g_autofree char *header = NULL;
  const char *summary;

  craft_happiness_chart_set_ratings (CRAFT_HAPPINESS_CHART (chart), ratings, area_ids,
                                     area_labels);
  summary = craft_happiness_chart_get_summary (CRAFT_HAPPINESS_CHART (chart));
  g_test_message ("Summary: %s", summary);

  /* Overall went from 3 to 6; the rating in between is on the chart, not in the words. */
  overall = area_part (summary, "Overall", "Social life");
  g_assert_true (has_number (overall, "3"));
  g_assert_true (has_number (overall, "6"));
  g_assert_false (has_number (overall, "5"));
  g_assert_nonnull (strstr (overall, first));
  g_assert_nonnull (strstr (overall, latest));
  g_assert_null (strstr (overall, middle));
  g_assert_true (strstr (overall, "3") < strstr (overall, "6"));

  social = area_part (summary, "Social life", NULL);
  g_assert_true (has_number (social, "2"));
  g_assert_true (has_number (social, "7"));
  g_assert_nonnull (strstr (social, first));
  g_assert_nonnull (strstr (social, latest));

  /* First the whole span, with its number of days. */
  header = g_strndup (summary, strstr (summary, "Overall") - summary);
  g_assert_true (has_number (header, "3"));
  g_assert_nonnull (strstr (header, first));
  g_assert_nonnull (strstr (header, latest));

  /* An area the chart was not given stays out, with its rating. */
  g_assert_null (strstr (summary, "work"));
  g_assert_false (has_number (summary, "9"));

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "en") == 0)
    {
      g_autofree char *expected = g_strdup_printf ("Overall: 3 on %s, now 6 on %s.",
                                                   first, latest);

      g_assert_nonnull (strstr (summary, expected));
    }

  g_object_unref (chart);
}

static void
test_summary_empty (void)
{
  GtkWidget *chart = g_object_ref_sink (craft_happiness_chart_new ());
  g_autoptr(GArray) ratings = g_array_new (FALSE, TRUE, sizeof (CraftHappinessRating));
  const char *nothing = craft_test_expect ("No happiness ratings yet.",
                                           "Lyckoskalan är inte ifylld än.",
                                           "Lykkeskalaen er ikke udfyldt endnu.");

  g_assert_cmpstr (craft_happiness_chart_get_summary (CRAFT_HAPPINESS_CHART (chart)), ==,
                   nothing);

  /* Ratings only for areas the chart does not show are nothing to show either. */
  add_rating (ratings, "2026-09-07", "work", 4);
  add_rating (ratings, "2026-09-08", "work", 5);
  craft_happiness_chart_set_ratings (CRAFT_HAPPINESS_CHART (chart), ratings, area_ids,
                                     area_labels);
  g_assert_cmpstr (craft_happiness_chart_get_summary (CRAFT_HAPPINESS_CHART (chart)), ==,
                   nothing);

  /* And new ratings replace old ones rather than add to them. */
  add_rating (ratings, "2026-09-08", "overall", 8);
  craft_happiness_chart_set_ratings (CRAFT_HAPPINESS_CHART (chart), ratings, area_ids,
                                     area_labels);
  g_assert_true (has_number (craft_happiness_chart_get_summary (CRAFT_HAPPINESS_CHART (chart)),
                             "8"));
  craft_happiness_chart_set_ratings (CRAFT_HAPPINESS_CHART (chart), NULL, NULL, NULL);
  g_assert_cmpstr (craft_happiness_chart_get_summary (CRAFT_HAPPINESS_CHART (chart)), ==,
                   nothing);

  g_object_unref (chart);
}

/* One day is not yet a line, but the words still tell what was rated. */
static void
test_summary_one_day (void)
{
  GtkWidget *chart = g_object_ref_sink (craft_happiness_chart_new ());
  g_autoptr(GArray) ratings = g_array_new (FALSE, TRUE, sizeof (CraftHappinessRating));
  g_autofree char *day = locale_date (2026, 9, 7);
  const char *summary;

  add_rating (ratings, "2026-09-07", "social", 4);
  craft_happiness_chart_set_ratings (CRAFT_HAPPINESS_CHART (chart), ratings, area_ids,
                                     area_labels);
  summary = craft_happiness_chart_get_summary (CRAFT_HAPPINESS_CHART (chart));
  g_assert_nonnull (strstr (summary, "Social life"));
  g_assert_null (strstr (summary, "Overall"));
  g_assert_true (has_number (summary, "4"));
  g_assert_nonnull (strstr (summary, day));

  g_object_unref (chart);
}

/* Counts the pixels of @texture within a small distance of @colour. */
static guint
count_pixels (GdkTexture    *texture,
              const GdkRGBA *colour)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  guint count = 0;

  /* Cairo's ARGB32: premultiplied, native-endian 32-bit words. */
  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);
        int a = pixel >> 24;
        int r = (pixel >> 16) & 0xff;
        int g = (pixel >> 8) & 0xff;
        int b = pixel & 0xff;

        if (a > 200
            && ABS (r * 255 / a - (int) (colour->red * 255)) < 24
            && ABS (g * 255 / a - (int) (colour->green * 255)) < 24
            && ABS (b * 255 / a - (int) (colour->blue * 255)) < 24)
          count++;
      }
  return count;
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* Nothing to take until the window has drawn a frame, which takes a while on a busy
   * machine and under valgrind. */
  for (guint i = 0; i < 100 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (i > 0)
        craft_test_spin (50);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
test_render (void)
{
  g_autoptr(GArray) ratings = new_sample_ratings ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = craft_happiness_chart_new ();
  /* The first area's colour, Okabe-Ito vermillion. */
  const GdkRGBA vermillion = { 0.835, 0.369, 0.0, 1.0 };
  g_autoptr(GdkTexture) empty = NULL;
  g_autoptr(GdkTexture) drawn = NULL;
  int minimum, natural;

  gtk_widget_measure (chart, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, >=, 320);
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, natural, &minimum, &natural, NULL,
                      NULL);
  g_assert_cmpint (natural, >=, 180);

  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  /* Mapping takes longer on a busy machine and under sanitizers: wait for the size. */
  for (guint i = 0; i < 100 && gtk_widget_get_width (chart) == 0; i++)
    craft_test_spin (50);
  g_assert_cmpint (gtk_widget_get_width (chart), >=, 320);
  g_assert_cmpint (gtk_widget_get_height (chart), >=, 180);

  /* The empty chart has only words on it, in the text colour. */
  empty = render_widget (chart);
  g_assert_cmpuint (count_pixels (empty, &vermillion), ==, 0);

  craft_happiness_chart_set_ratings (CRAFT_HAPPINESS_CHART (chart), ratings, area_ids,
                                     area_labels);
  craft_test_spin (100);
  drawn = render_widget (chart);
  /* A line across the chart and four dots are far more than a handful of pixels. */
  g_assert_cmpuint (count_pixels (drawn, &vermillion), >, 200);

  /* The same in the dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  craft_test_spin (100);
  g_clear_object (&drawn);
  drawn = render_widget (chart);
  g_assert_cmpuint (count_pixels (drawn, &vermillion), >, 200);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  craft_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  craft_test_init_ui (&argc, &argv);

  g_test_add_func ("/chart/summary/ratings", test_summary_ratings);
  g_test_add_func ("/chart/summary/empty", test_summary_empty);
  g_test_add_func ("/chart/summary/one-day", test_summary_one_day);
  g_test_add_func ("/chart/render", test_render);

  return g_test_run ();
}

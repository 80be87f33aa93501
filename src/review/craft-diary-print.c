/* src/review/craft-diary-print.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary on paper, or in a PDF, to take to a session: a summary page with the counts and
 * charts of the printed entries, then each entry with every field that is filled in. Only
 * the chosen entries are read; the figures are counted from them alone, so nothing outside
 * the printout can show through its charts.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/craft-dates.h"
#include "app/craft-print-document.h"
#include "diary/craft-diary-editor.h"
#include "diary/craft-diary-row.h"
#include "craft-diary-print.h"
#include "craft-review-chart.h"

/* Up to this many days stress is drawn day by day, beyond it week by week (as on screen). */
#define MAX_DAYS_BY_DAY 42

GArray *
craft_diary_print_query_ids (CraftStore              *store,
                             const CraftDiaryFilter  *filter,
                             GError                 **error)
{
  g_autoptr(GArray) hits = NULL;
  GArray *ids;

  g_return_val_if_fail (CRAFT_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  hits = craft_store_diary_query (store, filter, error);
  if (hits == NULL)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), hits->len);
  for (guint i = 0; i < hits->len; i++)
    g_array_append_val (ids, g_array_index (hits, CraftDiaryHit, i).id);
  return ids;
}

GArray *
craft_diary_print_period_ids (CraftStore  *store,
                              const char  *from_day,
                              const char  *to_day,
                              GError     **error)
{
  CraftDiaryFilter filter = { 0 };

  filter.from_day = from_day;
  filter.to_day = to_day;
  return craft_diary_print_query_ids (store, &filter, error);
}

static const char *
lookup (GHashTable *entry,
        const char *field)
{
  const char *value = g_hash_table_lookup (entry, field);

  return value != NULL ? value : "";
}

static gint64
happened_at (GHashTable *entry)
{
  return g_ascii_strtoll (lookup (entry, "happened-at"), NULL, 10);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  GHashTable *x = *(GHashTable **) a;
  GHashTable *y = *(GHashTable **) b;
  gint64 ta = happened_at (x), tb = happened_at (y);

  if (ta != tb)
    return ta < tb ? -1 : 1;
  return g_strcmp0 (lookup (x, "uuid"), lookup (y, "uuid"));
}

/* The entries, oldest first, without any that went to the Trash. */
static GPtrArray *
load_entries (CraftStore  *store,
              GArray      *ids,
              GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 g_hash_table_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);
      GHashTable *entry;

      if (!g_hash_table_add (seen, id))
        continue;
      entry = craft_store_diary_get (store, *id, error);
      if (entry == NULL)
        return NULL;
      if (*lookup (entry, "deleted-at") != '\0')
        {
          g_hash_table_unref (entry);
          continue;
        }
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

/* Figures */

static double
measure_chart (gpointer      data,
               PangoContext *pango,
               double        width)
{
  return craft_review_chart_measure_print (data, pango, width);
}

static void
draw_chart (gpointer      data,
            cairo_t      *cr,
            PangoContext *pango,
            double        width,
            double        height)
{
  craft_review_chart_draw_print (data, cr, pango, width, height);
}

static CraftReviewChart *
new_chart (CraftReviewChartKind kind)
{
  return g_object_ref_sink (CRAFT_REVIEW_CHART (craft_review_chart_new (kind)));
}

/* A chart under its title, moved to the next page together with it. */
static void
add_chart (CraftPrintDocument *doc,
           const char         *title,
           CraftReviewChart   *chart)
{
  craft_print_document_begin_block (doc, FALSE, TRUE);
  craft_print_document_add (doc, CRAFT_PRINT_LABEL, NULL, title, NULL);
  craft_print_document_add_figure (doc, measure_chart, draw_chart, chart, g_object_unref);
}

typedef struct
{
  const char *value;
  const char *label;
} Choice;

static int
count_value (GPtrArray  *entries,
             const char *field,
             const char *value)
{
  int count = 0;

  for (guint i = 0; i < entries->len; i++)
    count += g_str_equal (lookup (g_ptr_array_index (entries, i), field), value);
  return count;
}

static CraftReviewChart *
choices_chart (GPtrArray    *entries,
               const char   *field,
               const Choice *choices,
               guint         n_choices)
{
  CraftReviewChart *chart = new_chart (CRAFT_REVIEW_CHART_BARS);

  craft_review_chart_add_series (chart, _("Entries"), CRAFT_REVIEW_SERIES_VALUE, 0);
  for (guint i = 0; i < n_choices; i++)
    {
      double value = count_value (entries, field, choices[i].value);

      craft_review_chart_add_category (chart, choices[i].label, NULL, &value);
    }
  return chart;
}

/* The Monday of @day's week. */
static char *
monday_of (const char *day)
{
  g_autoptr(GDateTime) when = craft_dates_parse_day (day);

  if (when == NULL)
    return g_strdup (day);
  return craft_dates_add_days (day, 1 - g_date_time_get_day_of_week (when));
}

static char *
format_short_day (const char *day)
{
  g_autoptr(GDateTime) when = craft_dates_parse_day (day);

  if (when == NULL)
    return g_strdup (day);
  return g_strstrip (g_date_time_format (when, _("%e %b")));
}

typedef struct
{
  double sum;
  int    count;
  int    low;
  int    high;
} Stress;

/* Stress over time, with the days or weeks without a rating left as gaps. */
static CraftReviewChart *
stress_chart (GPtrArray *entries,
              gboolean   by_week)
{
  CraftReviewChart *chart = new_chart (CRAFT_REVIEW_CHART_LINE);
  g_autoptr(GHashTable) periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  char *period;

  craft_review_chart_set_max (chart, 10);
  craft_review_chart_add_series (chart, _("Average"), CRAFT_REVIEW_SERIES_VALUE, 1);
  craft_review_chart_add_series (chart, _("Lowest"), CRAFT_REVIEW_SERIES_LOW, 0);
  craft_review_chart_add_series (chart, _("Highest"), CRAFT_REVIEW_SERIES_HIGH, 0);

  for (guint i = 0; i < entries->len; i++)
    {
      GHashTable *entry = g_ptr_array_index (entries, i);
      const char *stress = lookup (entry, "stress");
      char *key;
      Stress *figures;
      int value;

      if (*stress == '\0')
        continue;
      value = atoi (stress);
      key = by_week ? monday_of (lookup (entry, "day")) : g_strdup (lookup (entry, "day"));
      figures = g_hash_table_lookup (periods, key);
      if (figures == NULL)
        {
          figures = g_new0 (Stress, 1);
          figures->low = 10;
          g_hash_table_insert (periods, g_strdup (key), figures);
        }
      figures->sum += value;
      figures->count++;
      figures->low = MIN (figures->low, value);
      figures->high = MAX (figures->high, value);
      /* The entries come oldest first. */
      if (first == NULL)
        first = g_strdup (key);
      g_free (last);
      last = key;
    }

  for (period = g_strdup (first); period != NULL && last != NULL && strcmp (period, last) <= 0;)
    {
      Stress *figures = g_hash_table_lookup (periods, period);
      g_autofree char *axis = format_short_day (period);
      double values[3] = { NAN, NAN, NAN };
      char *next;

      if (figures != NULL)
        {
          values[0] = figures->sum / figures->count;
          values[1] = figures->low;
          values[2] = figures->high;
        }
      craft_review_chart_add_category (chart, axis, NULL, values);
      next = craft_dates_add_days (period, by_week ? 7 : 1);
      g_free (period);
      period = next;
    }
  g_free (period);
  return chart;
}

/* The summary page */

static void
add_count (CraftPrintDocument *doc,
           const char         *label,
           const char         *value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  craft_print_append_pair (text, attrs, label, value);
  craft_print_document_add (doc, CRAFT_PRINT_ROW, NULL, text->str, attrs);
}

static void
add_count_number (CraftPrintDocument *doc,
                  const char         *label,
                  int                 count)
{
  g_autofree char *value = g_strdup_printf ("%d", count);

  add_count (doc, label, value);
}

static void
add_summary (CraftPrintDocument *doc,
             GPtrArray          *entries)
{
  static const char * const copings[] = { "engaged", "tolerant", "withdrawn" };
  const Choice states[] = {
    { "sober", craft_diary_state_label ("sober") },
    { "using", craft_diary_state_label ("using") },
    { "influenced", craft_diary_state_label ("influenced") },
    { "hungover", craft_diary_state_label ("hungover") },
    { "unknown", craft_diary_state_label ("unknown") },
    { "", _("Not noted") },
  };
  const Choice safe[] = {
    { "no", _("Not safe") },
    { "unsure", C_("safe", "Not sure") },
    { "yes", _("Safe") },
    { "", _("Not answered") },
  };
  Choice coping[G_N_ELEMENTS (copings)];
  int flagged = 0, rated = 0;
  double stress = 0;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      GHashTable *entry = g_ptr_array_index (entries, i);
      const char *value = lookup (entry, "stress");

      flagged += g_str_equal (lookup (entry, "flagged"), "1");
      if (*value != '\0')
        {
          stress += atoi (value);
          rated++;
        }
    }

  craft_print_document_begin_block (doc, TRUE, FALSE);
  craft_print_document_add (doc, CRAFT_PRINT_HEADING, NULL, _("Summary"), NULL);
  craft_print_document_begin_block (doc, FALSE, TRUE);
  add_count_number (doc, _("Diary entries"), entries->len);
  add_count_number (doc, _("For your group leader"), flagged);
  if (rated > 0)
    {
      /* One decimal, with the locale's decimal sign. */
      g_autofree char *average = g_strdup_printf ("%.1f", stress / rated);

      /* Translators: on the summary page of a printed diary. */
      add_count (doc, _("Stress from 0 to 10, on average"), average);
    }
  for (guint i = 0; i < G_N_ELEMENTS (copings); i++)
    {
      coping[i].value = copings[i];
      coping[i].label = craft_diary_coping_label (copings[i]);
      add_count_number (doc, coping[i].label, count_value (entries, "coping", copings[i]));
    }
  add_count_number (doc, _("Not safe"), count_value (entries, "safe", "no"));

  if (entries->len == 0)
    return;

  first_day = g_strdup (lookup (g_ptr_array_index (entries, 0), "day"));
  last_day = g_strdup (lookup (g_ptr_array_index (entries, entries->len - 1), "day"));
  if (rated > 0)
    {
      g_autoptr(GDateTime) a = craft_dates_parse_day (first_day);
      g_autoptr(GDateTime) b = craft_dates_parse_day (last_day);
      gboolean by_week = a != NULL && b != NULL
                         && g_date_time_difference (b, a) / G_TIME_SPAN_DAY >= MAX_DAYS_BY_DAY;

      add_chart (doc, _("Stress over time"), stress_chart (entries, by_week));
    }
  add_chart (doc, _("How you coped"),
             choices_chart (entries, "coping", coping, G_N_ELEMENTS (coping)));
  add_chart (doc, _("Your loved one’s state"),
             choices_chart (entries, "loved-one-state", states, G_N_ELEMENTS (states)));
  add_chart (doc, _("Whether you felt safe"),
             choices_chart (entries, "safe", safe, G_N_ELEMENTS (safe)));
}

/* The entries */

/* The labels of a list of ids joined by ",", with an own text after them. */
static char *
join_options (const char *field,
              const char *ids,
              const char *other)
{
  g_auto(GStrv) parts = g_strsplit (ids, ",", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *label;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      label = craft_diary_option_label (field, parts[i]);
      /* An id this version does not know is still shown, not lost. */
      g_ptr_array_add (labels, (gpointer) (label != NULL ? label : parts[i]));
    }
  if (other != NULL && *other != '\0')
    g_ptr_array_add (labels, (gpointer) other);
  g_ptr_array_add (labels, NULL);
  /* Translators: between the items of a list such as "sober: 4, hungover: 2". */
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

static char *
format_rating (const char *value)
{
  gint64 rating;

  if (!g_ascii_string_to_signed (value, 10, 0, 10, &rating, NULL))
    return g_strdup (value);
  /* Translators: a rating from 0 to 10 on a printed worksheet, e.g. "7 of 10" */
  return g_strdup_printf (_("%d of 10"), (int) rating);
}

/* A field under its label (the question the form asks), when it is filled in. */
static void
add_field (CraftPrintDocument *doc,
           const char         *label,
           const char         *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));

  /* Only white space is nothing written. */
  if (*trimmed == '\0')
    return;
  craft_print_document_add (doc, CRAFT_PRINT_LABEL, NULL, label, NULL);
  craft_print_document_add (doc, CRAFT_PRINT_ANSWER, NULL, trimmed, NULL);
}

static void
add_entry (CraftPrintDocument *doc,
           GHashTable         *entry)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (happened_at (entry));
  g_autofree char *day = craft_dates_format_day (lookup (entry, "day"));
  g_autofree char *time = when != NULL ? g_date_time_format (when, "%H:%M") : g_strdup ("");
  g_autofree char *heading = NULL;
  g_autofree char *feelings = join_options ("feelings", lookup (entry, "feelings"),
                                            lookup (entry, "feelings-other"));
  g_autofree char *try_next = join_options ("try-next", lookup (entry, "try-next"),
                                            lookup (entry, "try-next-other"));
  g_autofree char *strength = NULL;
  g_autofree char *stress = NULL;
  g_autofree char *coping = NULL;
  const char *coping_label = craft_diary_coping_label (lookup (entry, "coping"));
  const char *kind = *lookup (entry, "coping-kind") != '\0'
                     ? craft_diary_option_label ("coping-kind", lookup (entry, "coping-kind"))
                     : NULL;

  /* Translators: the heading of a printed diary entry: a date, then a time such as 19:30. */
  heading = g_strdup_printf (_("%1$s, %2$s"), day, time);
  if (*lookup (entry, "feeling-strength") != '\0')
    strength = format_rating (lookup (entry, "feeling-strength"));
  if (*lookup (entry, "stress") != '\0')
    stress = format_rating (lookup (entry, "stress"));
  if (coping_label != NULL && kind != NULL)
    /* Translators: a way of coping and its finer kind, e.g. "Engaged – Arguing". */
    coping = g_strdup_printf (_("%1$s – %2$s"), coping_label, kind);
  else
    coping = g_strdup (coping_label != NULL ? coping_label : kind);

  /* A whole entry moves to the next page when it does not fit on this one. */
  craft_print_document_begin_block (doc, FALSE, TRUE);
  craft_print_document_add (doc, CRAFT_PRINT_HEADING, NULL, heading, NULL);
  if (g_str_equal (lookup (entry, "flagged"), "1"))
    craft_print_document_add (doc, CRAFT_PRINT_DATE, NULL,
                              _("Bring this up with my group leader"), NULL);
  add_field (doc, _("What happened?"), lookup (entry, "what-happened"));
  add_field (doc, _("Where were you?"), lookup (entry, "place"));
  add_field (doc, _("Who was there?"), lookup (entry, "people"));
  add_field (doc, _("What set it off?"), lookup (entry, "trigger"));
  add_field (doc, _("Your loved one was…"),
             craft_diary_state_label (lookup (entry, "loved-one-state")));
  add_field (doc, _("Your thoughts"), lookup (entry, "thoughts"));
  add_field (doc, _("Your feelings"), feelings);
  add_field (doc, _("How strong were your feelings?"), strength);
  add_field (doc, _("How stressed were you?"), stress);
  add_field (doc, _("What did you do?"), lookup (entry, "what-i-did"));
  add_field (doc, _("How did you cope?"), coping);
  add_field (doc, _("What came of it for you"), lookup (entry, "outcome-me"));
  add_field (doc, _("What came of it for your loved one"), lookup (entry, "outcome-them"));
  add_field (doc, _("Were you safe?"), craft_diary_safe_label (lookup (entry, "safe")));
  add_field (doc, _("Who could you lean on?"), lookup (entry, "support"));
  add_field (doc, _("What could you try next time?"), try_next);
  add_field (doc, _("Tags"), lookup (entry, "tags"));
}

gboolean
craft_diary_print (GtkWindow   *parent,
                   CraftStore  *store,
                   GArray      *ids,
                   const char  *covers,
                   GDateTime   *now,
                   const char  *pdf_path,
                   GError     **error)
{
  g_autoptr(CraftPrintDocument) doc = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *today = NULL;
  g_autofree char *printed = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (CRAFT_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = load_entries (store, ids, error);
  if (entries == NULL)
    return FALSE;

  {
    g_autofree char *day = craft_dates_to_day (now);

    today = craft_dates_format_day (day);
  }
  /* Translators: under the heading of a printed session; %s is today's date */
  printed = g_strdup_printf (_("Printed on %s"), today);

  doc = craft_print_document_new ();
  craft_print_document_begin_block (doc, TRUE, FALSE);
  /* Translators: the title of a printed diary. */
  craft_print_document_add (doc, CRAFT_PRINT_TITLE, NULL, _("Your Diary"), NULL);
  if (covers != NULL)
    craft_print_document_add (doc, CRAFT_PRINT_DATE, NULL, covers, NULL);
  craft_print_document_add (doc, CRAFT_PRINT_DATE, NULL, printed, NULL);
  add_summary (doc, entries);

  if (entries->len == 0)
    {
      craft_print_document_begin_block (doc, FALSE, FALSE);
      craft_print_document_add (doc, CRAFT_PRINT_EMPTY, NULL,
                                _("No diary entries in this period."), NULL);
    }
  else
    craft_print_document_page_break (doc);
  for (guint i = 0; i < entries->len; i++)
    add_entry (doc, g_ptr_array_index (entries, i));

  return craft_print_document_run (g_steal_pointer (&doc), parent, pdf_path, error);
}

/* src/review/craft-review-page.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Review place. Every figure comes counted from the store (store/craft-store-review.c);
 * this page only walks the calendar to leave honest gaps, and says each chart in words for
 * screen readers and as a table for anyone who prefers numbers.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "app/craft-date-button.h"
#include "app/craft-dates.h"
#include "app/craft-window.h"
#include "program/craft-happiness-chart.h"
#include "program/craft-program.h"
#include "store/craft-store-review.h"
#include "craft-diary-print.h"
#include "craft-review-chart.h"
#include "craft-review-page.h"

#define HAPPINESS_WORKSHEET "happiness-scale"
/* Up to this many days the charts over time go day by day, beyond it week by week. */
#define MAX_DAYS_BY_DAY     42
#define SINCE_LIMIT         50
#define TOP_TAGS            10
#define TOP_TRIGGERS        8
#define EXCERPT_LENGTH      90

typedef enum
{
  CARD_STRESS,
  CARD_COPING,
  CARD_STATE,
  CARD_TAGS,
  CARD_TRIGGERS,
  CARD_SAFETY,
  CARD_HAPPINESS,
  N_CARDS
} Card;

/* The template ids of each card's parts: "<name>_toggle", "<name>_stack", ... */
static const char * const card_names[N_CARDS] = {
  "stress", "coping", "state", "tags", "triggers", "safety", "happiness",
};

struct _CraftReviewPage
{
  GtkWidget            parent_instance;

  CraftContext        *context;
  CraftReviewPeriod    period;
  gboolean             period_chosen; /* by the person, or by us for them */
  gboolean             updating;
  GPtrArray           *area_ids;      /* the happiness scale's areas, NULL-terminated */
  GPtrArray           *area_labels;
  GArray              *happiness;     /* the ratings in the period, for the table */
  char                *from_day;      /* the period shown, for printing it */
  char                *to_day;
  char                *covers;        /* the period in words */

  GtkWidget           *scrolled_window;
  GtkDropDown         *period_dropdown;
  GtkWidget           *dates_box;
  CraftDateButton     *from_button;
  CraftDateButton     *to_button;
  GtkLabel            *summary_label;
  GtkLabel            *period_note;
  AdwPreferencesGroup *since_group;
  GtkListBox          *since_list;
  GtkLabel            *since_empty;
  GtkLabel            *since_more;
  GtkWidget           *empty_status;
  GtkWidget           *charts_box;
  GtkWidget           *safety_plan_button;
  CraftHappinessChart *happiness_chart;

  GtkToggleButton     *toggles[N_CARDS];
  GtkStack            *stacks[N_CARDS];
  GtkScrolledWindow   *table_windows[N_CARDS];
  CraftReviewChart    *charts[CARD_HAPPINESS]; /* every card but the happiness scale */
};

G_DEFINE_FINAL_TYPE (CraftReviewPage, craft_review_page, GTK_TYPE_WIDGET)

typedef struct
{
  const char *value;
  const char *context; /* for the translation, or NULL */
  const char *label;
} Choice;

static const Choice state_choices[] = {
  { "sober", NULL, N_("Sober") },
  { "using", NULL, N_("Drinking or using") },
  { "influenced", NULL, N_("Under the influence") },
  { "hungover", NULL, N_("Hungover") },
  /* Translators: the loved one's state was not known. */
  { "unknown", "loved one", NC_("loved one", "Not sure") },
  /* Translators: the loved one's state was left empty in the entry. */
  { "", NULL, N_("Not noted") },
};

static const Choice safe_choices[] = {
  { "no", NULL, N_("Not safe") },
  /* Translators: whether you felt safe: you were not sure. */
  { "unsure", "safe", NC_("safe", "Not sure") },
  { "yes", NULL, N_("Safe") },
  { "", NULL, N_("Not answered") },
};

static const char *
choice_label (const Choice *choice)
{
  return choice->context != NULL ? g_dpgettext2 (NULL, choice->context, choice->label)
                                 : gettext (choice->label);
}

/* A day as a short label under a chart. */
static char *
format_short_day (const char *day)
{
  g_autoptr(GDateTime) when = craft_dates_parse_day (day);
  char *text;

  if (when == NULL)
    return g_strdup (day);
  /* Translators: a short date under a chart, e.g. "23 Nov"; see strftime for the codes. */
  text = g_date_time_format (when, _("%e %b"));
  return g_strstrip (text);
}

static char *
format_week (const char *monday)
{
  g_autoptr(GDateTime) when = craft_dates_parse_day (monday);
  g_autofree char *date = NULL;

  if (when == NULL)
    return g_strdup (monday);
  /* Translators: a date with its year, e.g. "23 Nov 2026"; see strftime for the codes. */
  date = g_strstrip (g_date_time_format (when, _("%e %b %Y")));
  /* Translators: a row of a table; %s is the date of the week's Monday. */
  return g_strdup_printf (_("Week of %s"), date);
}

static char *
format_number (double value)
{
  /* One decimal, with the locale's decimal sign. */
  return g_strdup_printf ("%.1f", value);
}

static void
report_error (CraftReviewPage *self,
              const GError    *error)
{
  craft_window_show_error (GTK_WIDGET (self),
                           _("Your diary could not be read for the review."), error);
}

/* "label: count" items joined into one sentence-like list. */
static void
append_count (GString    *list,
              const char *label,
              int         count)
{
  if (list->len > 0)
    /* Translators: between the items of a list such as "sober: 4, hungover: 2". */
    g_string_append (list, _(", "));
  /* Translators: an item of a list of counts, e.g. "sober: 4". */
  g_string_append_printf (list, C_("count", "%1$s: %2$d"), label, count);
}

static void
compute_range (CraftReviewPage  *self,
               const char       *today,
               const char       *last_session,
               char            **from_day,
               char            **to_day,
               char            **note)
{
  *from_day = NULL;
  *to_day = NULL;
  *note = NULL;

  switch (self->period)
    {
    case CRAFT_REVIEW_PERIOD_SINCE_SESSION:
      if (*last_session != '\0')
        {
          g_autofree char *date = craft_dates_format_day (last_session);

          *from_day = g_strdup (last_session);
          /* Translators: %s is a date. */
          *note = g_strdup_printf (_("Since your last session on %s."), date);
        }
      else
        *note = g_strdup (_("You have not marked a session as done yet, so this is your whole "
                            "diary."));
      break;
    case CRAFT_REVIEW_PERIOD_FOUR_WEEKS:
    case CRAFT_REVIEW_PERIOD_THREE_MONTHS:
      {
        g_autofree char *date = NULL;

        if (self->period == CRAFT_REVIEW_PERIOD_FOUR_WEEKS)
          *from_day = craft_dates_add_days (today, -27);
        else
          {
            g_autofree char *back = craft_dates_add_months (today, -3);

            *from_day = craft_dates_add_days (back, 1);
          }
        date = craft_dates_format_day (*from_day);
        /* Translators: %s is a date. */
        *note = g_strdup_printf (_("From %s until today."), date);
      }
      break;
    case CRAFT_REVIEW_PERIOD_ALL:
      break;
    case CRAFT_REVIEW_PERIOD_CHOSEN:
      {
        const char *a = craft_date_button_get_day (self->from_button);
        const char *b = craft_date_button_get_day (self->to_button);

        /* Dates chosen the wrong way round still mean the days between them. */
        if (*a != '\0' && *b != '\0' && strcmp (a, b) > 0)
          {
            const char *swap = a;

            a = b;
            b = swap;
          }
        *from_day = *a != '\0' ? g_strdup (a) : NULL;
        *to_day = *b != '\0' ? g_strdup (b) : NULL;
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
update_summary (CraftReviewPage         *self,
                const CraftReviewTotals *totals)
{
  g_autofree char *entries = NULL;
  g_autofree char *text = NULL;

  if (totals->entries == 0)
    {
      gtk_label_set_text (self->summary_label, _("No diary entries in this period."));
      return;
    }

  entries = g_strdup_printf (ngettext ("%d entry", "%d entries", totals->entries),
                             totals->entries);
  if (totals->flagged == 0)
    {
      gtk_label_set_text (self->summary_label, entries);
      return;
    }
  {
    g_autofree char *flagged = NULL;

    /* Translators: entries flagged to go through with the group leader, as the end of
     * "38 entries, 5 for your group leader". */
    flagged = g_strdup_printf (ngettext ("%d for your group leader",
                                         "%d for your group leader", totals->flagged),
                               totals->flagged);
    /* Translators: e.g. "38 entries, 5 for your group leader". */
    text = g_strdup_printf (_("%1$s, %2$s"), entries, flagged);
  }
  gtk_label_set_text (self->summary_label, text);
}

static char *
excerpt (GHashTable *entry)
{
  const char *sources[] = { "what-happened", "trigger", "thoughts", "what-i-did" };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      const char *text = g_hash_table_lookup (entry, sources[i]);
      g_autofree char *flat = NULL;

      if (text == NULL || *g_strstrip (flat = g_strdup (text)) == '\0')
        continue;
      g_strdelimit (flat, "\n\r\t", ' ');
      if (g_utf8_strlen (flat, -1) > EXCERPT_LENGTH)
        {
          g_autofree char *cut = g_utf8_substring (flat, 0, EXCERPT_LENGTH);

          return g_strconcat (g_strchomp (cut), "…", NULL);
        }
      return g_steal_pointer (&flat);
    }
  return g_strdup (_("Nothing written about what happened"));
}

static GtkWidget *
create_since_row (GHashTable *entry,
                  gint64      id)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = excerpt (entry);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  gboolean flagged = g_strcmp0 (g_hash_table_lookup (entry, "flagged"), "1") == 0;
  gint64 happened_at = g_ascii_strtoll (g_hash_table_lookup (entry, "happened-at"), NULL, 10);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (happened_at);

  if (when != NULL)
    {
      g_autofree char *day = craft_dates_to_day (when);
      g_autofree char *day_text = craft_dates_format_day (day);
      /* Translators: a time of day; see strftime for the codes. */
      g_autofree char *time = g_date_time_format (when, C_("time of day", "%H:%M"));

      /* Translators: when a diary entry happened: a date and a time of day. */
      date = g_strdup_printf (_("%1$s, %2$s"), day_text, time);
    }
  else
    date = g_strdup ("");

  if (flagged)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("emoji-flags-symbolic");

      gtk_widget_add_css_class (icon, "accent");
      /* The words are in the subtitle; the flag is only for the eye. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      /* Translators: a diary entry flagged to talk about with the group leader; %s is when
       * it happened. */
      subtitle = g_strdup_printf (_("For your group leader · %s"), date);
    }
  else
    subtitle = g_steal_pointer (&date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  {
    g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open in the diary"));
  g_object_set_data_full (G_OBJECT (row), "craft-entry-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static gboolean
update_since (CraftReviewPage          *self,
              const char               *last_session,
              const CraftReviewFigures *figures,
              GError                  **error)
{
  CraftStore *store = craft_context_get_store (self->context);
  GArray *ids = figures->since_ids;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->since_list))) != NULL)
    gtk_list_box_remove (self->since_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->since_more), FALSE);

  if (*last_session == '\0')
    {
      adw_preferences_group_set_description (self->since_group, NULL);
      gtk_label_set_text (self->since_empty,
                          _("When you mark a session as done, what you write in your diary "
                            "after it gathers here, ready to go through with your group "
                            "leader."));
      gtk_widget_set_visible (GTK_WIDGET (self->since_empty), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->since_list), FALSE);
      return TRUE;
    }

  {
    g_autofree char *date = craft_dates_format_day (last_session);
    g_autofree char *description = NULL;

    /* Translators: %s is a date. */
    description = g_strdup_printf (_("Your last session was on %s. Entries you flagged for "
                                     "your group leader come first."), date);
    adw_preferences_group_set_description (self->since_group, description);
  }

  g_assert (ids != NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GHashTable) entry = craft_store_diary_get (store, id, error);

      if (entry == NULL)
        return FALSE;
      gtk_list_box_append (self->since_list, create_since_row (entry, id));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->since_list), ids->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->since_empty), ids->len == 0);
  if (ids->len == 0)
    gtk_label_set_text (self->since_empty,
                        _("Nothing written in your diary since then."));
  if (figures->since_entries > (int) ids->len)
    {
      int more = figures->since_entries - (int) ids->len;
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("And %d more, in your diary.",
                                        "And %d more, in your diary.", more),
                              more);
      gtk_label_set_text (self->since_more, text);
      gtk_widget_set_visible (GTK_WIDGET (self->since_more), TRUE);
    }
  return TRUE;
}

static void
update_stress (CraftReviewPage *self,
               GArray          *rows,
               CraftReviewStep  step)
{
  CraftReviewChart *chart = self->charts[CARD_STRESS];
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *day = NULL;
  const CraftReviewStress *highest = NULL;
  double sum = 0;
  int count = 0, low = 10, high = 0;
  guint next = 0;

  craft_review_chart_clear (chart);
  craft_review_chart_set_max (chart, 10);
  craft_review_chart_set_category_title (chart, step == CRAFT_REVIEW_BY_DAY ? _("Day")
                                                                           : _("Week"));
  craft_review_chart_add_series (chart, _("Average"), CRAFT_REVIEW_SERIES_VALUE, 1);
  craft_review_chart_add_series (chart, _("Lowest"), CRAFT_REVIEW_SERIES_LOW, 0);
  craft_review_chart_add_series (chart, _("Highest"), CRAFT_REVIEW_SERIES_HIGH, 0);
  craft_review_chart_add_series (chart, _("Entries"), CRAFT_REVIEW_SERIES_TABLE, 0);

  /* Every day or week from the first to the last, so that a quiet week shows as a gap in
   * time rather than vanishing. The walk is over the calendar, not over entries. */
  if (rows->len > 0)
    day = g_strdup (g_array_index (rows, CraftReviewStress, 0).period);
  while (day != NULL && next < rows->len)
    {
      const CraftReviewStress *row = &g_array_index (rows, CraftReviewStress, next);
      g_autofree char *axis = format_short_day (day);
      g_autofree char *label = step == CRAFT_REVIEW_BY_DAY ? craft_dates_format_day (day)
                                                           : format_week (day);
      double values[4] = { NAN, NAN, NAN, NAN };
      char *following;

      if (g_str_equal (row->period, day))
        {
          values[0] = row->average;
          values[1] = row->min;
          values[2] = row->max;
          values[3] = row->count;
          sum += row->average * row->count;
          count += row->count;
          low = MIN (low, row->min);
          high = MAX (high, row->max);
          if (highest == NULL || row->average > highest->average)
            highest = row;
          next++;
        }
      craft_review_chart_add_category (chart, axis, label, values);
      following = craft_dates_add_days (day, step == CRAFT_REVIEW_BY_DAY ? 1 : 7);
      g_free (day);
      day = following;
    }

  if (count == 0)
    g_string_append (summary, _("No stress ratings in this period."));
  else
    {
      g_autofree char *average = format_number (sum / count);

      g_string_append_printf (summary,
                              /* Translators: %1$d is a number of entries, %2$s an average
                               * such as 5.3, %3$d and %4$d whole numbers from 0 to 10. */
                              ngettext ("Stress from 0 to 10, rated in %1$d entry: %2$s on "
                                        "average, lowest %3$d, highest %4$d.",
                                        "Stress from 0 to 10, rated in %1$d entries: %2$s on "
                                        "average, lowest %3$d, highest %4$d.",
                                        count),
                              count, average, low, high);
      if (rows->len > 1)
        {
          g_autofree char *when = NULL;
          g_autofree char *value = format_number (highest->average);

          g_string_append_c (summary, ' ');
          if (step == CRAFT_REVIEW_BY_DAY)
            {
              when = craft_dates_format_day (highest->period);
              /* Translators: %1$s is a date, %2$s an average such as 7.5. */
              g_string_append_printf (summary, _("The most stressful day was %1$s, with %2$s "
                                                 "on average."), when, value);
            }
          else
            {
              g_autoptr(GDateTime) monday = craft_dates_parse_day (highest->period);

              when = g_strstrip (g_date_time_format (monday, _("%e %b %Y")));
              /* Translators: %1$s is the date of a Monday, %2$s an average such as 7.5. */
              g_string_append_printf (summary, _("The most stressful week was the week of "
                                                 "%1$s, with %2$s on average."), when, value);
            }
        }
    }
  craft_review_chart_set_summary (chart, summary->str);
}

static void
update_coping (CraftReviewPage *self,
               GArray          *rows)
{
  CraftReviewChart *chart = self->charts[CARD_COPING];
  g_autofree char *week = NULL;
  g_autofree char *summary = NULL;
  int engaged = 0, tolerant = 0, withdrawn = 0;
  guint next = 0;

  craft_review_chart_clear (chart);
  craft_review_chart_add_series (chart, _("Engaged"), CRAFT_REVIEW_SERIES_VALUE, 0);
  craft_review_chart_add_series (chart, _("Tolerant"), CRAFT_REVIEW_SERIES_VALUE, 0);
  craft_review_chart_add_series (chart, _("Withdrawn"), CRAFT_REVIEW_SERIES_VALUE, 0);

  if (rows->len > 0)
    week = g_strdup (g_array_index (rows, CraftReviewCoping, 0).week);
  while (week != NULL && next < rows->len)
    {
      const CraftReviewCoping *row = &g_array_index (rows, CraftReviewCoping, next);
      g_autofree char *axis = format_short_day (week);
      g_autofree char *label = format_week (week);
      double values[3] = { 0, 0, 0 };
      char *following;

      if (g_str_equal (row->week, week))
        {
          values[0] = row->engaged;
          values[1] = row->tolerant;
          values[2] = row->withdrawn;
          engaged += row->engaged;
          tolerant += row->tolerant;
          withdrawn += row->withdrawn;
          next++;
        }
      craft_review_chart_add_category (chart, axis, label, values);
      following = craft_dates_add_days (week, 7);
      g_free (week);
      week = following;
    }

  if (rows->len == 0)
    summary = g_strdup (_("No ways of coping noted in this period."));
  else
    {
      int total = engaged + tolerant + withdrawn;

      summary = g_strdup_printf (
        /* Translators: %1$d is a number of entries; %2$d, %3$d and %4$d how many times each
         * way of coping was chosen. */
        ngettext ("Ways of coping in %1$d entry: engaged %2$d, tolerant %3$d, withdrawn %4$d.",
                  "Ways of coping in %1$d entries: engaged %2$d, tolerant %3$d, withdrawn %4$d.",
                  total),
        total, engaged, tolerant, withdrawn);
    }
  craft_review_chart_set_summary (chart, summary);
}

/* Fills a bar chart with every choice in a fixed order, zeros included. */
static void
update_choices (CraftReviewPage       *self,
                Card                   card,
                GArray                *rows,
                const Choice          *choices,
                guint                  n_choices,
                GString               *list,
                GHashTable           **counts_out)
{
  CraftReviewChart *chart = self->charts[card];
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rows->len; i++)
    {
      CraftReviewCount *row = &g_array_index (rows, CraftReviewCount, i);

      g_hash_table_insert (counts, row->value, GINT_TO_POINTER (row->count));
    }

  craft_review_chart_clear (chart);
  craft_review_chart_add_series (chart, _("Entries"), CRAFT_REVIEW_SERIES_VALUE, 0);
  for (guint i = 0; i < n_choices; i++)
    {
      const char *label = choice_label (&choices[i]);
      int count = GPOINTER_TO_INT (g_hash_table_lookup (counts, choices[i].value));
      double value = count;

      craft_review_chart_add_category (chart, label, NULL, &value);
      if (count > 0)
        append_count (list, label, count);
    }

  if (counts_out != NULL)
    {
      *counts_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < rows->len; i++)
        {
          CraftReviewCount *row = &g_array_index (rows, CraftReviewCount, i);

          g_hash_table_insert (*counts_out, g_strdup (row->value), GINT_TO_POINTER (row->count));
        }
    }
}

static void
update_state (CraftReviewPage          *self,
              const CraftReviewFigures *figures)
{
  const CraftReviewTotals *totals = &figures->totals;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *summary = NULL;

  update_choices (self, CARD_STATE, figures->states, state_choices,
                  G_N_ELEMENTS (state_choices), list, NULL);

  /* Translators: %1$d is a number of entries, %2$s a list such as "Sober: 4, Hungover: 2". */
  summary = g_strdup_printf (ngettext ("Your loved one’s state in %1$d entry: %2$s.",
                                       "Your loved one’s state in %1$d entries: %2$s.",
                                       totals->entries),
                             totals->entries, list->str);
  craft_review_chart_set_summary (self->charts[CARD_STATE], summary);
}

static void
update_safety (CraftReviewPage          *self,
               const CraftReviewFigures *figures)
{
  const CraftReviewTotals *totals = &figures->totals;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *summary = NULL;
  int not_safe, unsure;

  update_choices (self, CARD_SAFETY, figures->safe, safe_choices,
                  G_N_ELEMENTS (safe_choices), list, &counts);

  not_safe = GPOINTER_TO_INT (g_hash_table_lookup (counts, "no"));
  unsure = GPOINTER_TO_INT (g_hash_table_lookup (counts, "unsure"));
  summary = g_strdup_printf (
    /* Translators: %1$d is a number of entries; %2$d and %3$d how many of them. */
    ngettext ("Of %1$d entry, you did not feel safe in %2$d and were not sure in %3$d.",
              "Of %1$d entries, you did not feel safe in %2$d and were not sure in %3$d.",
              totals->entries),
    totals->entries, not_safe, unsure);
  craft_review_chart_set_summary (self->charts[CARD_SAFETY], summary);
  gtk_widget_set_visible (self->safety_plan_button, not_safe > 0 || unsure > 0);
}

static void
update_top (CraftReviewPage       *self,
            Card                   card,
            CraftReviewCountKind   kind,
            GArray                *rows)
{
  CraftReviewChart *chart = self->charts[card];
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *summary = NULL;

  craft_review_chart_clear (chart);
  craft_review_chart_add_series (chart, _("Entries"), CRAFT_REVIEW_SERIES_VALUE, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      CraftReviewCount *row = &g_array_index (rows, CraftReviewCount, i);
      double value = row->count;

      craft_review_chart_add_category (chart, row->label, NULL, &value);
      append_count (list, row->label, row->count);
    }

  if (rows->len == 0)
    summary = g_strdup (kind == CRAFT_REVIEW_COUNT_TAGS ? _("No tags in this period.")
                                                        : _("No triggers noted in this period."));
  else if (kind == CRAFT_REVIEW_COUNT_TAGS)
    /* Translators: %s is a list such as "work: 8, weekend: 5". */
    summary = g_strdup_printf (_("Most frequent tags: %s."), list->str);
  else
    /* Translators: %s is a list such as "payday: 3, a phone call: 2". */
    summary = g_strdup_printf (_("Most frequent triggers: %s."), list->str);
  craft_review_chart_set_summary (chart, summary);
}

static void
load_areas (CraftReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftProgram) program = NULL;
  CraftContentNode *worksheet;

  if (self->area_ids != NULL)
    return;
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  self->area_labels = g_ptr_array_new_with_free_func (g_free);

  program = craft_program_new (NULL, &error);
  worksheet = program != NULL ? craft_program_find_worksheet (program, HAPPINESS_WORKSHEET)
                              : NULL;
  if (worksheet == NULL)
    /* The content is part of the app itself; failing to load it is a bug, not bad input. */
    g_critical ("The happiness scale's areas could not be loaded: %s",
                error != NULL ? error->message : "no such worksheet");

  for (guint i = 0; worksheet != NULL && i < craft_content_node_get_n_children (worksheet); i++)
    {
      CraftContentNode *field = craft_content_node_get_child (worksheet, i);

      if (!g_str_equal (craft_content_node_get_name (field), "field"))
        continue;
      g_ptr_array_add (self->area_ids,
                       g_strdup (craft_content_node_get_attribute (field, "id")));
      g_ptr_array_add (self->area_labels,
                       g_strdup (craft_content_node_get_child_text (field, "label")));
    }
  g_ptr_array_add (self->area_ids, NULL);
  g_ptr_array_add (self->area_labels, NULL);
}

static void
update_happiness (CraftReviewPage *self,
                  GArray          *ratings)
{
  load_areas (self);
  g_clear_pointer (&self->happiness, g_array_unref);
  self->happiness = g_array_ref (ratings);
  craft_happiness_chart_set_ratings (self->happiness_chart, ratings,
                                     (const char * const *) self->area_ids->pdata,
                                     (const char * const *) self->area_labels->pdata);
}

static GtkWidget *
build_happiness_table (CraftReviewPage *self)
{
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *table;
  guint i = 0;

  g_ptr_array_add (headings, _("Day"));
  for (guint a = 0; self->area_ids->pdata[a] != NULL; a++)
    {
      for (guint r = 0; r < self->happiness->len; r++)
        if (g_str_equal (g_array_index (self->happiness, CraftHappinessRating, r).area,
                         self->area_ids->pdata[a]))
          {
            g_ptr_array_add (headings, self->area_labels->pdata[a]);
            g_array_append_val (columns, a);
            break;
          }
    }
  g_ptr_array_add (headings, NULL);
  table = craft_review_table_new ((const char * const *) headings->pdata);

  /* The ratings come sorted by day, so each day's are together. */
  while (i < self->happiness->len)
    {
      const char *day = g_array_index (self->happiness, CraftHappinessRating, i).day;
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, craft_dates_format_day (day));
      for (guint c = 0; c < columns->len; c++)
        {
          const char *area = self->area_ids->pdata[g_array_index (columns, guint, c)];
          char *cell = NULL;

          for (guint j = i; j < self->happiness->len; j++)
            {
              CraftHappinessRating *rating = &g_array_index (self->happiness,
                                                             CraftHappinessRating, j);

              if (!g_str_equal (rating->day, day))
                break;
              if (g_str_equal (rating->area, area))
                cell = g_strdup_printf ("%d", rating->value);
            }
          g_ptr_array_add (cells, cell != NULL ? cell : g_strdup (C_("table", "–")));
        }
      g_ptr_array_add (cells, NULL);
      craft_review_table_append (table, (const char * const *) cells->pdata);

      while (i < self->happiness->len
             && g_str_equal (g_array_index (self->happiness, CraftHappinessRating, i).day, day))
        i++;
    }
  return table;
}

static void
fill_table (CraftReviewPage *self,
            Card             card)
{
  GtkWidget *table;

  if (card == CARD_HAPPINESS)
    table = self->happiness != NULL && self->area_ids != NULL ? build_happiness_table (self)
                                                              : NULL;
  else
    table = craft_review_chart_build_table (self->charts[card]);

  if (table != NULL)
    {
      gtk_widget_set_margin_top (table, 12);
      gtk_widget_set_margin_bottom (table, 12);
      gtk_widget_set_margin_start (table, 12);
      gtk_widget_set_margin_end (table, 12);
    }
  gtk_scrolled_window_set_child (self->table_windows[card], table);
}

static void
update_card_view (CraftReviewPage *self,
                  Card             card)
{
  gboolean table = gtk_toggle_button_get_active (self->toggles[card]);

  if (table)
    fill_table (self, card);
  gtk_stack_set_visible_child_name (self->stacks[card], table ? "table" : "chart");
  gtk_button_set_label (GTK_BUTTON (self->toggles[card]),
                        table ? _("Show as Chart") : _("Show as Table"));
}

/* What a printout of the period covers, and how it says so. */
static void
remember_period (CraftReviewPage *self,
                 const char      *from_day,
                 const char      *to_day,
                 const char      *note)
{
  g_free (self->from_day);
  g_free (self->to_day);
  g_free (self->covers);
  self->from_day = g_strdup (from_day);
  self->to_day = g_strdup (to_day);

  if (from_day != NULL && to_day != NULL)
    {
      g_autofree char *from = craft_dates_format_day (from_day);
      g_autofree char *to = craft_dates_format_day (to_day);

      /* Translators: the period a printout covers; %1$s and %2$s are dates. */
      self->covers = g_strdup_printf (_("From %1$s to %2$s."), from, to);
    }
  else if (to_day != NULL)
    {
      g_autofree char *to = craft_dates_format_day (to_day);

      /* Translators: the period a printout covers; %s is a date. */
      self->covers = g_strdup_printf (_("Until %s."), to);
    }
  else if (note != NULL)
    self->covers = g_strdup (note);
  else if (from_day != NULL)
    {
      g_autofree char *from = craft_dates_format_day (from_day);

      /* Translators: the period a printout covers; %s is a date. */
      self->covers = g_strdup_printf (_("From %s until today."), from);
    }
  else
    /* Translators: the period a printout covers. */
    self->covers = g_strdup (_("Your whole diary."));
}

gboolean
craft_review_page_print (CraftReviewPage  *self,
                         const char       *pdf_path,
                         GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) now = NULL;
  CraftStore *store;
  GtkRoot *root;

  g_return_val_if_fail (CRAFT_IS_REVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  /* The period on screen, with what was typed a moment ago. */
  craft_review_page_refresh (self);
  craft_saver_flush (craft_context_get_saver (self->context), NULL);
  store = craft_context_get_store (self->context);
  ids = craft_diary_print_period_ids (store, self->from_day, self->to_day, error);
  if (ids == NULL)
    return FALSE;
  now = craft_context_now (self->context);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return craft_diary_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, ids,
                            self->covers, now, pdf_path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  g_debug ("Printing the period the Review place shows");
  if (!craft_review_page_print (CRAFT_REVIEW_PAGE (widget), NULL, &error))
    craft_window_show_error (widget, _("The diary could not be printed."), error);
}

void
craft_review_page_refresh (CraftReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last_session = NULL;
  g_autofree char *from_day = NULL;
  g_autofree char *to_day = NULL;
  g_autofree char *note = NULL;
  g_autoptr(CraftReviewFigures) figures = NULL;
  CraftReviewRequest request = { 0 };
  CraftStore *store;

  g_return_if_fail (CRAFT_IS_REVIEW_PAGE (self));

  if (self->context == NULL)
    return;
  store = craft_context_get_store (self->context);
  now = craft_context_now (self->context);
  today = craft_dates_to_day (now);

  last_session = craft_store_review_last_session_day (store, &error);
  if (last_session == NULL)
    {
      report_error (self, error);
      return;
    }

  if (!self->period_chosen)
    {
      /* What a relative most often wants first: what happened since the group last met. */
      self->period_chosen = TRUE;
      craft_review_page_set_period (self, *last_session != '\0'
                                          ? CRAFT_REVIEW_PERIOD_SINCE_SESSION
                                          : CRAFT_REVIEW_PERIOD_FOUR_WEEKS);
      return;
    }

  compute_range (self, today, last_session, &from_day, &to_day, &note);
  gtk_label_set_text (self->period_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_note), note != NULL);
  remember_period (self, from_day, to_day, note);

  /* Every figure from one call to the store, which adds up days rather than entries. */
  request.from_day = from_day;
  request.to_day = to_day;
  request.since_day = *last_session != '\0' ? last_session : NULL;
  request.since_limit = SINCE_LIMIT;
  request.top_tags = TOP_TAGS;
  request.top_triggers = TOP_TRIGGERS;
  request.max_days_by_day = MAX_DAYS_BY_DAY;
  figures = craft_store_review_figures (store, &request, &error);
  if (figures == NULL)
    {
      report_error (self, error);
      return;
    }
  update_summary (self, &figures->totals);
  gtk_widget_set_visible (self->empty_status, figures->totals.entries == 0);
  gtk_widget_set_visible (self->charts_box, figures->totals.entries > 0);

  if (!update_since (self, last_session, figures, &error))
    {
      report_error (self, error);
      return;
    }
  update_stress (self, figures->stress, figures->step);
  update_coping (self, figures->coping);
  update_state (self, figures);
  update_top (self, CARD_TAGS, CRAFT_REVIEW_COUNT_TAGS, figures->tags);
  update_top (self, CARD_TRIGGERS, CRAFT_REVIEW_COUNT_TRIGGERS, figures->triggers);
  update_safety (self, figures);
  update_happiness (self, figures->happiness);

  for (Card card = 0; card < N_CARDS; card++)
    if (gtk_toggle_button_get_active (self->toggles[card]))
      fill_table (self, card);
}

static void
on_period_dropdown_selected_cb (GtkDropDown     *dropdown,
                                GParamSpec      *pspec,
                                CraftReviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || selected > CRAFT_REVIEW_PERIOD_CHOSEN)
    return;
  self->period_chosen = TRUE;
  craft_review_page_set_period (self, (CraftReviewPeriod) selected);
}

static void
on_date_button_day_cb (CraftDateButton *button,
                       GParamSpec      *pspec,
                       CraftReviewPage *self)
{
  if (!self->updating && self->period == CRAFT_REVIEW_PERIOD_CHOSEN)
    craft_review_page_refresh (self);
}

static void
on_card_toggle_toggled_cb (GtkToggleButton *toggle,
                           CraftReviewPage *self)
{
  for (Card card = 0; card < N_CARDS; card++)
    if (self->toggles[card] == toggle)
      update_card_view (self, card);
}

static void
on_since_list_row_activated_cb (GtkListBox      *list,
                                GtkListBoxRow   *row,
                                CraftReviewPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "craft-entry-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-entry", "x", *id);
}

static void
craft_review_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (craft_review_page_parent_class)->map (widget);
  /* The diary may have changed while another place was shown. */
  craft_review_page_refresh (CRAFT_REVIEW_PAGE (widget));
}

static void
craft_review_page_dispose (GObject *object)
{
  CraftReviewPage *self = CRAFT_REVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_REVIEW_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_clear_pointer (&self->area_labels, g_ptr_array_unref);
  g_clear_pointer (&self->happiness, g_array_unref);
  g_clear_pointer (&self->from_day, g_free);
  g_clear_pointer (&self->to_day, g_free);
  g_clear_pointer (&self->covers, g_free);

  G_OBJECT_CLASS (craft_review_page_parent_class)->dispose (object);
}

static void
craft_review_page_class_init (CraftReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_review_page_dispose;
  widget_class->map = craft_review_page_map;

  g_type_ensure (CRAFT_TYPE_REVIEW_CHART);
  g_type_ensure (CRAFT_TYPE_HAPPINESS_CHART);
  g_type_ensure (CRAFT_TYPE_DATE_BUTTON);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/review/craft-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, dates_box);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, period_note);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, since_group);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, since_list);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, since_empty);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, since_more);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, safety_plan_button);
  gtk_widget_class_bind_template_child (widget_class, CraftReviewPage, happiness_chart);

  for (Card card = 0; card < N_CARDS; card++)
    {
      g_autofree char *toggle = g_strdup_printf ("%s_toggle", card_names[card]);
      g_autofree char *stack = g_strdup_printf ("%s_stack", card_names[card]);
      g_autofree char *window = g_strdup_printf ("%s_table_window", card_names[card]);

      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (toggle), FALSE,
                                                 G_STRUCT_OFFSET (CraftReviewPage, toggles)
                                                 + card * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (stack), FALSE,
                                                 G_STRUCT_OFFSET (CraftReviewPage, stacks)
                                                 + card * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (window), FALSE,
                                                 G_STRUCT_OFFSET (CraftReviewPage, table_windows)
                                                 + card * sizeof (gpointer));
      if (card != CARD_HAPPINESS)
        {
          g_autofree char *chart = g_strdup_printf ("%s_chart", card_names[card]);

          gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (chart),
                                                     FALSE,
                                                     G_STRUCT_OFFSET (CraftReviewPage, charts)
                                                     + card * sizeof (gpointer));
        }
    }

  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_action);

  gtk_widget_class_bind_template_callback (widget_class, on_period_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_button_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_card_toggle_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_since_list_row_activated_cb);
}

static void
craft_review_page_init (CraftReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
craft_review_page_set_context (CraftReviewPage *self,
                               CraftContext    *context)
{
  g_return_if_fail (CRAFT_IS_REVIEW_PAGE (self));
  g_return_if_fail (CRAFT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;
  self->period_chosen = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    craft_review_page_refresh (self);
}

void
craft_review_page_set_period (CraftReviewPage   *self,
                              CraftReviewPeriod  period)
{
  g_return_if_fail (CRAFT_IS_REVIEW_PAGE (self));
  g_return_if_fail (period <= CRAFT_REVIEW_PERIOD_CHOSEN);

  self->period = period;
  self->period_chosen = TRUE;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, period);
  if (period == CRAFT_REVIEW_PERIOD_CHOSEN
      && *craft_date_button_get_day (self->from_button) == '\0'
      && *craft_date_button_get_day (self->to_button) == '\0'
      && self->context != NULL)
    {
      /* A start that makes sense: the last four weeks, ready to be changed. */
      g_autoptr(GDateTime) now = craft_context_now (self->context);
      g_autofree char *today = craft_dates_to_day (now);
      g_autofree char *start = craft_dates_add_days (today, -27);

      craft_date_button_set_day (self->from_button, start);
      craft_date_button_set_day (self->to_button, today);
    }
  self->updating = FALSE;
  gtk_widget_set_visible (self->dates_box, period == CRAFT_REVIEW_PERIOD_CHOSEN);

  craft_review_page_refresh (self);
}

CraftReviewPeriod
craft_review_page_get_period (CraftReviewPage *self)
{
  g_return_val_if_fail (CRAFT_IS_REVIEW_PAGE (self), CRAFT_REVIEW_PERIOD_ALL);
  return self->period;
}

void
craft_review_page_set_dates (CraftReviewPage *self,
                             const char      *from_day,
                             const char      *to_day)
{
  g_return_if_fail (CRAFT_IS_REVIEW_PAGE (self));

  self->updating = TRUE;
  craft_date_button_set_day (self->from_button, from_day);
  craft_date_button_set_day (self->to_button, to_day);
  self->updating = FALSE;
  if (self->period == CRAFT_REVIEW_PERIOD_CHOSEN)
    craft_review_page_refresh (self);
}

/* src/diary/craft-diary-page.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Diary place: every entry by day, newest first, with search, filters that show their
 * counts, a calendar to jump to a day, the Trash, and the editor for one entry.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "app/craft-date-button.h"
#include "app/craft-dates.h"
#include "app/craft-window.h"
#include "craft-diary-editor.h"
#include "craft-diary-model.h"
#include "craft-diary-page.h"
#include "craft-diary-row.h"
#include "review/craft-diary-print.h"

/* What went to the Trash is deleted for good after this long. */
#define TRASH_DAYS 30

struct _CraftDiaryPage
{
  GtkWidget         parent_instance;

  CraftContext     *context;
  CraftDiaryModel  *model;
  GPtrArray        *tag_values; /* the tag of each tag_row item; "" for any */
  guint             updating;   /* > 0 while the page itself sets the filter widgets */
  guint             scroll_source;
  guint             scroll_position;
  char             *applied;    /* the filter last run, see describe_filter() */
  gboolean          loaded;     /* the diary was read since the context was set */
  GHashTable       *selected;   /* ids (gint64 *) ticked in selection mode */
  GHashTable       *changed_unseen; /* ids (gint64 *) saved while the list was hidden */

  AdwToastOverlay  *toast_overlay;
  AdwLeaflet       *leaflet;
  GtkWidget        *list_page;
  GtkSearchEntry   *search_entry;
  GtkMenuButton    *filters_button;
  GtkPopover       *filters_popover;
  CraftDateButton  *from_button;
  CraftDateButton  *to_button;
  AdwComboRow      *state_row;
  AdwComboRow      *coping_row;
  AdwComboRow      *safe_row;
  AdwComboRow      *tag_row;
  GtkSpinButton    *stress_min_spin;
  GtkSpinButton    *stress_max_spin;
  AdwActionRow     *flagged_row;
  GtkSwitch        *flagged_switch;
  GtkMenuButton    *calendar_button;
  GtkPopover       *calendar_popover;
  GtkCalendar      *calendar;
  GtkToggleButton  *trash_button;
  GtkToggleButton  *select_button;
  GtkRevealer      *selection_revealer;
  GtkLabel         *selection_label;
  GtkRevealer      *summary_revealer;
  GtkLabel         *summary_label;
  GtkRevealer      *trash_revealer;
  GtkWidget        *trash_note;
  AdwStatusPage    *empty_page;
  GtkWidget        *first_entry_button;
  AdwStatusPage    *no_results_page;
  GtkStack         *content_stack;
  GtkScrolledWindow *scrolled_window;
  GtkListView      *list_view;
  CraftDiaryEditor *editor;
};

G_DEFINE_FINAL_TYPE (CraftDiaryPage, craft_diary_page, GTK_TYPE_WIDGET)

/* The values behind the items of the choice rows; the first, NULL, is "any". */
static const char *state_values[] = { NULL, "sober", "using", "influenced", "hungover", "unknown" };
static const char *coping_values[] = { NULL, "engaged", "tolerant", "withdrawn" };
static const char *safe_values[] = { NULL, "yes", "no", "unsure" };

static void
show_error (CraftDiaryPage *self,
            const char     *what,
            const GError   *error)
{
  craft_window_show_error (GTK_WIDGET (self), what, error);
}

static gboolean
is_trash (CraftDiaryPage *self)
{
  return gtk_toggle_button_get_active (self->trash_button);
}

static const char *
choice_value (AdwComboRow  *row,
              const char  **values,
              guint         n_values)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < n_values ? values[selected] : NULL;
}

static const char *
selected_tag (CraftDiaryPage *self)
{
  guint selected = adw_combo_row_get_selected (self->tag_row);
  const char *tag;

  if (self->tag_values == NULL || selected >= self->tag_values->len)
    return NULL;
  tag = g_ptr_array_index (self->tag_values, selected);
  return *tag != '\0' ? tag : NULL;
}

static const char *
non_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The filter the widgets describe; its strings belong to the widgets. */
static void
read_filter (CraftDiaryPage   *self,
             CraftDiaryFilter *filter)
{
  int low, high;

  *filter = (CraftDiaryFilter) { 0 };
  if (is_trash (self))
    {
      filter->trash = TRUE;
      return;
    }

  filter->text = non_empty (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  filter->from_day = non_empty (craft_date_button_get_day (self->from_button));
  filter->to_day = non_empty (craft_date_button_get_day (self->to_button));
  filter->loved_one_state = choice_value (self->state_row, state_values,
                                          G_N_ELEMENTS (state_values));
  filter->coping = choice_value (self->coping_row, coping_values, G_N_ELEMENTS (coping_values));
  filter->safe = choice_value (self->safe_row, safe_values, G_N_ELEMENTS (safe_values));
  filter->tag = selected_tag (self);
  low = gtk_spin_button_get_value_as_int (self->stress_min_spin);
  high = gtk_spin_button_get_value_as_int (self->stress_max_spin);
  /* The whole scale means any stress, also none written down. */
  if (low > 0 || high < 10)
    {
      filter->stress_min = low;
      filter->stress_max = high;
    }
  filter->flagged_only = gtk_switch_get_active (self->flagged_switch);
}

static gboolean
filter_is_active (const CraftDiaryFilter *filter)
{
  return filter->from_day != NULL || filter->to_day != NULL || filter->loved_one_state != NULL
         || filter->coping != NULL || filter->safe != NULL || filter->tag != NULL
         || filter->stress_min > 0 || filter->stress_max > 0 || filter->flagged_only;
}

static char *
with_count (const char *label,
            int         count)
{
  /* Translators: a choice in the diary filters and how many entries it would show,
   * e.g. "Engaged (12)". */
  return g_strdup_printf (_("%s (%d)"), label, count);
}

static int
count_of (GHashTable *counts,
          const char *value)
{
  return counts != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (counts, value)) : 0;
}

static int
count_all (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer value;
  int total = 0;

  if (counts == NULL)
    return 0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_INT (value);
  return total;
}

/* Replaces the row's items, keeping the choice at @selected without it counting as the
 * person choosing. */
static void
set_choices (CraftDiaryPage *self,
             AdwComboRow    *row,
             GPtrArray      *labels,
             guint           selected)
{
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (row));

  self->updating++;
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) labels->pdata);
  g_ptr_array_remove_index (labels, labels->len - 1);
  adw_combo_row_set_selected (row, selected);
  self->updating--;
}

typedef const char *(*LabelFunc) (const char *value);

static void
update_choice_counts (CraftDiaryPage         *self,
                      AdwComboRow            *row,
                      const CraftDiaryFilter *filter,
                      const char             *field,
                      const char            **values,
                      guint                   n_values,
                      LabelFunc               label_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (self->context != NULL)
    counts = craft_store_diary_count_by (craft_context_get_store (self->context), filter, field,
                                         &error);
  if (error != NULL)
    g_warning ("Diary entries could not be counted by %s: %s", field, error->message);

  g_ptr_array_add (labels, with_count (_("Any"), count_all (counts)));
  for (guint i = 1; i < n_values; i++)
    g_ptr_array_add (labels, with_count (label_of (values[i]), count_of (counts, values[i])));
  set_choices (self, row, labels, adw_combo_row_get_selected (row));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
update_tag_counts (CraftDiaryPage         *self,
                   const CraftDiaryFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = g_strdup (selected_tag (self));
  g_autofree char *total_label = NULL;
  guint selected = 0;

  if (self->context != NULL)
    counts = craft_store_diary_count_by (craft_context_get_store (self->context), filter, "tags",
                                         &error);
  if (error != NULL)
    g_warning ("Diary entries could not be counted by tag: %s", error->message);

  if (counts != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (key != NULL && *(const char *) key != '\0')
          g_ptr_array_add (tags, g_strdup (key));
    }
  /* The chosen tag stays choosable even when other filters leave nothing with it. */
  if (current != NULL && (counts == NULL || !g_hash_table_contains (counts, current)))
    g_ptr_array_add (tags, g_strdup (current));
  g_ptr_array_sort (tags, compare_strings);

  g_clear_pointer (&self->tag_values, g_ptr_array_unref);
  self->tag_values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->tag_values, g_strdup (""));
  /* The entries with any tag or none: the total of the other filters. */
  total_label = with_count (_("Any"), (int) g_list_model_get_n_items (G_LIST_MODEL (self->model)));
  g_ptr_array_add (labels, g_steal_pointer (&total_label));
  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag = tags->pdata[i];

      if (g_strcmp0 (tag, current) == 0)
        selected = i + 1;
      g_ptr_array_add (self->tag_values, g_strdup (tag));
      g_ptr_array_add (labels, with_count (tag, count_of (counts, tag)));
    }
  set_choices (self, self->tag_row, labels, selected);
}

static void
update_counts (CraftDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) flagged = NULL;
  CraftDiaryFilter filter;
  g_autofree char *flagged_text = NULL;
  int n;

  if (self->context == NULL)
    return;

  read_filter (self, &filter);
  update_choice_counts (self, self->state_row, &filter, "loved-one-state", state_values,
                        G_N_ELEMENTS (state_values), craft_diary_state_label);
  update_choice_counts (self, self->coping_row, &filter, "coping", coping_values,
                        G_N_ELEMENTS (coping_values), craft_diary_coping_label);
  update_choice_counts (self, self->safe_row, &filter, "safe", safe_values,
                        G_N_ELEMENTS (safe_values), craft_diary_safe_label);

  /* The tag list is rebuilt, which changes the filter's tag string: read it again after. */
  {
    CraftDiaryFilter tag_filter;

    read_filter (self, &tag_filter);
    update_tag_counts (self, &tag_filter);
  }

  read_filter (self, &filter);
  flagged = craft_store_diary_count_by (craft_context_get_store (self->context), &filter,
                                        "flagged", &error);
  if (flagged == NULL)
    g_warning ("Diary entries could not be counted by flag: %s", error->message);
  n = count_of (flagged, "1");
  flagged_text = g_strdup_printf (ngettext ("%d entry", "%d entries", n), n);
  adw_action_row_set_subtitle (self->flagged_row, flagged_text);
}

static void
append_part (GString    *summary,
             const char *part)
{
  /* Translators: between the parts of the summary of the diary's filters. */
  g_string_append (summary, _(" · "));
  g_string_append (summary, part);
}

static void
update_summary (CraftDiaryPage         *self,
                const CraftDiaryFilter *filter)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean shown = !filter->trash && (filter->text != NULL || filter_is_active (filter));

  g_string_printf (summary, ngettext ("%u entry", "%u entries", n), n);
  if (filter->from_day != NULL || filter->to_day != NULL)
    {
      g_autofree char *from = craft_dates_format_day (filter->from_day);
      g_autofree char *to = craft_dates_format_day (filter->to_day);
      g_autofree char *range = NULL;

      if (filter->from_day != NULL && filter->to_day != NULL)
        /* Translators: a range of days, e.g. "Monday 2 November 2026 – Monday 23 November
         * 2026". */
        range = g_strdup_printf (_("%s – %s"), from, to);
      else if (filter->from_day != NULL)
        /* Translators: %s is a day. */
        range = g_strdup_printf (_("from %s"), from);
      else
        /* Translators: %s is a day. */
        range = g_strdup_printf (_("until %s"), to);
      append_part (summary, range);
    }
  if (filter->loved_one_state != NULL)
    append_part (summary, g_str_equal (filter->loved_one_state, "unknown")
                          /* Translators: in the summary of the diary's filters. */
                          ? _("state not known")
                          : craft_diary_state_label (filter->loved_one_state));
  if (filter->coping != NULL)
    append_part (summary, craft_diary_coping_label (filter->coping));
  if (filter->safe != NULL)
    append_part (summary, g_str_equal (filter->safe, "yes") ? _("you were safe")
                          : g_str_equal (filter->safe, "no") ? _("you were not safe")
                          /* Translators: in the summary of the diary's filters. */
                          : _("not sure you were safe"));
  if (filter->tag != NULL)
    {
      /* Translators: %s is a tag the person gave their entries. */
      g_autofree char *tag = g_strdup_printf (_("tag “%s”"), filter->tag);

      append_part (summary, tag);
    }
  if (filter->stress_min > 0 || filter->stress_max > 0)
    {
      /* Translators: a range of stress, e.g. "stress 5–10". */
      g_autofree char *stress = g_strdup_printf (_("stress %d–%d"), filter->stress_min,
                                                 filter->stress_max);

      append_part (summary, stress);
    }
  if (filter->flagged_only)
    append_part (summary, _("for your group leader"));

  gtk_label_set_text (self->summary_label, summary->str);
  gtk_revealer_set_reveal_child (self->summary_revealer, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_revealer), shown);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else if (filter->trash)
    gtk_stack_set_visible_child_name (self->content_stack, "trash-empty");
  else if (filter->text != NULL || filter_is_active (filter))
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/* The filter as one string, to tell whether it really changed. */
static char *
describe_filter (const CraftDiaryFilter *filter)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%d\x1f%d\x1f%d",
                          filter->text ? filter->text : "", filter->from_day ? filter->from_day : "",
                          filter->to_day ? filter->to_day : "",
                          filter->loved_one_state ? filter->loved_one_state : "",
                          filter->coping ? filter->coping : "", filter->safe ? filter->safe : "",
                          filter->tag ? filter->tag : "", filter->stress_min, filter->stress_max,
                          filter->flagged_only, filter->trash);
}

static void load (CraftDiaryPage *self);
static void craft_diary_page_map (GtkWidget *widget);

/* Runs the filter the widgets show. */
static void
apply_filter (CraftDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  CraftDiaryFilter filter;

  if (self->context == NULL || self->updating > 0)
    return;
  if (!self->loaded)
    {
      load (self);
      return;
    }

  read_filter (self, &filter);
  g_free (self->applied);
  self->applied = describe_filter (&filter);
  if (!craft_diary_model_set_filter (self->model, &filter, &error))
    show_error (self, _("The diary could not be read."), error);
  /* Other results: start from the newest again. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  update_summary (self, &filter);
  if (gtk_widget_get_visible (GTK_WIDGET (self->filters_popover)))
    update_counts (self);
}

/* Reads the diary again after a change, keeping the rows (and scroll position) that did
 * not change. */
static void
refresh (CraftDiaryPage *self,
         gint64          changed_id)
{
  g_autoptr(GError) error = NULL;
  CraftDiaryFilter filter;

  /* Not read yet: it will be, fresh, when the page is first shown. */
  if (self->context == NULL || !self->loaded)
    return;
  if (!craft_diary_model_refresh (self->model, changed_id, &error))
    show_error (self, _("The diary could not be read."), error);
  read_filter (self, &filter);
  update_summary (self, &filter);
}

static gboolean
scroll_to_position_cb (gpointer user_data)
{
  CraftDiaryPage *self = user_data;

  self->scroll_source = 0;
  /* The item is now above what is shown, so scrolling to it brings it to the top. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              self->scroll_position);
  return G_SOURCE_REMOVE;
}

/* Shows @position at the top of the list. GTK 4.8 only scrolls an item just into view, so
 * first go past it, then back to it. */
static void
scroll_to_position (CraftDiaryPage *self,
                    guint           position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  if (position >= n)
    return;
  self->scroll_position = position;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              n - 1);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  self->scroll_source = g_idle_add_full (GTK_PRIORITY_RESIZE + 10, scroll_to_position_cb,
                                         self, NULL);
}

static void
show_list (CraftDiaryPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
flush_saver (CraftDiaryPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->context != NULL && !craft_saver_flush (craft_context_get_saver (self->context), &error))
    show_error (self, _("Your last changes could not be saved."), error);
}

static void
clear_filters (CraftDiaryPage *self)
{
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  craft_date_button_set_day (self->from_button, "");
  craft_date_button_set_day (self->to_button, "");
  adw_combo_row_set_selected (self->state_row, 0);
  adw_combo_row_set_selected (self->coping_row, 0);
  adw_combo_row_set_selected (self->safe_row, 0);
  adw_combo_row_set_selected (self->tag_row, 0);
  gtk_spin_button_set_value (self->stress_min_spin, 0);
  gtk_spin_button_set_value (self->stress_max_spin, 10);
  gtk_switch_set_active (self->flagged_switch, FALSE);
  self->updating--;
  apply_filter (self);
}

/* Selection mode: tick entries, then print them. */

static gboolean
is_selecting (CraftDiaryPage *self)
{
  return gtk_toggle_button_get_active (self->select_button);
}

/* Shows the ticks on the rows the list has made. */
static void
update_rows (CraftDiaryPage *self,
             GtkWidget      *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CRAFT_IS_DIARY_ROW (child))
        {
          CraftDiaryItem *item = craft_diary_row_get_item (CRAFT_DIARY_ROW (child));
          gint64 id = item != NULL ? craft_diary_item_get_id (item) : 0;

          craft_diary_row_set_selection (CRAFT_DIARY_ROW (child), is_selecting (self),
                                         g_hash_table_contains (self->selected, &id));
        }
      else
        update_rows (self, child);
    }
}

static void
update_selection (CraftDiaryPage *self)
{
  guint n = g_hash_table_size (self->selected);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("Tick the entries to print"));
  else
    text = g_strdup_printf (ngettext ("%u entry selected", "%u entries selected", n), n);
  gtk_label_set_text (self->selection_label, text);
  gtk_revealer_set_reveal_child (self->selection_revealer, is_selecting (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.print-selected", n > 0);
  update_rows (self, GTK_WIDGET (self->list_view));
}

static void
set_selected (CraftDiaryPage *self,
              gint64          id,
              gboolean        selected)
{
  if (selected)
    g_hash_table_add (self->selected, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->selected, &id);
  update_selection (self);
}

static void
on_select_button_active_cb (GtkToggleButton *button,
                            GParamSpec      *pspec,
                            CraftDiaryPage  *self)
{
  if (!gtk_toggle_button_get_active (button))
    g_hash_table_remove_all (self->selected);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                               gtk_toggle_button_get_active (button)
                               ? _("Stop Selecting") : _("Select Entries to Print"));
  update_selection (self);
}

static void
set_selected_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CraftDiaryPage *self = CRAFT_DIARY_PAGE (widget);
  gint64 id;
  gboolean selected;

  g_variant_get (parameter, "(xb)", &id, &selected);
  set_selected (self, id, selected);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CraftDiaryPage *self = CRAFT_DIARY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (self->context == NULL || is_trash (self))
    return;
  ids = craft_diary_print_query_ids (craft_context_get_store (self->context),
                                     craft_diary_model_get_filter (self->model), &error);
  if (ids == NULL)
    {
      show_error (self, _("The entries could not be selected."), error);
      return;
    }
  gtk_toggle_button_set_active (self->select_button, TRUE);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->selected,
                      g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  update_selection (self);
}

static void
leave_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_toggle_button_set_active (CRAFT_DIARY_PAGE (widget)->select_button, FALSE);
}

gboolean
craft_diary_page_print (CraftDiaryPage  *self,
                        const char      *pdf_path,
                        GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *covers = NULL;
  GtkRoot *root;

  g_return_val_if_fail (CRAFT_IS_DIARY_PAGE (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  flush_saver (self);
  if (is_selecting (self) && g_hash_table_size (self->selected) > 0)
    {
      GHashTableIter iter;
      gint64 *id;
      guint n = g_hash_table_size (self->selected);

      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      g_hash_table_iter_init (&iter, self->selected);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
        g_array_append_val (ids, *id);
      /* Translators: what a printout of the diary covers. */
      covers = g_strdup_printf (ngettext ("%u chosen entry", "%u chosen entries", n), n);
    }
  else
    {
      CraftDiaryFilter everything = { 0 };
      const CraftDiaryFilter *filter = craft_diary_model_get_filter (self->model);

      if (is_trash (self))
        filter = &everything;
      ids = craft_diary_print_query_ids (craft_context_get_store (self->context), filter, error);
      if (ids == NULL)
        return FALSE;
      if (!is_trash (self) && gtk_revealer_get_reveal_child (self->summary_revealer))
        covers = g_strdup (gtk_label_get_text (self->summary_label));
      else
        /* Translators: the period a printout covers. */
        covers = g_strdup (_("Your whole diary."));
    }

  now = craft_context_now (self->context);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return craft_diary_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            craft_context_get_store (self->context), ids, covers, now,
                            pdf_path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (CRAFT_DIARY_PAGE (widget)->context == NULL)
    return;
  g_debug ("Printing from the Diary place");
  if (!craft_diary_page_print (CRAFT_DIARY_PAGE (widget), NULL, &error))
    show_error (CRAFT_DIARY_PAGE (widget), _("The diary could not be printed."), error);
}

/* Callbacks */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     CraftDiaryPage           *self)
{
  gtk_list_item_set_child (list_item, craft_diary_row_new ());
  /* The list has no selection (a click opens the entry), so a row need not be selectable;
   * and it must not be: with single-click activation GTK 4.8 selects the row under the
   * pointer, and when a row scrolled out of view is hidden while the pointer rests on the
   * list, the row newly under the pointer is selected in the middle of hiding the old one,
   * which then frees the old row while GTK is still going through it (memcheck found it;
   * tests/test-diary.c /diary/pointer-rests-on-list). */
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    CraftDiaryPage           *self)
{
  CraftDiaryItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);

  gint64 id = craft_diary_item_get_id (item);

  craft_diary_row_set_item (CRAFT_DIARY_ROW (gtk_list_item_get_child (list_item)), item,
                            craft_diary_model_starts_day (self->model, position));
  craft_diary_row_set_selection (CRAFT_DIARY_ROW (gtk_list_item_get_child (list_item)),
                                 is_selecting (self),
                                 g_hash_table_contains (self->selected, &id));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      CraftDiaryPage           *self)
{
  craft_diary_row_set_item (CRAFT_DIARY_ROW (gtk_list_item_get_child (list_item)), NULL, FALSE);
}

static void
on_list_view_activate_cb (GtkListView    *list_view,
                          guint           position,
                          CraftDiaryPage *self)
{
  g_autoptr(CraftDiaryItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  /* An entry in the Trash is brought back with its Restore button, not opened. */
  if (item == NULL || craft_diary_item_get_deleted_at (item) > 0)
    return;
  if (is_selecting (self))
    {
      gint64 id = craft_diary_item_get_id (item);

      set_selected (self, id, !g_hash_table_contains (self->selected, &id));
      return;
    }
  craft_diary_page_open_entry (self, craft_diary_item_get_id (item));
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry *entry,
                                   CraftDiaryPage *self)
{
  apply_filter (self);
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry *entry,
                                CraftDiaryPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  /* Clearing is shown at once, not after the search delay. */
  apply_filter (self);
}

static void
on_search_entry_activate_cb (GtkSearchEntry *entry,
                             CraftDiaryPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
on_filter_changed_cb (GObject        *object,
                      GParamSpec     *pspec,
                      CraftDiaryPage *self)
{
  g_autofree char *described = NULL;
  CraftDiaryFilter filter;

  /* A choice row also says it changed when its items are replaced with new counts, even
   * later than the replacing; only a real change runs the filter again. */
  read_filter (self, &filter);
  described = describe_filter (&filter);
  if (g_strcmp0 (described, self->applied) != 0)
    apply_filter (self);
}

static void
on_stress_min_changed_cb (GtkSpinButton  *spin,
                          GParamSpec     *pspec,
                          CraftDiaryPage *self)
{
  int low = gtk_spin_button_get_value_as_int (spin);

  if (gtk_spin_button_get_value_as_int (self->stress_max_spin) < low)
    {
      self->updating++;
      gtk_spin_button_set_value (self->stress_max_spin, low);
      self->updating--;
    }
  apply_filter (self);
}

static void
on_stress_max_changed_cb (GtkSpinButton  *spin,
                          GParamSpec     *pspec,
                          CraftDiaryPage *self)
{
  int high = gtk_spin_button_get_value_as_int (spin);

  if (gtk_spin_button_get_value_as_int (self->stress_min_spin) > high)
    {
      self->updating++;
      gtk_spin_button_set_value (self->stress_min_spin, high);
      self->updating--;
    }
  apply_filter (self);
}

static void
on_filters_popover_show_cb (GtkPopover     *popover,
                            CraftDiaryPage *self)
{
  update_counts (self);
}

static void
mark_calendar (CraftDiaryPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int year = g_date_time_get_year (date);
  int month = g_date_time_get_month (date);

  gtk_calendar_clear_marks (self->calendar);
  if (self->context == NULL)
    return;

  from = g_strdup_printf ("%04d-%02d-01", year, month);
  /* Days compare as text, so "-31" covers every month. */
  to = g_strdup_printf ("%04d-%02d-31", year, month);
  days = craft_store_diary_days (craft_context_get_store (self->context), from, to, &error);
  if (days == NULL)
    {
      g_warning ("The days with diary entries could not be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < days->len; i++)
    {
      const char *day = days->pdata[i];

      if (strlen (day) == 10)
        gtk_calendar_mark_day (self->calendar, (guint) g_ascii_strtoull (day + 8, NULL, 10));
    }
}

static void
on_calendar_popover_show_cb (GtkPopover     *popover,
                             CraftDiaryPage *self)
{
  mark_calendar (self);
}

static void
on_calendar_month_changed_cb (GtkCalendar    *calendar,
                              GParamSpec     *pspec,
                              CraftDiaryPage *self)
{
  /* The calendar keeps marks by day of the month only: each month is marked anew. */
  mark_calendar (self);
}

static void
go_to_calendar_day (CraftDiaryPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = craft_dates_to_day (date);

  gtk_popover_popdown (self->calendar_popover);
  craft_diary_page_go_to_day (self, day);
}

static void
on_calendar_day_selected_cb (GtkCalendar    *calendar,
                             CraftDiaryPage *self)
{
  if (self->updating == 0)
    go_to_calendar_day (self);
}

static void
on_calendar_click_released_cb (GtkGestureClick *gesture,
                               int              n_press,
                               double           x,
                               double           y,
                               CraftDiaryPage  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  /* A click on the day already selected selects nothing new, yet means "go there". */
  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number")
      && gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    go_to_calendar_day (self);
}

static void
on_trash_button_active_cb (GtkToggleButton *button,
                           GParamSpec      *pspec,
                           CraftDiaryPage  *self)
{
  gboolean trash = gtk_toggle_button_get_active (button);

  gtk_revealer_set_reveal_child (self->trash_revealer, trash);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), !trash);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filters_button), !trash);
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_button), !trash);
  /* The Trash is not printed. */
  gtk_toggle_button_set_active (self->select_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->select_button), !trash);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), trash ? _("Back to the Diary") : _("Trash"));
  apply_filter (self);
}

static void
on_leaflet_visible_child_cb (AdwLeaflet     *leaflet,
                             GParamSpec     *pspec,
                             CraftDiaryPage *self)
{
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "list") == 0)
    {
      g_autoptr(GError) error = NULL;
      GHashTableIter iter;
      gpointer id;

      /* Whatever was typed last is written before the list is read again. */
      flush_saver (self);
      /* Entries saved while the editor was shown are read anew, not from the cache. */
      g_hash_table_iter_init (&iter, self->changed_unseen);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        if (self->loaded && error == NULL)
          craft_diary_model_update_entry (self->model, *(gint64 *) id, &error);
      g_hash_table_remove_all (self->changed_unseen);
      if (error != NULL)
        show_error (self, _("The diary could not be read."), error);
      refresh (self, craft_diary_editor_get_id (self->editor));
    }
}

static gboolean
list_shown (CraftDiaryPage *self)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0;
}

static void
on_editor_changed_cb (CraftDiaryEditor *editor,
                      gint64            id,
                      CraftDiaryPage   *self)
{
  g_autoptr(GError) error = NULL;
  CraftDiaryFilter filter;

  /* Only this entry changed: read it alone, not the whole diary, on every save while the
   * person types (bench/: 140 ms at 100,000 entries). */
  if (self->context == NULL || !self->loaded)
    return;
  /* The list is not shown beside the editor: bringing it up to date on every save while
   * the person types was the longest stall of typing (bench/, about 15 ms of processor
   * time to lay out the hidden list again, twice per entry). It is done once, when the
   * list is shown again. */
  if (!list_shown (self))
    {
      g_hash_table_add (self->changed_unseen, g_memdup2 (&id, sizeof id));
      return;
    }
  if (!craft_diary_model_update_entry (self->model, id, &error))
    show_error (self, _("The diary could not be read."), error);
  read_filter (self, &filter);
  update_summary (self, &filter);
}

static void
on_undo_delete_cb (AdwToast       *toast,
                   CraftDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "craft-entry-id");
  int position;

  if (self->context == NULL)
    return;
  if (!craft_store_diary_restore (craft_context_get_store (self->context), id, &error))
    {
      show_error (self, _("The entry could not be brought back."), error);
      return;
    }
  refresh (self, id);
  position = craft_diary_model_find_id (self->model, id);
  if (position >= 0)
    scroll_to_position (self, (guint) position);
}

static void
on_editor_delete_requested_cb (CraftDiaryEditor *editor,
                               gint64            id,
                               CraftDiaryPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  AdwToast *toast;

  if (self->context == NULL || id <= 0)
    {
      show_list (self);
      return;
    }

  /* What was typed last belongs to the entry that goes to the Trash, and comes back with
   * Undo. */
  flush_saver (self);
  now = craft_context_now (self->context);
  if (!craft_store_diary_delete (craft_context_get_store (self->context), id,
                                 g_date_time_to_unix (now), &error))
    {
      show_error (self, _("The entry could not be moved to the Trash."), error);
      return;
    }
  show_list (self);
  refresh (self, 0);

  toast = adw_toast_new (_("Entry moved to the Trash"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "craft-entry-id", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_editor_close_requested_cb (CraftDiaryEditor *editor,
                              CraftDiaryPage   *self)
{
  int position;

  show_list (self);
  position = craft_diary_model_find_id (self->model, craft_diary_editor_get_id (editor));
  if (position >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                (guint) position);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Actions */

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  craft_diary_page_new_entry (CRAFT_DIARY_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CraftDiaryPage *self = CRAFT_DIARY_PAGE (widget);

  gtk_toggle_button_set_active (self->trash_button, FALSE);
  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CraftDiaryPage *self = CRAFT_DIARY_PAGE (widget);

  clear_filters (self);
  gtk_popover_popdown (self->filters_popover);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CraftDiaryPage *self = CRAFT_DIARY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  AdwToast *toast;

  if (self->context == NULL)
    return;
  if (!craft_store_diary_restore (craft_context_get_store (self->context), id, &error))
    {
      show_error (self, _("The entry could not be brought back."), error);
      return;
    }
  refresh (self, 0);
  toast = adw_toast_new (_("Entry restored to the diary"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* GObject */

static void
craft_diary_page_dispose (GObject *object)
{
  CraftDiaryPage *self = CRAFT_DIARY_PAGE (object);

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_DIARY_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->tag_values, g_ptr_array_unref);
  g_clear_pointer (&self->applied, g_free);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->changed_unseen, g_hash_table_unref);

  G_OBJECT_CLASS (craft_diary_page_parent_class)->dispose (object);
}

static void
craft_diary_page_class_init (CraftDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_diary_page_dispose;
  widget_class->map = craft_diary_page_map;

  g_type_ensure (CRAFT_TYPE_DATE_BUTTON);
  g_type_ensure (CRAFT_TYPE_DIARY_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/diary/craft-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, filters_popover);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, coping_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, safe_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, tag_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, stress_min_spin);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, stress_max_spin);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, flagged_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, flagged_switch);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, trash_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, select_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, summary_revealer);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, trash_revealer);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, trash_note);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, first_entry_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stress_min_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stress_max_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_month_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_trash_button_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_select_button_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_delete_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_close_requested_cb);

  gtk_widget_class_install_action (widget_class, "diary.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "diary.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "diary.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "diary.restore", "x", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "diary.new-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "diary.search", NULL);
  gtk_widget_class_install_action (widget_class, "diary.set-selected", "(xb)",
                                   set_selected_action);
  gtk_widget_class_install_action (widget_class, "diary.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "diary.leave-selection", NULL,
                                   leave_selection_action);
  gtk_widget_class_install_action (widget_class, "diary.print-selected", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "diary.print", NULL, print_action);
  /* In the search field Ctrl+A selects its text, as everywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "diary.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "diary.leave-selection", NULL);
}

static void
craft_diary_page_init (CraftDiaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->changed_unseen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.print-selected", FALSE);

  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);

  self->updating++;
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    g_ptr_array_add (labels, (gpointer) _("Any"));
    for (guint i = 1; i < G_N_ELEMENTS (state_values); i++)
      g_ptr_array_add (labels, (gpointer) craft_diary_state_label (state_values[i]));
    set_choices (self, self->state_row, labels, 0);

    g_ptr_array_set_size (labels, 1);
    for (guint i = 1; i < G_N_ELEMENTS (coping_values); i++)
      g_ptr_array_add (labels, (gpointer) craft_diary_coping_label (coping_values[i]));
    set_choices (self, self->coping_row, labels, 0);

    g_ptr_array_set_size (labels, 1);
    for (guint i = 1; i < G_N_ELEMENTS (safe_values); i++)
      g_ptr_array_add (labels, (gpointer) craft_diary_safe_label (safe_values[i]));
    set_choices (self, self->safe_row, labels, 0);

    g_ptr_array_set_size (labels, 1);
    set_choices (self, self->tag_row, labels, 0);
    self->tag_values = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (self->tag_values, g_strdup (""));
  }
  self->updating--;
}

/* Empties the Trash of what is old enough and reads the diary. Only once the page is shown:
 * the app opens on another page, and a diary of years would otherwise be read and its list
 * laid out before the window's first frame (bench/). */
static void
load (CraftDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (self->loaded || self->context == NULL)
    return;
  self->loaded = TRUE;

  now = craft_context_now (self->context);
  if (craft_store_diary_purge_trash (craft_context_get_store (self->context),
                                     g_date_time_to_unix (now) - TRASH_DAYS * 24 * 3600,
                                     &error) < 0)
    g_warning ("The diary's Trash could not be emptied: %s", error->message);
  apply_filter (self);
}

static void
craft_diary_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (craft_diary_page_parent_class)->map (widget);
  load (CRAFT_DIARY_PAGE (widget));
}

void
craft_diary_page_set_context (CraftDiaryPage *self,
                              CraftContext   *context)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  CraftStore *store;

  g_return_if_fail (CRAFT_IS_DIARY_PAGE (self));
  g_return_if_fail (CRAFT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  store = craft_context_get_store (context);
  now = craft_context_now (context);
  self->loaded = FALSE;
  g_clear_object (&self->model);
  self->model = craft_diary_model_new (store);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  self->updating++;
  gtk_calendar_select_day (self->calendar, now);
  self->updating--;
  craft_diary_editor_set_context (self->editor, context);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

void
craft_diary_page_new_entry (CraftDiaryPage *self)
{
  g_return_if_fail (CRAFT_IS_DIARY_PAGE (self));

  /* Called before the page was shown (from a reminder, say): read the diary now. */
  load (self);
  if (self->context == NULL)
    return;
  flush_saver (self);
  gtk_toggle_button_set_active (self->trash_button, FALSE);
  craft_diary_editor_new_entry (self->editor);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

void
craft_diary_page_open_entry (CraftDiaryPage *self,
                             gint64          id)
{
  g_return_if_fail (CRAFT_IS_DIARY_PAGE (self));
  load (self);

  if (self->context == NULL)
    return;
  flush_saver (self);
  craft_diary_editor_load (self->editor, id);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

void
craft_diary_page_go_to_day (CraftDiaryPage *self,
                            const char     *day)
{
  int position;

  g_return_if_fail (CRAFT_IS_DIARY_PAGE (self));
  g_return_if_fail (day != NULL);
  load (self);

  show_list (self);
  position = craft_diary_model_find_day (self->model, day);
  if (position >= 0)
    scroll_to_position (self, (guint) position);
}

void
craft_diary_page_reload (CraftDiaryPage *self)
{
  g_return_if_fail (CRAFT_IS_DIARY_PAGE (self));
  refresh (self, 0);
}

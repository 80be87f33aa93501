/* src/diary/craft-diary-editor.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the diary of difficult situations. Only "what happened" matters at first, so
 * a person can jot a few words in a hard moment and come back for the rest. There is no
 * Save button: each change goes to the saver as it is made, and a new entry is created in
 * the store with the first change, so opening the form and leaving creates nothing.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "app/craft-date-button.h"
#include "app/craft-dates.h"
#include "app/craft-window.h"
#include "craft-diary-editor.h"

typedef struct
{
  const char *id;
  const char *context; /* for the translation, or NULL */
  const char *label;
} Option;

static const Option state_options[] = {
  { "sober", NULL, N_("Sober") },
  { "using", NULL, N_("Drinking or using") },
  { "influenced", NULL, N_("Under the influence") },
  { "hungover", NULL, N_("Hungover") },
  /* Translators: the loved one's state was not known. */
  { "unknown", "loved one", NC_("loved one", "Not sure") },
};

static const Option feeling_options[] = {
  { "worried", NULL, N_("Worried") },
  { "angry", NULL, N_("Angry") },
  { "sad", NULL, N_("Sad") },
  { "afraid", NULL, N_("Afraid") },
  { "ashamed", NULL, N_("Ashamed") },
  { "lonely", NULL, N_("Lonely") },
  { "relieved", NULL, N_("Relieved") },
  { "hopeful", NULL, N_("Hopeful") },
};

/* The finer kinds of each way of coping, in the words of the coping-skills training. */
typedef struct
{
  const char *coping;
  const char *id;
  const char *label;
} CopingKind;

static const CopingKind coping_kinds[] = {
  { "engaged", "control", N_("Trying to control or change the drinking or using") },
  { "engaged", "arguing", N_("Arguing") },
  { "engaged", "checking", N_("Checking up on them") },
  { "engaged", "pleading", N_("Pleading") },
  { "engaged", "assertive", N_("Being clear about what you need, and supportive") },
  { "tolerant", "putting-up", N_("Putting up with it") },
  { "tolerant", "protecting", N_("Protecting them from the consequences") },
  { "tolerant", "self-sacrifice", N_("Putting yourself last") },
  { "withdrawn", "distance", N_("Keeping a distance") },
  { "withdrawn", "own-way", N_("Going your own way") },
};

/* What to try next time, and the session that teaches it (0 for none). */
typedef struct
{
  const char *id;
  const char *label;
  int         session;
} TryNext;

static const TryNext try_next_options[] = {
  { "positive-request", N_("Asking for something in a positive way"), 5 },
  { "reward", N_("Rewarding a sober moment"), 6 },
  { "stepping-back", N_("Stepping back when they drink or use"), 7 },
  { "consequence", N_("Letting a natural consequence happen"), 8 },
  { "leaving-safely", N_("Leaving safely"), 4 },
  { "other", N_("Something else"), 0 },
};

typedef struct _CraftDiaryEditor CraftDiaryEditor;

const char *
craft_diary_option_label (const char *field,
                          const char *id)
{
  g_return_val_if_fail (field != NULL && id != NULL, NULL);

  if (g_str_equal (field, "feelings"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (feeling_options); i++)
        if (g_str_equal (feeling_options[i].id, id))
          return _(feeling_options[i].label);
    }
  else if (g_str_equal (field, "coping-kind"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (coping_kinds); i++)
        if (g_str_equal (coping_kinds[i].id, id))
          return _(coping_kinds[i].label);
    }
  else if (g_str_equal (field, "try-next"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (try_next_options); i++)
        if (g_str_equal (try_next_options[i].id, id))
          return _(try_next_options[i].label);
    }
  return NULL;
}

/* A set of buttons that together give one field's value: one of them (a radio group or a
 * scale) or several joined by "," (check boxes). Each button keeps its value as
 * "craft-value". */
typedef struct
{
  CraftDiaryEditor *self;
  const char       *field;
  gboolean          multiple;
  GPtrArray        *buttons;
} Group;

struct _CraftDiaryEditor
{
  GtkWidget          parent_instance;

  CraftContext      *context;
  gint64             id;
  gint64             changed_id; /* saved fields wait in the saver for this entry */
  gboolean           filling;
  gboolean           create_failed;
  char              *day;        /* the last valid day, for when the date is cleared */
  GHashTable        *unsaved;    /* field -> value typed while the entry could not be made */

  Group              state;
  Group              feelings;
  Group              strength;
  Group              stress;
  Group              coping;
  Group              coping_kind;
  Group              safe;
  Group              try_next;

  GtkButton         *back_button;
  GtkLabel          *title_label;
  GtkButton         *delete_button;
  GtkScrolledWindow *scrolled_window;
  GtkTextView       *what_happened_view;
  CraftDateButton   *date_button;
  GtkSpinButton     *hour_spin;
  GtkSpinButton     *minute_spin;
  GtkEditable       *place_row;
  GtkEditable       *people_row;
  GtkTextView       *trigger_view;
  GtkFlowBox        *state_box;
  GtkTextView       *thoughts_view;
  GtkFlowBox        *feelings_box;
  GtkEditable       *feelings_other_row;
  GtkBox            *strength_box;
  GtkBox            *stress_box;
  GtkTextView       *what_i_did_view;
  GtkCheckButton    *engaged_check;
  GtkCheckButton    *tolerant_check;
  GtkCheckButton    *withdrawn_check;
  GtkWidget         *engaged_kinds_row;
  GtkWidget         *tolerant_kinds_row;
  GtkWidget         *withdrawn_kinds_row;
  GtkBox            *engaged_kinds;
  GtkBox            *tolerant_kinds;
  GtkBox            *withdrawn_kinds;
  GtkTextView       *outcome_me_view;
  GtkTextView       *outcome_them_view;
  GtkCheckButton    *safe_yes_check;
  GtkCheckButton    *safe_no_check;
  GtkCheckButton    *safe_unsure_check;
  GtkWidget         *safety_card;
  GtkButton         *safety_plan_button;
  GtkEditable       *support_row;
  GtkListBox        *try_next_list;
  GtkEditable       *try_next_other_row;
  GtkEditable       *tags_row;
  GtkSwitch         *flagged_switch;
};

G_DEFINE_FINAL_TYPE (CraftDiaryEditor, craft_diary_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  DELETE_REQUESTED,
  CLOSE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
option_label (const Option *option)
{
  return option->context != NULL ? g_dpgettext2 (NULL, option->context, option->label)
                                  : gettext (option->label);
}

static const char *
lookup (GHashTable *fields,
        const char *name)
{
  const char *value = fields != NULL ? g_hash_table_lookup (fields, name) : NULL;

  return value != NULL ? value : "";
}

/* Tags as the store keeps them: trimmed, lower case, each once, joined by ",". */
static char *
normalize_tags (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, ",", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = g_utf8_strdown (g_strstrip (words[i]), -1);

      if (*word == '\0' || g_ptr_array_find_with_equal_func (kept, word, g_str_equal, NULL))
        g_free (word);
      else
        g_ptr_array_add (kept, word);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (",", (char **) kept->pdata);
}

/* What the "When" widgets say, in Unix seconds. */
static gint64
get_happened_at (CraftDiaryEditor *self)
{
  g_autoptr(GDateTime) day = craft_dates_parse_day (self->day);
  g_autoptr(GDateTime) when = NULL;

  if (day == NULL)
    {
      g_autoptr(GDateTime) now = craft_context_now (self->context);

      return g_date_time_to_unix (now);
    }
  when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  return g_date_time_to_unix (when);
}

/* Makes the new entry in the store, with what was typed while it could not be made. */
static gboolean
ensure_entry (CraftDiaryEditor *self)
{
  g_autoptr(GError) error = NULL;
  CraftSaver *saver;
  GHashTableIter iter;
  gpointer field, value;
  gint64 id;

  if (self->id != 0)
    return TRUE;
  if (self->context == NULL)
    return FALSE;

  id = craft_store_diary_create (craft_context_get_store (self->context),
                                 get_happened_at (self), &error);
  if (id == 0)
    {
      /* Once per entry: the next keystrokes try again without repeating the message. */
      if (!self->create_failed)
        craft_window_show_error (GTK_WIDGET (self),
                                 _("Your diary entry could not be saved yet. What you wrote "
                                   "stays here and is saved with your next change."),
                                 error);
      self->create_failed = TRUE;
      return FALSE;
    }

  self->id = id;
  self->create_failed = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), TRUE);

  saver = craft_context_get_saver (self->context);
  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, &field, &value))
    craft_saver_queue_diary_field (saver, id, field, value);
  if (g_hash_table_size (self->unsaved) > 0)
    self->changed_id = id;
  g_hash_table_remove_all (self->unsaved);

  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

static void
save_field (CraftDiaryEditor *self,
            const char       *field,
            const char       *value)
{
  if (self->filling || self->context == NULL)
    return;

  if (!ensure_entry (self))
    {
      g_hash_table_replace (self->unsaved, g_strdup (field), g_strdup (value));
      return;
    }
  craft_saver_queue_diary_field (craft_context_get_saver (self->context), self->id, field,
                                 value);
  /* "changed" follows when the saver has written it, so a list that refreshes reads it. */
  self->changed_id = self->id;
}

static void
on_saver_pending_cb (CraftSaver       *saver,
                     GParamSpec       *pspec,
                     CraftDiaryEditor *self)
{
  gint64 id = self->changed_id;

  if (craft_saver_get_pending (saver) || id == 0)
    return;
  self->changed_id = 0;
  g_signal_emit (self, signals[CHANGED], 0, id);
}

static gboolean
button_get_active (GtkWidget *button)
{
  if (GTK_IS_TOGGLE_BUTTON (button))
    return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (button));
}

static void
button_set_active (GtkWidget *button,
                   gboolean   active)
{
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
}

static char *
group_get_value (Group *group)
{
  GString *value = g_string_new (NULL);

  /* Ticked values in the order they are offered. */
  for (guint i = 0; i < group->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (group->buttons, i);

      if (!button_get_active (button))
        continue;
      if (value->len > 0)
        g_string_append_c (value, ',');
      g_string_append (value, g_object_get_data (G_OBJECT (button), "craft-value"));
    }
  return g_string_free (value, FALSE);
}

static void
group_set_value (Group      *group,
                 const char *value)
{
  g_auto(GStrv) ticked = g_strsplit (value, ",", -1);

  /* Untick first, so a radio group never has two on at once. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < group->buttons->len; i++)
      {
        GtkWidget *button = g_ptr_array_index (group->buttons, i);
        const char *id = g_object_get_data (G_OBJECT (button), "craft-value");
        gboolean on = g_strv_contains ((const char * const *) ticked, id);

        if (on == (pass == 1))
          button_set_active (button, on);
      }
}

static void
update_visibility (CraftDiaryEditor *self)
{
  g_autofree char *safe = group_get_value (&self->safe);
  g_autofree char *try_next = group_get_value (&self->try_next);
  g_auto(GStrv) tried = g_strsplit (try_next, ",", -1);

  gtk_widget_set_visible (self->engaged_kinds_row,
                          gtk_check_button_get_active (self->engaged_check));
  gtk_widget_set_visible (self->tolerant_kinds_row,
                          gtk_check_button_get_active (self->tolerant_check));
  gtk_widget_set_visible (self->withdrawn_kinds_row,
                          gtk_check_button_get_active (self->withdrawn_check));
  gtk_widget_set_visible (self->safety_card,
                          g_str_equal (safe, "no") || g_str_equal (safe, "unsure"));
  gtk_widget_set_visible (GTK_WIDGET (self->try_next_other_row),
                          g_strv_contains ((const char * const *) tried, "other")
                          || *gtk_editable_get_text (self->try_next_other_row) != '\0');
}

static void
on_group_toggled_cb (GtkWidget *button,
                     Group     *group)
{
  CraftDiaryEditor *self = group->self;
  g_autofree char *value = NULL;

  if (self->filling)
    return;
  /* A radio group toggles twice per choice; the button that comes on speaks for it. */
  if (!group->multiple && !button_get_active (button))
    return;

  value = group_get_value (group);
  if (group == &self->coping)
    {
      g_autofree char *kind = group_get_value (&self->coping_kind);

      /* A finer kind belongs to one way of coping; choosing another way clears it. */
      self->filling = TRUE;
      group_set_value (&self->coping_kind, "");
      self->filling = FALSE;
      save_field (self, group->field, value);
      if (*kind != '\0')
        save_field (self, self->coping_kind.field, "");
    }
  else
    save_field (self, group->field, value);
  update_visibility (self);
}

static void
group_add (Group      *group,
           GtkWidget  *button,
           const char *value)
{
  g_object_set_data_full (G_OBJECT (button), "craft-value", g_strdup (value), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (on_group_toggled_cb), group);
  g_ptr_array_add (group->buttons, button);
}

static void
group_init (CraftDiaryEditor *self,
            Group            *group,
            const char       *field,
            gboolean          multiple)
{
  group->self = self;
  group->field = field;
  group->multiple = multiple;
  group->buttons = g_ptr_array_new ();
}

static char *
buffer_get_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_buffer_changed_cb (GtkTextBuffer    *buffer,
                      CraftDiaryEditor *self)
{
  g_autofree char *text = NULL;

  if (self->filling)
    return;
  text = buffer_get_text (buffer);
  save_field (self, g_object_get_data (G_OBJECT (buffer), "craft-field"), text);
}

static void
on_editable_changed_cb (GtkEditable      *editable,
                        CraftDiaryEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "craft-field");
  const char *text = gtk_editable_get_text (editable);

  if (self->filling)
    return;
  if (g_str_equal (field, "tags"))
    {
      g_autofree char *tags = normalize_tags (text);

      save_field (self, field, tags);
    }
  else
    save_field (self, field, text);
}

static void
on_when_changed_cb (CraftDiaryEditor *self)
{
  const char *day = craft_date_button_get_day (self->date_button);
  g_autofree char *value = NULL;

  if (self->filling)
    return;

  /* An entry always has a day: clearing it puts the last one back. */
  if (*day == '\0')
    {
      self->filling = TRUE;
      craft_date_button_set_day (self->date_button, self->day);
      self->filling = FALSE;
      return;
    }
  g_free (self->day);
  self->day = g_strdup (day);

  /* Choosing a time alone does not make an entry; it is used when one is made. */
  if (self->id == 0)
    return;
  value = g_strdup_printf ("%" G_GINT64_FORMAT, get_happened_at (self));
  save_field (self, "happened-at", value);
}

static void
on_date_button_day_cb (CraftDiaryEditor *self)
{
  on_when_changed_cb (self);
}

static void
on_time_spin_value_changed_cb (CraftDiaryEditor *self)
{
  on_when_changed_cb (self);
}

static gboolean
on_time_spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  /* "19:05", not "19:5". */
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (spin)), text))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_flagged_switch_active_cb (CraftDiaryEditor *self)
{
  save_field (self, "flagged", gtk_switch_get_active (self->flagged_switch) ? "1" : "0");
}

static void
on_try_next_other_changed_cb (CraftDiaryEditor *self)
{
  update_visibility (self);
}

static void
on_back_button_clicked_cb (CraftDiaryEditor *self)
{
  g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

static void
on_delete_button_clicked_cb (CraftDiaryEditor *self)
{
  if (self->id != 0)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->id);
}

static void
on_session_clicked_cb (GtkButton *button)
{
  int session = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "craft-session"));

  gtk_widget_activate_action (GTK_WIDGET (button), "win.open-session", "i", session);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Shows @fields (NULL for a new entry) without saving anything. */
static void
fill (CraftDiaryEditor *self,
      GHashTable       *fields)
{
  g_autoptr(GDateTime) when = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *tags_text = NULL;
  gint64 happened_at = 0;

  self->filling = TRUE;

  if (fields != NULL && g_ascii_string_to_signed (lookup (fields, "happened-at"), 10, 0,
                                                  G_MAXINT64 / 2, &happened_at, NULL))
    when = g_date_time_new_from_unix_local (happened_at);
  if (when == NULL)
    when = craft_context_now (self->context);
  g_free (self->day);
  self->day = craft_dates_to_day (when);
  craft_date_button_set_day (self->date_button, self->day);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (when));

  set_buffer_text (self->what_happened_view, lookup (fields, "what-happened"));
  set_buffer_text (self->trigger_view, lookup (fields, "trigger"));
  set_buffer_text (self->thoughts_view, lookup (fields, "thoughts"));
  set_buffer_text (self->what_i_did_view, lookup (fields, "what-i-did"));
  set_buffer_text (self->outcome_me_view, lookup (fields, "outcome-me"));
  set_buffer_text (self->outcome_them_view, lookup (fields, "outcome-them"));

  gtk_editable_set_text (self->place_row, lookup (fields, "place"));
  gtk_editable_set_text (self->people_row, lookup (fields, "people"));
  gtk_editable_set_text (self->feelings_other_row, lookup (fields, "feelings-other"));
  gtk_editable_set_text (self->support_row, lookup (fields, "support"));
  gtk_editable_set_text (self->try_next_other_row, lookup (fields, "try-next-other"));
  /* Shown the way people write them; saved without the spaces. */
  tags = g_strsplit (lookup (fields, "tags"), ",", -1);
  tags_text = g_strjoinv (", ", tags);
  gtk_editable_set_text (self->tags_row, tags_text);

  group_set_value (&self->state, lookup (fields, "loved-one-state"));
  group_set_value (&self->feelings, lookup (fields, "feelings"));
  group_set_value (&self->strength, lookup (fields, "feeling-strength"));
  group_set_value (&self->stress, lookup (fields, "stress"));
  group_set_value (&self->coping, lookup (fields, "coping"));
  group_set_value (&self->coping_kind, lookup (fields, "coping-kind"));
  group_set_value (&self->safe, lookup (fields, "safe"));
  group_set_value (&self->try_next, lookup (fields, "try-next"));

  gtk_switch_set_active (self->flagged_switch, g_str_equal (lookup (fields, "flagged"), "1"));

  self->filling = FALSE;
  update_visibility (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
build_scale (Group  *group,
             GtkBox *box)
{
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      gtk_widget_add_css_class (button, "scale-step");
      if (group->buttons->len > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     g_ptr_array_index (group->buttons, 0));
      group_add (group, button, number);
      gtk_box_append (box, button);
    }
}

static void
build_flow_options (Group        *group,
                    GtkFlowBox   *box,
                    const Option *options,
                    guint         n_options)
{
  for (guint i = 0; i < n_options; i++)
    {
      GtkWidget *button = gtk_check_button_new_with_label (option_label (&options[i]));

      if (!group->multiple && group->buttons->len > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button),
                                    g_ptr_array_index (group->buttons, 0));
      group_add (group, button, options[i].id);
      gtk_flow_box_append (box, button);
      /* The box only lays the choices out; focus goes to the choices themselves. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
}

static void
build_coping_kinds (CraftDiaryEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (coping_kinds); i++)
    {
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (_(coping_kinds[i].label));
      GtkBox *box = g_str_equal (coping_kinds[i].coping, "engaged") ? self->engaged_kinds
                    : g_str_equal (coping_kinds[i].coping, "tolerant") ? self->tolerant_kinds
                    : self->withdrawn_kinds;

      /* A label of our own, so a long kind wraps in a narrow window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      if (self->coping_kind.buttons->len > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button),
                                    g_ptr_array_index (self->coping_kind.buttons, 0));
      group_add (&self->coping_kind, button, coping_kinds[i].id);
      gtk_box_append (box, button);
    }
}

static void
build_try_next (CraftDiaryEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (try_next_options); i++)
    {
      const TryNext *option = &try_next_options[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(option->label));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(option->label), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      group_add (&self->try_next, check, option->id);

      if (option->session > 0)
        {
          /* Translators: the number of a CRAFT session, shown above its title. */
          g_autofree char *label = g_strdup_printf (_("Session %d"), option->session);
          /* Translators: a button that opens CRAFT session number %d. */
          g_autofree char *tooltip = g_strdup_printf (_("Open Session %d"), option->session);
          GtkWidget *link = gtk_button_new_with_label (label);

          gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (link, "link");
          gtk_widget_add_css_class (link, "caption");
          gtk_widget_set_tooltip_text (link, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          tooltip, -1);
          g_object_set_data (G_OBJECT (link), "craft-session",
                             GINT_TO_POINTER (option->session));
          g_signal_connect (link, "clicked", G_CALLBACK (on_session_clicked_cb), NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
        }
      gtk_list_box_insert (self->try_next_list, row, (int) i);
    }
}

static void
bind_text (CraftDiaryEditor *self,
           GtkTextView      *view,
           const char       *field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  g_object_set_data (G_OBJECT (buffer), "craft-field", (gpointer) field);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);
}

static void
bind_editable (CraftDiaryEditor *self,
               GtkEditable      *editable,
               const char       *field)
{
  g_object_set_data (G_OBJECT (editable), "craft-field", (gpointer) field);
  g_signal_connect (editable, "changed", G_CALLBACK (on_editable_changed_cb), self);
}

static void
craft_diary_editor_dispose (GObject *object)
{
  CraftDiaryEditor *self = CRAFT_DIARY_EDITOR (object);
  GtkWidget *child;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (craft_context_get_saver (self->context), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_DIARY_EDITOR);
  /* The template's outer box is not bound to a field, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (craft_diary_editor_parent_class)->dispose (object);
}

static void
craft_diary_editor_finalize (GObject *object)
{
  CraftDiaryEditor *self = CRAFT_DIARY_EDITOR (object);
  Group *groups[] = { &self->state, &self->feelings, &self->strength, &self->stress,
                      &self->coping, &self->coping_kind, &self->safe, &self->try_next };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    g_ptr_array_unref (groups[i]->buttons);
  g_hash_table_unref (self->unsaved);
  g_free (self->day);

  G_OBJECT_CLASS (craft_diary_editor_parent_class)->finalize (object);
}

static void
craft_diary_editor_class_init (CraftDiaryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_diary_editor_dispose;
  object_class->finalize = craft_diary_editor_finalize;

  /* An entry was created or a field of it saved, so lists can refresh. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The person pressed Delete; the page moves the entry to the Trash and offers Undo. */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Back or Escape. */
  signals[CLOSE_REQUESTED] = g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0, NULL, NULL,
                                           NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "close-requested", NULL);

  g_type_ensure (CRAFT_TYPE_DATE_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "diary-editor");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/diary/craft-diary-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, what_happened_view);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, people_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, trigger_view);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, state_box);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, thoughts_view);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, feelings_box);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, feelings_other_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, strength_box);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, stress_box);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, what_i_did_view);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, engaged_check);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, tolerant_check);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, withdrawn_check);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, engaged_kinds_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, tolerant_kinds_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, withdrawn_kinds_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, engaged_kinds);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, tolerant_kinds);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, withdrawn_kinds);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, outcome_me_view);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, outcome_them_view);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, safe_yes_check);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, safe_no_check);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, safe_unsure_check);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, safety_card);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, safety_plan_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, support_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, try_next_list);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, try_next_other_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryEditor, flagged_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_button_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flagged_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_try_next_other_changed_cb);
}

static void
craft_diary_editor_init (CraftDiaryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->unsaved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  group_init (self, &self->state, "loved-one-state", FALSE);
  group_init (self, &self->feelings, "feelings", TRUE);
  group_init (self, &self->strength, "feeling-strength", FALSE);
  group_init (self, &self->stress, "stress", FALSE);
  group_init (self, &self->coping, "coping", FALSE);
  group_init (self, &self->coping_kind, "coping-kind", FALSE);
  group_init (self, &self->safe, "safe", FALSE);
  group_init (self, &self->try_next, "try-next", TRUE);

  build_flow_options (&self->state, self->state_box, state_options,
                      G_N_ELEMENTS (state_options));
  build_flow_options (&self->feelings, self->feelings_box, feeling_options,
                      G_N_ELEMENTS (feeling_options));
  build_scale (&self->strength, self->strength_box);
  build_scale (&self->stress, self->stress_box);
  group_add (&self->coping, GTK_WIDGET (self->engaged_check), "engaged");
  group_add (&self->coping, GTK_WIDGET (self->tolerant_check), "tolerant");
  group_add (&self->coping, GTK_WIDGET (self->withdrawn_check), "withdrawn");
  build_coping_kinds (self);
  group_add (&self->safe, GTK_WIDGET (self->safe_yes_check), "yes");
  group_add (&self->safe, GTK_WIDGET (self->safe_no_check), "no");
  group_add (&self->safe, GTK_WIDGET (self->safe_unsure_check), "unsure");
  build_try_next (self);

  bind_text (self, self->what_happened_view, "what-happened");
  bind_text (self, self->trigger_view, "trigger");
  bind_text (self, self->thoughts_view, "thoughts");
  bind_text (self, self->what_i_did_view, "what-i-did");
  bind_text (self, self->outcome_me_view, "outcome-me");
  bind_text (self, self->outcome_them_view, "outcome-them");
  bind_editable (self, self->place_row, "place");
  bind_editable (self, self->people_row, "people");
  bind_editable (self, self->feelings_other_row, "feelings-other");
  bind_editable (self, self->support_row, "support");
  bind_editable (self, self->try_next_other_row, "try-next-other");
  bind_editable (self, self->tags_row, "tags");
}

GtkWidget *
craft_diary_editor_new (void)
{
  return g_object_new (CRAFT_TYPE_DIARY_EDITOR, NULL);
}

void
craft_diary_editor_set_context (CraftDiaryEditor *self,
                                CraftContext     *context)
{
  g_return_if_fail (CRAFT_IS_DIARY_EDITOR (self));
  g_return_if_fail (context == NULL || CRAFT_IS_CONTEXT (context));

  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (craft_context_get_saver (self->context), self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect (craft_context_get_saver (context), "notify::pending",
                      G_CALLBACK (on_saver_pending_cb), self);
}

void
craft_diary_editor_new_entry (CraftDiaryEditor *self)
{
  g_return_if_fail (CRAFT_IS_DIARY_EDITOR (self));
  g_return_if_fail (self->context != NULL);

  self->id = 0;
  self->create_failed = FALSE;
  g_hash_table_remove_all (self->unsaved);
  gtk_label_set_text (self->title_label, _("New Entry"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), FALSE);
  fill (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->what_happened_view));
}

void
craft_diary_editor_load (CraftDiaryEditor *self,
                         gint64            id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = NULL;

  g_return_if_fail (CRAFT_IS_DIARY_EDITOR (self));
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (id > 0);

  fields = craft_store_diary_get (craft_context_get_store (self->context), id, &error);
  if (fields == NULL)
    {
      craft_window_show_error (GTK_WIDGET (self), _("This diary entry could not be opened."),
                               error);
      return;
    }

  self->id = id;
  self->create_failed = FALSE;
  g_hash_table_remove_all (self->unsaved);
  gtk_label_set_text (self->title_label, _("Entry"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), TRUE);
  fill (self, fields);
}

gint64
craft_diary_editor_get_id (CraftDiaryEditor *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_EDITOR (self), 0);
  return self->id;
}

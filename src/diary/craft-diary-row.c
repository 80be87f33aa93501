/* src/diary/craft-diary-row.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "app/craft-dates.h"
#include "craft-diary-row.h"

struct _CraftDiaryRow
{
  GtkWidget       parent_instance;

  CraftDiaryItem *item;
  char           *description;

  GtkLabel       *day_label;
  GtkLabel       *time_label;
  GtkLabel       *text_label;
  GtkLabel       *stress_label;
  GtkLabel       *coping_label;
  GtkWidget      *flag_image;
  GtkWidget      *restore_button;
  GtkCheckButton *select_check;
  gboolean        setting;   /* while the row itself sets the check box */
};

G_DEFINE_FINAL_TYPE (CraftDiaryRow, craft_diary_row, GTK_TYPE_WIDGET)

const char *
craft_diary_coping_label (const char *coping)
{
  if (g_strcmp0 (coping, "engaged") == 0)
    return _("Engaged");
  if (g_strcmp0 (coping, "tolerant") == 0)
    return _("Tolerant");
  if (g_strcmp0 (coping, "withdrawn") == 0)
    return _("Withdrawn");
  return NULL;
}

const char *
craft_diary_state_label (const char *state)
{
  if (g_strcmp0 (state, "sober") == 0)
    return _("Sober");
  if (g_strcmp0 (state, "using") == 0)
    return _("Drinking or using");
  if (g_strcmp0 (state, "influenced") == 0)
    return _("Under the influence");
  if (g_strcmp0 (state, "hungover") == 0)
    return _("Hungover");
  if (g_strcmp0 (state, "unknown") == 0)
    return C_("loved one", "Not sure");
  return NULL;
}

const char *
craft_diary_safe_label (const char *safe)
{
  /* The answers to "Were you safe?", as the entry form gives them. */
  if (g_strcmp0 (safe, "yes") == 0)
    return _("Yes");
  if (g_strcmp0 (safe, "no") == 0)
    return _("No");
  if (g_strcmp0 (safe, "unsure") == 0)
    return C_("safe", "Not sure");
  return NULL;
}

char *
craft_diary_snippet_to_markup (const char *snippet)
{
  g_autofree char *escaped = NULL;
  g_autoptr(GString) markup = NULL;
  gboolean open = FALSE;

  if (snippet == NULL)
    return g_strdup ("");

  /* The markers are control characters, which escaping leaves alone (or turns into
   * character references on some GLib versions); either way they are found below. */
  escaped = g_markup_escape_text (snippet, -1);
  markup = g_string_new (NULL);
  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == CRAFT_DIARY_MATCH_START[0] && !open)
        {
          g_string_append (markup, "<b>");
          open = TRUE;
        }
      else if (*p == CRAFT_DIARY_MATCH_END[0] && open)
        {
          g_string_append (markup, "</b>");
          open = FALSE;
        }
      else if (g_str_has_prefix (p, "&#x2;") || g_str_has_prefix (p, "&#x3;"))
        {
          gboolean start = p[3] == '2';

          if (start != open)
            {
              g_string_append (markup, start ? "<b>" : "</b>");
              open = start;
            }
          p += 4;
        }
      else if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (markup, ' ');
      else if ((guchar) *p >= 0x20)
        g_string_append_c (markup, *p);
    }
  if (open)
    g_string_append (markup, "</b>");
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
update_description (CraftDiaryRow *self,
                    const char    *day,
                    const char    *time,
                    const char    *text)
{
  g_autoptr(GString) sentence = g_string_new (NULL);
  const char *coping = craft_diary_coping_label (craft_diary_item_get_coping (self->item));
  int stress = craft_diary_item_get_stress (self->item);

  /* Translators: a day and a time, e.g. "Monday 23 November 2026 at 19:30". */
  g_string_append_printf (sentence, _("%s at %s"), day, time);
  g_string_append (sentence, ": ");
  g_string_append (sentence, text);
  if (!g_str_has_suffix (text, ".") && !g_str_has_suffix (text, "!")
      && !g_str_has_suffix (text, "?") && !g_str_has_suffix (text, "…"))
    g_string_append_c (sentence, '.');
  if (stress >= 0)
    {
      g_string_append_c (sentence, ' ');
      /* Translators: read aloud for a diary entry, e.g. "Stress 7 of 10." */
      g_string_append_printf (sentence, _("Stress %d of 10."), stress);
    }
  if (coping != NULL)
    {
      g_string_append_c (sentence, ' ');
      /* Translators: read aloud for a diary entry; %s is a way of coping, e.g. "Engaged". */
      g_string_append_printf (sentence, _("Way of coping: %s."), coping);
    }
  if (craft_diary_item_get_flagged (self->item))
    {
      g_string_append_c (sentence, ' ');
      g_string_append (sentence, _("Flagged for your group leader."));
    }
  if (craft_diary_item_get_deleted_at (self->item) > 0)
    {
      g_string_append_c (sentence, ' ');
      g_string_append (sentence, _("In the Trash."));
    }

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&sentence), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->description,
                                  -1);
}

void
craft_diary_row_set_item (CraftDiaryRow  *self,
                          CraftDiaryItem *item,
                          gboolean        show_day)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *stress_text = NULL;
  const char *snippet;
  const char *preview;
  const char *coping;
  int stress;

  g_return_if_fail (CRAFT_IS_DIARY_ROW (self));
  g_return_if_fail (item == NULL || CRAFT_IS_DIARY_ITEM (item));

  if (!g_set_object (&self->item, item) && item == NULL)
    return;
  if (item == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->day_label), FALSE);
      return;
    }

  when = g_date_time_new_from_unix_local (craft_diary_item_get_happened_at (item));
  day = craft_dates_format_day (craft_diary_item_get_day (item));
  time = when != NULL ? g_date_time_format (when, "%H:%M") : g_strdup ("");

  gtk_label_set_text (self->day_label, day);
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), show_day);
  gtk_label_set_text (self->time_label, time);

  snippet = craft_diary_item_get_snippet (item);
  preview = craft_diary_item_get_preview (item);
  if (snippet != NULL)
    {
      g_autofree char *markup = craft_diary_snippet_to_markup (snippet);

      gtk_label_set_markup (self->text_label, markup);
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }
  else if (*preview != '\0')
    {
      gtk_label_set_text (self->text_label, preview);
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->text_label, _("Nothing written yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }

  stress = craft_diary_item_get_stress (item);
  if (stress >= 0)
    /* Translators: a small badge on a diary entry: the stress felt, from 0 to 10. */
    stress_text = g_strdup_printf (_("Stress %d/10"), stress);
  gtk_label_set_text (self->stress_label, stress_text != NULL ? stress_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->stress_label), stress >= 0);

  coping = craft_diary_coping_label (craft_diary_item_get_coping (item));
  gtk_label_set_text (self->coping_label, coping != NULL ? coping : "");
  gtk_widget_set_visible (GTK_WIDGET (self->coping_label), coping != NULL);

  gtk_widget_set_visible (self->flag_image, craft_diary_item_get_flagged (item));

  gtk_widget_set_visible (self->restore_button, craft_diary_item_get_deleted_at (item) > 0);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->restore_button), "x",
                                    craft_diary_item_get_id (item));

  update_description (self, day, time,
                      *preview != '\0' ? preview : _("Nothing written yet"));
}

CraftDiaryItem *
craft_diary_row_get_item (CraftDiaryRow *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ROW (self), NULL);
  return self->item;
}

const char *
craft_diary_row_get_description (CraftDiaryRow *self)
{
  g_return_val_if_fail (CRAFT_IS_DIARY_ROW (self), NULL);
  return self->description;
}

static void
on_select_check_toggled_cb (GtkCheckButton *check,
                            CraftDiaryRow  *self)
{
  if (self->setting || self->item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "diary.set-selected", "(xb)",
                              craft_diary_item_get_id (self->item),
                              gtk_check_button_get_active (check));
}

static void
craft_diary_row_dispose (GObject *object)
{
  CraftDiaryRow *self = CRAFT_DIARY_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_DIARY_ROW);
  /* The box holding it all is not a bound child, so it is let go here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (craft_diary_row_parent_class)->dispose (object);
}

static void
craft_diary_row_finalize (GObject *object)
{
  CraftDiaryRow *self = CRAFT_DIARY_ROW (object);

  g_free (self->description);

  G_OBJECT_CLASS (craft_diary_row_parent_class)->finalize (object);
}

static void
craft_diary_row_class_init (CraftDiaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_diary_row_dispose;
  object_class->finalize = craft_diary_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/diary/craft-diary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryRow, stress_label);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryRow, coping_label);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryRow, flag_image);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryRow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CraftDiaryRow, select_check);
  gtk_widget_class_bind_template_callback (widget_class, on_select_check_toggled_cb);
}

static void
craft_diary_row_init (CraftDiaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
craft_diary_row_new (void)
{
  return g_object_new (CRAFT_TYPE_DIARY_ROW, NULL);
}

void
craft_diary_row_set_selection (CraftDiaryRow *self,
                               gboolean       selecting,
                               gboolean       selected)
{
  g_return_if_fail (CRAFT_IS_DIARY_ROW (self));

  self->setting = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->select_check), selecting);
  gtk_check_button_set_active (self->select_check, selecting && selected);
  self->setting = FALSE;
}

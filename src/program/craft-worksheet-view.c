/* src/program/craft-worksheet-view.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Worksheets are declared in the session files, not built by hand: this view turns a
 * declaration into widgets. Every change is saved as it happens, through the saver, so
 * there is no Save button and nothing is lost when the window closes.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "app/craft-date-button.h"
#include "app/craft-dates.h"
#include "app/craft-window.h"
#include "craft-happiness-chart.h"
#include "craft-worksheet-view.h"

#define HAPPINESS_WORKSHEET "happiness-scale"

struct _CraftWorksheetView
{
  GtkWidget         parent_instance;

  CraftContext     *context;
  CraftContentNode *worksheet;
  GtkWidget        *box;
  GtkWidget        *chart;
  GHashTable       *happiness; /* area -> newest value, while building */
};

G_DEFINE_FINAL_TYPE (CraftWorksheetView, craft_worksheet_view, GTK_TYPE_WIDGET)

/* Where one input's value goes: a field of the worksheet, or of one of its rows. */
typedef struct
{
  CraftWorksheetView *view;
  char               *field;
  gint64              row_id;
  CraftContentNode   *declaration;
} Binding;

static void
binding_free (Binding *binding)
{
  g_free (binding->field);
  g_free (binding);
}

static Binding *
binding_new (CraftWorksheetView *view,
             CraftContentNode   *declaration,
             gint64              row_id)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->view = view;
  binding->declaration = declaration;
  binding->field = g_strdup (craft_content_node_get_attribute (declaration, "id"));
  binding->row_id = row_id;
  return binding;
}

static void fill (CraftWorksheetView *self);

static gboolean
is_happiness (CraftWorksheetView *self)
{
  return g_strcmp0 (craft_worksheet_view_get_id (self), HAPPINESS_WORKSHEET) == 0;
}

static void
update_chart (CraftWorksheetView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (self->chart == NULL)
    return;

  ratings = craft_store_list_happiness (craft_context_get_store (self->context), &error);
  if (ratings == NULL)
    {
      craft_window_show_error (GTK_WIDGET (self), _("Your earlier ratings could not be read."),
                               error);
      return;
    }
  for (guint i = 0; i < craft_content_node_get_n_children (self->worksheet); i++)
    {
      CraftContentNode *field = craft_content_node_get_child (self->worksheet, i);

      if (!g_str_equal (craft_content_node_get_name (field), "field"))
        continue;
      g_ptr_array_add (ids, (gpointer) craft_content_node_get_attribute (field, "id"));
      g_ptr_array_add (labels, (gpointer) craft_content_node_get_child_text (field, "label"));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  craft_happiness_chart_set_ratings (CRAFT_HAPPINESS_CHART (self->chart), ratings,
                                     (const char * const *) ids->pdata,
                                     (const char * const *) labels->pdata);
}

static void
save_value (Binding    *binding,
            const char *value)
{
  CraftWorksheetView *self = binding->view;
  CraftSaver *saver = craft_context_get_saver (self->context);

  if (is_happiness (self))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) now = craft_context_now (self->context);
      g_autofree char *today = craft_dates_to_day (now);

      /* Each day's rating is kept, so the scale can be charted over time. */
      if (*value == '\0')
        return;
      if (!craft_store_set_happiness (craft_context_get_store (self->context), today,
                                      binding->field, atoi (value), &error))
        craft_window_show_error (GTK_WIDGET (self), _("Your rating could not be saved."), error);
      update_chart (self);
      return;
    }

  if (binding->row_id != 0)
    craft_saver_queue_row_value (saver, binding->row_id, binding->field, value);
  else
    craft_saver_queue_answer (saver, craft_worksheet_view_get_id (self), binding->field, value);
}

static char *
load_value (CraftWorksheetView *self,
            Binding            *binding)
{
  CraftStore *store = craft_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  char *value;

  if (is_happiness (self))
    {
      const char *rated = g_hash_table_lookup (self->happiness, binding->field);

      return g_strdup (rated != NULL ? rated : "");
    }

  if (binding->row_id != 0)
    value = craft_store_get_row_value (store, binding->row_id, binding->field, &error);
  else
    value = craft_store_get_answer (store, craft_worksheet_view_get_id (self), binding->field,
                                    &error);
  if (value == NULL)
    {
      craft_window_show_error (GTK_WIDGET (self), _("An answer could not be read."), error);
      value = g_strdup ("");
    }
  return value;
}

static void
on_entry_changed_cb (GtkEditable *editable,
                     Binding     *binding)
{
  save_value (binding, gtk_editable_get_text (editable));
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      Binding       *binding)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  save_value (binding, text);
}

static void
on_scale_toggled_cb (GtkToggleButton *button,
                     Binding         *binding)
{
  if (gtk_toggle_button_get_active (button))
    save_value (binding, g_object_get_data (G_OBJECT (button), "craft-value"));
}

static void
on_choice_toggled_cb (GtkCheckButton *button,
                      Binding        *binding)
{
  if (gtk_check_button_get_active (button))
    save_value (binding, g_object_get_data (G_OBJECT (button), "craft-value"));
}

static void
on_checklist_toggled_cb (GtkCheckButton *button,
                         Binding        *binding)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));
  g_autoptr(GString) value = g_string_new (NULL);

  /* Ticked options in the order they are offered, joined by commas. */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_CHECK_BUTTON (child) || !gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
        continue;
      if (value->len > 0)
        g_string_append_c (value, ',');
      g_string_append (value, g_object_get_data (G_OBJECT (child), "craft-value"));
    }
  save_value (binding, value->str);
}

static void
on_date_changed_cb (CraftDateButton *button,
                    GParamSpec      *pspec,
                    Binding         *binding)
{
  save_value (binding, craft_date_button_get_day (button));
}

static GtkWidget *
make_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
build_scale (Binding    *binding,
             const char *value,
             GtkWidget  *label)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *anchors = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *low = craft_content_node_get_child_text (binding->declaration, "low");
  const char *high = craft_content_node_get_child_text (binding->declaration, "high");
  GtkToggleButton *first = NULL;

  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_halign (outer, GTK_ALIGN_START);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (buttons), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      g_object_set_data_full (G_OBJECT (button), "craft-value", g_strdup (number), g_free);
      gtk_widget_add_css_class (button, "scale-step");
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_strcmp0 (value, number) == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (on_scale_toggled_cb), binding);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (outer), buttons);

  if (low != NULL || high != NULL)
    {
      GtkWidget *low_label = make_label (low ? low : "", "dim-label");
      GtkWidget *high_label = make_label (high ? high : "", "dim-label");

      gtk_widget_add_css_class (low_label, "caption");
      gtk_widget_add_css_class (high_label, "caption");
      /* The anchors sit under the ends of the scale: the outer box is as wide as the
       * buttons, and the gap between the two labels takes the rest. */
      gtk_label_set_wrap (GTK_LABEL (low_label), FALSE);
      gtk_label_set_wrap (GTK_LABEL (high_label), FALSE);
      gtk_widget_set_hexpand (low_label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (high_label), 1);
      gtk_box_append (GTK_BOX (anchors), low_label);
      gtk_box_append (GTK_BOX (anchors), high_label);
      gtk_box_append (GTK_BOX (outer), anchors);
    }
  return outer;
}

static GtkWidget *
build_options (Binding    *binding,
               const char *value,
               gboolean    multiple,
               GtkWidget  *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_auto(GStrv) ticked = g_strsplit (value, ",", -1);
  GtkCheckButton *first = NULL;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  for (guint i = 0; i < craft_content_node_get_n_children (binding->declaration); i++)
    {
      CraftContentNode *option = craft_content_node_get_child (binding->declaration, i);
      const char *id = craft_content_node_get_attribute (option, "id");
      GtkWidget *button;

      if (!g_str_equal (craft_content_node_get_name (option), "option") || id == NULL)
        continue;

      button = gtk_check_button_new_with_label (craft_content_node_get_text (option));
      g_object_set_data_full (G_OBJECT (button), "craft-value", g_strdup (id), g_free);
      if (!multiple)
        {
          if (first == NULL)
            first = GTK_CHECK_BUTTON (button);
          else
            gtk_check_button_set_group (GTK_CHECK_BUTTON (button), first);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   multiple ? g_strv_contains ((const char * const *) ticked, id)
                                            : g_strcmp0 (value, id) == 0);
      g_signal_connect (button, "toggled",
                        multiple ? G_CALLBACK (on_checklist_toggled_cb)
                                 : G_CALLBACK (on_choice_toggled_cb),
                        binding);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static GtkWidget *
build_date (Binding    *binding,
            const char *value,
            GtkWidget  *label)
{
  GtkWidget *button = craft_date_button_new ();

  craft_date_button_set_day (CRAFT_DATE_BUTTON (button), value);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  g_signal_connect (button, "notify::day", G_CALLBACK (on_date_changed_cb), binding);
  return button;
}

/* A field's label, hint and input, bound to where its value is kept. */
static GtkWidget *
build_field (CraftWorksheetView *self,
             CraftContentNode   *declaration,
             gint64              row_id)
{
  Binding *binding = binding_new (self, declaration, row_id);
  const char *type = craft_content_node_get_attribute (declaration, "type");
  const char *hint = craft_content_node_get_child_text (declaration, "hint");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = make_label (craft_content_node_get_child_text (declaration, "label"),
                                 "heading");
  g_autofree char *value = load_value (self, binding);
  GtkWidget *input;

  /* The binding lives as long as the field's widgets. */
  g_object_set_data_full (G_OBJECT (box), "craft-binding", binding,
                          (GDestroyNotify) binding_free);
  gtk_box_append (GTK_BOX (box), label);
  if (hint != NULL)
    gtk_box_append (GTK_BOX (box), make_label (hint, "dim-label"));

  if (g_str_equal (type, "text"))
    {
      input = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (input), value);
      g_signal_connect (input, "changed", G_CALLBACK (on_entry_changed_cb), binding);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
    }
  else if (g_str_equal (type, "longtext"))
    {
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

      g_object_set (view,
                    "wrap-mode", GTK_WRAP_WORD_CHAR,
                    "accepts-tab", FALSE,
                    "height-request", 96,
                    "top-margin", 8, "bottom-margin", 8, "left-margin", 10, "right-margin", 10,
                    NULL);
      gtk_widget_add_css_class (view, "worksheet-text");
      gtk_text_buffer_set_text (buffer, value, -1);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), binding);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      input = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (input), view);
    }
  else if (g_str_equal (type, "scale"))
    input = build_scale (binding, value, label);
  else if (g_str_equal (type, "choice") || g_str_equal (type, "checklist"))
    input = build_options (binding, value, g_str_equal (type, "checklist"), label);
  else
    input = build_date (binding, value, label);

  gtk_box_append (GTK_BOX (box), input);
  return box;
}

static void
on_undo_remove_row_cb (AdwToast           *toast,
                       CraftWorksheetView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 row_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "craft-row-id"));

  if (!craft_store_restore_row (craft_context_get_store (self->context), row_id, &error))
    craft_window_show_error (GTK_WIDGET (self), _("The row could not be brought back."), error);
  fill (self);
}

static void
on_remove_row_clicked_cb (GtkButton          *button,
                          CraftWorksheetView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 row_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "craft-row-id"));
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), CRAFT_TYPE_WINDOW);
  AdwToast *toast;

  /* What is still waiting to be saved belongs to this row: write it, so Undo is exact. */
  if (!craft_saver_flush (craft_context_get_saver (self->context), &error)
      || !craft_store_delete_row (craft_context_get_store (self->context), row_id, &error))
    {
      craft_window_show_error (GTK_WIDGET (self), _("The row could not be removed."), error);
      return;
    }
  fill (self);

  toast = adw_toast_new (_("Row removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "craft-row-id", GSIZE_TO_POINTER ((gsize) row_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_row_cb), self, 0);
  if (window != NULL)
    craft_window_add_toast (CRAFT_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_add_row_clicked_cb (GtkButton          *button,
                       CraftWorksheetView *self)
{
  g_autoptr(GError) error = NULL;
  const char *list = g_object_get_data (G_OBJECT (button), "craft-list");

  if (craft_store_add_row (craft_context_get_store (self->context),
                           craft_worksheet_view_get_id (self), list, &error) == 0)
    {
      craft_window_show_error (GTK_WIDGET (self), _("A row could not be added."), error);
      return;
    }
  fill (self);
}

static GtkWidget *
build_rows (CraftWorksheetView *self,
            CraftContentNode   *rows)
{
  const char *list = craft_content_node_get_attribute (rows, "id");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = make_label (craft_content_node_get_child_text (rows, "label"), "heading");
  GtkWidget *list_box = gtk_list_box_new ();
  GtkWidget *add;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list_box), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);

  ids = craft_store_list_rows (craft_context_get_store (self->context),
                               craft_worksheet_view_get_id (self), list, &error);
  if (ids == NULL)
    craft_window_show_error (GTK_WIDGET (self), _("The rows could not be read."), error);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 row_id = g_array_index (ids, gint64, i);
      GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *row = gtk_list_box_row_new ();

      for (guint j = 0; j < craft_content_node_get_n_children (rows); j++)
        {
          CraftContentNode *field = craft_content_node_get_child (rows, j);

          if (g_str_equal (craft_content_node_get_name (field), "field"))
            gtk_box_append (GTK_BOX (fields), build_field (self, field, row_id));
        }
      gtk_widget_set_hexpand (fields, TRUE);
      gtk_widget_set_valign (remove, GTK_ALIGN_START);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove This Row"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove This Row"), -1);
      g_object_set_data (G_OBJECT (remove), "craft-row-id", GSIZE_TO_POINTER ((gsize) row_id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_row_clicked_cb), self);

      g_object_set (row_box, "margin-top", 12, "margin-bottom", 12, "margin-start", 12,
                    "margin-end", 6, NULL);
      gtk_box_append (GTK_BOX (row_box), fields);
      gtk_box_append (GTK_BOX (row_box), remove);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), row_box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list_box), row);
    }
  if (ids != NULL && ids->len > 0)
    gtk_box_append (GTK_BOX (box), list_box);
  else
    g_object_unref (g_object_ref_sink (list_box));

  add = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (add),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                      "icon-name", "list-add-symbolic",
                                      "label", craft_content_node_get_child_text (rows, "add"),
                                      NULL));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (add), "craft-list", g_strdup (list), g_free);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_row_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), add);
  return box;
}

static void
load_happiness (CraftWorksheetView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ratings = craft_store_list_happiness (craft_context_get_store (self->context),
                                                          &error);

  g_hash_table_remove_all (self->happiness);
  if (ratings == NULL)
    {
      craft_window_show_error (GTK_WIDGET (self), _("Your earlier ratings could not be read."),
                               error);
      return;
    }
  /* Oldest first, so the newest rating of each area is the one that stays. */
  for (guint i = 0; i < ratings->len; i++)
    {
      CraftHappinessRating *rating = &g_array_index (ratings, CraftHappinessRating, i);

      g_hash_table_insert (self->happiness, g_strdup (rating->area),
                           g_strdup_printf ("%d", rating->value));
    }
}

static void
fill (CraftWorksheetView *self)
{
  GtkWidget *child;
  const char *intro;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  self->chart = NULL;

  if (is_happiness (self))
    load_happiness (self);

  gtk_box_append (GTK_BOX (self->box),
                  make_label (craft_content_node_get_child_text (self->worksheet, "title"),
                              "title-3"));
  intro = craft_content_node_get_child_text (self->worksheet, "intro");
  if (intro != NULL)
    gtk_box_append (GTK_BOX (self->box), make_label (intro, NULL));

  for (guint i = 0; i < craft_content_node_get_n_children (self->worksheet); i++)
    {
      CraftContentNode *child_node = craft_content_node_get_child (self->worksheet, i);
      const char *name = craft_content_node_get_name (child_node);

      if (g_str_equal (name, "field"))
        gtk_box_append (GTK_BOX (self->box), build_field (self, child_node, 0));
      else if (g_str_equal (name, "rows"))
        gtk_box_append (GTK_BOX (self->box), build_rows (self, child_node));
    }

  if (is_happiness (self))
    {
      self->chart = craft_happiness_chart_new ();
      gtk_box_append (GTK_BOX (self->box), self->chart);
      update_chart (self);
    }
}

static void
craft_worksheet_view_dispose (GObject *object)
{
  CraftWorksheetView *self = CRAFT_WORKSHEET_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);
  g_clear_pointer (&self->worksheet, craft_content_node_unref);
  g_clear_pointer (&self->happiness, g_hash_table_unref);

  G_OBJECT_CLASS (craft_worksheet_view_parent_class)->dispose (object);
}

static void
craft_worksheet_view_class_init (CraftWorksheetViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = craft_worksheet_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
craft_worksheet_view_init (CraftWorksheetView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "worksheet");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->happiness = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GtkWidget *
craft_worksheet_view_new (CraftContext     *context,
                          CraftContentNode *worksheet)
{
  CraftWorksheetView *self;

  g_return_val_if_fail (CRAFT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (worksheet != NULL, NULL);

  self = g_object_new (CRAFT_TYPE_WORKSHEET_VIEW, NULL);
  self->context = g_object_ref (context);
  self->worksheet = craft_content_node_ref (worksheet);
  fill (self);
  return GTK_WIDGET (self);
}

const char *
craft_worksheet_view_get_id (CraftWorksheetView *self)
{
  g_return_val_if_fail (CRAFT_IS_WORKSHEET_VIEW (self), NULL);
  return craft_content_node_get_attribute (self->worksheet, "id");
}

void
craft_worksheet_view_reload (CraftWorksheetView *self)
{
  g_return_if_fail (CRAFT_IS_WORKSHEET_VIEW (self));
  fill (self);
}

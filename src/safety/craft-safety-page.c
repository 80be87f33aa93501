/* src/safety/craft-safety-page.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "craft-contact-row.h"
#include "craft-safety-page.h"

/* The plan's single fields, in the order they are shown. */
enum {
  FIELD_WARNING_SIGNS,
  FIELD_SAFE_PLACE,
  FIELD_HAVE_READY,
  FIELD_PRIVATE_NOTE,
  N_FIELDS
};

static const char *field_ids[N_FIELDS] = {
  "warning-signs",
  "safe-place",
  "have-ready",
  "private-note",
};

struct _CraftSafetyPage
{
  GtkWidget        parent_instance;

  CraftContext    *context;

  AdwToastOverlay *toast_overlay;
  GtkListBox      *people_list;
  GtkTextView     *warning_signs_view;
  GtkTextView     *safe_place_view;
  GtkTextView     *have_ready_view;
  GtkTextView     *private_note_view;
  GtkTextView     *views[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CraftSafetyPage, craft_safety_page, GTK_TYPE_WIDGET)

static void
on_buffer_changed_cb (GtkTextBuffer   *buffer,
                      CraftSafetyPage *self)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "craft-field");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->context == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  craft_saver_queue_answer (craft_context_get_saver (self->context),
                            CRAFT_SAFETY_PLAN_WORKSHEET, field, text);
}

static void
show_error_toast (CraftSafetyPage *self,
                  const char      *what,
                  const GError    *error)
{
  g_autofree char *text = g_strdup_printf ("%s %s", what, error->message);
  g_autofree char *title = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_contact_row_remove_cb (CraftContactRow *row,
                          CraftSafetyPage *self);

static CraftContactRow *
append_contact_row (CraftSafetyPage *self,
                    gint64           row_id)
{
  GtkWidget *row = craft_contact_row_new (self->context, row_id);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_contact_row_remove_cb), self, 0);
  gtk_list_box_append (self->people_list, row);
  return CRAFT_CONTACT_ROW (row);
}

static void
reload_people (CraftSafetyPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  ids = craft_store_list_rows (craft_context_get_store (self->context),
                               CRAFT_SAFETY_PLAN_WORKSHEET, CRAFT_SAFETY_PLAN_PEOPLE, &error);
  if (ids == NULL)
    {
      show_error_toast (self, _("The people in your plan could not be read."), error);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    append_contact_row (self, g_array_index (ids, gint64, i));
}

static void
on_undo_remove_cb (AdwToast        *toast,
                   CraftSafetyPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 row_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "craft-row-id"));

  if (!craft_store_restore_row (craft_context_get_store (self->context), row_id, &error))
    {
      show_error_toast (self, _("The person could not be brought back."), error);
      return;
    }
  reload_people (self);
}

static void
on_contact_row_remove_cb (CraftContactRow *row,
                          CraftSafetyPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 row_id = craft_contact_row_get_row_id (row);
  const char *name = craft_contact_row_get_name (row);
  g_autofree char *title = NULL;
  CraftSaver *saver = craft_context_get_saver (self->context);
  AdwToast *toast;

  /* Typing still waiting to be saved belongs to this row: write it first, so Undo brings
   * the person back exactly as they were. */
  if (!craft_saver_flush (saver, &error)
      || !craft_store_delete_row (craft_context_get_store (self->context), row_id, &error))
    {
      show_error_toast (self, _("The person could not be removed."), error);
      return;
    }

  if (name != NULL && *name != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      /* Translators: %s is the name of a person in the safety plan. */
      title = g_strdup_printf (_("“%s” removed"), escaped);
    }
  else
    title = g_strdup (_("Person removed"));

  gtk_list_box_remove (self->people_list, GTK_WIDGET (row));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "craft-row-id", GSIZE_TO_POINTER ((gsize) row_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CraftSafetyPage *self = CRAFT_SAFETY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 row_id;

  row_id = craft_store_add_row (craft_context_get_store (self->context),
                                CRAFT_SAFETY_PLAN_WORKSHEET, CRAFT_SAFETY_PLAN_PEOPLE, &error);
  if (row_id == 0)
    {
      show_error_toast (self, _("A person could not be added."), error);
      return;
    }
  craft_contact_row_focus (append_contact_row (self, row_id));
}

static void
load_fields (CraftSafetyPage *self)
{
  CraftStore *store = craft_context_get_store (self->context);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->views[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      value = craft_store_get_answer (store, CRAFT_SAFETY_PLAN_WORKSHEET, field_ids[i], &error);
      if (value == NULL)
        {
          show_error_toast (self, _("Your safety plan could not be read."), error);
          return;
        }

      g_signal_handlers_block_by_func (buffer, on_buffer_changed_cb, self);
      gtk_text_buffer_set_text (buffer, value, -1);
      g_signal_handlers_unblock_by_func (buffer, on_buffer_changed_cb, self);
    }
}

static void
craft_safety_page_map (GtkWidget *widget)
{
  CraftSafetyPage *self = CRAFT_SAFETY_PAGE (widget);

  GTK_WIDGET_CLASS (craft_safety_page_parent_class)->map (widget);

  /* Session 4 edits the same plan: show what was written there. Writing what waits first
   * makes the store the one truth to read. */
  if (self->context != NULL)
    {
      craft_saver_flush (craft_context_get_saver (self->context), NULL);
      load_fields (self);
      reload_people (self);
    }
}

static void
craft_safety_page_dispose (GObject *object)
{
  CraftSafetyPage *self = CRAFT_SAFETY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_SAFETY_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (craft_safety_page_parent_class)->dispose (object);
}

static void
craft_safety_page_class_init (CraftSafetyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_safety_page_dispose;
  widget_class->map = craft_safety_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/safety/craft-safety-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftSafetyPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CraftSafetyPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, CraftSafetyPage, warning_signs_view);
  gtk_widget_class_bind_template_child (widget_class, CraftSafetyPage, safe_place_view);
  gtk_widget_class_bind_template_child (widget_class, CraftSafetyPage, have_ready_view);
  gtk_widget_class_bind_template_child (widget_class, CraftSafetyPage, private_note_view);

  gtk_widget_class_install_action (widget_class, "safety.add-person", NULL, add_person_action);
}

static void
craft_safety_page_init (CraftSafetyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->views[FIELD_WARNING_SIGNS] = self->warning_signs_view;
  self->views[FIELD_SAFE_PLACE] = self->safe_place_view;
  self->views[FIELD_HAVE_READY] = self->have_ready_view;
  self->views[FIELD_PRIVATE_NOTE] = self->private_note_view;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->views[i]);

      g_object_set_data (G_OBJECT (buffer), "craft-field", (gpointer) field_ids[i]);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);
    }

  /* Nothing to add people to until the page knows where to keep them. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "safety.add-person", FALSE);
}

void
craft_safety_page_set_context (CraftSafetyPage *self,
                               CraftContext    *context)
{
  g_return_if_fail (CRAFT_IS_SAFETY_PAGE (self));
  g_return_if_fail (CRAFT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  load_fields (self);
  reload_people (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "safety.add-person", TRUE);
}

void
craft_safety_page_focus (CraftSafetyPage *self)
{
  g_return_if_fail (CRAFT_IS_SAFETY_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->warning_signs_view));
}

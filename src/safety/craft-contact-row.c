/* src/safety/craft-contact-row.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-contact-row.h"

struct _CraftContactRow
{
  GtkListBoxRow  parent_instance;

  CraftContext  *context;
  gint64         row_id;

  GtkEntry      *name_entry;
  GtkEntry      *number_entry;
  GtkWidget     *remove_button;
};

G_DEFINE_FINAL_TYPE (CraftContactRow, craft_contact_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
queue_value (CraftContactRow *self,
             const char      *field,
             GtkEntry        *entry)
{
  if (self->context == NULL)
    return;
  craft_saver_queue_row_value (craft_context_get_saver (self->context), self->row_id, field,
                               gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_name_entry_changed_cb (GtkEntry        *entry,
                          CraftContactRow *self)
{
  queue_value (self, "name", entry);
}

static void
on_number_entry_changed_cb (GtkEntry        *entry,
                            CraftContactRow *self)
{
  queue_value (self, "number", entry);
}

static void
on_remove_button_clicked_cb (GtkButton       *button,
                             CraftContactRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
craft_contact_row_dispose (GObject *object)
{
  CraftContactRow *self = CRAFT_CONTACT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_CONTACT_ROW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (craft_contact_row_parent_class)->dispose (object);
}

static void
craft_contact_row_class_init (CraftContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_contact_row_dispose;

  /* Emitted when the person asks to remove this row; the page removes it with an undo. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/safety/craft-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftContactRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CraftContactRow, number_entry);
  gtk_widget_class_bind_template_child (widget_class, CraftContactRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_number_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_button_clicked_cb);
}

static void
craft_contact_row_init (CraftContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
load_value (CraftContactRow *self,
            const char      *field,
            GtkEntry        *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  value = craft_store_get_row_value (craft_context_get_store (self->context), self->row_id,
                                     field, &error);
  if (value == NULL)
    {
      g_warning ("Could not read a person of the safety plan: %s", error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), value);
}

GtkWidget *
craft_contact_row_new (CraftContext *context,
                       gint64        row_id)
{
  CraftContactRow *self;

  g_return_val_if_fail (CRAFT_IS_CONTEXT (context), NULL);

  self = g_object_new (CRAFT_TYPE_CONTACT_ROW, NULL);
  self->row_id = row_id;
  /* What is loaded is already saved: do not queue it again. */
  self->context = g_object_ref (context);
  g_signal_handlers_block_by_func (self->name_entry, on_name_entry_changed_cb, self);
  g_signal_handlers_block_by_func (self->number_entry, on_number_entry_changed_cb, self);
  load_value (self, "name", self->name_entry);
  load_value (self, "number", self->number_entry);
  g_signal_handlers_unblock_by_func (self->name_entry, on_name_entry_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->number_entry, on_number_entry_changed_cb, self);
  return GTK_WIDGET (self);
}

gint64
craft_contact_row_get_row_id (CraftContactRow *self)
{
  g_return_val_if_fail (CRAFT_IS_CONTACT_ROW (self), 0);
  return self->row_id;
}

const char *
craft_contact_row_get_name (CraftContactRow *self)
{
  g_return_val_if_fail (CRAFT_IS_CONTACT_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}

static void
on_mapped_focus_cb (GtkWidget       *widget,
                    CraftContactRow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_mapped_focus_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

void
craft_contact_row_focus (CraftContactRow *self)
{
  g_return_if_fail (CRAFT_IS_CONTACT_ROW (self));

  /* A row added a moment ago is not on screen yet and cannot take the focus until it is. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  else
    g_signal_connect (self, "map", G_CALLBACK (on_mapped_focus_cb), self);
}

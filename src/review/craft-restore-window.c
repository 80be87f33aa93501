/* src/review/craft-restore-window.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "app/craft-dates.h"
#include "store/craft-store-backup.h"
#include "craft-data-transfer.h"
#include "craft-restore-window.h"

struct _CraftRestoreWindow
{
  AdwWindow    parent_instance;

  CraftWindow *parent;
  GtkListBox  *backups_list;
  GtkWidget   *empty_label;
};

G_DEFINE_FINAL_TYPE (CraftRestoreWindow, craft_restore_window, ADW_TYPE_WINDOW)

static GtkWidget *
create_row (CraftBackupFile *backup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = craft_dates_to_day (backup->day);
  g_autofree char *title = craft_dates_format_day (day);
  g_autofree char *subtitle = NULL;
  CraftBackupInfo info;
  GtkWidget *row = adw_action_row_new ();
  gboolean readable = craft_store_backup_describe (backup->path, &info, &error);

  if (readable)
    subtitle = craft_data_describe_backup (&info);
  else
    /* Translators: %s says why, such as "The file is damaged." */
    subtitle = g_strdup_printf (_("This backup cannot be used: %s"), error->message);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), readable);
  gtk_widget_set_sensitive (row, readable);
  if (readable)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "craft-path", g_strdup (backup->path), g_free);
  return row;
}

static void
fill (CraftRestoreWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  CraftStore *store = craft_context_get_store (craft_window_get_context (self->parent));

  backups = craft_store_list_backups (craft_store_get_data_dir (store), &error);
  if (backups == NULL)
    {
      g_warning ("The backups could not be listed: %s", error->message);
      backups = g_ptr_array_new ();
    }
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->backups_list, create_row (g_ptr_array_index (backups, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->backups_list), backups->len > 0);
  gtk_widget_set_visible (self->empty_label, backups->len == 0);
}

static void
on_backups_list_row_activated_cb (GtkListBox         *list,
                                  GtkListBoxRow      *row,
                                  CraftRestoreWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "craft-path");

  if (path != NULL)
    craft_data_restore_file (self->parent, path);
}

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        CraftRestoreWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        craft_data_restore_file (self->parent, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CraftRestoreWindow *self = CRAFT_RESTORE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Craft Companion backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
craft_restore_window_dispose (GObject *object)
{
  CraftRestoreWindow *self = CRAFT_RESTORE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_RESTORE_WINDOW);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (craft_restore_window_parent_class)->dispose (object);
}

static void
craft_restore_window_class_init (CraftRestoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_restore_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/review/craft-restore-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftRestoreWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, CraftRestoreWindow, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_backups_list_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "restore.choose-file", NULL,
                                   choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
craft_restore_window_init (CraftRestoreWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
craft_restore_window_new (CraftWindow *parent)
{
  CraftRestoreWindow *self;

  g_return_val_if_fail (CRAFT_IS_WINDOW (parent), NULL);

  self = g_object_new (CRAFT_TYPE_RESTORE_WINDOW, "transient-for", parent, NULL);
  self->parent = g_object_ref (parent);
  fill (self);
  return GTK_WINDOW (self);
}

/* src/leader/craft-presenter-window.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the projector shows is decided here, from the content alone: the part's title and
 * its points. Leader notes, questions, role-play scripts, participants and the diary never
 * reach this window, because nothing passes them in.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-presenter-window.h"

struct _CraftPresenterWindow
{
  AdwWindow  parent_instance;

  GtkLabel  *title_label;
  GtkBox    *points_box;
  GtkLabel  *time_label;
};

G_DEFINE_FINAL_TYPE (CraftPresenterWindow, craft_presenter_window, ADW_TYPE_WINDOW)

static void
toggle_fullscreen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
craft_presenter_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRAFT_TYPE_PRESENTER_WINDOW);

  G_OBJECT_CLASS (craft_presenter_window_parent_class)->dispose (object);
}

static void
craft_presenter_window_class_init (CraftPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_presenter_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/leader/craft-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftPresenterWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CraftPresenterWindow, points_box);
  gtk_widget_class_bind_template_child (widget_class, CraftPresenterWindow, time_label);
  gtk_widget_class_install_action (widget_class, "presenter.fullscreen", NULL,
                                   toggle_fullscreen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "presenter.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
craft_presenter_window_init (CraftPresenterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The title the window list and a screen reader see says what it is, not what it shows. */
  gtk_window_set_title (GTK_WINDOW (self), _("Presenter View"));
}

GtkWindow *
craft_presenter_window_new (void)
{
  return g_object_new (CRAFT_TYPE_PRESENTER_WINDOW, NULL);
}

void
craft_presenter_window_show_part (CraftPresenterWindow *self,
                                  CraftContentNode     *part)
{
  GtkWidget *child;

  g_return_if_fail (CRAFT_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (part != NULL);

  gtk_label_set_text (self->title_label, craft_content_node_get_child_text (part, "title"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->points_box))) != NULL)
    gtk_box_remove (self->points_box, child);

  for (guint i = 0; i < craft_content_node_get_n_children (part); i++)
    {
      CraftContentNode *point = craft_content_node_get_child (part, i);
      GtkWidget *row, *bullet, *label;

      if (!g_str_equal (craft_content_node_get_name (point), "point"))
        continue;
      /* The bullet stands apart, so a long point wraps under its own first word. */
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      bullet = gtk_label_new ("•");
      label = gtk_label_new (craft_content_node_get_text (point));
      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (bullet, "presenter-point");
      gtk_widget_add_css_class (label, "presenter-point");
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->points_box, row);
    }
}

void
craft_presenter_window_set_time (CraftPresenterWindow *self,
                                 const char           *remaining,
                                 gboolean              overrun)
{
  g_return_if_fail (CRAFT_IS_PRESENTER_WINDOW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->time_label), remaining != NULL);
  if (remaining != NULL)
    gtk_label_set_text (self->time_label, remaining);
  if (overrun)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "overrun");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "overrun");
}

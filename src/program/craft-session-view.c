/* src/program/craft-session-view.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One session to read and work through: the text, its exercises and worksheets, homework
 * to tick, and marking the session done.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "app/craft-dates.h"
#include "app/craft-window.h"
#include "craft-session-print.h"
#include "craft-session-view.h"
#include "craft-worksheet-view.h"

struct _CraftSessionView
{
  GtkWidget          parent_instance;

  CraftContext      *context;
  CraftProgram      *program;
  CraftSession      *session;

  GtkLabel          *toolbar_title;
  GtkScrolledWindow *scrolled_window;
  GtkBox            *content_box;
  GtkBox            *homework_list;
  GtkLabel          *done_label;
  GtkButton         *done_button;
};

G_DEFINE_FINAL_TYPE (CraftSessionView, craft_session_view, GTK_TYPE_WIDGET)

enum {
  PROGRESS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
make_bullets (CraftContentNode *list,
              const char       *item_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  for (guint i = 0; i < craft_content_node_get_n_children (list); i++)
    {
      CraftContentNode *item = craft_content_node_get_child (list, i);
      GtkWidget *row, *bullet;

      if (!g_str_equal (craft_content_node_get_name (item), item_name))
        continue;
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      bullet = gtk_label_new ("•");
      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), make_label (craft_content_node_get_text (item), NULL));
      gtk_box_append (GTK_BOX (box), row);
    }
  gtk_widget_set_margin_start (box, 6);
  return box;
}

/* Paragraphs, lists and examples, as sections and exercises have them. */
static void
append_blocks (GtkBox           *box,
               CraftContentNode *parent)
{
  for (guint i = 0; i < craft_content_node_get_n_children (parent); i++)
    {
      CraftContentNode *node = craft_content_node_get_child (parent, i);
      const char *name = craft_content_node_get_name (node);

      if (g_str_equal (name, "heading"))
        gtk_box_append (box, make_label (craft_content_node_get_text (node), "title-3"));
      else if (g_str_equal (name, "p"))
        gtk_box_append (box, make_label (craft_content_node_get_text (node), "body"));
      else if (g_str_equal (name, "list"))
        gtk_box_append (box, make_bullets (node, "li"));
      else if (g_str_equal (name, "example"))
        {
          GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *text = make_label (craft_content_node_get_text (node), NULL);

          gtk_widget_add_css_class (card, "card");
          gtk_widget_add_css_class (card, "example");
          gtk_box_append (GTK_BOX (card), text);
          gtk_box_append (box, card);
        }
    }
}

static GtkWidget *
build_exercise (CraftContentNode *exercise)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "exercise");
  gtk_box_append (GTK_BOX (card), make_label (_("Exercise"), "caption-heading"));
  gtk_box_append (GTK_BOX (card),
                  make_label (craft_content_node_get_child_text (exercise, "title"), "title-3"));
  append_blocks (GTK_BOX (card), exercise);
  return card;
}

static void
on_homework_toggled_cb (GtkCheckButton   *button,
                        CraftSessionView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = craft_context_now (self->context);

  if (!craft_store_set_homework_done (craft_context_get_store (self->context),
                                      craft_session_get_number (self->session),
                                      g_object_get_data (G_OBJECT (button), "craft-task"),
                                      gtk_check_button_get_active (button),
                                      g_date_time_to_unix (now), &error))
    craft_window_show_error (GTK_WIDGET (self), _("The homework could not be saved."), error);
  g_signal_emit (self, signals[PROGRESS_CHANGED], 0);
}

static void
fill_homework (CraftSessionView *self)
{
  CraftContentNode *root = craft_session_get_root (self->session);
  CraftContentNode *homework = craft_content_node_find_child (root, "homework");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->homework_list))) != NULL)
    gtk_box_remove (self->homework_list, child);

  for (guint i = 0; i < craft_content_node_get_n_children (homework); i++)
    {
      CraftContentNode *task = craft_content_node_get_child (homework, i);
      const char *id = craft_content_node_get_attribute (task, "id");
      g_autoptr(GError) error = NULL;
      GtkWidget *button, *label;
      gboolean done = FALSE;

      if (!g_str_equal (craft_content_node_get_name (task), "task"))
        continue;
      if (!craft_store_get_homework_done (craft_context_get_store (self->context),
                                          craft_session_get_number (self->session), id, &done,
                                          &error))
        craft_window_show_error (GTK_WIDGET (self), _("The homework could not be read."), error);

      /* A wrapping label inside the check button, so long tasks fit a narrow window. */
      button = gtk_check_button_new ();
      label = make_label (craft_content_node_get_text (task), NULL);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), done);
      g_object_set_data_full (G_OBJECT (button), "craft-task", g_strdup (id), g_free);
      g_signal_connect (button, "toggled", G_CALLBACK (on_homework_toggled_cb), self);
      gtk_box_append (self->homework_list, button);
    }
}

static const CraftSessionProgress *
get_progress (CraftSessionView     *self,
              CraftSessionProgress  all[12])
{
  g_autoptr(GError) error = NULL;

  if (!craft_store_get_progress (craft_context_get_store (self->context), all, &error))
    {
      craft_window_show_error (GTK_WIDGET (self), _("Your progress could not be read."), error);
      return NULL;
    }
  return &all[craft_session_get_number (self->session) - 1];
}

static void
update_done (CraftSessionView *self)
{
  CraftSessionProgress all[12];
  const CraftSessionProgress *progress = get_progress (self, all);
  gboolean done = progress != NULL && progress->done_at > 0;

  if (done)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (progress->done_at);
      g_autofree char *day = craft_dates_to_day (when);
      g_autofree char *formatted = craft_dates_format_day (day);
      /* Translators: %s is a date, e.g. "Monday 30 November 2026". */
      g_autofree char *text = g_strdup_printf (_("You marked this session done on %s."),
                                               formatted);

      gtk_label_set_text (self->done_label, text);
      gtk_button_set_label (self->done_button, _("_Open Session Again"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->done_button), "suggested-action");
    }
  else
    {
      gtk_label_set_text (self->done_label,
                          _("When you have read the session and tried its exercises, mark it "
                            "done. You can always come back to it."));
      gtk_button_set_label (self->done_button, _("_Mark Session as Done"));
      gtk_widget_add_css_class (GTK_WIDGET (self->done_button), "suggested-action");
    }
}

static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CraftSessionView *self = CRAFT_SESSION_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = craft_context_now (self->context);
  CraftSessionProgress all[12];
  const CraftSessionProgress *progress = get_progress (self, all);

  if (progress == NULL)
    return;
  if (!craft_store_set_session_done (craft_context_get_store (self->context),
                                     craft_session_get_number (self->session),
                                     progress->done_at > 0 ? 0 : g_date_time_to_unix (now),
                                     &error))
    craft_window_show_error (GTK_WIDGET (self), _("The session could not be marked."), error);
  update_done (self);
  g_signal_emit (self, signals[PROGRESS_CHANGED], 0);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CraftSessionView *self = CRAFT_SESSION_VIEW (widget);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Print what is on screen, including what was typed a moment ago. */
  craft_saver_flush (craft_context_get_saver (self->context), NULL);
  if (!craft_session_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->program,
                            self->session, craft_context_get_store (self->context), NULL,
                            &error))
    craft_window_show_error (GTK_WIDGET (self), _("The session could not be printed."), error);
}

static void
fill (CraftSessionView *self)
{
  CraftContentNode *root = craft_session_get_root (self->session);
  g_autofree char *number = NULL;
  g_autofree char *toolbar = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);

  /* Translators: the number of a CRAFT session, shown above its title. */
  number = g_strdup_printf (_("Session %d"), craft_session_get_number (self->session));
  /* Translators: the session's number and title, e.g. "4. Staying safe". */
  toolbar = g_strdup_printf (_("%d. %s"), craft_session_get_number (self->session),
                             craft_session_get_title (self->session));
  gtk_label_set_text (self->toolbar_title, toolbar);

  gtk_box_append (self->content_box, make_label (number, "dim-label"));
  gtk_box_append (self->content_box, make_label (craft_session_get_title (self->session),
                                                 "title-1"));
  gtk_box_append (self->content_box, make_label (craft_session_get_summary (self->session),
                                                 "title-4"));

  for (guint i = 0; i < craft_content_node_get_n_children (root); i++)
    {
      CraftContentNode *node = craft_content_node_get_child (root, i);
      const char *name = craft_content_node_get_name (node);

      if (g_str_equal (name, "goals"))
        {
          GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

          gtk_widget_add_css_class (card, "card");
          gtk_widget_add_css_class (card, "goals");
          gtk_box_append (GTK_BOX (card), make_label (_("In this session you will"), "heading"));
          gtk_box_append (GTK_BOX (card), make_bullets (node, "goal"));
          gtk_box_append (self->content_box, card);
        }
      else if (g_str_equal (name, "reading"))
        {
          for (guint j = 0; j < craft_content_node_get_n_children (node); j++)
            {
              GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

              append_blocks (GTK_BOX (section), craft_content_node_get_child (node, j));
              gtk_box_append (self->content_box, section);
            }
        }
      else if (g_str_equal (name, "exercise"))
        gtk_box_append (self->content_box, build_exercise (node));
      else if (g_str_equal (name, "worksheet"))
        {
          const char *ref = craft_content_node_get_attribute (node, "ref");
          CraftContentNode *declaration = ref != NULL
            ? craft_program_find_worksheet (self->program, ref) : node;

          if (declaration != NULL)
            gtk_box_append (self->content_box,
                            craft_worksheet_view_new (self->context, declaration));
        }
    }

  fill_homework (self);
  update_done (self);
}

static void
craft_session_view_dispose (GObject *object)
{
  CraftSessionView *self = CRAFT_SESSION_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_SESSION_VIEW);
  /* The template's outer box is not bound to a field, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  g_clear_object (&self->program);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (craft_session_view_parent_class)->dispose (object);
}

static void
craft_session_view_class_init (CraftSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_session_view_dispose;

  /* The session was marked done or opened again, or homework was ticked. */
  signals[PROGRESS_CHANGED] = g_signal_new ("progress-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/program/craft-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftSessionView, toolbar_title);
  gtk_widget_class_bind_template_child (widget_class, CraftSessionView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CraftSessionView, content_box);
  gtk_widget_class_bind_template_child (widget_class, CraftSessionView, homework_list);
  gtk_widget_class_bind_template_child (widget_class, CraftSessionView, done_label);
  gtk_widget_class_bind_template_child (widget_class, CraftSessionView, done_button);

  gtk_widget_class_install_action (widget_class, "session.toggle-done", NULL, toggle_done_action);
  gtk_widget_class_install_action (widget_class, "session.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "session.print", NULL);
}

static void
craft_session_view_init (CraftSessionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
craft_session_view_show (CraftSessionView *self,
                         CraftContext     *context,
                         CraftProgram     *program,
                         CraftSession     *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  GtkAdjustment *adjustment;

  g_return_if_fail (CRAFT_IS_SESSION_VIEW (self));
  g_return_if_fail (CRAFT_IS_CONTEXT (context));
  g_return_if_fail (CRAFT_IS_PROGRAM (program));
  g_return_if_fail (CRAFT_IS_SESSION (session));

  g_set_object (&self->context, context);
  g_set_object (&self->program, program);
  g_set_object (&self->session, session);

  /* Answers may have been typed elsewhere (the safety plan is also a place of its own):
   * write what waits, so the worksheets read the latest. */
  craft_saver_flush (craft_context_get_saver (context), NULL);

  now = craft_context_now (context);
  if (!craft_store_set_session_started (craft_context_get_store (context),
                                        craft_session_get_number (session),
                                        g_date_time_to_unix (now), &error))
    craft_window_show_error (GTK_WIDGET (self), _("Your progress could not be saved."), error);

  fill (self);
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (adjustment, 0);
  g_signal_emit (self, signals[PROGRESS_CHANGED], 0);
}

CraftSession *
craft_session_view_get_session (CraftSessionView *self)
{
  g_return_val_if_fail (CRAFT_IS_SESSION_VIEW (self), NULL);
  return self->session;
}

/* src/leader/craft-run-window.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leader's view of a running group session. The agenda timer keeps the time; this
 * window shows it, saves it whenever it changes (so closing and opening again takes up
 * where it was) and keeps the presenter window in step.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-attendance-list.h"
#include "craft-handout.h"
#include "craft-leader-content.h"
#include "craft-presenter-window.h"
#include "craft-run-window.h"

struct _CraftRunWindow
{
  AdwWindow             parent_instance;

  CraftContext         *context;
  CraftLeaderGroup     *group;
  int                   number;
  char                  day[11];
  CraftSession         *session;
  GPtrArray            *parts;      /* CraftContentNode, borrowed from the session */
  CraftAgendaTimer     *timer;
  CraftPresenterWindow *presenter;
  guint                 tick_id;
  int                   shown_part; /* the part whose content is on screen, or -1 */

  AdwWindowTitle       *window_title;
  GtkButton            *toggle_button;
  AdwFlap              *flap;
  GtkListBox           *agenda_list;
  GtkScrolledWindow    *content_scroll;
  GtkLabel             *part_title_label;
  GtkLabel             *part_time_label;
  GtkLabel             *part_used_label;
  GtkLabel             *overrun_label;
  GtkLabel             *session_time_label;
  GtkCheckButton       *show_time_check;
  GtkBox               *projector_box;
  GtkDropDown          *projector_dropdown;
  GtkLabel             *error_label;
  GtkLabel             *stopped_label;
  GtkBox               *part_box;
  CraftAttendanceList  *attendance_list;
};

G_DEFINE_FINAL_TYPE (CraftRunWindow, craft_run_window, ADW_TYPE_WINDOW)

static void
report (CraftRunWindow *self,
        const char     *what,
        const GError   *error)
{
  g_autofree char *text = g_strdup_printf ("%s %s", what, error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static gint64
context_clock (gpointer user_data)
{
  g_autoptr(GDateTime) now = craft_context_now (user_data);

  return g_date_time_to_unix (now);
}

static char *
format_minutes (gint64 seconds)
{
  int minutes = (int) (seconds / 60);

  /* Translators: a planned length, e.g. "10 min" */
  return g_strdup_printf (ngettext ("%d min", "%d min", minutes), minutes);
}

/* The clock labels, which change every second while the timer runs. */
static void
update_time (CraftRunWindow *self)
{
  guint current = craft_agenda_timer_get_current (self->timer);
  gint64 planned = craft_agenda_timer_get_planned (self->timer, current);
  gint64 used = craft_agenda_timer_get_used (self->timer, current);
  gint64 remaining = planned - used;
  gboolean overrun = remaining < 0;
  g_autofree char *remaining_text = craft_agenda_timer_format (remaining);
  g_autofree char *used_text = craft_agenda_timer_format (used);
  g_autofree char *planned_text = format_minutes (planned);
  g_autofree char *total_used = craft_agenda_timer_format (craft_agenda_timer_get_total_used (self->timer));
  g_autofree char *total_planned = format_minutes (craft_agenda_timer_get_total_planned (self->timer));
  g_autofree char *used_line = NULL;
  g_autofree char *session_line = NULL;
  GtkListBoxRow *row;

  gtk_label_set_text (self->part_time_label, remaining_text);
  /* Translators: under the big clock: time used in this part and its planned length,
   * e.g. "4:12 used of 10 min" */
  used_line = g_strdup_printf (_("%s used of %s"), used_text, planned_text);
  gtk_label_set_text (self->part_used_label, used_line);
  /* Translators: the whole session's time, e.g. "Whole session: 23:10 of 90 min" */
  session_line = g_strdup_printf (_("Whole session: %s of %s"), total_used, total_planned);
  gtk_label_set_text (self->session_time_label, session_line);

  gtk_widget_set_visible (GTK_WIDGET (self->overrun_label), overrun);
  if (overrun)
    {
      g_autofree char *over = craft_agenda_timer_format (-remaining);
      g_autofree char *text = NULL;

      /* Translators: a gentle note when an agenda part takes longer than planned; %s is the
       * extra time, e.g. "1:05" */
      text = g_strdup_printf (_("This part has run %s over. Take the time the group needs, "
                                "or move on when it suits you."),
                              over);
      gtk_label_set_text (self->overrun_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->part_time_label), "overrun");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->part_time_label), "overrun");

  /* The agenda shows each part's time used beside its plan. */
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->agenda_list, i)) != NULL; i++)
    {
      GtkLabel *label = g_object_get_data (G_OBJECT (row), "craft-time-label");
      g_autofree char *part_used = craft_agenda_timer_format (craft_agenda_timer_get_used (self->timer, i));
      g_autofree char *part_planned = format_minutes (craft_agenda_timer_get_planned (self->timer, i));
      /* Translators: an agenda part's time in the list, e.g. "4:12 / 10 min" */
      g_autofree char *text = g_strdup_printf (_("%s / %s"), part_used, part_planned);

      gtk_label_set_text (label, text);
      if (craft_agenda_timer_is_overrun (self->timer, i))
        gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
    }

  if (self->presenter != NULL)
    craft_presenter_window_set_time (self->presenter,
                                     gtk_check_button_get_active (self->show_time_check)
                                     ? remaining_text : NULL,
                                     overrun);
}

static void
add_heading (CraftRunWindow *self,
             const char     *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->part_box, label);
}

static void
add_text (GtkBox     *box,
          const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
}

/* Every child called @name as a list under @heading, with @marker before each. */
static void
add_list (CraftRunWindow   *self,
          CraftContentNode *part,
          const char       *name,
          const char       *heading,
          const char       *marker)
{
  g_autoptr(GPtrArray) items = craft_leader_find_children (part, name);

  if (items->len == 0)
    return;
  add_heading (self, heading);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", marker,
                                               craft_content_node_get_text (items->pdata[i]));

      add_text (self->part_box, text, NULL);
    }
}

static void
add_roleplay (CraftRunWindow   *self,
              CraftContentNode *roleplay)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GPtrArray) lines = craft_leader_find_children (roleplay, "line");
  g_autofree char *title = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "roleplay");
  /* Translators: the heading of a role-play script, %s its title */
  title = g_strdup_printf (_("Role-play: %s"), craft_content_node_get_child_text (roleplay, "title"));
  add_text (GTK_BOX (card), title, "heading");
  if (craft_content_node_get_child_text (roleplay, "setup") != NULL)
    add_text (GTK_BOX (card), craft_content_node_get_child_text (roleplay, "setup"), "dim-label");
  for (guint i = 0; i < lines->len; i++)
    {
      /* Translators: one line of a role-play script: who speaks, and what they say */
      g_autofree char *line = g_strdup_printf (_("%s: %s"),
                                               craft_content_node_get_child_text (lines->pdata[i], "who"),
                                               craft_content_node_get_child_text (lines->pdata[i], "says"));

      add_text (GTK_BOX (card), line, NULL);
    }
  gtk_widget_set_margin_top (card, 12);
  gtk_box_append (self->part_box, card);
}

/* The current part's content, which changes only when the leader moves. */
static void
show_part (CraftRunWindow *self)
{
  guint current = craft_agenda_timer_get_current (self->timer);
  CraftContentNode *part = g_ptr_array_index (self->parts, current);
  g_autoptr(GPtrArray) roleplays = craft_leader_find_children (part, "roleplay");
  g_autofree char *title = NULL;
  GtkWidget *child;

  /* Translators: the current agenda part, e.g. "3 of 7: Talking so you are heard" */
  title = g_strdup_printf (_("%u of %u: %s"), current + 1, self->parts->len,
                           craft_content_node_get_child_text (part, "title"));
  gtk_label_set_text (self->part_title_label, title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->part_box))) != NULL)
    gtk_box_remove (self->part_box, child);
  add_list (self, part, "point", _("On the projector"), "•");
  add_list (self, part, "note", _("For you"), "–");
  add_list (self, part, "question", _("Questions for the group"), "•");
  for (guint i = 0; i < roleplays->len; i++)
    add_roleplay (self, roleplays->pdata[i]);

  gtk_list_box_select_row (self->agenda_list,
                           gtk_list_box_get_row_at_index (self->agenda_list, current));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->content_scroll), 0);

  if (self->presenter != NULL)
    craft_presenter_window_show_part (self->presenter, part);
  update_time (self);
}

static void
update_toggle (CraftRunWindow *self)
{
  gboolean running = craft_agenda_timer_get_running (self->timer);

  gtk_button_set_icon_name (self->toggle_button,
                            running ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle_button),
                               running ? _("Pause the Clock (Space)") : _("Start the Clock (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  running ? _("Pause the clock") : _("Start the clock"), -1);
}

static void
save_run (CraftRunWindow *self)
{
  g_auto(CraftLeaderRun) run = { 0 };
  g_autoptr(GError) error = NULL;

  /* A session that could not be opened has nothing to keep. */
  if (self->session == NULL)
    return;
  craft_agenda_timer_save (self->timer, &run);
  if (!craft_store_leader_set_run (craft_context_get_store (self->context), self->group->id,
                                   self->number, &run, &error))
    report (self, _("Where the session stands could not be saved."), error);
}

static void
on_timer_changed_cb (CraftAgendaTimer *timer,
                     CraftRunWindow   *self)
{
  guint current = craft_agenda_timer_get_current (timer);

  save_run (self);
  update_toggle (self);
  if (craft_agenda_timer_get_running (timer))
    gtk_widget_set_visible (GTK_WIDGET (self->stopped_label), FALSE);
  if ((int) current != self->shown_part)
    {
      self->shown_part = current;
      show_part (self);
    }
  else
    update_time (self);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  CraftRunWindow *self = user_data;

  if (craft_agenda_timer_get_running (self->timer))
    {
      /* Kept now and then, so a crash loses at most that much of the session's time. */
      if (context_clock (self->context) - craft_agenda_timer_get_running_since (self->timer)
          >= CRAFT_AGENDA_TIMER_KEEP_SECONDS)
        save_run (self);
      update_time (self);
    }
  return G_SOURCE_CONTINUE;
}

static void
on_agenda_list_row_activated_cb (GtkListBox     *list,
                                 GtkListBoxRow  *row,
                                 CraftRunWindow *self)
{
  craft_agenda_timer_set_current (self->timer, gtk_list_box_row_get_index (row));
}

static void
on_show_time_check_toggled_cb (GtkCheckButton *check,
                               CraftRunWindow *self)
{
  update_time (self);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  craft_agenda_timer_toggle (CRAFT_RUN_WINDOW (widget)->timer);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  craft_agenda_timer_next (CRAFT_RUN_WINDOW (widget)->timer);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  craft_agenda_timer_previous (CRAFT_RUN_WINDOW (widget)->timer);
}

static void
on_presenter_destroy_cb (GtkWidget      *presenter,
                         CraftRunWindow *self)
{
  self->presenter = NULL;
}

static void on_projector_dropdown_selected_cb (GtkDropDown    *dropdown,
                                               GParamSpec     *pspec,
                                               CraftRunWindow *self);

/* The monitor chosen for the projector, or NULL with only one screen. */
static GdkMonitor *
find_projector (CraftRunWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint selected = gtk_drop_down_get_selected (self->projector_dropdown);
  GdkMonitor *monitor;

  if (g_list_model_get_n_items (monitors) < 2 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  monitor = g_list_model_get_item (monitors, selected);
  /* The display's list keeps it alive. */
  g_object_unref (monitor);
  return monitor;
}

/* The screens to choose from, shown only when there is more than one; the first guess is
 * one the leader's own window is not on. */
static void
update_projectors (CraftRunWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *own = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (monitors);
  guint guess = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      const char *model = gdk_monitor_get_model (monitor);
      const char *connector = gdk_monitor_get_connector (monitor);
      GdkRectangle area;
      g_autofree char *name = NULL;

      gdk_monitor_get_geometry (monitor, &area);
      /* Translators: a screen to show the presenter view on: its name (or connector) and
       * size, e.g. "EPSON PJ · 1920 × 1080" */
      name = g_strdup_printf (_("%s · %d × %d"),
                              model != NULL ? model : connector != NULL ? connector : "",
                              area.width, area.height);
      gtk_string_list_append (names, name);
      if (monitor != own && guess == 0 && own != NULL)
        guess = i;
    }

  g_signal_handlers_block_by_func (self->projector_dropdown, on_projector_dropdown_selected_cb, self);
  gtk_drop_down_set_model (self->projector_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->projector_dropdown, guess);
  g_signal_handlers_unblock_by_func (self->projector_dropdown, on_projector_dropdown_selected_cb,
                                     self);
  gtk_widget_set_visible (GTK_WIDGET (self->projector_box), n > 1);
}

static void
on_monitors_changed_cb (GListModel     *monitors,
                        guint           position,
                        guint           removed,
                        guint           added,
                        CraftRunWindow *self)
{
  update_projectors (self);
}

static void
on_projector_dropdown_selected_cb (GtkDropDown    *dropdown,
                                   GParamSpec     *pspec,
                                   CraftRunWindow *self)
{
  GdkMonitor *projector = find_projector (self);

  if (self->presenter != NULL && projector != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter), projector);
}

static void
presenter_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CraftRunWindow *self = CRAFT_RUN_WINDOW (widget);
  GdkMonitor *projector;

  if (self->presenter != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presenter));
      return;
    }

  self->presenter = CRAFT_PRESENTER_WINDOW (craft_presenter_window_new ());
  g_signal_connect_object (self->presenter, "destroy", G_CALLBACK (on_presenter_destroy_cb),
                           self, 0);
  craft_presenter_window_show_part (self->presenter,
                                    g_ptr_array_index (self->parts,
                                                       craft_agenda_timer_get_current (self->timer)));
  update_time (self);

  /* With a projector attached the view fills it; otherwise it is a window to drag there. */
  projector = find_projector (self);
  if (projector != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter), projector);
  gtk_window_present (GTK_WINDOW (self->presenter));
  /* On the projector, the leader keeps the keyboard here: space and the arrows still drive
   * the session. On one screen the new window stays in front, so it is seen and dragged. */
  if (projector != NULL)
    gtk_window_present (GTK_WINDOW (self));
}

static void
handout_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CraftRunWindow *self = CRAFT_RUN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!craft_handout_print (GTK_WINDOW (self), self->group, self->number, self->day, NULL, &error))
    report (self, _("The handout could not be printed."), error);
}

/* Space and the arrows drive the session from anywhere in the window, except while the
 * leader types a note, where they mean what they always mean. */
static gboolean
run_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  /* A ticked box in the attendance list takes the space, so attendance can be kept from the
   * keyboard as well. */
  if (g_str_equal (user_data, "run.toggle") && focus != NULL
      && gtk_widget_get_ancestor (focus, GTK_TYPE_CHECK_BUTTON) != NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, user_data, NULL);
}

static void
add_run_shortcut (GtkShortcutController *controller,
                  guint                  keyval,
                  const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_callback_action_new (run_shortcut_cb,
                                                                                   (gpointer) action,
                                                                                   NULL)));
}

static gboolean
craft_run_window_close_request (GtkWindow *window)
{
  CraftRunWindow *self = CRAFT_RUN_WINDOW (window);

  /* Closing pauses the clock, so a session closed at its end does not go on counting until
   * next week; the time used so far is kept. */
  craft_agenda_timer_pause (self->timer);
  save_run (self);
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  return GTK_WINDOW_CLASS (craft_run_window_parent_class)->close_request (window);
}

static void
craft_run_window_dispose (GObject *object)
{
  CraftRunWindow *self = CRAFT_RUN_WINDOW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  /* Destroyed without being closed (the app quits): the clock pauses all the same. */
  if (self->timer != NULL && self->group != NULL && craft_agenda_timer_get_running (self->timer))
    {
      g_signal_handlers_disconnect_by_data (self->timer, self);
      craft_agenda_timer_pause (self->timer);
      save_run (self);
    }
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_RUN_WINDOW);
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_pointer (&self->group, craft_leader_group_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (craft_run_window_parent_class)->dispose (object);
}

static void
craft_run_window_class_init (CraftRunWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = craft_run_window_dispose;
  window_class->close_request = craft_run_window_close_request;

  g_type_ensure (CRAFT_TYPE_ATTENDANCE_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/leader/craft-run-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, content_scroll);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, part_title_label);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, part_time_label);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, part_used_label);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, overrun_label);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, session_time_label);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, show_time_check);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, projector_box);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, projector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, stopped_label);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, part_box);
  gtk_widget_class_bind_template_child (widget_class, CraftRunWindow, attendance_list);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_time_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_projector_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "run.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "run.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "run.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "run.presenter", NULL, presenter_action);
  gtk_widget_class_install_action (widget_class, "run.handout", NULL, handout_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "run.presenter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "run.handout",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
craft_run_window_init (CraftRunWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_part = -1;

  /* Before the focused widget sees them, so a focused button does not take the space. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_run_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_space, "run.toggle");
  add_run_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, "run.next");
  add_run_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Down, "run.next");
  add_run_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, "run.next");
  add_run_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, "run.previous");
  add_run_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Up, "run.previous");
  add_run_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, "run.previous");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

static GtkWidget *
new_agenda_row (CraftContentNode *part)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (craft_content_node_get_child_text (part, "title"));
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_add_css_class (time, "caption");
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), time);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "craft-time-label", time);
  return row;
}

static const char * const run_actions[] = {
  "run.toggle", "run.next", "run.previous", "run.presenter", "run.handout",
};

GtkWindow *
craft_run_window_new (GtkWindow    *parent,
                      CraftContext *context,
                      gint64        group,
                      int           number)
{
  CraftRunWindow *self;
  CraftStore *store;
  CraftProgram *program;
  g_autoptr(GError) error = NULL;
  g_autofree guint *minutes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_auto(CraftLeaderRun) run = { 0 };
  char days[CRAFT_LEADER_N_SESSIONS][11];

  g_return_val_if_fail (CRAFT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (number >= 1 && number <= CRAFT_LEADER_N_SESSIONS, NULL);

  self = g_object_new (CRAFT_TYPE_RUN_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->number = number;
  store = craft_context_get_store (context);

  self->group = craft_store_leader_get_group (store, group, &error);
  if (self->group == NULL
      || (program = craft_leader_get_program (self->group->language, &error)) == NULL
      || !craft_store_leader_get_plan (store, group, days, &error)
      || !craft_store_leader_get_run (store, group, number, &run, &error))
    {
      report (self, _("The group session could not be opened."), error);
      for (guint i = 0; i < G_N_ELEMENTS (run_actions); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), run_actions[i], FALSE);
      self->timer = craft_agenda_timer_new (NULL, 0, NULL, NULL);
      return GTK_WINDOW (self);
    }
  g_strlcpy (self->day, days[number - 1], sizeof self->day);

  /* The content in the group's language: what the leader reads out is what the projector
   * and the handouts say. */
  self->session = g_object_ref (craft_program_get_session (program, number));
  self->parts = craft_leader_get_agenda (self->session);
  minutes = g_new0 (guint, MAX (1, self->parts->len));
  for (guint i = 0; i < self->parts->len; i++)
    {
      const char *value = craft_content_node_get_attribute (self->parts->pdata[i], "minutes");
      guint64 m = 0;

      g_ascii_string_to_unsigned (value, 10, 0, 600, &m, NULL);
      minutes[i] = m;
      gtk_list_box_append (self->agenda_list, new_agenda_row (self->parts->pdata[i]));
    }

  title = g_strdup_printf (_("%d. %s"), number, craft_session_get_title (self->session));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, self->group->name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->timer = craft_agenda_timer_new (minutes, self->parts->len, context_clock, context);
  g_signal_connect (self->timer, "changed", G_CALLBACK (on_timer_changed_cb), self);
  if (craft_agenda_timer_restore (self->timer, &run))
    gtk_widget_set_visible (GTK_WIDGET (self->stopped_label), TRUE);
  craft_attendance_list_show (self->attendance_list, context, group, number);
  /* Twice a second, so the shown second never lags by a whole one. */
  self->tick_id = g_timeout_add (500, on_tick_cb, self);
  g_signal_connect_object (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))),
                           "items-changed", G_CALLBACK (on_monitors_changed_cb), self, 0);
  g_signal_connect (self, "realize", G_CALLBACK (update_projectors), NULL);
  update_projectors (self);
  return GTK_WINDOW (self);
}

CraftAgendaTimer *
craft_run_window_get_timer (CraftRunWindow *self)
{
  g_return_val_if_fail (CRAFT_IS_RUN_WINDOW (self), NULL);
  return self->timer;
}

GtkWindow *
craft_run_window_get_presenter (CraftRunWindow *self)
{
  g_return_val_if_fail (CRAFT_IS_RUN_WINDOW (self), NULL);
  return self->presenter != NULL ? GTK_WINDOW (self->presenter) : NULL;
}

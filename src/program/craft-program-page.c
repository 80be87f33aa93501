/* src/program/craft-program-page.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "app/craft-dates.h"
#include "craft-plan-window.h"
#include "craft-program-page.h"
#include "craft-session-view.h"

struct _CraftProgramPage
{
  GtkWidget         parent_instance;

  CraftContext     *context;
  /* The sessions' titles are all the overview needs: the whole content (a fifth of what
   * the app does before its first frame, bench/) is read when a session is opened. */
  GStrv             titles;
  CraftProgram     *program;
  int               next_session;

  AdwLeaflet       *leaflet;
  GtkLabel         *progress_label;
  GtkWidget        *next_button;
  GtkLabel         *next_label;
  GtkLabel         *plan_label;
  GtkLabel         *plan_warning;
  GtkListBox       *sessions_list;
  CraftSessionView *session_view;
};

G_DEFINE_FINAL_TYPE (CraftProgramPage, craft_program_page, GTK_TYPE_WIDGET)

static char *
describe_status (const CraftSessionProgress *progress)
{
  g_autofree char *planned = craft_dates_format_day (progress->planned_on);

  if (progress->done_at > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (progress->done_at);
      g_autofree char *day = craft_dates_to_day (when);
      g_autofree char *done = craft_dates_format_day (day);

      /* Translators: %s is a date. */
      return g_strdup_printf (_("Done on %s"), done);
    }
  if (progress->started_at > 0)
    return *planned != '\0'
           /* Translators: %s is a date. */
           ? g_strdup_printf (_("In progress · planned for %s"), planned)
           : g_strdup (_("In progress"));
  return *planned != '\0'
         /* Translators: %s is a date. */
         ? g_strdup_printf (_("Not started · planned for %s"), planned)
         : g_strdup (_("Not started"));
}

static const char *
status_icon (const CraftSessionProgress *progress)
{
  if (progress->done_at > 0)
    return "emblem-ok-symbolic";
  if (progress->started_at > 0)
    return "document-edit-symbolic";
  /* Nothing to say yet; a blank keeps the titles lined up. */
  return NULL;
}

static CraftProgram *
ensure_program (CraftProgramPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->program == NULL)
    {
      self->program = craft_program_new (NULL, &error);
      /* The content is part of the app itself; failing to load it is a bug, not bad input. */
      if (self->program == NULL)
        g_critical ("The program's content could not be loaded: %s", error->message);
    }
  return self->program;
}

static const char *
get_title (CraftProgramPage *self,
           int               number)
{
  if (self->program != NULL)
    return craft_session_get_title (craft_program_get_session (self->program, number));
  return self->titles[number - 1];
}

static void
update_plan (CraftProgramPage           *self,
             const CraftSessionProgress  progress[12])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = craft_store_get_meta (craft_context_get_store (self->context),
                                                 "plan-start", &error);
  g_autofree char *overrun = NULL;
  g_autofree char *text = NULL;

  if (start == NULL || *start == '\0')
    {
      gtk_label_set_text (self->plan_label,
                          _("No dates yet. Choose the day of your first session, and the "
                            "others are planned a week apart. The whole program is meant to "
                            "fit within six months."));
      gtk_widget_set_visible (GTK_WIDGET (self->plan_warning), FALSE);
      return;
    }

  {
    g_autofree char *first = craft_dates_format_day (start);
    g_autofree char *last = craft_dates_format_day (progress[11].planned_on);

    if (*last != '\0')
      /* Translators: both %s are dates. */
      text = g_strdup_printf (_("First session on %s, the last planned for %s."), first, last);
    else
      /* Translators: %s is a date. */
      text = g_strdup_printf (_("First session on %s."), first);
  }
  gtk_label_set_text (self->plan_label, text);

  overrun = craft_program_plan_overrun (start, progress);
  if (overrun != NULL)
    {
      g_autofree char *day = craft_dates_format_day (overrun);
      g_autofree char *warning = NULL;

      /* Translators: %s is a date. */
      warning = g_strdup_printf (_("Your plan runs until %s, more than six months after the "
                                   "first session. CRAFT works best within six months: try "
                                   "to bring the later sessions closer together."),
                                 day);
      gtk_label_set_text (self->plan_warning, warning);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_warning), overrun != NULL);
}

static void
refresh (CraftProgramPage *self)
{
  g_autoptr(GError) error = NULL;
  CraftSessionProgress progress[12];
  g_autofree char *count = NULL;
  GtkWidget *child;
  int done = 0;

  if (self->titles == NULL && self->program == NULL)
    return;
  if (!craft_store_get_progress (craft_context_get_store (self->context), progress, &error))
    {
      g_warning ("Progress could not be read: %s", error->message);
      memset (progress, 0, sizeof progress);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_list))) != NULL)
    gtk_list_box_remove (self->sessions_list, child);

  self->next_session = 0;
  for (int n = 1; n <= CRAFT_PROGRAM_N_SESSIONS; n++)
    {
      const CraftSessionProgress *p = &progress[n - 1];
      g_autofree char *title = NULL;
      g_autofree char *status = describe_status (p);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (status_icon (p));

      gtk_image_set_pixel_size (GTK_IMAGE (icon), 16);
      g_autofree char *escaped_title = NULL;
      g_autofree char *escaped_status = NULL;

      if (p->done_at > 0)
        done++;
      else if (self->next_session == 0)
        self->next_session = n;

      title = g_strdup_printf (_("%d. %s"), n, get_title (self, n));
      escaped_title = g_markup_escape_text (title, -1);
      escaped_status = g_markup_escape_text (status, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_status);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "craft-session", GINT_TO_POINTER (n));
      if (n == self->next_session)
        gtk_widget_add_css_class (row, "next-session");
      gtk_list_box_append (self->sessions_list, row);
    }

  count = g_strdup_printf (ngettext ("%d of 12 sessions done", "%d of 12 sessions done", done),
                           done);
  gtk_label_set_text (self->progress_label, count);

  if (self->next_session > 0)
    {
      const char *next = get_title (self, self->next_session);
      const CraftSessionProgress *p = &progress[self->next_session - 1];
      g_autofree char *label = p->started_at > 0
        /* Translators: the next step, e.g. "Continue: 4. Staying safe". */
        ? g_strdup_printf (_("Continue: %d. %s"), self->next_session, next)
        /* Translators: the next step, e.g. "Start: 5. Talking so you are heard". */
        : g_strdup_printf (_("Start: %d. %s"), self->next_session, next);

      gtk_label_set_text (self->next_label, label);
      gtk_widget_set_visible (self->next_button, TRUE);
    }
  else
    {
      gtk_label_set_text (self->progress_label,
                          _("You have done all twelve sessions. Well done! Everything you wrote "
                            "stays here to come back to."));
      gtk_widget_set_visible (self->next_button, FALSE);
    }

  update_plan (self, progress);
}

static void
on_sessions_list_row_activated_cb (GtkListBox       *list,
                                   GtkListBoxRow    *row,
                                   CraftProgramPage *self)
{
  craft_program_page_open_session (self,
                                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row),
                                                                       "craft-session")));
}

static void
on_session_view_progress_changed_cb (CraftSessionView *view,
                                     CraftProgramPage *self)
{
  refresh (self);
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CraftProgramPage *self = CRAFT_PROGRAM_PAGE (widget);

  if (self->next_session > 0)
    craft_program_page_open_session (self, self->next_session);
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CraftProgramPage *self = CRAFT_PROGRAM_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "overview");
}

static void
on_plan_window_destroy_cb (GtkWidget        *window,
                           CraftProgramPage *self)
{
  refresh (self);
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CraftProgramPage *self = CRAFT_PROGRAM_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window;

  if (ensure_program (self) == NULL)
    return;
  window = craft_plan_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->context, self->program);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_plan_window_destroy_cb), self, 0);
  gtk_window_present (window);
}

static void
craft_program_page_dispose (GObject *object)
{
  CraftProgramPage *self = CRAFT_PROGRAM_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_PROGRAM_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->program);
  g_clear_pointer (&self->titles, g_strfreev);

  G_OBJECT_CLASS (craft_program_page_parent_class)->dispose (object);
}

static void
craft_program_page_class_init (CraftProgramPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_program_page_dispose;

  g_type_ensure (CRAFT_TYPE_SESSION_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/program/craft-program-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftProgramPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CraftProgramPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CraftProgramPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, CraftProgramPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, CraftProgramPage, plan_label);
  gtk_widget_class_bind_template_child (widget_class, CraftProgramPage, plan_warning);
  gtk_widget_class_bind_template_child (widget_class, CraftProgramPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, CraftProgramPage, session_view);
  gtk_widget_class_bind_template_callback (widget_class, on_sessions_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_session_view_progress_changed_cb);

  gtk_widget_class_install_action (widget_class, "program.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "program.show-overview", NULL,
                                   show_overview_action);
  gtk_widget_class_install_action (widget_class, "program.plan", NULL, plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "program.show-overview", NULL);
}

static void
craft_program_page_init (CraftProgramPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
craft_program_page_set_context (CraftProgramPage *self,
                                CraftContext     *context)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CRAFT_IS_PROGRAM_PAGE (self));
  g_return_if_fail (CRAFT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_clear_pointer (&self->titles, g_strfreev);
  if (self->program == NULL)
    {
      self->titles = craft_program_read_titles (NULL, &error);
      /* The content is part of the app itself; failing to read it is a bug, not bad input. */
      if (self->titles == NULL)
        g_critical ("The program's content could not be loaded: %s", error->message);
    }
  refresh (self);
}

CraftProgram *
craft_program_page_get_program (CraftProgramPage *self)
{
  g_return_val_if_fail (CRAFT_IS_PROGRAM_PAGE (self), NULL);
  return ensure_program (self);
}

void
craft_program_page_open_session (CraftProgramPage *self,
                                 int               number)
{
  g_return_if_fail (CRAFT_IS_PROGRAM_PAGE (self));
  g_return_if_fail (number >= 1 && number <= CRAFT_PROGRAM_N_SESSIONS);

  if (ensure_program (self) == NULL)
    return;

  craft_session_view_show (self->session_view, self->context, self->program,
                           craft_program_get_session (self->program, number));
  /* Hidden until the first session is opened (the .ui file says why). */
  gtk_widget_set_visible (GTK_WIDGET (self->session_view), TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "session");
}

int
craft_program_page_get_open_session (CraftProgramPage *self)
{
  CraftSession *session;

  g_return_val_if_fail (CRAFT_IS_PROGRAM_PAGE (self), 0);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "session") != 0)
    return 0;
  session = craft_session_view_get_session (self->session_view);
  return session != NULL ? craft_session_get_number (session) : 0;
}

int
craft_program_page_get_next_session (CraftProgramPage *self)
{
  g_return_val_if_fail (CRAFT_IS_PROGRAM_PAGE (self), 0);
  return self->next_session;
}

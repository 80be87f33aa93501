/* src/leader/craft-leader-page.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is read from the leader_* tables and the session content; the relative's
 * own program and diary are never read by this page or anything it opens.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "app/craft-dates.h"
#include "app/craft-window.h"
#include "craft-attendance-list.h"
#include "craft-group-editor.h"
#include "craft-handout.h"
#include "craft-leader-content.h"
#include "craft-leader-page.h"
#include "craft-run-window.h"

struct _CraftLeaderPage
{
  GtkWidget            parent_instance;

  CraftContext        *context;
  CraftLeaderGroup    *group;          /* the group shown, or NULL */
  GPtrArray           *group_rows;     /* rows added to groups_group */
  GPtrArray           *session_rows;   /* rows added to sessions_group */
  GPtrArray           *person_rows;    /* rows added to participants_group */
  GtkWindow           *run_window;     /* weak */
  GtkFileChooserNative *chooser;

  GtkStack            *stack;
  AdwPreferencesGroup *groups_group;
  GtkScrolledWindow   *group_scroll;
  GtkLabel            *group_title_label;
  GtkLabel            *group_subtitle_label;
  GtkLabel            *warning_label;
  AdwPreferencesGroup *sessions_group;
  AdwPreferencesGroup *participants_group;
  AdwEntryRow         *add_row;
};

G_DEFINE_FINAL_TYPE (CraftLeaderPage, craft_leader_page, GTK_TYPE_WIDGET)

static GtkWindow *
get_window (CraftLeaderPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (CraftLeaderPage *self,
            const char      *what,
            const GError    *error)
{
  craft_window_show_error (GTK_WIDGET (self), what, error);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static GtkWidget *
new_icon_button (const char *icon,
                 const char *tooltip,
                 const char *action,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
reload_groups (CraftLeaderPage *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self->groups_group, self->group_rows);
  groups = craft_store_leader_list_groups (craft_context_get_store (self->context), &error);
  if (groups == NULL)
    {
      show_error (self, _("Your groups could not be read."), error);
      return;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      CraftLeaderGroup *group = g_ptr_array_index (groups, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_markup_escape_text (group->name, -1);
      g_autofree char *start = craft_dates_format_day (group->start_on);
      g_autofree char *subtitle = NULL;

      /* Translators: under a group's name: its language and first day, e.g.
       * "Swedish · from Tuesday 24 November 2026" */
      subtitle = g_strdup_printf (_("%s · from %s"), craft_leader_language_name (group->language),
                                  start);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "leader.open-group");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (group->id));
      add_row (self->groups_group, self->group_rows, row);
    }

  if (self->group == NULL)
    gtk_stack_set_visible_child_name (self->stack, groups->len > 0 ? "groups" : "empty");
}

static void
update_warning (CraftLeaderPage *self,
                char             days[CRAFT_LEADER_N_SESSIONS][11])
{
  g_autofree char *overrun = craft_leader_plan_overrun (self->group->start_on, days);

  if (overrun != NULL)
    {
      g_autofree char *day = craft_dates_format_day (overrun);
      /* Translators: %s is a date. */
      g_autofree char *text = g_strdup_printf (_("The last group session is planned for %s, more "
                                                 "than six months after the first. CRAFT works "
                                                 "best within six months."),
                                               day);

      gtk_label_set_text (self->warning_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), overrun != NULL);
}

static void
on_person_row_apply_cb (AdwEntryRow     *row,
                        CraftLeaderPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "craft-participant");
  g_autoptr(GError) error = NULL;

  if (!craft_store_leader_rename_participant (craft_context_get_store (self->context), id,
                                              gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    show_error (self, _("The name could not be changed."), error);
}

static void
reload_group (CraftLeaderPage *self)
{
  CraftStore *store = craft_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *subtitle = NULL;
  CraftProgram *program;
  char days[CRAFT_LEADER_N_SESSIONS][11];
  gint64 id = self->group->id;

  g_clear_pointer (&self->group, craft_leader_group_free);
  self->group = craft_store_leader_get_group (store, id, &error);
  if (self->group == NULL
      || !craft_store_leader_get_plan (store, id, days, &error)
      || (people = craft_store_leader_list_participants (store, id, &error)) == NULL
      || (program = craft_leader_get_program (self->group->language, &error)) == NULL)
    {
      show_error (self, _("The group could not be read."), error);
      g_clear_pointer (&self->group, craft_leader_group_free);
      reload_groups (self);
      return;
    }

  gtk_label_set_text (self->group_title_label, self->group->name);
  /* Translators: under a group's name on its page: its language and how many take part.
   * One sentence per language, as a language's name inside a sentence may be written
   * differently (Swedish and Danish use lower case). */
  if (g_str_equal (self->group->language, "sv"))
    subtitle = g_strdup_printf (ngettext ("Meets in Swedish · %u participant",
                                          "Meets in Swedish · %u participants", people->len),
                                people->len);
  else if (g_str_equal (self->group->language, "da"))
    subtitle = g_strdup_printf (ngettext ("Meets in Danish · %u participant",
                                          "Meets in Danish · %u participants", people->len),
                                people->len);
  else
    subtitle = g_strdup_printf (ngettext ("Meets in English · %u participant",
                                          "Meets in English · %u participants", people->len),
                                people->len);
  gtk_label_set_text (self->group_subtitle_label, subtitle);
  update_warning (self, days);

  clear_rows (self->sessions_group, self->session_rows);
  for (int n = 1; n <= CRAFT_LEADER_N_SESSIONS; n++)
    {
      CraftSession *session = craft_program_get_session (program, n);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("%d. %s"), n, craft_session_get_title (session));
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *day = craft_dates_format_day (days[n - 1]);
      GtkWidget *run = new_icon_button ("media-playback-start-symbolic", _("Run This Session"),
                                        "leader.run", g_variant_new_int32 (n));

      guint present = 0;
      g_autofree char *line = NULL;

      for (guint i = 0; i < people->len; i++)
        {
          gboolean came = FALSE;

          if (craft_store_leader_get_attendance (store,
                                                 ((CraftLeaderParticipant *) people->pdata[i])->id,
                                                 n, &came, NULL, NULL) && came)
            present++;
        }
      /* Translators: a group session's day and how many came, e.g.
       * "Tuesday 22 December 2026 · 5 of 6 present" */
      line = present > 0 ? g_strdup_printf (_("%s · %u of %u present"),
                                            *day != '\0' ? day : _("Not planned"), present,
                                            people->len)
                         : g_strdup (*day != '\0' ? day : _("Not planned"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("printer-symbolic", _("Print Handout"),
                                                  "leader.handout", g_variant_new_int32 (n)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("system-users-symbolic", _("Attendance and Notes"),
                                                  "leader.attendance", g_variant_new_int32 (n)));
      gtk_widget_remove_css_class (run, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), run);
      add_row (self->sessions_group, self->session_rows, row);
    }

  clear_rows (self->participants_group, self->person_rows);
  for (guint i = 0; i < people->len; i++)
    {
      CraftLeaderParticipant *person = g_ptr_array_index (people, i);
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), person->name);
      GtkWidget *remove = new_icon_button ("user-trash-symbolic", _("Remove"),
                                           "leader.remove-participant",
                                           g_variant_new_int64 (person->id));

      /* Translators: the title above a participant's name, which can be edited in place */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name or alias"));
      gtk_editable_set_text (GTK_EDITABLE (row), person->name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      g_object_set_data_full (G_OBJECT (row), "craft-participant",
                              g_memdup2 (&person->id, sizeof person->id), g_free);
      g_signal_connect (row, "apply", G_CALLBACK (on_person_row_apply_cb), self);
      add_row (self->participants_group, self->person_rows, row);
    }
}

void
craft_leader_page_open_group (CraftLeaderPage *self,
                              gint64           group)
{
  g_return_if_fail (CRAFT_IS_LEADER_PAGE (self));

  g_clear_pointer (&self->group, craft_leader_group_free);
  self->group = g_new0 (CraftLeaderGroup, 1);
  self->group->id = group;
  reload_group (self);
  if (self->group == NULL)
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->group_scroll), 0);
  gtk_stack_set_visible_child_name (self->stack, "group");
}

gint64
craft_leader_page_get_group (CraftLeaderPage *self)
{
  g_return_val_if_fail (CRAFT_IS_LEADER_PAGE (self), 0);
  return self->group != NULL ? self->group->id : 0;
}

GtkWindow *
craft_leader_page_get_run_window (CraftLeaderPage *self)
{
  g_return_val_if_fail (CRAFT_IS_LEADER_PAGE (self), NULL);
  return self->run_window;
}

static void
on_add_row_apply_cb (AdwEntryRow     *row,
                     CraftLeaderPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->group == NULL || *name == '\0')
    return;
  if (craft_store_leader_add_participant (craft_context_get_store (self->context),
                                          self->group->id, name, &error) == 0)
    {
      show_error (self, _("The participant could not be added."), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  reload_group (self);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_editor_saved_cb (CraftGroupEditor *editor,
                    gint64            group,
                    CraftLeaderPage  *self)
{
  reload_groups (self);
  craft_leader_page_open_group (self, group);
}

static void
open_editor (CraftLeaderPage *self,
             gint64           group)
{
  GtkWindow *editor = craft_group_editor_new (get_window (self), self->context, group);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (editor);
}

static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (CRAFT_LEADER_PAGE (widget), 0);
}

static void
edit_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (widget);

  if (self->group != NULL)
    open_editor (self, self->group->id);
}

static void
open_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  craft_leader_page_open_group (CRAFT_LEADER_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (widget);

  g_clear_pointer (&self->group, craft_leader_group_free);
  reload_groups (self);
}

static void
on_delete_group_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CraftLeaderPage  *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "craft-group");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!craft_store_leader_delete_group (craft_context_get_store (self->context), id, &error))
    {
      show_error (self, _("The group could not be deleted."), error);
      return;
    }
  g_clear_pointer (&self->group, craft_leader_group_free);
  reload_groups (self);
}

static void
delete_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (widget);
  AdwMessageDialog *dialog;

  if (self->group == NULL)
    return;
  /* Translators: %s is the group's name */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), self->group->name);
  adw_message_dialog_set_body (dialog,
                               _("The group’s plan, participants, attendance and notes are "
                                 "deleted for good. Nothing else in Craft Companion is touched."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Group"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "craft-group",
                          g_memdup2 (&self->group->id, sizeof (gint64)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_group_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_participant_response_cb (AdwMessageDialog *dialog,
                                   const char       *response,
                                   CraftLeaderPage  *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "craft-participant");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || self->group == NULL)
    return;
  if (!craft_store_leader_remove_participant (craft_context_get_store (self->context), id, &error))
    show_error (self, _("The participant could not be removed."), error);
  reload_group (self);
}

static void
remove_participant_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  const char *name = "";
  AdwMessageDialog *dialog;

  for (guint i = 0; i < self->person_rows->len; i++)
    if (*(gint64 *) g_object_get_data (self->person_rows->pdata[i], "craft-participant") == id)
      name = gtk_editable_get_text (self->person_rows->pdata[i]);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), NULL, NULL));
  /* Translators: %s is a participant's first name or alias */
  adw_message_dialog_format_heading (dialog, _("Remove %s?"), name);
  adw_message_dialog_set_body (dialog, _("Their attendance and your notes about them in this "
                                         "group are removed too."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "craft-participant", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_participant_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Attendance may have changed while the window was open. */
static void
on_child_window_destroy_cb (CraftLeaderPage *self)
{
  if (self->group != NULL && self->context != NULL
      && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    reload_group (self);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (widget);

  if (self->group == NULL)
    return;
  if (self->run_window != NULL)
    gtk_window_destroy (self->run_window);
  self->run_window = craft_run_window_new (get_window (self), self->context, self->group->id,
                                           g_variant_get_int32 (parameter));
  g_object_add_weak_pointer (G_OBJECT (self->run_window), (gpointer *) &self->run_window);
  g_signal_connect_object (self->run_window, "destroy", G_CALLBACK (on_child_window_destroy_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (self->run_window);
}

static void
attendance_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (widget);
  int number = g_variant_get_int32 (parameter);
  g_autofree char *title = NULL;
  GtkWindow *window;

  if (self->group == NULL)
    return;
  /* Translators: the title of the attendance window, e.g. "Attendance, group session 3" */
  title = g_strdup_printf (_("Attendance, group session %d"), number);
  window = craft_attendance_list_new_window (get_window (self), self->context, self->group->id,
                                             number, title);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_child_window_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (window);
}

static void
handout_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (widget);
  int number = g_variant_get_int32 (parameter);
  g_autoptr(GError) error = NULL;
  char days[CRAFT_LEADER_N_SESSIONS][11];

  if (self->group == NULL)
    return;
  if (!craft_store_leader_get_plan (craft_context_get_store (self->context), self->group->id,
                                    days, &error)
      || !craft_handout_print (get_window (self), self->group, number, days[number - 1], NULL,
                               &error))
    show_error (self, _("The handout could not be printed."), error);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CraftLeaderPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gint64 group = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "craft-group"));
  GtkWidget *window;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      csv = craft_store_leader_export_csv (craft_context_get_store (self->context), group, &error);
      if (csv == NULL
          || !g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, NULL, &error))
        show_error (self, _("The attendance could not be exported."), error);
      else if ((window = gtk_widget_get_ancestor (GTK_WIDGET (self), CRAFT_TYPE_WINDOW)) != NULL)
        craft_window_add_toast (CRAFT_WINDOW (window),
                                adw_toast_new (_("Attendance and notes exported")));
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (widget);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->group == NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Attendance and Notes"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  /* Translators: the suggested file name of the attendance export; %s is the group's name */
  name = g_strdup_printf (_("%s attendance.csv"), self->group->name);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_set_data (G_OBJECT (self->chooser), "craft-group", GSIZE_TO_POINTER (self->group->id));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
craft_leader_page_dispose (GObject *object)
{
  CraftLeaderPage *self = CRAFT_LEADER_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->run_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->run_window), (gpointer *) &self->run_window);
  self->run_window = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_LEADER_PAGE);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  g_clear_pointer (&self->session_rows, g_ptr_array_unref);
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);
  g_clear_pointer (&self->group, craft_leader_group_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (craft_leader_page_parent_class)->dispose (object);
}

static void
craft_leader_page_class_init (CraftLeaderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_leader_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/leader/craft-leader-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, groups_group);
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, group_scroll);
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, group_title_label);
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, group_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, participants_group);
  gtk_widget_class_bind_template_child (widget_class, CraftLeaderPage, add_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_apply_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "leader.new-group", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "leader.edit-group", NULL, edit_group_action);
  gtk_widget_class_install_action (widget_class, "leader.open-group", "x", open_group_action);
  gtk_widget_class_install_action (widget_class, "leader.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "leader.delete-group", NULL, delete_group_action);
  gtk_widget_class_install_action (widget_class, "leader.remove-participant", "x",
                                   remove_participant_action);
  gtk_widget_class_install_action (widget_class, "leader.run", "i", run_action);
  gtk_widget_class_install_action (widget_class, "leader.attendance", "i", attendance_action);
  gtk_widget_class_install_action (widget_class, "leader.handout", "i", handout_action);
  gtk_widget_class_install_action (widget_class, "leader.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "leader.back",
                                       NULL);
}

static void
craft_leader_page_init (CraftLeaderPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Shift+N works wherever the focus is while this place is shown (a managed
   * shortcut is left alone while the page is not mapped). */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_N,
                                                                                  GDK_CONTROL_MASK
                                                                                  | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("leader.new-group")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->group_rows = g_ptr_array_new ();
  self->session_rows = g_ptr_array_new ();
  self->person_rows = g_ptr_array_new ();
}

void
craft_leader_page_set_context (CraftLeaderPage *self,
                               CraftContext    *context)
{
  g_return_if_fail (CRAFT_IS_LEADER_PAGE (self));
  g_return_if_fail (CRAFT_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  reload_groups (self);
}

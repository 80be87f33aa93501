/* src/leader/craft-attendance-list.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "craft-attendance-list.h"
#include "store/craft-store-leader.h"

struct _CraftAttendanceList
{
  GtkWidget     parent_instance;

  CraftContext *context;
  int           number;

  GtkListBox   *list_box;
  GtkLabel     *empty_label;
  GtkLabel     *error_label;
  GtkSizeGroup *names;        /* so the notes line up whatever the names' lengths */
};

G_DEFINE_FINAL_TYPE (CraftAttendanceList, craft_attendance_list, GTK_TYPE_WIDGET)

typedef struct
{
  gint64  participant;
  int     number;
  char   *note;
} NoteChange;

static void
note_change_free (gpointer data)
{
  NoteChange *change = data;

  g_free (change->note);
  g_free (change);
}

static gboolean
save_note (CraftStore  *store,
           gpointer     data,
           GError     **error)
{
  NoteChange *change = data;

  return craft_store_leader_set_note (store, change->participant, change->number, change->note,
                                      error);
}

static void
report (CraftAttendanceList *self,
        const GError        *error)
{
  g_autofree char *text = g_strdup_printf (_("Attendance could not be saved. %s"),
                                           error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static gint64
row_participant (GtkWidget *widget)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (widget), "craft-participant");
}

static void
on_present_toggled_cb (GtkCheckButton      *check,
                       CraftAttendanceList *self)
{
  g_autoptr(GError) error = NULL;

  if (!craft_store_leader_set_present (craft_context_get_store (self->context),
                                       row_participant (GTK_WIDGET (check)), self->number,
                                       gtk_check_button_get_active (check), &error))
    report (self, error);
}

static void
on_note_changed_cb (GtkEditable         *entry,
                    CraftAttendanceList *self)
{
  NoteChange *change = g_new0 (NoteChange, 1);
  g_autofree char *key = NULL;

  change->participant = row_participant (GTK_WIDGET (entry));
  change->number = self->number;
  change->note = g_strdup (gtk_editable_get_text (entry));
  key = g_strdup_printf ("leader-note:%" G_GINT64_FORMAT ":%d", change->participant,
                         change->number);
  /* Typed notes go through the saver like every other text: kept in a moment, retried if
   * the disk is busy, and flushed when the window closes. */
  craft_saver_queue (craft_context_get_saver (self->context), key, save_note, change,
                     note_change_free);
}

static GtkWidget *
new_row (CraftAttendanceList    *self,
         CraftLeaderParticipant *participant,
         gboolean                present,
         const char             *note)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new_with_label (participant->name);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *note_label = NULL;
  gint64 *id = g_new (gint64, 1);

  *id = participant->id;
  g_object_set_data_full (G_OBJECT (check), "craft-participant", id, g_free);
  g_object_set_data_full (G_OBJECT (entry), "craft-participant", g_memdup2 (id, sizeof *id),
                          g_free);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), present);
  gtk_widget_set_tooltip_text (check, _("Came to this group session"));
  gtk_editable_set_text (GTK_EDITABLE (entry), note);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Private note"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_widget_set_hexpand (entry, TRUE);
  /* Translators: the accessible name of the note field beside a participant's name */
  note_label = g_strdup_printf (_("Private note about %s"), participant->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  note_label, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_present_toggled_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_note_changed_cb), self);

  gtk_size_group_add_widget (self->names, check);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), entry);
  return box;
}

void
craft_attendance_list_show (CraftAttendanceList *self,
                            CraftContext        *context,
                            gint64               group,
                            int                  number)
{
  CraftStore *store;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (CRAFT_IS_ATTENDANCE_LIST (self));
  g_return_if_fail (CRAFT_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  self->number = number;
  store = craft_context_get_store (context);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  participants = craft_store_leader_list_participants (store, group, &error);
  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      CraftLeaderParticipant *participant = g_ptr_array_index (participants, i);
      g_autofree char *note = NULL;
      gboolean present = FALSE;

      if (!craft_store_leader_get_attendance (store, participant->id, number, &present, &note,
                                              &error))
        break;
      gtk_list_box_append (self->list_box, new_row (self, participant, present, note));
    }
  if (error != NULL)
    report (self, error);

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), participants != NULL && participants->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          participants != NULL && participants->len == 0);
}

static void
craft_attendance_list_dispose (GObject *object)
{
  CraftAttendanceList *self = CRAFT_ATTENDANCE_LIST (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAFT_TYPE_ATTENDANCE_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->names);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (craft_attendance_list_parent_class)->dispose (object);
}

static void
craft_attendance_list_class_init (CraftAttendanceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = craft_attendance_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/leader/craft-attendance-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CraftAttendanceList, list_box);
  gtk_widget_class_bind_template_child (widget_class, CraftAttendanceList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CraftAttendanceList, error_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
craft_attendance_list_init (CraftAttendanceList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

GtkWidget *
craft_attendance_list_new (void)
{
  return g_object_new (CRAFT_TYPE_ATTENDANCE_LIST, NULL);
}

GtkWindow *
craft_attendance_list_new_window (GtkWindow    *parent,
                                  CraftContext *context,
                                  gint64        group,
                                  int           number,
                                  const char   *title)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = craft_attendance_list_new ();
  GtkEventController *shortcuts;

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 560);
  gtk_widget_set_size_request (window, 360, 300);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (list, 18);
  gtk_widget_set_margin_bottom (list, 18);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  craft_attendance_list_show (CRAFT_ATTENDANCE_LIST (list), context, group, number);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  return GTK_WINDOW (window);
}

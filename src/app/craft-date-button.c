/* src/app/craft-date-button.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-date-button.h"
#include "craft-dates.h"

struct _CraftDateButton
{
  GtkWidget    parent_instance;

  char        *day;
  GtkWidget   *button;
  GtkCalendar *calendar;
};

G_DEFINE_FINAL_TYPE (CraftDateButton, craft_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (CraftDateButton *self)
{
  g_autofree char *text = craft_dates_format_day (self->day);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button),
                             *text != '\0' ? text : _("Choose a Date"));
}

static void
on_calendar_day_selected_cb (GtkCalendar     *calendar,
                             CraftDateButton *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *day = craft_dates_to_day (date);

  craft_date_button_set_day (self, day);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
on_clear_clicked_cb (GtkButton       *clear,
                     CraftDateButton *self)
{
  craft_date_button_set_day (self, "");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
craft_date_button_dispose (GObject *object)
{
  CraftDateButton *self = CRAFT_DATE_BUTTON (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (craft_date_button_parent_class)->dispose (object);
}

static void
craft_date_button_finalize (GObject *object)
{
  g_free (CRAFT_DATE_BUTTON (object)->day);

  G_OBJECT_CLASS (craft_date_button_parent_class)->finalize (object);
}

static void
craft_date_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, CRAFT_DATE_BUTTON (object)->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_date_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DAY:
      craft_date_button_set_day (CRAFT_DATE_BUTTON (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_date_button_class_init (CraftDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = craft_date_button_dispose;
  object_class->finalize = craft_date_button_finalize;
  object_class->get_property = craft_date_button_get_property;
  object_class->set_property = craft_date_button_set_property;

  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
craft_date_button_init (CraftDateButton *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Date"));

  self->day = g_strdup ("");
  self->button = gtk_menu_button_new ();
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb),
                    self);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  update_label (self);
}

GtkWidget *
craft_date_button_new (void)
{
  return g_object_new (CRAFT_TYPE_DATE_BUTTON, NULL);
}

const char *
craft_date_button_get_day (CraftDateButton *self)
{
  g_return_val_if_fail (CRAFT_IS_DATE_BUTTON (self), NULL);
  return self->day;
}

void
craft_date_button_set_day (CraftDateButton *self,
                           const char      *day)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_if_fail (CRAFT_IS_DATE_BUTTON (self));

  if (day == NULL)
    day = "";
  if (g_str_equal (self->day, day))
    return;

  g_free (self->day);
  self->day = g_strdup (day);

  date = craft_dates_parse_day (day);
  if (date != NULL)
    {
      g_signal_handlers_block_by_func (self->calendar, on_calendar_day_selected_cb, self);
      gtk_calendar_select_day (self->calendar, date);
      g_signal_handlers_unblock_by_func (self->calendar, on_calendar_day_selected_cb, self);
    }
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

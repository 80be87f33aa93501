/* src/app/craft-date-button.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRAFT_TYPE_DATE_BUTTON (craft_date_button_get_type ())
G_DECLARE_FINAL_TYPE (CraftDateButton, craft_date_button, CRAFT, DATE_BUTTON, GtkWidget)

/* A button showing a calendar day in words; it opens a calendar to pick another, or to
 * clear it. The "day" property is "YYYY-MM-DD", or "" for none. */
GtkWidget  *craft_date_button_new     (void);
const char *craft_date_button_get_day (CraftDateButton *self);
void        craft_date_button_set_day (CraftDateButton *self,
                                       const char      *day);

G_END_DECLS

/* src/safety/craft-contact-row.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_CONTACT_ROW (craft_contact_row_get_type ())
G_DECLARE_FINAL_TYPE (CraftContactRow, craft_contact_row, CRAFT, CONTACT_ROW, GtkListBoxRow)

/* A person to call in the safety plan: a saved row of the list "people". */
GtkWidget  *craft_contact_row_new        (CraftContext    *context,
                                          gint64           row_id);
gint64      craft_contact_row_get_row_id (CraftContactRow *self);
const char *craft_contact_row_get_name   (CraftContactRow *self);
void        craft_contact_row_focus      (CraftContactRow *self);

G_END_DECLS

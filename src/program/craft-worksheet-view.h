/* src/program/craft-worksheet-view.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"
#include "program/craft-content-node.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_WORKSHEET_VIEW (craft_worksheet_view_get_type ())
G_DECLARE_FINAL_TYPE (CraftWorksheetView, craft_worksheet_view, CRAFT, WORKSHEET_VIEW, GtkWidget)

/* A worksheet built from its declaration (<worksheet> of docs/session-content.md), showing
 * and saving its answers as they are typed. */
GtkWidget  *craft_worksheet_view_new    (CraftContext       *context,
                                         CraftContentNode   *worksheet);
const char *craft_worksheet_view_get_id (CraftWorksheetView *self);
/* Reads the saved answers again, e.g. after the same worksheet was edited elsewhere. */
void        craft_worksheet_view_reload (CraftWorksheetView *self);

G_END_DECLS

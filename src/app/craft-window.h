/* src/app/craft-window.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_WINDOW (craft_window_get_type ())
G_DECLARE_FINAL_TYPE (CraftWindow, craft_window, CRAFT, WINDOW, AdwApplicationWindow)

GtkWindow    *craft_window_new           (GtkApplication *application,
                                          CraftContext   *context);
CraftContext *craft_window_get_context   (CraftWindow    *self);
/* Shows one of the places: "program", "diary", "review", "safety" or "leader". */
void          craft_window_show_page     (CraftWindow    *self,
                                          const char     *name);
const char   *craft_window_get_page      (CraftWindow    *self);
void          craft_window_add_toast     (CraftWindow    *self,
                                          AdwToast       *toast);

/* Tells the person, in the window that holds @widget, that @what failed and why; the
 * message stays until dismissed. Without such a window it goes to the log. */
void          craft_window_show_error    (GtkWidget      *widget,
                                          const char     *what,
                                          const GError   *error);

/* Shows @text and a progress bar at @fraction (0 … 1) under the header bar while long work
 * runs, with the export, import and backup actions off; a negative @fraction hides it and
 * turns them on again. */
void          craft_window_set_progress  (CraftWindow    *self,
                                          const char     *text,
                                          double          fraction);
/* The fraction shown, or -1 when no progress is shown. */
double        craft_window_get_progress  (CraftWindow    *self);
/* Reads the diary again in every place, after an import changed it. */
void          craft_window_reload        (CraftWindow    *self);

G_END_DECLS

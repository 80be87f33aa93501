/* src/leader/craft-presenter-window.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "program/craft-content-node.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_PRESENTER_WINDOW (craft_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (CraftPresenterWindow, craft_presenter_window, CRAFT, PRESENTER_WINDOW,
                      AdwWindow)

/* The window for the projector: only what the group should see. */
GtkWindow *craft_presenter_window_new       (void);
/* Shows the agenda part's title and its <point>s; nothing else of the part is ever read. */
void       craft_presenter_window_show_part (CraftPresenterWindow *self,
                                             CraftContentNode     *part);
/* The time left in the part ("4:30", or NULL to hide it). */
void       craft_presenter_window_set_time  (CraftPresenterWindow *self,
                                             const char           *remaining,
                                             gboolean              overrun);

G_END_DECLS

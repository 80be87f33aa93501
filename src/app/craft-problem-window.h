/* src/app/craft-problem-window.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRAFT_TYPE_PROBLEM_WINDOW (craft_problem_window_get_type ())
G_DECLARE_FINAL_TYPE (CraftProblemWindow, craft_problem_window, CRAFT, PROBLEM_WINDOW,
                      AdwApplicationWindow)

/* Says in plain words why the data could not be opened and what can be done. */
GtkWindow *craft_problem_window_new        (GtkApplication     *application,
                                            const char         *data_dir,
                                            const GError       *error);
void       craft_problem_window_show_error (CraftProblemWindow *self,
                                            const GError       *error);
const char *craft_problem_window_get_title_text       (CraftProblemWindow *self);
const char *craft_problem_window_get_description_text (CraftProblemWindow *self);

G_END_DECLS

/* src/program/craft-plan-window.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "app/craft-context.h"
#include "program/craft-program.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_PLAN_WINDOW (craft_plan_window_get_type ())
G_DECLARE_FINAL_TYPE (CraftPlanWindow, craft_plan_window, CRAFT, PLAN_WINDOW, AdwWindow)

/* The start date and a planned date for each session, checked against six months. */
GtkWindow *craft_plan_window_new (GtkWindow    *parent,
                                  CraftContext *context,
                                  CraftProgram *program);

G_END_DECLS

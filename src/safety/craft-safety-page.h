/* src/safety/craft-safety-page.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

/* The worksheet that holds the safety plan; session 4 shows the same answers. */
#define CRAFT_SAFETY_PLAN_WORKSHEET "safety-plan"
#define CRAFT_SAFETY_PLAN_PEOPLE    "people"

#define CRAFT_TYPE_SAFETY_PAGE (craft_safety_page_get_type ())
G_DECLARE_FINAL_TYPE (CraftSafetyPage, craft_safety_page, CRAFT, SAFETY_PAGE, GtkWidget)

void craft_safety_page_set_context (CraftSafetyPage *self,
                                    CraftContext    *context);
/* Puts the keyboard focus on the first field of the plan. */
void craft_safety_page_focus       (CraftSafetyPage *self);

G_END_DECLS

/* src/program/craft-program-page.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"
#include "program/craft-program.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_PROGRAM_PAGE (craft_program_page_get_type ())
G_DECLARE_FINAL_TYPE (CraftProgramPage, craft_program_page, CRAFT, PROGRAM_PAGE, GtkWidget)

/* The Program place: the twelve sessions at a glance, the plan, and one session at a time. */
void          craft_program_page_set_context  (CraftProgramPage *self,
                                               CraftContext     *context);
CraftProgram *craft_program_page_get_program  (CraftProgramPage *self);
/* Opens session @number (1 … 12). */
void          craft_program_page_open_session (CraftProgramPage *self,
                                               int               number);
/* The session on screen, or 0 while the overview shows. */
int           craft_program_page_get_open_session (CraftProgramPage *self);
/* The session the overview suggests next: the first one not done, or 0 when all are. */
int           craft_program_page_get_next_session (CraftProgramPage *self);

G_END_DECLS

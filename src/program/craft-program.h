/* src/program/craft-program.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "program/craft-session.h"
#include "store/craft-store.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_PROGRAM (craft_program_get_type ())
G_DECLARE_FINAL_TYPE (CraftProgram, craft_program, CRAFT, PROGRAM, GObject)

/* The number of CRAFT sessions, and the most months they should take. */
#define CRAFT_PROGRAM_N_SESSIONS  12
#define CRAFT_PROGRAM_MAX_MONTHS  6

/* The 12 sessions (a GListModel of CraftSession) in @language: "en", "sv" or "da"; NULL for
 * the language the interface speaks. */
CraftProgram     *craft_program_new                 (const char   *language,
                                                     GError      **error);
/* Only the 12 sessions' titles in @language (NULL as above), read without the rest of the
 * content: what the Program's overview shows at start. */
GStrv             craft_program_read_titles         (const char   *language,
                                                     GError      **error);
/* The content language matching the interface: "sv", "da" or "en". */
const char       *craft_program_get_ui_language     (void);
const char       *craft_program_get_language        (CraftProgram *self);
/* Session 1 to 12. */
CraftSession     *craft_program_get_session         (CraftProgram *self,
                                                     int           number);
/* The declaration of a worksheet, wherever it stands (a ref in one session shows a
 * worksheet declared in another). NULL when unknown. */
CraftContentNode *craft_program_find_worksheet      (CraftProgram *self,
                                                     const char   *id);
/* The session that declares the worksheet, or 0. */
int               craft_program_get_worksheet_session (CraftProgram *self,
                                                       const char   *id);

/* The latest planned day if the plan runs past CRAFT_PROGRAM_MAX_MONTHS from @start
 * ("YYYY-MM-DD"), otherwise NULL. */
char             *craft_program_plan_overrun        (const char                 *start,
                                                     const CraftSessionProgress  progress[12]);

G_END_DECLS

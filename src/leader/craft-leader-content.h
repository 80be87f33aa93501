/* src/leader/craft-leader-content.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "program/craft-program.h"
#include "store/craft-store-leader.h"

G_BEGIN_DECLS

/* The languages a group can meet in, in the order the group editor offers them. */
#define CRAFT_LEADER_N_LANGUAGES 3
extern const char * const craft_leader_languages[CRAFT_LEADER_N_LANGUAGES];

/* The language's name in the interface's language ("Swedish"). */
const char       *craft_leader_language_name   (const char    *language);
/* The 12 sessions in the group's language, loaded once and kept. */
CraftProgram     *craft_leader_get_program     (const char    *language,
                                                GError       **error);
/* The session's agenda (its <part>s, borrowed), in order. */
GPtrArray        *craft_leader_get_agenda      (CraftSession  *session);
/* The children of @node called @name, borrowed. */
GPtrArray        *craft_leader_find_children   (CraftContentNode *node,
                                                const char       *name);
/* Whether the plan runs past the six months CRAFT should take, like the relative's plan:
 * the latest planned day, or NULL. */
char             *craft_leader_plan_overrun    (const char    *start_on,
                                                char           days[CRAFT_LEADER_N_SESSIONS][11]);

G_END_DECLS

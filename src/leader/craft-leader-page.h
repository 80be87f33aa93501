/* src/leader/craft-leader-page.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_LEADER_PAGE (craft_leader_page_get_type ())
G_DECLARE_FINAL_TYPE (CraftLeaderPage, craft_leader_page, CRAFT, LEADER_PAGE, GtkWidget)

/* The group leader's place: groups, their plan and participants, and the sessions to run. */
void       craft_leader_page_set_context (CraftLeaderPage *self,
                                          CraftContext    *context);
/* Shows the group's page. */
void       craft_leader_page_open_group  (CraftLeaderPage *self,
                                          gint64           group);
gint64     craft_leader_page_get_group   (CraftLeaderPage *self);
/* The window a session was last run in (for tests), or NULL. */
GtkWindow *craft_leader_page_get_run_window (CraftLeaderPage *self);

G_END_DECLS

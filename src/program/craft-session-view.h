/* src/program/craft-session-view.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"
#include "program/craft-program.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_SESSION_VIEW (craft_session_view_get_type ())
G_DECLARE_FINAL_TYPE (CraftSessionView, craft_session_view, CRAFT, SESSION_VIEW, GtkWidget)

/* Shows @session, marking it started. */
void          craft_session_view_show        (CraftSessionView *self,
                                              CraftContext     *context,
                                              CraftProgram     *program,
                                              CraftSession     *session);
CraftSession *craft_session_view_get_session (CraftSessionView *self);

G_END_DECLS

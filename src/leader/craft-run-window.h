/* src/leader/craft-run-window.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "app/craft-context.h"
#include "leader/craft-agenda-timer.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_RUN_WINDOW (craft_run_window_get_type ())
G_DECLARE_FINAL_TYPE (CraftRunWindow, craft_run_window, CRAFT, RUN_WINDOW, AdwWindow)

/* Runs group session @number of @group: the timed agenda, the leader's notes, questions
 * and role-plays, attendance and the presenter view. Takes up where it was left. */
GtkWindow        *craft_run_window_new           (GtkWindow      *parent,
                                                  CraftContext   *context,
                                                  gint64          group,
                                                  int             number);
CraftAgendaTimer *craft_run_window_get_timer     (CraftRunWindow *self);
/* The presenter window while it is open, or NULL. */
GtkWindow        *craft_run_window_get_presenter (CraftRunWindow *self);

G_END_DECLS

/* src/leader/craft-agenda-timer.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "store/craft-store-leader.h"

G_BEGIN_DECLS

/* Returns the current time in Unix seconds; tests give a fake one. */
typedef gint64 (*CraftAgendaClockFunc) (gpointer user_data);

#define CRAFT_TYPE_AGENDA_TIMER (craft_agenda_timer_get_type ())
G_DECLARE_FINAL_TYPE (CraftAgendaTimer, craft_agenda_timer, CRAFT, AGENDA_TIMER, GObject)

/* The time kept for a session's agenda: one part is current, and while the timer runs
 * the seconds go to that part. No GTK: it only reads its clock when asked. "changed" is
 * emitted when the current part or running/paused changes (the moments to save). */
CraftAgendaTimer *craft_agenda_timer_new             (const guint           *planned_minutes,
                                                      guint                  n_parts,
                                                      CraftAgendaClockFunc   clock,
                                                      gpointer               clock_data);
guint             craft_agenda_timer_get_n_parts     (CraftAgendaTimer      *self);
guint             craft_agenda_timer_get_current     (CraftAgendaTimer      *self);
/* Makes @part current; time used so far stays with the part it was used in. */
void              craft_agenda_timer_set_current     (CraftAgendaTimer      *self,
                                                      guint                  part);
/* Moves to the next or previous part; FALSE at the end. */
gboolean          craft_agenda_timer_next            (CraftAgendaTimer      *self);
gboolean          craft_agenda_timer_previous        (CraftAgendaTimer      *self);
gboolean          craft_agenda_timer_get_running     (CraftAgendaTimer      *self);
void              craft_agenda_timer_start           (CraftAgendaTimer      *self);
void              craft_agenda_timer_pause           (CraftAgendaTimer      *self);
void              craft_agenda_timer_toggle          (CraftAgendaTimer      *self);
/* Seconds planned for and used in @part, and left (negative once it runs over). */
gint64            craft_agenda_timer_get_planned     (CraftAgendaTimer      *self,
                                                      guint                  part);
gint64            craft_agenda_timer_get_used        (CraftAgendaTimer      *self,
                                                      guint                  part);
gint64            craft_agenda_timer_get_remaining   (CraftAgendaTimer      *self,
                                                      guint                  part);
gboolean          craft_agenda_timer_is_overrun      (CraftAgendaTimer      *self,
                                                      guint                  part);
gint64            craft_agenda_timer_get_total_planned (CraftAgendaTimer    *self);
gint64            craft_agenda_timer_get_total_used  (CraftAgendaTimer      *self);
/* The state to keep, and a timer taking up where a kept state left it. While the clock
 * runs, the state is kept at least every CRAFT_AGENDA_TIMER_KEEP_SECONDS. A state kept
 * running means the window was not closed (a crash, a flat battery): if it comes back
 * within CRAFT_AGENDA_TIMER_RESUME_SECONDS the session went on in the room and the clock
 * goes on; later, the clock stops where it was last kept and restore returns TRUE. */
#define CRAFT_AGENDA_TIMER_KEEP_SECONDS   30
#define CRAFT_AGENDA_TIMER_RESUME_SECONDS (10 * 60)
void              craft_agenda_timer_save            (CraftAgendaTimer      *self,
                                                      CraftLeaderRun        *run);
gboolean          craft_agenda_timer_restore         (CraftAgendaTimer      *self,
                                                      const CraftLeaderRun  *run);
/* The Unix time the running clock was last booked (kept), or 0 when paused. */
gint64            craft_agenda_timer_get_running_since (CraftAgendaTimer    *self);
/* "12:05", or "−2:10" for time run over. */
char             *craft_agenda_timer_format          (gint64                 seconds);

G_END_DECLS

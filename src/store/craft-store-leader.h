/* src/store/craft-store-leader.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group leader's groups: their plan, participants (first names or aliases only),
 * attendance with a short private note, and where a running session stands. These tables
 * never refer to the diary, and nothing here reads it.
 */
#pragma once

#include "store/craft-store.h"

G_BEGIN_DECLS

#define CRAFT_LEADER_N_SESSIONS 12

typedef struct
{
  gint64  id;
  char   *name;
  char    language[3];   /* "en", "sv" or "da" */
  char    start_on[11];  /* YYYY-MM-DD */
} CraftLeaderGroup;

typedef struct
{
  gint64  id;
  char   *name;
} CraftLeaderParticipant;

/* Where a running session stands: the current agenda part, the seconds used in each part,
 * and since when the clock runs (Unix seconds; 0 when paused). */
typedef struct
{
  int     current;
  GArray *used;          /* gint64 seconds, one per part */
  gint64  running_since;
} CraftLeaderRun;

void              craft_leader_group_free        (CraftLeaderGroup       *group);
void              craft_leader_participant_free  (CraftLeaderParticipant *participant);
void              craft_leader_run_clear         (CraftLeaderRun         *run);

/* Every group, by name (a GPtrArray of CraftLeaderGroup). */
GPtrArray        *craft_store_leader_list_groups (CraftStore  *self,
                                                  GError     **error);
/* The group, or NULL with @error when there is none. */
CraftLeaderGroup *craft_store_leader_get_group   (CraftStore  *self,
                                                  gint64       id,
                                                  GError     **error);
/* A new group with its 12 sessions planned weekly from @start_on; returns its id or 0. */
gint64            craft_store_leader_create_group (CraftStore  *self,
                                                   const char  *name,
                                                   const char  *language,
                                                   const char  *start_on,
                                                   GError     **error);
gboolean          craft_store_leader_update_group (CraftStore  *self,
                                                   gint64       id,
                                                   const char  *name,
                                                   const char  *language,
                                                   const char  *start_on,
                                                   GError     **error);
/* Removes the group with its plan, participants, attendance, notes and run state. */
gboolean          craft_store_leader_delete_group (CraftStore  *self,
                                                   gint64       id,
                                                   GError     **error);

/* Fills @days[0] … @days[11] with the planned days of sessions 1 … 12 ("" unplanned). */
gboolean          craft_store_leader_get_plan    (CraftStore  *self,
                                                  gint64       group,
                                                  char         days[CRAFT_LEADER_N_SESSIONS][11],
                                                  GError     **error);
gboolean          craft_store_leader_set_planned (CraftStore  *self,
                                                  gint64       group,
                                                  int          number,
                                                  const char  *day,
                                                  GError     **error);

/* The group's participants in the order they were added (CraftLeaderParticipant). */
GPtrArray        *craft_store_leader_list_participants  (CraftStore  *self,
                                                         gint64       group,
                                                         GError     **error);
gint64            craft_store_leader_add_participant    (CraftStore  *self,
                                                         gint64       group,
                                                         const char  *name,
                                                         GError     **error);
gboolean          craft_store_leader_rename_participant (CraftStore  *self,
                                                         gint64       participant,
                                                         const char  *name,
                                                         GError     **error);
/* Removes the participant with their attendance and notes. */
gboolean          craft_store_leader_remove_participant (CraftStore  *self,
                                                         gint64       participant,
                                                         GError     **error);

/* Whether the participant came to session @number, and the leader's note ("" if none). */
gboolean          craft_store_leader_get_attendance (CraftStore  *self,
                                                     gint64       participant,
                                                     int          number,
                                                     gboolean    *present,
                                                     char       **note,
                                                     GError     **error);
gboolean          craft_store_leader_set_present    (CraftStore  *self,
                                                     gint64       participant,
                                                     int          number,
                                                     gboolean     present,
                                                     GError     **error);
gboolean          craft_store_leader_set_note       (CraftStore  *self,
                                                     gint64       participant,
                                                     int          number,
                                                     const char  *note,
                                                     GError     **error);

/* The saved run state of a session; a session never run reads as part 0, nothing used. */
gboolean          craft_store_leader_get_run     (CraftStore      *self,
                                                  gint64           group,
                                                  int              number,
                                                  CraftLeaderRun  *run,
                                                  GError         **error);
gboolean          craft_store_leader_set_run     (CraftStore           *self,
                                                  gint64                group,
                                                  int                   number,
                                                  const CraftLeaderRun *run,
                                                  GError              **error);

/* The group's attendance and notes as CSV (RFC 4180: UTF-8, CRLF, a header row), one row
 * per participant and session. */
char             *craft_store_leader_export_csv  (CraftStore  *self,
                                                  gint64       group,
                                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftLeaderGroup, craft_leader_group_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CraftLeaderRun, craft_leader_run_clear)

G_END_DECLS

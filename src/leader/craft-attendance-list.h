/* src/leader/craft-attendance-list.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "app/craft-context.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_ATTENDANCE_LIST (craft_attendance_list_get_type ())
G_DECLARE_FINAL_TYPE (CraftAttendanceList, craft_attendance_list, CRAFT, ATTENDANCE_LIST, GtkWidget)

/* Who came to group session @number, each with a short private note; kept as it changes. */
GtkWidget *craft_attendance_list_new    (void);
void       craft_attendance_list_show   (CraftAttendanceList *self,
                                         CraftContext        *context,
                                         gint64               group,
                                         int                  number);
/* A window with the attendance of one group session, over @parent. */
GtkWindow *craft_attendance_list_new_window (GtkWindow    *parent,
                                             CraftContext *context,
                                             gint64        group,
                                             int           number,
                                             const char   *title);

G_END_DECLS

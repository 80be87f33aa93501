/* src/leader/craft-handout.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/craft-store-leader.h"

G_BEGIN_DECLS

/* Prints the handout of group session @number for @group: the session's summary, its
 * goals, its homework and its worksheets with blank lines to fill in, all in the group's
 * language whatever the app speaks. Nothing a person wrote is on it. With @pdf_path it
 * saves a PDF there without a dialog; otherwise it shows the print dialog over @parent
 * (where "Print to File" makes a PDF). A cancelled dialog is not a failure. */
gboolean craft_handout_print (GtkWindow              *parent,
                              const CraftLeaderGroup *group,
                              int                     number,
                              const char             *day,
                              const char             *pdf_path,
                              GError                **error);

G_END_DECLS

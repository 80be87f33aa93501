/* src/program/craft-session-print.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "program/craft-program.h"
#include "store/craft-store.h"

G_BEGIN_DECLS

/* Prints a session's worksheet answers and homework with GtkPrintOperation. With
 * @pdf_path set it saves a PDF there without a dialog (for tests and "Save as PDF");
 * otherwise it shows the print dialog over @parent. Returns FALSE with @error on failure;
 * a cancelled dialog is not a failure. */
gboolean craft_session_print (GtkWindow     *parent,
                              CraftProgram  *program,
                              CraftSession  *session,
                              CraftStore    *store,
                              const char    *pdf_path,
                              GError       **error);

G_END_DECLS

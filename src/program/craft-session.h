/* src/program/craft-session.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "program/craft-content-node.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_SESSION (craft_session_get_type ())
G_DECLARE_FINAL_TYPE (CraftSession, craft_session, CRAFT, SESSION, GObject)

/* A session's content in one language; fails when the content breaks the schema of
 * docs/session-content.md. */
CraftSession     *craft_session_new                (CraftContentNode *root,
                                                    GError          **error);
int               craft_session_get_number         (CraftSession     *self);
const char       *craft_session_get_id             (CraftSession     *self);
const char       *craft_session_get_title          (CraftSession     *self);
const char       *craft_session_get_summary        (CraftSession     *self);
CraftContentNode *craft_session_get_root           (CraftSession     *self);
/* The planned minutes of the leader's agenda, added up. */
guint             craft_session_get_agenda_minutes (CraftSession     *self);
/* The words of the reading sections (headings, paragraphs, lists, examples). */
guint             craft_session_count_reading_words (CraftSession    *self);

G_END_DECLS

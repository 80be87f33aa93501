/* src/program/craft-content-node.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRAFT_CONTENT_ERROR (craft_content_error_quark ())

typedef enum
{
  CRAFT_CONTENT_ERROR_INVALID,
  CRAFT_CONTENT_ERROR_TOO_LARGE,
} CraftContentError;

/* One element of a session file, in one language: its name, attributes, folded text and
 * children. Read-only once parsed; shared by reference. */
typedef struct _CraftContentNode CraftContentNode;

#define CRAFT_TYPE_CONTENT_NODE (craft_content_node_get_type ())

GType             craft_content_node_get_type       (void) G_GNUC_CONST;
GQuark            craft_content_error_quark         (void);

/* Parses a (merged) session file, keeping the text in @language ("en", "sv" or "da"). */
CraftContentNode *craft_content_node_parse          (const char        *data,
                                                     gssize             length,
                                                     const char        *language,
                                                     GError           **error);
/* Only the title of a (merged) session file in @language, read without the rest. */
char             *craft_content_node_read_title     (const char        *data,
                                                     gssize             length,
                                                     const char        *language,
                                                     GError           **error);
CraftContentNode *craft_content_node_ref            (CraftContentNode  *node);
void              craft_content_node_unref          (CraftContentNode  *node);
const char       *craft_content_node_get_name       (CraftContentNode  *node);
/* The attribute's value, or NULL. */
const char       *craft_content_node_get_attribute  (CraftContentNode  *node,
                                                     const char        *name);
/* The element's own text with white space folded; "" for containers. */
const char       *craft_content_node_get_text       (CraftContentNode  *node);
guint             craft_content_node_get_n_children (CraftContentNode  *node);
CraftContentNode *craft_content_node_get_child      (CraftContentNode  *node,
                                                     guint              index);
/* The first child called @name, or NULL. */
CraftContentNode *craft_content_node_find_child     (CraftContentNode  *node,
                                                     const char        *name);
/* The text of the first child called @name, or NULL. */
const char       *craft_content_node_get_child_text (CraftContentNode  *node,
                                                     const char        *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftContentNode, craft_content_node_unref)

G_END_DECLS

/* tests/fuzz/fuzz-content.c: a session content file, parsed in each language and checked
 * against the session schema.
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sessions ship inside the app, but they are written and translated by people and a
 * translation may come from outside: the parser bounds what it takes, and a bad file must
 * end in an error, never a crash.
 */
#include "config.h"

#include "craft-fuzz.h"
#include "program/craft-content-node.h"
#include "program/craft-session.h"

static guint
walk (CraftContentNode *node,
      guint             depth)
{
  guint count = 1;

  g_assert_nonnull (craft_content_node_get_name (node));
  g_assert_nonnull (craft_content_node_get_text (node));
  g_assert_true (g_utf8_validate (craft_content_node_get_text (node), -1, NULL));
  craft_content_node_get_attribute (node, "id");
  g_assert_cmpuint (depth, <, 64);
  for (guint i = 0; i < craft_content_node_get_n_children (node); i++)
    count += walk (craft_content_node_get_child (node, i), depth + 1);
  return count;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *languages[] = { "en", "sv", "da" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CraftContentNode) root = NULL;
      g_autoptr(CraftSession) session = NULL;

      root = craft_content_node_parse ((const char *) data, (gssize) size, languages[i], &error);
      if (root == NULL)
        {
          g_assert_nonnull (error);
          continue;
        }
      walk (root, 0);
      session = craft_session_new (root, &error);
      if (session == NULL)
        {
          g_assert_nonnull (error);
          continue;
        }
      g_assert_nonnull (craft_session_get_title (session));
      craft_session_get_agenda_minutes (session);
      craft_session_count_reading_words (session);
    }
  return 0;
}

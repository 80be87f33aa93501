/* src/leader/craft-leader-content.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the leader views read from the session content: only the program (in the group's
 * language), never anything a relative wrote.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "craft-leader-content.h"

const char * const craft_leader_languages[CRAFT_LEADER_N_LANGUAGES] = { "sv", "da", "en" };

const char *
craft_leader_language_name (const char *language)
{
  if (g_strcmp0 (language, "sv") == 0)
    return _("Swedish");
  if (g_strcmp0 (language, "da") == 0)
    return _("Danish");
  return _("English");
}

CraftProgram *
craft_leader_get_program (const char  *language,
                          GError     **error)
{
  static GHashTable *programs;
  CraftProgram *program;

  if (programs == NULL)
    programs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  program = g_hash_table_lookup (programs, language);
  if (program == NULL)
    {
      program = craft_program_new (language, error);
      if (program == NULL)
        return NULL;
      g_hash_table_insert (programs, g_strdup (language), program);
    }
  return program;
}

GPtrArray *
craft_leader_find_children (CraftContentNode *node,
                            const char       *name)
{
  GPtrArray *children = g_ptr_array_new ();

  for (guint i = 0; node != NULL && i < craft_content_node_get_n_children (node); i++)
    {
      CraftContentNode *child = craft_content_node_get_child (node, i);

      if (g_str_equal (craft_content_node_get_name (child), name))
        g_ptr_array_add (children, child);
    }
  return children;
}

GPtrArray *
craft_leader_get_agenda (CraftSession *session)
{
  CraftContentNode *leader = craft_content_node_find_child (craft_session_get_root (session),
                                                            "leader");

  return craft_leader_find_children (leader != NULL
                                     ? craft_content_node_find_child (leader, "agenda") : NULL,
                                     "part");
}

char *
craft_leader_plan_overrun (const char *start_on,
                           char        days[CRAFT_LEADER_N_SESSIONS][11])
{
  CraftSessionProgress progress[12] = { { 0 } };

  G_STATIC_ASSERT (CRAFT_LEADER_N_SESSIONS == 12);

  /* The same check as the relative's own plan. */
  for (int i = 0; i < CRAFT_LEADER_N_SESSIONS; i++)
    {
      progress[i].number = i + 1;
      g_strlcpy (progress[i].planned_on, days[i], sizeof progress[i].planned_on);
    }
  return craft_program_plan_overrun (start_on, progress);
}

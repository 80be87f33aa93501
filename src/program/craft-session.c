/* src/program/craft-session.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "craft-session.h"

struct _CraftSession
{
  GObject           parent_instance;

  CraftContentNode *root;
  int               number;
};

G_DEFINE_FINAL_TYPE (CraftSession, craft_session, G_TYPE_OBJECT)

static const char *field_types[] = {
  "text", "longtext", "scale", "choice", "checklist", "date", NULL
};

static void
craft_session_finalize (GObject *object)
{
  CraftSession *self = CRAFT_SESSION (object);

  g_clear_pointer (&self->root, craft_content_node_unref);

  G_OBJECT_CLASS (craft_session_parent_class)->finalize (object);
}

static void
craft_session_class_init (CraftSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = craft_session_finalize;
}

static void
craft_session_init (CraftSession *self)
{
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
has_text (CraftContentNode *node,
          const char       *child)
{
  const char *text = craft_content_node_get_child_text (node, child);

  return text != NULL && *text != '\0';
}

static guint
count_children (CraftContentNode *node,
                const char       *name)
{
  guint n = 0;

  for (guint i = 0; i < craft_content_node_get_n_children (node); i++)
    if (g_str_equal (craft_content_node_get_name (craft_content_node_get_child (node, i)), name))
      n++;
  return n;
}

static gboolean
validate_field (CraftContentNode *field,
                GHashTable       *ids,
                GError          **error)
{
  const char *id = craft_content_node_get_attribute (field, "id");
  const char *type = craft_content_node_get_attribute (field, "type");

  if (!is_valid_id (id) || !g_hash_table_add (ids, (gpointer) id))
    return invalid (error, "A field has a missing, malformed or repeated id “%s”",
                    id ? id : "");
  if (type == NULL || !g_strv_contains (field_types, type))
    return invalid (error, "Field “%s” has an unknown type “%s”", id, type ? type : "");
  if (!has_text (field, "label"))
    return invalid (error, "Field “%s” has no label", id);
  if ((g_str_equal (type, "choice") || g_str_equal (type, "checklist"))
      && count_children (field, "option") < 2)
    return invalid (error, "Field “%s” needs at least two options", id);
  return TRUE;
}

static gboolean
validate_worksheet (CraftContentNode *worksheet,
                    GError          **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *id = craft_content_node_get_attribute (worksheet, "id");
  guint n_fields = 0;

  if (craft_content_node_get_attribute (worksheet, "ref") != NULL)
    return is_valid_id (craft_content_node_get_attribute (worksheet, "ref"))
           || invalid (error, "A worksheet refers to a malformed id");
  if (!is_valid_id (id))
    return invalid (error, "A worksheet has a missing or malformed id");
  if (!has_text (worksheet, "title"))
    return invalid (error, "Worksheet “%s” has no title", id);

  for (guint i = 0; i < craft_content_node_get_n_children (worksheet); i++)
    {
      CraftContentNode *child = craft_content_node_get_child (worksheet, i);
      const char *name = craft_content_node_get_name (child);

      if (g_str_equal (name, "field"))
        {
          if (!validate_field (child, ids, error))
            return FALSE;
          n_fields++;
        }
      else if (g_str_equal (name, "rows"))
        {
          const char *rows_id = craft_content_node_get_attribute (child, "id");

          if (!is_valid_id (rows_id) || !g_hash_table_add (ids, (gpointer) rows_id))
            return invalid (error, "Rows in worksheet “%s” have a bad id", id);
          if (!has_text (child, "label") || !has_text (child, "add"))
            return invalid (error, "Rows “%s” need a label and an add button text", rows_id);
          if (count_children (child, "field") == 0)
            return invalid (error, "Rows “%s” have no fields", rows_id);
          for (guint j = 0; j < craft_content_node_get_n_children (child); j++)
            {
              CraftContentNode *field = craft_content_node_get_child (child, j);

              if (g_str_equal (craft_content_node_get_name (field), "field")
                  && !validate_field (field, ids, error))
                return FALSE;
            }
          n_fields++;
        }
    }

  if (n_fields == 0)
    return invalid (error, "Worksheet “%s” has no fields", id);
  return TRUE;
}

static gboolean
validate (CraftContentNode *root,
          int              *number,
          GError          **error)
{
  CraftContentNode *goals, *reading, *homework, *leader, *agenda;
  const char *number_text;
  guint64 value = 0;
  guint n_goals;

  if (!g_str_equal (craft_content_node_get_name (root), "session"))
    return invalid (error, "The content is not a <session>");

  number_text = craft_content_node_get_attribute (root, "number");
  if (number_text == NULL
      || !g_ascii_string_to_unsigned (number_text, 10, 1, 12, &value, NULL))
    return invalid (error, "The session number must be 1 to 12");
  *number = (int) value;

  if (!is_valid_id (craft_content_node_get_attribute (root, "id")))
    return invalid (error, "Session %d has a missing or malformed id", *number);
  if (!has_text (root, "title") || !has_text (root, "summary"))
    return invalid (error, "Session %d needs a title and a summary", *number);

  goals = craft_content_node_find_child (root, "goals");
  n_goals = goals != NULL ? count_children (goals, "goal") : 0;
  if (n_goals < 2 || n_goals > 4)
    return invalid (error, "Session %d needs 2 to 4 goals, not %u", *number, n_goals);

  reading = craft_content_node_find_child (root, "reading");
  if (reading == NULL || count_children (reading, "section") == 0)
    return invalid (error, "Session %d has no reading", *number);

  if (count_children (root, "exercise") + count_children (root, "worksheet") == 0)
    return invalid (error, "Session %d has neither an exercise nor a worksheet", *number);

  for (guint i = 0; i < craft_content_node_get_n_children (root); i++)
    {
      CraftContentNode *child = craft_content_node_get_child (root, i);

      if (g_str_equal (craft_content_node_get_name (child), "worksheet")
          && !validate_worksheet (child, error))
        return FALSE;
    }

  homework = craft_content_node_find_child (root, "homework");
  if (homework == NULL || count_children (homework, "task") == 0)
    return invalid (error, "Session %d has no homework", *number);
  for (guint i = 0; i < craft_content_node_get_n_children (homework); i++)
    if (!is_valid_id (craft_content_node_get_attribute (craft_content_node_get_child (homework, i),
                                                        "id")))
      return invalid (error, "A homework task of session %d has a bad id", *number);

  leader = craft_content_node_find_child (root, "leader");
  agenda = leader != NULL ? craft_content_node_find_child (leader, "agenda") : NULL;
  if (agenda == NULL || count_children (agenda, "part") == 0)
    return invalid (error, "Session %d has no agenda for the group leader", *number);
  for (guint i = 0; i < craft_content_node_get_n_children (agenda); i++)
    {
      CraftContentNode *part = craft_content_node_get_child (agenda, i);
      const char *minutes = craft_content_node_get_attribute (part, "minutes");

      if (minutes == NULL || !g_ascii_string_to_unsigned (minutes, 10, 1, 180, NULL, NULL)
          || !has_text (part, "title"))
        return invalid (error, "An agenda part of session %d lacks a title or its minutes",
                        *number);
    }

  return TRUE;
}

CraftSession *
craft_session_new (CraftContentNode  *root,
                   GError           **error)
{
  CraftSession *self;
  int number = 0;

  g_return_val_if_fail (root != NULL, NULL);

  if (!validate (root, &number, error))
    return NULL;

  self = g_object_new (CRAFT_TYPE_SESSION, NULL);
  self->root = craft_content_node_ref (root);
  self->number = number;
  return self;
}

int
craft_session_get_number (CraftSession *self)
{
  g_return_val_if_fail (CRAFT_IS_SESSION (self), 0);
  return self->number;
}

const char *
craft_session_get_id (CraftSession *self)
{
  g_return_val_if_fail (CRAFT_IS_SESSION (self), NULL);
  return craft_content_node_get_attribute (self->root, "id");
}

const char *
craft_session_get_title (CraftSession *self)
{
  g_return_val_if_fail (CRAFT_IS_SESSION (self), NULL);
  return craft_content_node_get_child_text (self->root, "title");
}

const char *
craft_session_get_summary (CraftSession *self)
{
  g_return_val_if_fail (CRAFT_IS_SESSION (self), NULL);
  return craft_content_node_get_child_text (self->root, "summary");
}

CraftContentNode *
craft_session_get_root (CraftSession *self)
{
  g_return_val_if_fail (CRAFT_IS_SESSION (self), NULL);
  return self->root;
}

guint
craft_session_get_agenda_minutes (CraftSession *self)
{
  CraftContentNode *agenda;
  guint total = 0;

  g_return_val_if_fail (CRAFT_IS_SESSION (self), 0);

  agenda = craft_content_node_find_child (craft_content_node_find_child (self->root, "leader"),
                                          "agenda");
  for (guint i = 0; i < craft_content_node_get_n_children (agenda); i++)
    total += (guint) g_ascii_strtoull (
      craft_content_node_get_attribute (craft_content_node_get_child (agenda, i), "minutes"),
      NULL, 10);
  return total;
}

static guint
count_words (CraftContentNode *node)
{
  const char *text = craft_content_node_get_text (node);
  gboolean in_word = FALSE;
  guint words = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        words++;
      in_word = !space;
    }
  for (guint i = 0; i < craft_content_node_get_n_children (node); i++)
    words += count_words (craft_content_node_get_child (node, i));
  return words;
}

guint
craft_session_count_reading_words (CraftSession *self)
{
  g_return_val_if_fail (CRAFT_IS_SESSION (self), 0);
  return count_words (craft_content_node_find_child (self->root, "reading"));
}

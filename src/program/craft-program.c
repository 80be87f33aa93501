/* src/program/craft-program.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The twelve sessions, loaded from the GResource in one language. The files carry all three
 * languages (merged from the po files at build time), so a group's handout can be in Danish
 * while the app itself speaks Swedish.
 */
#include "config.h"

#include <string.h>

#include "app/craft-dates.h"
#include "craft-program.h"

struct _CraftProgram
{
  GObject     parent_instance;

  char       *language;
  GPtrArray  *sessions;   /* CraftSession, by number - 1 */
  GHashTable *worksheets; /* id -> CraftContentNode (declaration, borrowed) */
  GHashTable *worksheet_sessions; /* id -> GINT_TO_POINTER (number) */
};

static void craft_program_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CraftProgram, craft_program, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      craft_program_list_model_init))

static GType
craft_program_get_item_type (GListModel *model)
{
  return CRAFT_TYPE_SESSION;
}

static guint
craft_program_get_n_items (GListModel *model)
{
  return CRAFT_PROGRAM (model)->sessions->len;
}

static gpointer
craft_program_get_item (GListModel *model,
                        guint       position)
{
  CraftProgram *self = CRAFT_PROGRAM (model);

  if (position >= self->sessions->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->sessions, position));
}

static void
craft_program_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = craft_program_get_item_type;
  iface->get_n_items = craft_program_get_n_items;
  iface->get_item = craft_program_get_item;
}

static void
craft_program_finalize (GObject *object)
{
  CraftProgram *self = CRAFT_PROGRAM (object);

  g_clear_pointer (&self->worksheets, g_hash_table_unref);
  g_clear_pointer (&self->worksheet_sessions, g_hash_table_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_free (self->language);

  G_OBJECT_CLASS (craft_program_parent_class)->finalize (object);
}

static void
craft_program_class_init (CraftProgramClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = craft_program_finalize;
}

static void
craft_program_init (CraftProgram *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->worksheets = g_hash_table_new (g_str_hash, g_str_equal);
  self->worksheet_sessions = g_hash_table_new (g_str_hash, g_str_equal);
}

const char *
craft_program_get_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  /* The same order of preference gettext follows for the interface. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "sv"))
        return "sv";
      if (g_str_has_prefix (names[i], "da"))
        return "da";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }
  return "en";
}

static void
index_worksheets (CraftProgram *self,
                  CraftSession *session)
{
  CraftContentNode *root = craft_session_get_root (session);

  for (guint i = 0; i < craft_content_node_get_n_children (root); i++)
    {
      CraftContentNode *child = craft_content_node_get_child (root, i);
      const char *id = craft_content_node_get_attribute (child, "id");

      if (!g_str_equal (craft_content_node_get_name (child), "worksheet") || id == NULL)
        continue;
      g_hash_table_insert (self->worksheets, (gpointer) id, child);
      g_hash_table_insert (self->worksheet_sessions, (gpointer) id,
                           GINT_TO_POINTER (craft_session_get_number (session)));
    }
}

/* Session @number's merged content file, from the app's resources. */
static GBytes *
lookup_session_file (int      number,
                     GError **error)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/program/session-%02d.xml", number);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

CraftProgram *
craft_program_new (const char  *language,
                   GError     **error)
{
  g_autoptr(CraftProgram) self = g_object_new (CRAFT_TYPE_PROGRAM, NULL);

  self->language = g_strdup (language != NULL ? language : craft_program_get_ui_language ());

  for (int number = 1; number <= CRAFT_PROGRAM_N_SESSIONS; number++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(CraftContentNode) root = NULL;
      g_autoptr(CraftSession) session = NULL;
      gsize size;
      const char *data;

      bytes = lookup_session_file (number, error);
      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &size);
      root = craft_content_node_parse (data, size, self->language, error);
      if (root == NULL)
        {
          g_prefix_error (error, "session-%02d.xml: ", number);
          return NULL;
        }
      session = craft_session_new (root, error);
      if (session == NULL)
        {
          g_prefix_error (error, "session-%02d.xml: ", number);
          return NULL;
        }
      if (craft_session_get_number (session) != number)
        {
          g_set_error (error, CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_INVALID,
                       "session-%02d.xml says it is session %d", number,
                       craft_session_get_number (session));
          return NULL;
        }
      index_worksheets (self, session);
      g_ptr_array_add (self->sessions, g_steal_pointer (&session));
    }

  return g_steal_pointer (&self);
}

GStrv
craft_program_read_titles (const char  *language,
                           GError     **error)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  if (language == NULL)
    language = craft_program_get_ui_language ();

  for (int number = 1; number <= CRAFT_PROGRAM_N_SESSIONS; number++)
    {
      g_autoptr(GBytes) bytes = lookup_session_file (number, error);
      gsize size;
      const char *data;
      char *title;

      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &size);
      title = craft_content_node_read_title (data, size, language, error);
      if (title == NULL)
        {
          g_prefix_error (error, "session-%02d.xml: ", number);
          return NULL;
        }
      g_ptr_array_add (titles, title);
    }
  g_ptr_array_add (titles, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&titles), FALSE);
}

const char *
craft_program_get_language (CraftProgram *self)
{
  g_return_val_if_fail (CRAFT_IS_PROGRAM (self), NULL);
  return self->language;
}

CraftSession *
craft_program_get_session (CraftProgram *self,
                           int           number)
{
  g_return_val_if_fail (CRAFT_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= (int) self->sessions->len, NULL);
  return g_ptr_array_index (self->sessions, number - 1);
}

CraftContentNode *
craft_program_find_worksheet (CraftProgram *self,
                              const char   *id)
{
  g_return_val_if_fail (CRAFT_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->worksheets, id);
}

int
craft_program_get_worksheet_session (CraftProgram *self,
                                     const char   *id)
{
  g_return_val_if_fail (CRAFT_IS_PROGRAM (self), 0);
  g_return_val_if_fail (id != NULL, 0);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->worksheet_sessions, id));
}

char *
craft_program_plan_overrun (const char                 *start,
                            const CraftSessionProgress  progress[12])
{
  g_autofree char *limit = craft_dates_add_months (start, CRAFT_PROGRAM_MAX_MONTHS);
  const char *latest = NULL;

  if (limit == NULL)
    return NULL;
  /* Days as YYYY-MM-DD sort as text. */
  for (int i = 0; i < 12; i++)
    if (*progress[i].planned_on != '\0'
        && (latest == NULL || strcmp (progress[i].planned_on, latest) > 0))
      latest = progress[i].planned_on;
  if (latest == NULL || strcmp (latest, limit) <= 0)
    return NULL;
  return g_strdup (latest);
}

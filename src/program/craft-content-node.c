/* src/program/craft-content-node.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the session files that msgfmt --xml merged: each translated element is followed by
 * its translations as siblings of the same name with xml:lang. The parser keeps the text in
 * the wanted language and drops the others, so the rest of the app sees one language.
 */
#include "config.h"

#include <string.h>

#include "craft-content-node.h"

/* Outside input goes through this parser (the fuzzer feeds it too): bound what it takes. */
#define MAX_INPUT_BYTES  (4 * 1024 * 1024)
#define MAX_DEPTH        32
#define MAX_NODES        100000

struct _CraftContentNode
{
  gatomicrefcount  ref_count;
  char            *name;
  char           **attributes; /* name, value, name, value, ..., NULL */
  char            *text;
  GPtrArray       *children;
};

G_DEFINE_BOXED_TYPE (CraftContentNode, craft_content_node,
                     craft_content_node_ref, craft_content_node_unref)

G_DEFINE_QUARK (craft-content-error-quark, craft_content_error)

typedef struct
{
  const char       *language;
  GPtrArray        *stack;        /* CraftContentNode, the open elements */
  GString          *text;         /* of the innermost open element */
  GPtrArray        *texts;        /* GString, one per open element */
  CraftContentNode *root;
  guint             skip_depth;   /* > 0 while inside a translation we do not want */
  guint             n_nodes;
  gboolean          head_only;    /* stop after the root's first children, its <title> */
  gboolean          head_read;
} ParseState;

static CraftContentNode *
node_new (const char  *name,
          const char **attribute_names,
          const char **attribute_values)
{
  CraftContentNode *node = g_new0 (CraftContentNode, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_atomic_ref_count_init (&node->ref_count);
  node->name = g_strdup (name);
  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (g_str_equal (attribute_names[i], "xml:lang"))
        continue;
      g_strv_builder_add (builder, attribute_names[i]);
      g_strv_builder_add (builder, attribute_values[i]);
    }
  node->attributes = g_strv_builder_end (builder);
  node->text = g_strdup ("");
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_content_node_unref);
  return node;
}

CraftContentNode *
craft_content_node_ref (CraftContentNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  g_atomic_ref_count_inc (&node->ref_count);
  return node;
}

void
craft_content_node_unref (CraftContentNode *node)
{
  g_return_if_fail (node != NULL);

  if (!g_atomic_ref_count_dec (&node->ref_count))
    return;

  g_free (node->name);
  g_strfreev (node->attributes);
  g_free (node->text);
  g_ptr_array_unref (node->children);
  g_free (node);
}

/* Folds runs of white space to one space and trims the ends, as xgettext does with the
 * English text, so the text matches its msgid and reads well in a label. */
static char *
fold_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
language_matches (const char *lang,
                  const char *wanted)
{
  gsize n = strlen (wanted);

  return g_ascii_strncasecmp (lang, wanted, n) == 0 && (lang[n] == '\0' || lang[n] == '_'
                                                         || lang[n] == '-');
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  CraftContentNode *node;
  const char *lang = NULL;

  if (state->skip_depth > 0)
    {
      state->skip_depth++;
      return;
    }

  /* Only the title was asked for, and the root's next child starts: the rest is not read. */
  if (state->head_only && state->stack->len == 1 && !g_str_equal (element_name, "title"))
    {
      state->head_read = TRUE;
      g_set_error_literal (error, CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_INVALID, "Read");
      return;
    }

  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (g_str_equal (attribute_names[i], "xml:lang"))
      lang = attribute_values[i];

  /* GMarkup takes elements after the root's end; a second root would replace the first. */
  if (state->stack->len == 0 && state->root != NULL)
    {
      g_set_error (error, CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_INVALID,
                   "The content has more than one root element");
      return;
    }

  if (state->stack->len >= MAX_DEPTH || ++state->n_nodes > MAX_NODES)
    {
      g_set_error (error, CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_TOO_LARGE,
                   "The content is nested too deeply or has too many elements");
      return;
    }

  if (lang != NULL)
    {
      CraftContentNode *parent;
      CraftContentNode *previous;

      /* A translation of the element just before it. */
      if (!language_matches (lang, state->language) || state->stack->len == 0)
        {
          state->skip_depth = 1;
          return;
        }
      parent = g_ptr_array_index (state->stack, state->stack->len - 1);
      previous = parent->children->len > 0
        ? g_ptr_array_index (parent->children, parent->children->len - 1) : NULL;
      if (previous == NULL || !g_str_equal (previous->name, element_name))
        {
          g_set_error (error, CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_INVALID,
                       "A translated <%s> follows no <%s>", element_name, element_name);
          return;
        }
      /* Parsed into a node of its own; on closing, its text replaces the original's. */
    }

  node = node_new (element_name, attribute_names, attribute_values);
  if (lang != NULL)
    {
      /* Marked, so that closing it knows to move its text onto the original. */
      g_free (node->name);
      node->name = g_strconcat ("\x01", element_name, NULL);
    }

  if (state->stack->len > 0)
    {
      CraftContentNode *parent = g_ptr_array_index (state->stack, state->stack->len - 1);

      g_ptr_array_add (parent->children, craft_content_node_ref (node));
    }
  else
    state->root = craft_content_node_ref (node);

  g_ptr_array_add (state->stack, node);
  g_ptr_array_add (state->texts, g_string_new (NULL));
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;
  CraftContentNode *node;
  GString *text;

  if (state->skip_depth > 0)
    {
      state->skip_depth--;
      return;
    }

  node = g_ptr_array_steal_index (state->stack, state->stack->len - 1);
  text = g_ptr_array_steal_index (state->texts, state->texts->len - 1);
  g_free (node->text);
  node->text = fold_space (text->str);
  g_string_free (text, TRUE);

  if (node->name[0] == '\x01')
    {
      CraftContentNode *parent = g_ptr_array_index (state->stack, state->stack->len - 1);
      CraftContentNode *original;

      /* Move the translated text onto the original and drop the copy. */
      g_ptr_array_remove_index (parent->children, parent->children->len - 1);
      original = g_ptr_array_index (parent->children, parent->children->len - 1);
      if (*node->text != '\0')
        {
          g_free (original->text);
          original->text = g_strdup (node->text);
        }
    }
  craft_content_node_unref (node);
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->skip_depth > 0 || state->texts->len == 0)
    return;
  g_string_append_len (g_ptr_array_index (state->texts, state->texts->len - 1), text, text_len);
}

static CraftContentNode *
parse (const char  *data,
       gssize       length,
       const char  *language,
       gboolean     head_only,
       GError     **error)
{
  static const GMarkupParser parser = { on_start_element, on_end_element, on_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  ParseState state = { 0 };
  gboolean ok;

  if (length < 0)
    length = strlen (data);
  if (length > MAX_INPUT_BYTES)
    {
      g_set_error (error, CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_TOO_LARGE,
                   "The content is larger than %d bytes", MAX_INPUT_BYTES);
      return NULL;
    }

  state.language = language;
  state.head_only = head_only;
  state.stack = g_ptr_array_new_with_free_func ((GDestroyNotify) craft_content_node_unref);
  state.texts = g_ptr_array_new ();

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, length, &local_error)
       && (head_only || g_markup_parse_context_end_parse (context, &local_error));
  /* Stopped on purpose after the head: what was read is the result. */
  if (state.head_read)
    {
      g_clear_error (&local_error);
      ok = TRUE;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  for (guint i = 0; i < state.texts->len; i++)
    g_string_free (g_ptr_array_index (state.texts, i), TRUE);
  g_ptr_array_unref (state.texts);
  g_ptr_array_unref (state.stack);

  if (ok && state.root == NULL)
    {
      g_set_error (error, CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_INVALID, "The content is empty");
      ok = FALSE;
    }
  if (!ok)
    {
      g_clear_pointer (&state.root, craft_content_node_unref);
      return NULL;
    }
  return state.root;
}

CraftContentNode *
craft_content_node_parse (const char  *data,
                          gssize       length,
                          const char  *language,
                          GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return parse (data, length, language, FALSE, error);
}

char *
craft_content_node_read_title (const char  *data,
                               gssize       length,
                               const char  *language,
                               GError     **error)
{
  g_autoptr(CraftContentNode) root = NULL;
  const char *title;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  root = parse (data, length, language, TRUE, error);
  if (root == NULL)
    return NULL;
  title = craft_content_node_get_child_text (root, "title");
  if (title == NULL || *title == '\0')
    {
      g_set_error (error, CRAFT_CONTENT_ERROR, CRAFT_CONTENT_ERROR_INVALID,
                   "The content starts with no <title>");
      return NULL;
    }
  return g_strdup (title);
}

const char *
craft_content_node_get_name (CraftContentNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return node->name;
}

const char *
craft_content_node_get_attribute (CraftContentNode *node,
                                  const char       *name)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; node->attributes[i] != NULL; i += 2)
    if (g_str_equal (node->attributes[i], name))
      return node->attributes[i + 1];
  return NULL;
}

const char *
craft_content_node_get_text (CraftContentNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return node->text;
}

guint
craft_content_node_get_n_children (CraftContentNode *node)
{
  g_return_val_if_fail (node != NULL, 0);
  return node->children->len;
}

CraftContentNode *
craft_content_node_get_child (CraftContentNode *node,
                              guint             index)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (index < node->children->len, NULL);
  return g_ptr_array_index (node->children, index);
}

CraftContentNode *
craft_content_node_find_child (CraftContentNode *node,
                               const char       *name)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < node->children->len; i++)
    {
      CraftContentNode *child = g_ptr_array_index (node->children, i);

      if (g_str_equal (child->name, name))
        return child;
    }
  return NULL;
}

const char *
craft_content_node_get_child_text (CraftContentNode *node,
                                   const char       *name)
{
  CraftContentNode *child = craft_content_node_find_child (node, name);

  return child != NULL ? child->text : NULL;
}

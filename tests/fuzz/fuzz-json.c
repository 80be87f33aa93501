/* tests/fuzz/fuzz-json.c: any bytes through the import's JSON reader.
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * craft_json_read() either refuses the input with a message or gives a tree that json-glib
 * writes out and the reader reads back as the same tree (without doubles, which json-glib
 * does not always write as JSON). Where json-glib's own parser
 * reads strict JSON too, both trees must be equal.
 */
#include "config.h"

#include <string.h>

#include "craft-fuzz.h"
#include "review/craft-json-reader.h"

/* Whether the input is plain enough for JsonParser to read it the same way: it takes more
 * than JSON (comments, single quotes) and reads numbers beyond 64 bits and escaped NULs its
 * own way, so only inputs without those are compared with it. */
static gboolean
is_plain (const char *data,
          gsize       size)
{
  gsize digits = 0;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return FALSE;
  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '\0' || data[i] == '\\' || data[i] == 'e' || data[i] == 'E'
          || data[i] == '.')
        return FALSE;
      digits = g_ascii_isdigit (data[i]) ? digits + 1 : 0;
      if (digits > 15)
        return FALSE;
    }
  return g_utf8_validate (data, (gssize) size, NULL);
}

/* What json-glib 1.6 cannot write back as JSON: some doubles come out in a form no reader
 * takes ("1e+308.0"), and U+001F in a string or member name comes out raw, where JSON wants
 * it escaped (its escaper stops one short). The app's export writes its own JSON
 * (craft-export.c) and escapes every control character; test-export checks that. */
static gboolean
has_char_1f (const char *text)
{
  return text != NULL && strchr (text, 0x1f) != NULL;
}

static gboolean
json_glib_cannot_write (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (json_glib_cannot_write (json_array_get_element (array, i)))
          return TRUE;
      return FALSE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (has_char_1f (name) || json_glib_cannot_write (member))
          return TRUE;
      return FALSE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return has_char_1f (json_node_get_string (node));
  return json_node_get_value_type (node) == G_TYPE_DOUBLE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = craft_json_read (text, size, 16, &error);
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *written = NULL;
  gsize length = 0;

  if (root == NULL)
    {
      /* Refused with a line and column, or nothing but blanks. */
      if (error != NULL)
        {
          g_assert_true (error->domain == CRAFT_JSON_READER_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      return 0;
    }
  g_assert_no_error (error);

  if (json_glib_cannot_write (root))
    return 0;
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  written = json_generator_to_data (generator, &length);
  again = craft_json_read (written, length, 16, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (root, again));

  if (is_plain (text, size))
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      g_assert_true (json_parser_load_from_data (parser, text, (gssize) size, NULL));
      g_assert_true (json_node_equal (root, json_parser_get_root (parser)));
    }
  return 0;
}

/* src/review/craft-json-reader.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict JSON reader for imports: the same json-glib tree as JsonParser gives, built in
 * one pass over bytes in memory. json-glib's parser goes through GScanner, which cost two
 * thirds of an import's reading time; this one knows only RFC 8259 JSON.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CRAFT_JSON_READER_ERROR (craft_json_reader_error_quark ())

/* The message gives the line and column and is meant for a detail in brackets, not alone. */
typedef enum
{
  CRAFT_JSON_READER_ERROR_SYNTAX,   /* not JSON, or cut short */
  CRAFT_JSON_READER_ERROR_TOO_DEEP, /* arrays and objects deeper than allowed */
} CraftJsonReaderError;

GQuark    craft_json_reader_error_quark (void);

/* Parses @data (@length bytes; a leading UTF-8 byte order mark is skipped) into a tree, or
 * NULL with @error set. Arrays and objects deeper than @max_depth are refused, before the
 * reader recurses further. Empty input gives NULL without an error. Strings are not checked
 * for UTF-8 (the caller checks each text it uses); an escaped lone surrogate is refused. */
JsonNode *craft_json_read (const char  *data,
                           gsize        length,
                           guint        max_depth,
                           GError     **error);

/* Asked when a member of the root object holds an array: TRUE to have its elements handed
 * to a CraftJsonElementFunc one by one instead of kept in the tree (the member is then left
 * out of it). @root holds the members read so far. */
typedef gboolean (*CraftJsonStreamFunc)  (JsonObject  *root,
                                          const char  *member,
                                          gpointer     user_data);
/* One element of such an array, at @index; it is freed after the call. FALSE with @error
 * set stops the reading with that error. */
typedef gboolean (*CraftJsonElementFunc) (const char  *member,
                                          guint        index,
                                          JsonNode    *element,
                                          gpointer     user_data,
                                          GError     **error);

/* The same, handing over the arrays @stream_func chooses element by element, so that a
 * large file never stands in memory as a whole tree. Errors from @element_func come back
 * as they were set. */
JsonNode *craft_json_read_streaming (const char            *data,
                                     gsize                  length,
                                     guint                  max_depth,
                                     CraftJsonStreamFunc    stream_func,
                                     CraftJsonElementFunc   element_func,
                                     gpointer               user_data,
                                     GError               **error);

G_END_DECLS

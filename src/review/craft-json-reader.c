/* src/review/craft-json-reader.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recursive descent over the bytes: the depth is bounded by the caller's limit, so a
 * hostile file cannot exhaust the stack. Numbers without a fraction or exponent that fit
 * in 64 bits become integers, all others doubles, as with JsonParser.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "craft-json-reader.h"

G_DEFINE_QUARK (craft-json-reader-error-quark, craft_json_reader_error)

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  guint       max_depth;
  GString    *buffer; /* a string being unescaped */
  GError    **error;
  /* Arrays that are members of the root object, element by element (see
   * craft_json_read_streaming()). */
  CraftJsonStreamFunc   stream_func;
  CraftJsonElementFunc  element_func;
  gpointer              user_data;
  const char           *member; /* the root's member being streamed */
} Reader;

static gboolean
fail_with (Reader               *r,
           CraftJsonReaderError  code,
           const char           *what)
{
  guint line = 1;
  const char *line_start = r->start;

  for (const char *q = r->start; q < r->p; q++)
    if (*q == '\n')
      {
        line++;
        line_start = q + 1;
      }
  g_set_error (r->error, CRAFT_JSON_READER_ERROR, code, "%u:%u: %s", line,
               (guint) (r->p - line_start) + 1, what);
  return FALSE;
}

static gboolean
fail (Reader     *r,
      const char *what)
{
  return fail_with (r, CRAFT_JSON_READER_ERROR_SYNTAX, what);
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return fail (r, r->p + n > r->end ? "unexpected end" : "unexpected character");
  r->p += n;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u". */
static gboolean
read_hex4 (Reader   *r,
           gunichar *value)
{
  *value = 0;
  if (r->end - r->p < 4)
    return fail (r, "unexpected end");
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (r->p[i]);

      if (digit < 0)
        return fail (r, "invalid escape");
      *value = (*value << 4) | (gunichar) digit;
    }
  r->p += 4;
  return TRUE;
}

/* A string from its opening quote on, unescaped into r->buffer. */
static gboolean
read_string (Reader *r)
{
  g_string_truncate (r->buffer, 0);
  r->p++; /* the quote */
  for (;;)
    {
      const char *run = r->p;

      /* Plain bytes go over in one piece. */
      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      g_string_append_len (r->buffer, run, r->p - run);
      if (r->p >= r->end)
        return fail (r, "unexpected end inside a string");
      if (*r->p == '"')
        {
          r->p++;
          return TRUE;
        }
      if ((guchar) *r->p < 0x20)
        return fail (r, "control character inside a string");

      /* A backslash. */
      if (++r->p >= r->end)
        return fail (r, "unexpected end inside a string");
      switch (*r->p++)
        {
        case '"': g_string_append_c (r->buffer, '"'); break;
        case '\\': g_string_append_c (r->buffer, '\\'); break;
        case '/': g_string_append_c (r->buffer, '/'); break;
        case 'b': g_string_append_c (r->buffer, '\b'); break;
        case 'f': g_string_append_c (r->buffer, '\f'); break;
        case 'n': g_string_append_c (r->buffer, '\n'); break;
        case 'r': g_string_append_c (r->buffer, '\r'); break;
        case 't': g_string_append_c (r->buffer, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!read_hex4 (r, &c))
              return FALSE;
            if (c >= 0xdc00 && c <= 0xdfff)
              return fail (r, "lone surrogate");
            if (c >= 0xd800 && c <= 0xdbff)
              {
                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  return fail (r, "lone surrogate");
                r->p += 2;
                if (!read_hex4 (r, &low))
                  return FALSE;
                if (low < 0xdc00 || low > 0xdfff)
                  return fail (r, "lone surrogate");
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
              }
            g_string_append_unichar (r->buffer, c);
          }
          break;
        default:
          r->p--;
          return fail (r, "invalid escape");
        }
    }
}

static gboolean
is_digit (Reader *r)
{
  return r->p < r->end && *r->p >= '0' && *r->p <= '9';
}

static JsonNode *
read_number (Reader *r)
{
  const char *start = r->p;
  gboolean integer = TRUE;
  char text[64];
  gint64 value;
  char *rest;

  if (*r->p == '-')
    r->p++;
  if (!is_digit (r))
    return fail (r, "invalid number"), NULL;
  if (*r->p == '0')
    r->p++;
  else
    while (is_digit (r))
      r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      integer = FALSE;
      r->p++;
      if (!is_digit (r))
        return fail (r, "invalid number"), NULL;
      while (is_digit (r))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      integer = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (!is_digit (r))
        return fail (r, "invalid number"), NULL;
      while (is_digit (r))
        r->p++;
    }
  /* Long digit runs are only ever doubles, and need not be copied whole. */
  if (r->p - start >= (gssize) sizeof text)
    return json_node_init_double (json_node_alloc (), start[0] == '-' ? -G_MAXDOUBLE
                                                                       : G_MAXDOUBLE);
  memcpy (text, start, r->p - start);
  text[r->p - start] = '\0';

  if (integer)
    {
      errno = 0;
      value = g_ascii_strtoll (text, &rest, 10);
      if (errno == 0 && *rest == '\0')
        return json_node_init_int (json_node_alloc (), value);
    }
  /* No infinity: it has no JSON form to write back. */
  return json_node_init_double (json_node_alloc (),
                                CLAMP (g_ascii_strtod (text, NULL), -G_MAXDOUBLE, G_MAXDOUBLE));
}

static JsonNode *read_value (Reader *r,
                             guint   depth);

static JsonNode *
read_array (Reader *r,
            guint   depth)
{
  g_autoptr(JsonArray) array = json_array_new ();

  r->p++; /* [ */
  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return json_node_init_array (json_node_alloc (), array);
    }
  for (;;)
    {
      JsonNode *element = read_value (r, depth);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
      skip_space (r);
      if (r->p >= r->end)
        return fail (r, "unexpected end inside an array"), NULL;
      if (*r->p == ']')
        {
          r->p++;
          return json_node_init_array (json_node_alloc (), array);
        }
      if (*r->p != ',')
        return fail (r, "expected ',' or ']'"), NULL;
      r->p++;
    }
}

/* A member of the root object that is an array, read one element at a time: each is handed
 * to the caller and freed before the next is read. */
static gboolean
stream_array (Reader *r)
{
  g_autofree char *name = g_strdup (r->member);
  guint index = 0;

  if (2 > r->max_depth)
    return fail_with (r, CRAFT_JSON_READER_ERROR_TOO_DEEP, "nested too deeply");
  r->p++; /* [ */
  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return TRUE;
    }
  for (;; index++)
    {
      g_autoptr(JsonNode) element = read_value (r, 2);

      if (element == NULL)
        return FALSE;
      if (!r->element_func (name, index, element, r->user_data, r->error))
        return FALSE;
      g_clear_pointer (&element, json_node_unref);
      skip_space (r);
      if (r->p >= r->end)
        return fail (r, "unexpected end inside an array");
      if (*r->p == ']')
        {
          r->p++;
          return TRUE;
        }
      if (*r->p != ',')
        return fail (r, "expected ',' or ']'");
      r->p++;
    }
}

static JsonNode *
read_object (Reader *r,
             guint   depth)
{
  g_autoptr(JsonObject) object = json_object_new ();

  r->p++; /* { */
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return json_node_init_object (json_node_alloc (), object);
    }
  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *member;

      skip_space (r);
      if (r->p >= r->end)
        return fail (r, "unexpected end inside an object"), NULL;
      if (*r->p != '"')
        return fail (r, "expected a member name"), NULL;
      if (!read_string (r))
        return NULL;
      name = g_strndup (r->buffer->str, r->buffer->len);
      skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        return fail (r, r->p >= r->end ? "unexpected end inside an object" : "expected ':'"),
               NULL;
      r->p++;
      if (depth == 1 && r->stream_func != NULL)
        {
          skip_space (r);
          if (r->p < r->end && *r->p == '['
              && r->stream_func (object, name, r->user_data))
            {
              r->member = name;
              if (!stream_array (r))
                return NULL;
              goto next;
            }
        }
      member = read_value (r, depth);
      if (member == NULL)
        return NULL;
      /* The last of two members with the same name counts, as with JsonParser. */
      json_object_set_member (object, name, member);
    next:
      skip_space (r);
      if (r->p >= r->end)
        return fail (r, "unexpected end inside an object"), NULL;
      if (*r->p == '}')
        {
          r->p++;
          return json_node_init_object (json_node_alloc (), object);
        }
      if (*r->p != ',')
        return fail (r, "expected ',' or '}'"), NULL;
      r->p++;
    }
}

static JsonNode *
read_value (Reader *r,
            guint   depth)
{
  skip_space (r);
  if (r->p >= r->end)
    return fail (r, "unexpected end"), NULL;
  switch (*r->p)
    {
    case '{':
    case '[':
      if (depth + 1 > r->max_depth)
        return fail_with (r, CRAFT_JSON_READER_ERROR_TOO_DEEP, "nested too deeply"), NULL;
      return *r->p == '{' ? read_object (r, depth + 1) : read_array (r, depth + 1);
    case '"':
      if (!read_string (r))
        return NULL;
      {
        JsonNode *node = json_node_alloc ();

        /* json_node_init_string() copies up to a NUL, as JsonParser does. */
        return json_node_init_string (node, r->buffer->str);
      }
    case 't':
      return read_literal (r, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_literal (r, "false") ? json_node_init_boolean (json_node_alloc (), FALSE)
                                       : NULL;
    case 'n':
      return read_literal (r, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9'))
        return read_number (r);
      return fail (r, "unexpected character"), NULL;
    }
}

JsonNode *
craft_json_read (const char  *data,
                 gsize        length,
                 guint        max_depth,
                 GError     **error)
{
  return craft_json_read_streaming (data, length, max_depth, NULL, NULL, NULL, error);
}

JsonNode *
craft_json_read_streaming (const char            *data,
                           gsize                  length,
                           guint                  max_depth,
                           CraftJsonStreamFunc    stream_func,
                           CraftJsonElementFunc   element_func,
                           gpointer               user_data,
                           GError               **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (256);
  Reader r = { data, data, data + length, max_depth, buffer, error,
               stream_func, element_func, user_data, NULL };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    r.p += 3;
  skip_space (&r);
  if (r.p >= r.end)
    return NULL;

  root = read_value (&r, 0);
  if (root == NULL)
    return NULL;
  skip_space (&r);
  if (r.p < r.end)
    {
      fail (&r, "unexpected data after the end");
      json_node_unref (root);
      return NULL;
    }
  return root;
}

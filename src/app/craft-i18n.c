/* src/app/craft-i18n.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "craft-i18n.h"

static char *
dup_chosen_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  /* Without an installed schema GSettings would abort; the system language is a fine
   * answer then. */
  if (source == NULL
      || (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) == NULL)
    return NULL;

  settings = g_settings_new (APPLICATION_ID);
  return g_settings_get_string (settings, "language");
}

void
craft_i18n_init (void)
{
  g_autofree char *language = NULL;
  const char *messages;
  const char *localedir;

  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE under the C locale, which would leave a person who chose
   * Svenska with English. C.UTF-8 reads the same but lets the choice through. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");

  language = dup_chosen_language ();
  if (language != NULL && *language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);

  localedir = g_getenv ("CRAFT_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* src/main.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "app/craft-application.h"
#include "app/craft-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CraftApplication) app = NULL;

  craft_i18n_init ();

  app = craft_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

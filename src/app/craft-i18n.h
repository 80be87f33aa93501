/* src/app/craft-i18n.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets up the locale and the message catalogues, honouring the language chosen in
 * Preferences. Call once, before any text is shown. */
void craft_i18n_init (void);

G_END_DECLS

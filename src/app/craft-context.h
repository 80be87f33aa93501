/* src/app/craft-context.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "app/craft-saver.h"
#include "store/craft-store.h"

G_BEGIN_DECLS

/* Returns the current local time; tests give a fake one. */
typedef GDateTime *(*CraftClockFunc) (gpointer user_data);

#define CRAFT_TYPE_CONTEXT (craft_context_get_type ())
G_DECLARE_FINAL_TYPE (CraftContext, craft_context, CRAFT, CONTEXT, GObject)

/* What every window needs: the store, the saver, the settings and the clock. */
CraftContext *craft_context_new           (CraftStore     *store,
                                           GSettings      *settings);
CraftStore   *craft_context_get_store     (CraftContext   *self);
CraftSaver   *craft_context_get_saver     (CraftContext   *self);
GSettings    *craft_context_get_settings  (CraftContext   *self);
GDateTime    *craft_context_now           (CraftContext   *self);
void          craft_context_set_clock     (CraftContext   *self,
                                           CraftClockFunc  func,
                                           gpointer        user_data);

G_END_DECLS

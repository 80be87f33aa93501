/* src/app/craft-application-private.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "craft-application.h"

G_BEGIN_DECLS

void _craft_application_add_actions (CraftApplication *self);

G_END_DECLS

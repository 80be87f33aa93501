/* src/diary/craft-diary-model.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/craft-store.h"

G_BEGIN_DECLS

#define CRAFT_TYPE_DIARY_ITEM (craft_diary_item_get_type ())
G_DECLARE_FINAL_TYPE (CraftDiaryItem, craft_diary_item, CRAFT, DIARY_ITEM, GObject)

/* One diary entry as a list shows it: read-only, made by CraftDiaryModel on demand. */
gint64      craft_diary_item_get_id              (CraftDiaryItem *self);
gint64      craft_diary_item_get_happened_at     (CraftDiaryItem *self);
/* The local day of happened-at, "YYYY-MM-DD". */
const char *craft_diary_item_get_day             (CraftDiaryItem *self);
/* The first line of "what happened" (or of another field when that is empty), or "". */
const char *craft_diary_item_get_preview         (CraftDiaryItem *self);
/* 0 … 10, or -1 when not filled in. */
int         craft_diary_item_get_stress          (CraftDiaryItem *self);
/* engaged | tolerant | withdrawn | "" */
const char *craft_diary_item_get_coping          (CraftDiaryItem *self);
/* sober | using | influenced | hungover | unknown | "" */
const char *craft_diary_item_get_loved_one_state (CraftDiaryItem *self);
gboolean    craft_diary_item_get_flagged         (CraftDiaryItem *self);
/* Seconds since the entry went to the Trash, or 0 when it is not there. */
gint64      craft_diary_item_get_deleted_at      (CraftDiaryItem *self);
/* While searching, an excerpt with the matches between CRAFT_DIARY_MATCH_START and
 * CRAFT_DIARY_MATCH_END; otherwise NULL. */
const char *craft_diary_item_get_snippet         (CraftDiaryItem *self);

#define CRAFT_TYPE_DIARY_MODEL (craft_diary_model_get_type ())
G_DECLARE_FINAL_TYPE (CraftDiaryModel, craft_diary_model, CRAFT, DIARY_MODEL, GObject)

/* The diary entries matching a filter, newest first, as a GListModel of CraftDiaryItem.
 * Only ids and times are held; items are read from the store when asked for. */
CraftDiaryModel        *craft_diary_model_new           (CraftStore             *store);
CraftStore             *craft_diary_model_get_store     (CraftDiaryModel        *self);
/* Runs @filter (copied) and replaces the items. */
gboolean                craft_diary_model_set_filter    (CraftDiaryModel        *self,
                                                         const CraftDiaryFilter *filter,
                                                         GError                **error);
const CraftDiaryFilter *craft_diary_model_get_filter    (CraftDiaryModel        *self);
/* Runs the filter again, telling lists only about what changed, and re-reads entry
 * @changed_id (0 for none) so its row shows the new text. */
gboolean                craft_diary_model_refresh       (CraftDiaryModel        *self,
                                                         gint64                  changed_id,
                                                         GError                **error);
/* Like craft_diary_model_refresh() when only entry @id changed (it was written, made, or
 * brought back): reads that one entry instead of running the whole filter again, so a
 * save while typing does not wait for a diary of years. */
gboolean                craft_diary_model_update_entry  (CraftDiaryModel        *self,
                                                         gint64                  id,
                                                         GError                **error);
/* The position of entry @id, or -1. */
int                     craft_diary_model_find_id       (CraftDiaryModel        *self,
                                                         gint64                  id);
/* The position of the first (newest) entry on @day, or else of the nearest earlier one;
 * the last position when all are later, -1 when empty. */
int                     craft_diary_model_find_day      (CraftDiaryModel        *self,
                                                         const char             *day);
/* Whether the item at @position is the first of its day (the day changes from the one
 * before it), so the list shows the day above it. */
gboolean                craft_diary_model_starts_day    (CraftDiaryModel        *self,
                                                         guint                   position);
/* How many items are kept ready at most; the rest are read again when needed. */
guint                   craft_diary_model_get_cache_size (CraftDiaryModel       *self);

G_END_DECLS

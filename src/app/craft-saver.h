/* src/app/craft-saver.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "store/craft-store.h"

G_BEGIN_DECLS

/* Writes one queued change; returns FALSE with @error set when it could not. */
typedef gboolean (*CraftSaveFunc) (CraftStore *store,
                                   gpointer    data,
                                   GError    **error);

#define CRAFT_TYPE_SAVER (craft_saver_get_type ())
G_DECLARE_FINAL_TYPE (CraftSaver, craft_saver, CRAFT, SAVER, GObject)

CraftSaver   *craft_saver_new              (CraftStore     *store);
/* Queues a change under @key; a newer change with the same key replaces it. */
void          craft_saver_queue            (CraftSaver     *self,
                                            const char     *key,
                                            CraftSaveFunc   func,
                                            gpointer        data,
                                            GDestroyNotify  destroy);
void          craft_saver_queue_answer     (CraftSaver     *self,
                                            const char     *worksheet,
                                            const char     *field,
                                            const char     *value);
void          craft_saver_queue_row_value  (CraftSaver     *self,
                                            gint64          row_id,
                                            const char     *field,
                                            const char     *value);
void          craft_saver_queue_diary_field (CraftSaver  *self,
                                             gint64       entry_id,
                                             const char  *field,
                                             const char  *value);
/* Writes everything queued now; on failure the changes stay queued and are retried. */
gboolean      craft_saver_flush            (CraftSaver     *self,
                                            GError        **error);
/* As flush, but waits out another program's brief lock (about 2 s): for closing. */
gboolean      craft_saver_flush_waiting    (CraftSaver     *self,
                                            GError        **error);
/* What the person's "Try Again" does: as flush, and after the data folder was removed,
 * first puts the whole database back in its place. */
gboolean      craft_saver_retry            (CraftSaver     *self,
                                            GError        **error);
gboolean      craft_saver_get_pending      (CraftSaver     *self);
/* The last failure, or NULL while saving works. */
const GError *craft_saver_get_error        (CraftSaver     *self);
void          craft_saver_set_delays       (CraftSaver     *self,
                                            guint           save_delay_ms,
                                            guint           retry_delay_ms);
/* How long another program's lock may last before the saver reports it (2 s). */
void          craft_saver_set_busy_grace   (CraftSaver     *self,
                                            guint           busy_grace_ms);

G_END_DECLS

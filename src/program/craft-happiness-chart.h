/* src/program/craft-happiness-chart.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRAFT_TYPE_HAPPINESS_CHART (craft_happiness_chart_get_type ())
G_DECLARE_FINAL_TYPE (CraftHappinessChart, craft_happiness_chart, CRAFT, HAPPINESS_CHART,
                      GtkWidget)

/* A small line chart of the happiness scale over time, one line per life area. */
GtkWidget  *craft_happiness_chart_new              (void);
/* @ratings: a GArray of CraftHappinessRating (store/craft-store.h), oldest first.
 * @area_ids and @area_labels: NULL-terminated, in the same order; areas not listed are
 * ignored. The chart copies what it needs. */
void        craft_happiness_chart_set_ratings      (CraftHappinessChart *self,
                                                    GArray              *ratings,
                                                    const char * const  *area_ids,
                                                    const char * const  *area_labels);
/* The text alternative: what the chart shows, in words (also its accessible description). */
const char *craft_happiness_chart_get_summary      (CraftHappinessChart *self);

G_END_DECLS

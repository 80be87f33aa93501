/* src/store/craft-store-review.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "craft-store.h"

G_BEGIN_DECLS

/* Figures for the Review place. Each covers the diary entries whose local day lies between
 * @from_day and @to_day (YYYY-MM-DD, both inclusive; NULL leaves that end open), leaves out
 * the Trash, and is counted by SQLite in one GROUP BY, so that years of entries stay quick. */

/* How finely stress is grouped over time. */
typedef enum
{
  CRAFT_REVIEW_BY_DAY,
  CRAFT_REVIEW_BY_WEEK, /* ISO weeks, named by their Monday */
} CraftReviewStep;

typedef struct
{
  int  entries;
  int  flagged;
  char first_day[11]; /* the oldest entry's day, or "" when there are none */
  char last_day[11];
} CraftReviewTotals;

typedef struct
{
  char   period[11]; /* the day, or the Monday of the week */
  double average;
  int    min;
  int    max;
  int    count;      /* entries with a stress rating */
} CraftReviewStress;

typedef struct
{
  char week[11];     /* the Monday of the ISO week */
  int  engaged;
  int  tolerant;
  int  withdrawn;
} CraftReviewCoping;

typedef struct
{
  char *value;       /* the stored value ("" for not answered), a tag or a folded trigger */
  char *label;       /* for triggers, one way it was written; otherwise the same as value */
  int   count;
} CraftReviewCount;

typedef enum
{
  CRAFT_REVIEW_COUNT_LOVED_ONE_STATE, /* every value, "" included */
  CRAFT_REVIEW_COUNT_SAFE,            /* yes, no, unsure and "" */
  CRAFT_REVIEW_COUNT_TAGS,
  CRAFT_REVIEW_COUNT_TRIGGERS,        /* the same words in any case or spacing count as one */
} CraftReviewCountKind;

/* How many entries, and how many are flagged for the group leader. */
gboolean craft_store_review_totals        (CraftStore            *self,
                                           const char            *from_day,
                                           const char            *to_day,
                                           CraftReviewTotals     *totals,
                                           GError               **error);
/* Stress per day or week, oldest first (a GArray of CraftReviewStress); periods without a
 * rating are left out. */
GArray  *craft_store_review_stress        (CraftStore            *self,
                                           const char            *from_day,
                                           const char            *to_day,
                                           CraftReviewStep        step,
                                           GError               **error);
/* The ways of coping per ISO week, oldest first (a GArray of CraftReviewCoping); weeks
 * without an answer are left out. */
GArray  *craft_store_review_coping        (CraftStore            *self,
                                           const char            *from_day,
                                           const char            *to_day,
                                           GError               **error);
/* Entries per value, most first, then by value (a GArray of CraftReviewCount that frees its
 * strings); @limit 0 gives every value. Empty tags and triggers are not counted. */
GArray  *craft_store_review_count         (CraftStore            *self,
                                           const char            *from_day,
                                           const char            *to_day,
                                           CraftReviewCountKind   kind,
                                           guint                  limit,
                                           GError               **error);
/* The happiness ratings made in the period, oldest first (a GArray of CraftHappinessRating). */
GArray  *craft_store_review_happiness     (CraftStore            *self,
                                           const char            *from_day,
                                           const char            *to_day,
                                           GError               **error);
/* The local day (YYYY-MM-DD) of the session marked done most recently, "" when none is. */
char    *craft_store_review_last_session_day (CraftStore         *self,
                                              GError            **error);
/* The ids of the entries from @from_day on (NULL: all), flagged ones first, then newest
 * first; at most @limit (0: all). A GArray of gint64. */
GArray  *craft_store_review_entries_since (CraftStore            *self,
                                           const char            *from_day,
                                           guint                  limit,
                                           GError               **error);

/* What the Review place shows for a period, asked for in one go. */
typedef struct
{
  const char *from_day;     /* the period, as above */
  const char *to_day;
  const char *since_day;    /* the last session's day, for the list since then; NULL: none */
  guint       since_limit;  /* at most this many entries in that list (0: all) */
  guint       top_tags;     /* the most frequent tags and triggers (0: all) */
  guint       top_triggers;
  guint       max_days_by_day; /* stress by day when the entries span fewer days, else by
                                * week */
} CraftReviewRequest;

/* Every figure of the Review place for one period: the same numbers the functions above
 * give one by one, from one read of the store. */
typedef struct
{
  CraftReviewTotals totals;
  CraftReviewStep step;    /* of stress */
  GArray *stress;          /* CraftReviewStress, oldest first */
  GArray *coping;          /* CraftReviewCoping, by ISO week */
  GArray *states;          /* CraftReviewCount: the loved one's states, most first */
  GArray *safe;            /* CraftReviewCount: yes, no, unsure and "", most first */
  GArray *tags;            /* CraftReviewCount, at most top_tags */
  GArray *triggers;        /* CraftReviewCount, at most top_triggers */
  GArray *happiness;       /* CraftHappinessRating, oldest first */
  int     since_entries;   /* entries from since_day on */
  GArray *since_ids;       /* gint64: those entries, flagged first, then newest first;
                            * NULL without since_day */
} CraftReviewFigures;

void                craft_review_figures_free  (CraftReviewFigures        *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CraftReviewFigures, craft_review_figures_free)

/* Every figure for @request's period, in one read transaction, from the summaries the store
 * keeps by day and by week (and, for the whole diary, of tags and triggers): all time adds
 * up weeks, a period its days. Counts only the states and safety answers the diary offers,
 * which are what the Review shows. */
CraftReviewFigures *craft_store_review_figures (CraftStore                *self,
                                                const CraftReviewRequest  *request,
                                                GError                   **error);

G_END_DECLS

/* src/leader/craft-agenda-timer.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time is counted from the clock, never by ticks: a window that was hidden, a laptop that
 * slept or a session closed and opened again all read the right time, and a test moves a
 * fake clock instead of waiting.
 */
#include "config.h"

#include "craft-agenda-timer.h"

struct _CraftAgendaTimer
{
  GObject               parent_instance;

  CraftAgendaClockFunc  clock;
  gpointer              clock_data;
  GArray               *planned;       /* gint64 seconds per part */
  GArray               *used;          /* gint64 seconds per part, not counting the run */
  guint                 current;
  gint64                running_since; /* 0 while paused */
};

G_DEFINE_FINAL_TYPE (CraftAgendaTimer, craft_agenda_timer, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
now (CraftAgendaTimer *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_real_time () / G_USEC_PER_SEC;
}

static void
craft_agenda_timer_finalize (GObject *object)
{
  CraftAgendaTimer *self = CRAFT_AGENDA_TIMER (object);

  g_array_unref (self->planned);
  g_array_unref (self->used);

  G_OBJECT_CLASS (craft_agenda_timer_parent_class)->finalize (object);
}

static void
craft_agenda_timer_class_init (CraftAgendaTimerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = craft_agenda_timer_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
craft_agenda_timer_init (CraftAgendaTimer *self)
{
  self->planned = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->used = g_array_new (FALSE, TRUE, sizeof (gint64));
}

CraftAgendaTimer *
craft_agenda_timer_new (const guint          *planned_minutes,
                        guint                 n_parts,
                        CraftAgendaClockFunc  clock,
                        gpointer              clock_data)
{
  CraftAgendaTimer *self;

  g_return_val_if_fail (planned_minutes != NULL || n_parts == 0, NULL);

  self = g_object_new (CRAFT_TYPE_AGENDA_TIMER, NULL);
  self->clock = clock;
  self->clock_data = clock_data;
  g_array_set_size (self->planned, n_parts);
  g_array_set_size (self->used, n_parts);
  for (guint i = 0; i < n_parts; i++)
    g_array_index (self->planned, gint64, i) = (gint64) planned_minutes[i] * 60;
  return self;
}

guint
craft_agenda_timer_get_n_parts (CraftAgendaTimer *self)
{
  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), 0);
  return self->planned->len;
}

guint
craft_agenda_timer_get_current (CraftAgendaTimer *self)
{
  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), 0);
  return self->current;
}

/* Books the running time on the current part and restarts the count from now. */
static void
book_running_time (CraftAgendaTimer *self)
{
  gint64 t;

  if (self->running_since == 0 || self->current >= self->used->len)
    return;
  t = now (self);
  /* A clock set back must not take time away. */
  g_array_index (self->used, gint64, self->current) += MAX (0, t - self->running_since);
  self->running_since = t;
}

void
craft_agenda_timer_set_current (CraftAgendaTimer *self,
                                guint             part)
{
  g_return_if_fail (CRAFT_IS_AGENDA_TIMER (self));

  if (part >= self->planned->len || part == self->current)
    return;
  book_running_time (self);
  self->current = part;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
craft_agenda_timer_next (CraftAgendaTimer *self)
{
  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), FALSE);

  if (self->current + 1 >= self->planned->len)
    return FALSE;
  craft_agenda_timer_set_current (self, self->current + 1);
  return TRUE;
}

gboolean
craft_agenda_timer_previous (CraftAgendaTimer *self)
{
  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), FALSE);

  if (self->current == 0)
    return FALSE;
  craft_agenda_timer_set_current (self, self->current - 1);
  return TRUE;
}

gboolean
craft_agenda_timer_get_running (CraftAgendaTimer *self)
{
  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), FALSE);
  return self->running_since != 0;
}

void
craft_agenda_timer_start (CraftAgendaTimer *self)
{
  g_return_if_fail (CRAFT_IS_AGENDA_TIMER (self));

  if (self->running_since != 0 || self->planned->len == 0)
    return;
  self->running_since = MAX (1, now (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
craft_agenda_timer_pause (CraftAgendaTimer *self)
{
  g_return_if_fail (CRAFT_IS_AGENDA_TIMER (self));

  if (self->running_since == 0)
    return;
  book_running_time (self);
  self->running_since = 0;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
craft_agenda_timer_toggle (CraftAgendaTimer *self)
{
  if (craft_agenda_timer_get_running (self))
    craft_agenda_timer_pause (self);
  else
    craft_agenda_timer_start (self);
}

gint64
craft_agenda_timer_get_planned (CraftAgendaTimer *self,
                                guint             part)
{
  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), 0);
  g_return_val_if_fail (part < self->planned->len, 0);
  return g_array_index (self->planned, gint64, part);
}

gint64
craft_agenda_timer_get_used (CraftAgendaTimer *self,
                             guint             part)
{
  gint64 used;

  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), 0);
  g_return_val_if_fail (part < self->used->len, 0);

  used = g_array_index (self->used, gint64, part);
  if (part == self->current && self->running_since != 0)
    used += MAX (0, now (self) - self->running_since);
  return used;
}

gint64
craft_agenda_timer_get_remaining (CraftAgendaTimer *self,
                                  guint             part)
{
  return craft_agenda_timer_get_planned (self, part) - craft_agenda_timer_get_used (self, part);
}

gboolean
craft_agenda_timer_is_overrun (CraftAgendaTimer *self,
                               guint             part)
{
  return craft_agenda_timer_get_remaining (self, part) < 0;
}

gint64
craft_agenda_timer_get_total_planned (CraftAgendaTimer *self)
{
  gint64 total = 0;

  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), 0);

  for (guint i = 0; i < self->planned->len; i++)
    total += g_array_index (self->planned, gint64, i);
  return total;
}

gint64
craft_agenda_timer_get_total_used (CraftAgendaTimer *self)
{
  gint64 total = 0;

  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), 0);

  for (guint i = 0; i < self->used->len; i++)
    total += craft_agenda_timer_get_used (self, i);
  return total;
}

void
craft_agenda_timer_save (CraftAgendaTimer *self,
                         CraftLeaderRun   *run)
{
  g_return_if_fail (CRAFT_IS_AGENDA_TIMER (self));
  g_return_if_fail (run != NULL);

  /* What ran until now is booked, so the kept state holds it even if the clock never
   * comes back (a crash, a flat battery). */
  book_running_time (self);
  g_clear_pointer (&run->used, g_array_unref);
  run->used = g_array_copy (self->used);
  run->current = self->current;
  run->running_since = self->running_since;
}

gboolean
craft_agenda_timer_restore (CraftAgendaTimer     *self,
                            const CraftLeaderRun *run)
{
  gboolean stopped = FALSE;

  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  /* A kept state from an agenda of another length (new content) keeps what still fits. */
  for (guint i = 0; i < self->used->len; i++)
    g_array_index (self->used, gint64, i) =
      run->used != NULL && i < run->used->len ? MAX (0, g_array_index (run->used, gint64, i)) : 0;
  self->current = run->current >= 0 && (guint) run->current < self->planned->len
                  ? (guint) run->current : 0;
  self->running_since = self->planned->len > 0 ? MAX (0, run->running_since) : 0;
  /* Kept running long ago: nobody knows how long the session went on, so what counts is
   * what was kept, and the leader starts the clock again. */
  if (self->running_since != 0 && now (self) - self->running_since > CRAFT_AGENDA_TIMER_RESUME_SECONDS)
    {
      self->running_since = 0;
      stopped = TRUE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return stopped;
}

gint64
craft_agenda_timer_get_running_since (CraftAgendaTimer *self)
{
  g_return_val_if_fail (CRAFT_IS_AGENDA_TIMER (self), 0);
  return self->running_since;
}

char *
craft_agenda_timer_format (gint64 seconds)
{
  gint64 magnitude = ABS (seconds);

  /* U+2212 MINUS SIGN reads better in large type than a hyphen. */
  if (magnitude >= 3600)
    return g_strdup_printf ("%s%d:%02d:%02d", seconds < 0 ? "−" : "", (int) (magnitude / 3600),
                            (int) (magnitude / 60 % 60), (int) (magnitude % 60));
  return g_strdup_printf ("%s%d:%02d", seconds < 0 ? "−" : "", (int) (magnitude / 60),
                          (int) (magnitude % 60));
}

/* src/app/craft-context.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made once at start-up and handed to windows, so a test can give them a temporary store
 * or a clock of its own.
 */
#include "config.h"

#include "craft-context.h"

struct _CraftContext
{
  GObject         parent_instance;

  CraftStore     *store;
  CraftSaver     *saver;
  GSettings      *settings;
  CraftClockFunc  clock_func;
  gpointer        clock_data;
};

G_DEFINE_FINAL_TYPE (CraftContext, craft_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
craft_context_constructed (GObject *object)
{
  CraftContext *self = CRAFT_CONTEXT (object);

  G_OBJECT_CLASS (craft_context_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->saver = craft_saver_new (self->store);
  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);
}

static void
craft_context_dispose (GObject *object)
{
  CraftContext *self = CRAFT_CONTEXT (object);

  /* The saver writes what is still queued as it goes, so it must go before the store. */
  g_clear_object (&self->saver);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (craft_context_parent_class)->dispose (object);
}

static void
craft_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CraftContext *self = CRAFT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_context_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CraftContext *self = CRAFT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
craft_context_class_init (CraftContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = craft_context_constructed;
  object_class->dispose = craft_context_dispose;
  object_class->get_property = craft_context_get_property;
  object_class->set_property = craft_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRAFT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
craft_context_init (CraftContext *self)
{
}

CraftContext *
craft_context_new (CraftStore *store,
                   GSettings  *settings)
{
  g_return_val_if_fail (CRAFT_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CRAFT_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

CraftStore *
craft_context_get_store (CraftContext *self)
{
  g_return_val_if_fail (CRAFT_IS_CONTEXT (self), NULL);
  return self->store;
}

CraftSaver *
craft_context_get_saver (CraftContext *self)
{
  g_return_val_if_fail (CRAFT_IS_CONTEXT (self), NULL);
  return self->saver;
}

GSettings *
craft_context_get_settings (CraftContext *self)
{
  g_return_val_if_fail (CRAFT_IS_CONTEXT (self), NULL);
  return self->settings;
}

GDateTime *
craft_context_now (CraftContext *self)
{
  g_return_val_if_fail (CRAFT_IS_CONTEXT (self), NULL);

  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);
  return g_date_time_new_now_local ();
}

void
craft_context_set_clock (CraftContext   *self,
                         CraftClockFunc  func,
                         gpointer        user_data)
{
  g_return_if_fail (CRAFT_IS_CONTEXT (self));

  self->clock_func = func;
  self->clock_data = user_data;
}

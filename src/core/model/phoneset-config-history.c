/* phoneset-config-history.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo and redo for edits of a config. Every edit through the history is
 * one step; a revert to what the phone has is one step too, so that it can
 * be undone.
 */

#define G_LOG_DOMAIN "phoneset-config-history"

#include "config.h"

#include "phoneset-config-history.h"

typedef struct
{
  char *id;
  char *before; /* NULL: not set */
  char *after;
} Edit;

typedef struct
{
  GPtrArray *edits; /* Edit */
} Step;

struct _PhonesetConfigHistory
{
  GObject         parent_instance;

  PhonesetConfig *config;
  GPtrArray      *undo; /* Step */
  GPtrArray      *redo; /* Step */
};

G_DEFINE_FINAL_TYPE (PhonesetConfigHistory, phoneset_config_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->id);
  g_free (edit->before);
  g_free (edit->after);
  g_free (edit);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->edits);
  g_free (step);
}

static Step *
step_new (void)
{
  Step *step = g_new0 (Step, 1);

  step->edits = g_ptr_array_new_with_free_func (edit_free);
  return step;
}

static void
notify_state (PhonesetConfigHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
phoneset_config_history_finalize (GObject *object)
{
  PhonesetConfigHistory *self = (PhonesetConfigHistory *)object;

  g_clear_object (&self->config);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (phoneset_config_history_parent_class)->finalize (object);
}

static void
phoneset_config_history_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PhonesetConfigHistory *self = PHONESET_CONFIG_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, phoneset_config_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, phoneset_config_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_config_history_class_init (PhonesetConfigHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = phoneset_config_history_finalize;
  object_class->get_property = phoneset_config_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
phoneset_config_history_init (PhonesetConfigHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

/**
 * phoneset_config_history_new:
 * @config: the config that is edited
 *
 * Returns: (transfer full): a history with nothing to undo
 */
PhonesetConfigHistory *
phoneset_config_history_new (PhonesetConfig *config)
{
  PhonesetConfigHistory *self;

  g_return_val_if_fail (PHONESET_IS_CONFIG (config), NULL);

  self = g_object_new (PHONESET_TYPE_CONFIG_HISTORY, NULL);
  self->config = g_object_ref (config);
  return self;
}

PhonesetConfig *
phoneset_config_history_get_config (PhonesetConfigHistory *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG_HISTORY (self), NULL);

  return self->config;
}

static void
push (PhonesetConfigHistory *self,
      Step                  *step)
{
  if (step->edits->len == 0)
    {
      step_free (step);
      return;
    }
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

/**
 * phoneset_config_history_set:
 * @self: a history
 * @id: a setting id
 * @text: the new value
 * @error: a location for a #GError
 *
 * Sets a value as one undoable step.
 *
 * Returns: %TRUE if the value was valid
 */
gboolean
phoneset_config_history_set (PhonesetConfigHistory  *self,
                             const char             *id,
                             const char             *text,
                             GError                **error)
{
  g_autofree char *before = NULL;
  Step            *step;
  Edit            *edit;

  g_return_val_if_fail (PHONESET_IS_CONFIG_HISTORY (self), FALSE);

  before = g_strdup (phoneset_config_get (self->config, id));
  if (!phoneset_config_set (self->config, id, text, error))
    return FALSE;
  if (g_strcmp0 (before, phoneset_config_get (self->config, id)) == 0)
    return TRUE;

  step = step_new ();
  edit = g_new0 (Edit, 1);
  edit->id = g_strdup (id);
  edit->before = g_steal_pointer (&before);
  edit->after = g_strdup (phoneset_config_get (self->config, id));
  g_ptr_array_add (step->edits, edit);
  push (self, step);
  return TRUE;
}

/**
 * phoneset_config_history_revert:
 * @self: a history
 * @to: (nullable): the values to go back to (what the phone has); %NULL
 *   unsets everything
 *
 * Makes the config equal to @to, as one undoable step.
 */
void
phoneset_config_history_revert (PhonesetConfigHistory *self,
                                PhonesetConfig        *to)
{
  GPtrArray *settings = phoneset_profile_get_settings (phoneset_config_get_profile (self->config));
  Step      *step = step_new ();

  for (guint i = 0; i < settings->len; i++)
    {
      const char *id = phoneset_setting_get_id (g_ptr_array_index (settings, i));
      const char *have = phoneset_config_get (self->config, id);
      const char *want = to ? phoneset_config_get (to, id) : NULL;
      Edit       *edit;

      if (g_strcmp0 (have, want) == 0)
        continue;
      edit = g_new0 (Edit, 1);
      edit->id = g_strdup (id);
      edit->before = g_strdup (have);
      edit->after = g_strdup (want);
      g_ptr_array_add (step->edits, edit);
      if (want != NULL)
        phoneset_config_set (self->config, id, want, NULL);
      else
        phoneset_config_unset (self->config, id);
    }
  push (self, step);
}

gboolean
phoneset_config_history_can_undo (PhonesetConfigHistory *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
phoneset_config_history_can_redo (PhonesetConfigHistory *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

static void
apply (PhonesetConfigHistory *self,
       Step                  *step,
       gboolean               forward)
{
  for (guint i = 0; i < step->edits->len; i++)
    {
      Edit       *edit = g_ptr_array_index (step->edits, forward ? i : step->edits->len - 1 - i);
      const char *value = forward ? edit->after : edit->before;

      if (value != NULL)
        phoneset_config_set (self->config, edit->id, value, NULL);
      else
        phoneset_config_unset (self->config, edit->id);
    }
}

/**
 * phoneset_config_history_undo:
 * @self: a history
 *
 * Returns: %TRUE if there was something to undo
 */
gboolean
phoneset_config_history_undo (PhonesetConfigHistory *self)
{
  Step *step;

  g_return_val_if_fail (PHONESET_IS_CONFIG_HISTORY (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  apply (self, step, FALSE);
  g_ptr_array_add (self->redo, step);
  notify_state (self);
  return TRUE;
}

/**
 * phoneset_config_history_redo:
 * @self: a history
 *
 * Returns: %TRUE if there was something to redo
 */
gboolean
phoneset_config_history_redo (PhonesetConfigHistory *self)
{
  Step *step;

  g_return_val_if_fail (PHONESET_IS_CONFIG_HISTORY (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  apply (self, step, TRUE);
  g_ptr_array_add (self->undo, step);
  notify_state (self);
  return TRUE;
}

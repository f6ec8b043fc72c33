/* phoneset-error.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "phoneset-error.h"

/* An extended error domain (GLib 2.68): each error carries its fault. */
typedef struct
{
  PhonesetFault fault;
} PhonesetErrorPrivate;

static PhonesetErrorPrivate *
get_private (const GError *error)
{
  /* As G_DEFINE_EXTENDED_ERROR does: the private data sits before the GError. */
  const gsize sa = 2 * sizeof (gsize);
  const gsize as = (sizeof (PhonesetErrorPrivate) + (sa - 1)) & -sa;

  return (PhonesetErrorPrivate *)(((guint8 *)error) - as);
}

static void
private_init (GError *error)
{
  get_private (error)->fault = PHONESET_FAULT_NONE;
}

static void
private_copy (const GError *src,
              GError       *dest)
{
  get_private (dest)->fault = get_private (src)->fault;
}

static void
private_clear (GError *error)
{
}

GQuark
phoneset_error_quark (void)
{
  static GQuark q;
  static gsize  initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      q = g_error_domain_register_static ("phoneset-error-quark", sizeof (PhonesetErrorPrivate),
                                          private_init, private_copy, private_clear);
      g_once_init_leave (&initialized, 1);
    }
  return q;
}

/**
 * phoneset_error_get_fault:
 * @error: an error
 *
 * Returns: what a %PHONESET_ERROR error was, or %PHONESET_FAULT_NONE
 */
PhonesetFault
phoneset_error_get_fault (const GError *error)
{
  g_return_val_if_fail (error != NULL, PHONESET_FAULT_NONE);

  if (error->domain != PHONESET_ERROR)
    return PHONESET_FAULT_NONE;
  return get_private (error)->fault;
}

/**
 * phoneset_error_set_fault:
 * @error: a %PHONESET_ERROR error
 * @fault: what it was
 *
 * Records what the error was (it keeps its code).
 */
void
phoneset_error_set_fault (GError        *error,
                          PhonesetFault  fault)
{
  g_return_if_fail (error != NULL && error->domain == PHONESET_ERROR);

  get_private (error)->fault = fault;
}

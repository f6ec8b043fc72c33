/* test-phone.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "phoneset-phone.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_phone_display_name (void)
{
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.10");
  g_autofree char *n1 = NULL;
  g_autofree char *n2 = NULL;
  g_autofree char *n3 = NULL;
  g_autofree char *n4 = NULL;

  n1 = phoneset_phone_dup_display_name (phone);
  g_assert_cmpstr (n1, ==, "192.0.2.10");

  phoneset_phone_set_vendor (phone, "Yealink");
  phoneset_phone_set_model (phone, "CP860");
  n2 = phoneset_phone_dup_display_name (phone);
  g_assert_cmpstr (n2, ==, "Yealink CP860");

  phoneset_phone_set_model (phone, "Yealink SIP-T46G");
  n3 = phoneset_phone_dup_display_name (phone);
  g_assert_cmpstr (n3, ==, "Yealink SIP-T46G");

  phoneset_phone_set_name (phone, "Board room");
  n4 = phoneset_phone_dup_display_name (phone);
  g_assert_cmpstr (n4, ==, "Board room");
}

static void
test_phone_notify (void)
{
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.10");
  guint count = 0;

  g_signal_connect (phone, "notify::mac", G_CALLBACK (count_cb), &count);
  phoneset_phone_set_mac (phone, "00:15:65:4A:A9:37");
  phoneset_phone_set_mac (phone, "00:15:65:4A:A9:37");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (phoneset_phone_get_mac (phone), ==, "00:15:65:4A:A9:37");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/display-name", test_phone_display_name);
  g_test_add_func ("/phone/notify", test_phone_notify);

  return g_test_run ();
}

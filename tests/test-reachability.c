/* test-reachability.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a phone answers, against listeners on loopback only.
 */

#include "config.h"

#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <string.h>
#include <unistd.h>

#include "phoneset-reachability.h"

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static PhonesetReachable
check (const char  *address,
       gboolean    *answered,
       GError     **error)
{
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new (address);
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_cmpint (phoneset_phone_get_reachable (phone), ==, PHONESET_REACHABLE_UNKNOWN);
  phoneset_reachability_check_async (phone, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  *answered = phoneset_reachability_check_finish (phone, result, error);
  return phoneset_phone_get_reachable (phone);
}

/* A raw listening socket on 127.0.0.1 with the given backlog; returns its port. */
static int
listen_loopback (int      backlog,
                 guint16 *port)
{
  struct sockaddr_in addr = { .sin_family = AF_INET };
  socklen_t          len = sizeof addr;
  int                fd = socket (AF_INET, SOCK_STREAM, 0);

  g_assert_cmpint (fd, >=, 0);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (fd, (struct sockaddr *)&addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (fd, backlog), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *)&addr, &len), ==, 0);
  *port = ntohs (addr.sin_port);
  return fd;
}

static void
test_reachability_answers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  gboolean         answered = FALSE;
  guint16          port = 0;
  int              fd = listen_loopback (8, &port);

  address = g_strdup_printf ("127.0.0.1:%u", port);
  g_assert_cmpint (check (address, &answered, &error), ==, PHONESET_REACHABLE_YES);
  g_assert_no_error (error);
  g_assert_true (answered);
  close (fd);
}

static void
test_reachability_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  gboolean         answered = FALSE;
  guint16          port = 0;
  int              fd = listen_loopback (8, &port);

  /* Closing the listener leaves the port refusing: the phone is there,
   * its web server is not. */
  close (fd);
  address = g_strdup_printf ("127.0.0.1:%u", port);
  g_assert_cmpint (check (address, &answered, &error), ==, PHONESET_REACHABLE_YES);
  g_assert_no_error (error);
  g_assert_true (answered);
}

static void
test_reachability_silent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char   *address = NULL;
  struct sockaddr_in addr = { .sin_family = AF_INET };
  gboolean           answered = TRUE;
  guint16            port = 0;
  int                fd = listen_loopback (0, &port);
  int                fillers[4];

  /* A listener that never accepts, its queue filled: Linux drops further
   * SYNs, so the next connection hears nothing, as from a phone that is
   * switched off. */
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = htons (port);
  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    {
      fillers[i] = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      connect (fillers[i], (struct sockaddr *)&addr, sizeof addr);
    }
  g_usleep (100 * G_TIME_SPAN_MILLISECOND);

  address = g_strdup_printf ("127.0.0.1:%u", port);
  g_assert_cmpint (check (address, &answered, &error), ==, PHONESET_REACHABLE_NO);
  g_assert_no_error (error);
  g_assert_false (answered);
  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    close (fillers[i]);
  close (fd);
}

static void
test_reachability_bad_address (void)
{
  g_autoptr(GError) error = NULL;
  gboolean answered = TRUE;

  g_assert_cmpint (check ("127.0.0.1:99999", &answered, &error), ==, PHONESET_REACHABLE_UNKNOWN);
  g_assert_nonnull (error);
  g_assert_false (answered);
}

static void
test_reachability_describe (void)
{
  g_assert_cmpstr (phoneset_reachable_describe (PHONESET_REACHABLE_YES), ==, "Answering");
  g_assert_nonnull (strstr (phoneset_reachable_describe (PHONESET_REACHABLE_NO), "Not answering"));
  g_assert_cmpstr (phoneset_reachable_describe (PHONESET_REACHABLE_UNKNOWN), ==, "Not checked yet");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reachability/answers", test_reachability_answers);
  g_test_add_func ("/reachability/refused", test_reachability_refused);
  g_test_add_func ("/reachability/silent", test_reachability_silent);
  g_test_add_func ("/reachability/bad-address", test_reachability_bad_address);
  g_test_add_func ("/reachability/describe", test_reachability_describe);

  return g_test_run ();
}

/* fuzz-http-head.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check of an HTTP request's head before libsoup reads it (the
 * provisioning server's first look at a connection): input is the bytes a
 * client sent. The answer is one of the documented statuses, the head (when
 * complete) lies within the input and the limits, and feeding the same
 * bytes in two parts never turns a refusal into an acceptance.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "phoneset-http-head.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  gsize head_len = 0;
  guint status = phoneset_http_head_check ((const char *)data, size, &head_len);

  g_assert_true (status == 0 || status == 200 || status == 400 || status == 413 || status == 414 ||
                 status == 431);
  if (status == 200)
    {
      g_assert_cmpuint (head_len, >, 0);
      g_assert_cmpuint (head_len, <=, size);
      g_assert_cmpuint (head_len, <=, PHONESET_HTTP_MAX_HEAD);
      g_assert_true (data[head_len - 1] == '\n');
    }
  else
    g_assert_cmpuint (head_len, ==, 0);
  /* Waiting for more is only possible below the head limit. */
  if (status == 0)
    g_assert_cmpuint (size, <, PHONESET_HTTP_MAX_HEAD);
  /* A refused prefix means a refused whole (so no acceptable head is
   * refused while it arrives). */
  if (size > 1)
    {
      guint first = phoneset_http_head_check ((const char *)data, size / 2, NULL);

      if (first != 0 && first != 200)
        g_assert_true (status != 0 && status != 200);
    }
  return 0;
}

/* phoneset-http-head.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What Phoneset's servers take from a client: phones send short GETs. */
#define PHONESET_HTTP_MAX_URI     8192  /* longer request targets: 414 */
#define PHONESET_HTTP_MAX_HEAD    16384 /* request line + headers: 431 */
#define PHONESET_HTTP_MAX_HEADERS 100   /* header lines: 431 */
#define PHONESET_HTTP_MAX_BODY    16384 /* Content-Length: 413 */

guint phoneset_http_head_check (const char *data,
                                gsize       len,
                                gsize      *head_len);

G_END_DECLS

/* phoneset-test-cfg.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the CFG codec tests share: their files in tests/data/cfg/, parsing
 * that must succeed, and the lines an edit changed.
 */

#pragma once

#include <glib.h>

#include "phoneset-cfg.h"

G_BEGIN_DECLS

char                *phoneset_test_cfg_load          (const char          *name,
                                                      gsize               *len);
PhonesetCfgDocument *phoneset_test_cfg_parse         (PhonesetCfgFormat    format,
                                                      const char          *data,
                                                      gssize               len);
char                *phoneset_test_cfg_serialize     (PhonesetCfgDocument *doc,
                                                      gsize               *len);
GPtrArray           *phoneset_test_cfg_changed_lines (const char          *a,
                                                      const char          *b);

G_END_DECLS

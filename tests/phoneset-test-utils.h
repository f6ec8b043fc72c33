/* phoneset-test-utils.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     phoneset_test_wait_until_mapped (GtkWidget  *widget);
void     phoneset_test_iterate           (guint       msec);
char    *phoneset_test_screenshot        (GtkWidget  *widget,
                                          const char *name);
char    *phoneset_test_screenshot_after  (GtkWidget  *widget,
                                          const char *name,
                                          guint       settle_ms);

GtkWindow *phoneset_test_find_window     (GType       type);
GtkWidget *phoneset_test_find_descendant (GtkWidget  *widget,
                                          GType       type);
GtkWidget *phoneset_test_find_setting_row (GtkWidget  *widget,
                                           const char *id);
void       phoneset_test_store_password  (gpointer    secrets,
                                          const char *host,
                                          const char *password);

G_END_DECLS

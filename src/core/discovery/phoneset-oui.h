/* phoneset-oui.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Debian's copy of the IEEE MA-L registry (package ieee-data). */
#define PHONESET_OUI_DEFAULT_PATH "/usr/share/ieee-data/oui.txt"

#define PHONESET_TYPE_OUI_REGISTRY (phoneset_oui_registry_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetOuiRegistry, phoneset_oui_registry, PHONESET, OUI_REGISTRY, GObject)

gboolean             phoneset_oui_parse_line             (const char           *line,
                                                          guint32              *oui,
                                                          char                **organization,
                                                          GError              **error);
PhonesetOuiRegistry *phoneset_oui_registry_new           (void);
gboolean             phoneset_oui_registry_load_data     (PhonesetOuiRegistry  *self,
                                                          const char           *data,
                                                          gsize                 length,
                                                          GError              **error);
gboolean             phoneset_oui_registry_load_file     (PhonesetOuiRegistry  *self,
                                                          const char           *path,
                                                          GError              **error);
void                 phoneset_oui_registry_load_file_async  (PhonesetOuiRegistry  *self,
                                                             const char           *path,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean             phoneset_oui_registry_load_file_finish (PhonesetOuiRegistry  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
const char          *phoneset_oui_registry_lookup        (PhonesetOuiRegistry  *self,
                                                          const guint8         *mac);

G_END_DECLS

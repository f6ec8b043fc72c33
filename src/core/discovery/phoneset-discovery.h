/* phoneset-discovery.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "phoneset-fingerprint.h"
#include "phoneset-oui.h"

G_BEGIN_DECLS

/* Where phones announce themselves at boot (SIP PnP, RFC 6080 style). */
#define PHONESET_DISCOVERY_PNP_GROUP "224.0.1.75"
#define PHONESET_DISCOVERY_PNP_PORT  5060

/* The default time limit of a scan, in milliseconds. */
#define PHONESET_DISCOVERY_DEFAULT_TIMEOUT 5000

#define PHONESET_TYPE_DISCOVERY (phoneset_discovery_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetDiscovery, phoneset_discovery, PHONESET, DISCOVERY, GObject)

gboolean           phoneset_cidr_parse                      (const char                *text,
                                                             guint32                   *network,
                                                             guint                     *prefix,
                                                             GError                   **error);

PhonesetDiscovery *phoneset_discovery_new                   (PhonesetFingerprintRules  *rules);
gboolean           phoneset_discovery_add_subnet            (PhonesetDiscovery         *self,
                                                             const char                *cidr,
                                                             GError                   **error);
gboolean           phoneset_discovery_add_port              (PhonesetDiscovery         *self,
                                                             const char                *spec,
                                                             GError                   **error);
void               phoneset_discovery_set_active            (PhonesetDiscovery         *self,
                                                             gboolean                   active);
void               phoneset_discovery_set_timeout           (PhonesetDiscovery         *self,
                                                             guint                      timeout_ms);
void               phoneset_discovery_set_rate              (PhonesetDiscovery         *self,
                                                             guint                      probes_per_second);
void               phoneset_discovery_set_pnp_address       (PhonesetDiscovery         *self,
                                                             const char                *group,
                                                             guint16                    port);
void               phoneset_discovery_set_http_ports        (PhonesetDiscovery         *self,
                                                             guint16                    http_port,
                                                             guint16                    https_port);
void               phoneset_discovery_set_neighbour_table   (PhonesetDiscovery         *self,
                                                             const char                *path);
void               phoneset_discovery_set_oui_registry      (PhonesetDiscovery         *self,
                                                             PhonesetOuiRegistry       *registry);
void               phoneset_discovery_set_known_phones      (PhonesetDiscovery         *self,
                                                             GListModel                *phones);
GListModel        *phoneset_discovery_get_phones            (PhonesetDiscovery         *self);
guint              phoneset_discovery_get_hosts_probed      (PhonesetDiscovery         *self);
guint              phoneset_discovery_get_hosts_total       (PhonesetDiscovery         *self);
gboolean           phoneset_discovery_get_running           (PhonesetDiscovery         *self);
const char        *phoneset_discovery_get_pnp_problem       (PhonesetDiscovery         *self);
void               phoneset_discovery_run_async             (PhonesetDiscovery         *self,
                                                             GCancellable              *cancellable,
                                                             GAsyncReadyCallback        callback,
                                                             gpointer                   user_data);
gboolean           phoneset_discovery_run_finish            (PhonesetDiscovery         *self,
                                                             GAsyncResult              *result,
                                                             GError                   **error);

G_END_DECLS

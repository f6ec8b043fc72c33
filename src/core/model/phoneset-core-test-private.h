/* phoneset-core-test-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test API of the core: what the tests read or steer inside an object
 * and no other code needs. The functions are defined with their objects;
 * only the tests (and the object's own file) include this header.
 */

#pragma once

#include "phoneset-discovery.h"
#include "phoneset-secret-store-memory.h"
#include "phoneset-stun-server.h"
#include "phoneset-stun-source.h"
#include "phoneset-oui.h"

G_BEGIN_DECLS

/* phoneset-discovery.h */
guint   phoneset_discovery_get_ignored_replies (PhonesetDiscovery *self);

/* phoneset-secret-store-memory.h */
guint   phoneset_secret_store_memory_count (PhonesetSecretStoreMemory *self);
void    phoneset_secret_store_memory_set_error (PhonesetSecretStoreMemory *self,
                                                const GError              *error);

/* phoneset-stun-server.h */
guint64 phoneset_stun_server_get_n_answered (PhonesetStunServer *self);
guint   phoneset_stun_server_get_n_sources (PhonesetStunServer *self);

/* phoneset-stun-source.h */
guint64 phoneset_stun_source_get_unanswered (PhonesetStunSource *self);

/* phoneset-oui.h */
guint   phoneset_oui_registry_get_size (PhonesetOuiRegistry *self);

G_END_DECLS

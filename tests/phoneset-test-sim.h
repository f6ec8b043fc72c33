/* phoneset-test-sim.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The simulated phones' admin password in every test: distinctive, so a test
 * can grep all output for it. */
#define PHONESET_TEST_PASSWORD "Zq7-sim-pass-4471"

typedef struct
{
  GSubprocess *proc;
  char        *address;
  char        *state_dir;
  guint16      http_port;
  guint16      sip_port;
  guint16      https_port;
} PhonesetTestSim;

PhonesetTestSim *
phoneset_test_sim_start (const char *vendor, const char *address, const char *const *extra_args);
PhonesetTestSim *phoneset_test_sim_start_profile (const char        *profile_id,
                                                  const char        *address,
                                                  const char *const *extra_args);
char            *phoneset_test_sim_firmware_keys (const char *profile_id);
PhonesetTestSim *phoneset_test_sim_start_tls_changed (const char *vendor, const char *address);
void             phoneset_test_sim_stop (PhonesetTestSim *sim);
JsonObject      *phoneset_test_sim_state (PhonesetTestSim *sim);
void             phoneset_test_sim_control (PhonesetTestSim *sim, const char *what);
char            *phoneset_test_sim_http (PhonesetTestSim *sim);
char            *phoneset_test_sim_sip_options (PhonesetTestSim *sim);
gboolean
phoneset_test_sim_wait (PhonesetTestSim *sim, const char *array, guint count, guint timeout_ms);
void
phoneset_test_sim_assert_autop_applied (PhonesetTestSim *sim, const char *key, const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetTestSim, phoneset_test_sim_stop)

G_END_DECLS

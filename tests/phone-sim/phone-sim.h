/* phone-sim.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated phone's shared state. The simulator is a test tool: it keeps
 * one global Sim and is not a library.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  SIM_VENDOR_YEALINK,
  SIM_VENDOR_FANVIL,
  SIM_VENDOR_SNOM,
  SIM_VENDOR_POLY,
  SIM_VENDOR_GRANDSTREAM,
} SimVendor;

typedef enum
{
  SIM_FAULT_NONE,
  SIM_FAULT_SLOW,
  SIM_FAULT_DROP,
  SIM_FAULT_500,
  SIM_FAULT_GARBAGE,
  SIM_FAULT_RESET,
  SIM_FAULT_TLS_CHANGED,
} SimFault;

typedef struct
{
  SimVendor   vendor;
  char       *brand; /* Yealink, Fanvil, PLANET, snom, Poly, Grandstream */
  char       *model;
  char       *firmware;
  guint8      mac[6];
  char       *mac_bare;  /* 00156544a937 */
  char       *mac_colon; /* 00:15:65:44:a9:37 */
  char       *address;
  guint16     http_port;
  guint16     sip_port;
  char       *state_dir;
  char       *user;
  char       *password;
  gboolean    digest;
  char       *allowed_ip;
  gboolean    prompt;           /* the "Allow remote control?" prompt is on */
  gboolean    prompt_confirmed; /* the user pressed OK on it */
  gboolean    prompt_shown;
  SimFault    fault;
  int         slow_ms;
  gboolean    garbage;
  gboolean    http_only;
  gboolean    pnp;
  char       *pnp_target; /* host:port; default 224.0.1.75:5060 */
  int         pnp_tries;
  int         pnp_interval_ms;
  char       *provisioning_url;
  char       *provisioning_url_file; /* written by a DHCP client's hook */
  char       *common_file;           /* fetched first, from the URL's folder */
  char       *tls_cert; /* PEM files: HTTPS on --https-port */
  char       *tls_key;
  char       *tls_cert2; /* the "changed" certificate for --fault tls-changed */
  char       *tls_key2;
  guint16     https_port;
  gboolean    dnd;
  int         boots;
  char       *stun_server;  /* --stun-server HOST:PORT, over the config's */
  int         stun_refresh; /* --stun-refresh S */
  gboolean    stun_probe;   /* --stun-probe */

  /* --firmware: the keys this firmware generation reads, per format
   * (tests/phone-sim/firmware/README.md); NULL: every key is applied. */
  char       *firmware_keys_file;
  GHashTable *firmware_keys; /* format → GPtrArray of patterns */

  /* Applied configuration: key → value, in the vendor's key names. */
  GHashTable *config;
  /* Action URLs configured on the command line: event → URL. */
  GHashTable *action_urls;
  /* What happened, for the tests: JSON arrays. */
  JsonArray  *keys;
  JsonArray  *fetches;
  JsonArray  *sip_log;
  JsonArray  *events;
  JsonArray  *requests; /* every Active URI request, with its key count */
  JsonArray  *ignored;  /* keys applied from a file or phonecfg=set that the firmware does not read */

  /* While a Poly file of a CONFIG_FILES round is applied: the keys an
   * earlier file of the round set, which win (NULL otherwise). */
  GHashTable *round_keys;

  GSocket      *sip_socket;
  SoupServer   *http;
  SoupSession  *client;
  GMainLoop    *loop;
  gboolean      pnp_answered;
  guint         pnp_source;
  int           pnp_sent;
  char         *pnp_call_id;
} Sim;

extern Sim sim;

/* phone-sim.c */
const char *sim_vendor_name             (void);
char       *sim_sip_user_agent          (void);
char       *sim_http_user_agent         (void);
void        sim_log_json                (JsonArray   *array,
                                         JsonObject  *object);
void        sim_save_state              (void);
void        sim_provision               (const char  *url,
                                         const char  *why);
void        sim_boot                    (void);
void        sim_fire_event              (const char  *event);
const char *sim_config_get              (const char  *key);

/* phone-sim-sip.c */
gboolean    sim_sip_start               (GError     **error);
void        sim_sip_send_pnp_subscribe  (void);

/* phone-sim-http.c */
gboolean    sim_http_start              (GError     **error);

/* phone-sim-rest.c */
void        sim_rest_handle             (SoupServerMessage *msg,
                                         const char        *path);

/* phone-sim-stun.c */
gboolean    sim_stun_start              (GError     **error);
void        sim_stun_reconfigure        (void);
void        sim_stun_add_state          (JsonBuilder *b);

/* phone-sim-cfg.c */
void        sim_cfg_apply_effects       (void);
gboolean    sim_cfg_apply               (const char  *text,
                                         gsize        len,
                                         JsonArray   *ignored,
                                         GError     **error);
gboolean    sim_firmware_load           (const char  *path,
                                         GError     **error);
gboolean    sim_firmware_reads          (const char  *name);
void        sim_config_set              (const char  *name,
                                         const char  *key,
                                         const char  *value,
                                         const char  *from,
                                         JsonArray   *ignored);
gboolean    sim_firmware_pattern_match  (const char  *pattern,
                                         const char  *key);
char      **sim_cfg_poly_config_files   (const char  *text,
                                         gsize        len);

G_END_DECLS

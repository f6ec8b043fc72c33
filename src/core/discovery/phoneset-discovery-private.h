/* phoneset-discovery-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inside of PhonesetDiscovery, shared by its parts. Nothing outside
 * src/core/phoneset-discovery*.c includes it.
 *
 *  phoneset-discovery.c            the GObject, the API and the scan's run
 *  phoneset-discovery-devices.c    devices found, merged by MAC and address
 *  phoneset-discovery-sweep.c      the SIP OPTIONS sweep (UDP and TCP)
 *  phoneset-discovery-pnp.c        the SIP PnP listener
 *  phoneset-discovery-neighbours.c local interfaces and the neighbour table
 *  phoneset-discovery-http.c       the probe of each phone's web interface
 *  phoneset-discovery-io.c         addresses, socket watches, time limits
 */

#pragma once

#include <libsoup/soup.h>
#include <net/if.h>

#include "phoneset-discovery.h"
#include "phoneset-mac.h"
#include "phoneset-phone.h"

G_BEGIN_DECLS

/* How much each method is trusted for vendor, model and firmware. */
enum
{
  RANK_NONE = 0,
  RANK_OUI_IEEE = 5,
  RANK_OUI_PROFILE = 10,
  RANK_HTTP = 20,
  RANK_PNP = 30,
  RANK_SIP = 40,
};

enum
{
  PROP_0,
  PROP_PHONES,
  PROP_HOSTS_PROBED,
  PROP_HOSTS_TOTAL,
  PROP_IGNORED_REPLIES,
  PROP_RUNNING,
  N_PROPS
};

typedef enum
{
  TRANSPORT_UDP,
  TRANSPORT_TCP,
} Transport;

typedef struct
{
  guint32 network;
  guint   prefix;
} Subnet;

typedef struct
{
  Transport transport;
  guint16   port;
} Port;

/* One address and port of the sweep, with what its probe carries. */
typedef struct
{
  guint32   ip;
  guint32   local_ip;
  guint16   port;
  Transport transport;
  guint8    sends;
  gboolean  done;
  gint64    next_send;
  char      call_id[48];
  char      tag[24];
  char      branch[40];
} Target;

/* What is known of one device, and how much each part is trusted. */
typedef struct
{
  PhonesetPhone *phone;
  guint32        ip;
  guint8         mac[PHONESET_MAC_LEN];
  gboolean       has_mac;
  int            vendor_rank;
  int            model_rank;
  int            firmware_rank;
  gboolean       listed;
  gboolean       http_started;
} Device;

/* A local interface: the subnet to sweep and where to listen for PnP. */
typedef struct
{
  char    name[IF_NAMESIZE];
  guint32 address;
  guint   prefix;
} Interface;

/* A probe's own cancellable: cancelled with the run, or after a time. */
typedef struct
{
  GCancellable *cancellable;
  guint         timeout_id;
} TimeLimit;

struct _PhonesetDiscovery
{
  GObject                   parent_instance;

  /* Settings. */
  PhonesetFingerprintRules *rules;
  PhonesetOuiRegistry      *oui;
  GListModel               *known_phones;
  GArray                   *subnets; /* Subnet */
  GArray                   *ports;   /* Port */
  gboolean                  active;
  guint                     timeout_ms;
  guint                     rate;
  char                     *pnp_group;
  guint16                   pnp_port;
  guint16                   http_port;
  guint16                   https_port;
  char                     *neighbour_table;

  /* Results. */
  GListStore               *phones;
  GPtrArray                *devices; /* Device */
  GHashTable               *by_ip;   /* guint32 → Device */
  GHashTable               *by_mac;  /* guint64 → Device */
  guint                     hosts_probed;
  guint                     hosts_total;
  guint                     ignored;

  /* The run. */
  GTask                    *task;
  GCancellable             *cancellable; /* cancelled when the run ends */
  gulong                    cancelled_id;
  GArray                   *targets;    /* Target */
  GHashTable               *by_call_id; /* char * → index + 1 */
  GHashTable               *ports_left; /* host → targets not done */
  char                     *pnp_error;  /* why PnP is not heard, or NULL */
  guint                     next_target;
  guint                     first_undone; /* targets before it are all done */
  guint                     tcp_pending;
  guint                     http_pending;
  double                    tokens;
  gint64                    start_time;
  gint64                    last_tick;
  gint64                    last_poll;
  gboolean                  sweep_done;
  gboolean                  final_poll_done;
  GPtrArray                *udp_sockets; /* GSocket */
  GPtrArray                *udp_sources; /* GSource */
  GSocket                  *pnp_socket;
  GSource                  *pnp_source;
  guint                     tick_id;
  guint                     deadline_id;
  SoupSession              *session;
  GSocketClient            *tcp_client;
};

/* One datagram from @from, received while the run lasts. */
typedef void (*DatagramHandler) (PhonesetDiscovery *self,
                                 const char        *data,
                                 gsize              length,
                                 GSocketAddress    *from);

/* phoneset-discovery.c */
void       _phoneset_discovery_notify             (PhonesetDiscovery        *self,
                                                   guint                     prop_id);
void       _phoneset_discovery_count_ignored      (PhonesetDiscovery        *self,
                                                   const char               *why);
void       _phoneset_discovery_maybe_finish       (PhonesetDiscovery        *self);

/* phoneset-discovery-io.c */
char      *_phoneset_discovery_ip_to_string       (guint32                   ip);
guint32    _phoneset_discovery_ipv4_of            (GSocketAddress           *address);
GSource   *_phoneset_discovery_watch_socket       (PhonesetDiscovery        *self,
                                                   GSocket                  *socket,
                                                   guint                     max,
                                                   DatagramHandler           handler);
void       _phoneset_discovery_time_limit_start   (PhonesetDiscovery        *self,
                                                   TimeLimit                *limit,
                                                   guint                     timeout_ms);
void       _phoneset_discovery_time_limit_clear   (TimeLimit                *limit);

/* phoneset-discovery-devices.c */
void       _phoneset_discovery_device_free        (gpointer                  device);
guint64    _phoneset_discovery_mac_key            (const guint8             *mac);
void       _phoneset_discovery_forget_devices     (PhonesetDiscovery        *self);
gboolean   _phoneset_discovery_device_alive       (PhonesetDiscovery        *self,
                                                   Device                   *device);
Device    *_phoneset_discovery_lookup_device      (PhonesetDiscovery        *self,
                                                   guint32                   ip,
                                                   const guint8             *mac);
void       _phoneset_discovery_list_device        (PhonesetDiscovery        *self,
                                                   Device                   *device);
void       _phoneset_discovery_apply_identity     (Device                   *device,
                                                   int                       rank,
                                                   const char               *vendor,
                                                   const char               *profile_id,
                                                   const char               *model,
                                                   const char               *firmware);
void       _phoneset_discovery_apply_fingerprint  (PhonesetDiscovery        *self,
                                                   Device                   *device,
                                                   int                       rank,
                                                   PhonesetFingerprintMatch *match);
gboolean   _phoneset_discovery_apply_oui          (PhonesetDiscovery        *self,
                                                   Device                   *device);

/* phoneset-discovery-sweep.c */
void       _phoneset_discovery_build_targets      (PhonesetDiscovery        *self,
                                                   GArray                   *interfaces);
gboolean   _phoneset_discovery_open_sweep         (PhonesetDiscovery        *self,
                                                   GError                  **error);
gboolean   _phoneset_discovery_sweep_step         (PhonesetDiscovery        *self,
                                                   gint64                    now);
void       _phoneset_discovery_close_sweep        (PhonesetDiscovery        *self);

/* phoneset-discovery-pnp.c */
void       _phoneset_discovery_start_pnp          (PhonesetDiscovery        *self,
                                                   GArray                   *interfaces);
void       _phoneset_discovery_stop_pnp           (PhonesetDiscovery        *self);

/* phoneset-discovery-neighbours.c */
GArray    *_phoneset_discovery_list_interfaces    (void);
void       _phoneset_discovery_poll_neighbours    (PhonesetDiscovery        *self);

/* phoneset-discovery-http.c */
void       _phoneset_discovery_maybe_probe_http   (PhonesetDiscovery        *self,
                                                   Device                   *device);

G_END_DECLS

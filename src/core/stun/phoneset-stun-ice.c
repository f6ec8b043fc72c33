/* phoneset-stun-ice.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ICE candidate gathering with libnice's NiceAgent, as a phone with "Offer
 * ICE" on would gather: host, server-reflexive (the STUN server) and relay
 * (the same server as TURN, when credentials are given) candidates for one
 * audio component.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <nice/agent.h>

#include "phoneset-error.h"
#include "phoneset-stun-ice.h"

#define GATHER_TIMEOUT_MS 3000

typedef struct
{
  NiceAgent *agent;
  guint      stream_id;
  GSource   *timeout; /* in the thread-default context of the gathering */
  gulong     done_id;
  gboolean   finished;
} GatherData;

static void
clear_timeout (GatherData *g)
{
  if (g->timeout == NULL)
    return;
  g_source_destroy (g->timeout);
  g_clear_pointer (&g->timeout, g_source_unref);
}

static void
gather_data_free (gpointer data)
{
  GatherData *g = data;

  clear_timeout (g);
  if (g->agent != NULL)
    {
      g_clear_signal_handler (&g->done_id, g->agent);
      nice_agent_close_async (g->agent, NULL, NULL);
    }
  g_clear_object (&g->agent);
  g_free (g);
}

static const char *
type_name (NiceCandidateType type)
{
  switch (type)
    {
    case NICE_CANDIDATE_TYPE_HOST:
      return "host";
    case NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE:
      return "srflx";
    case NICE_CANDIDATE_TYPE_PEER_REFLEXIVE:
      return "prflx";
    case NICE_CANDIDATE_TYPE_RELAYED:
      return "relay";
    default:
      return "unknown";
    }
}

static void
gather_finish (GTask *task)
{
  GatherData *g = g_task_get_task_data (task);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);
  GSList *list;

  if (g->finished)
    return;
  g->finished = TRUE;
  clear_timeout (g);
  g_clear_signal_handler (&g->done_id, g->agent);
  list = nice_agent_get_local_candidates (g->agent, g->stream_id, NICE_COMPONENT_TYPE_RTP);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      NiceCandidate   *c = l->data;
      JsonObject      *o = json_object_new ();
      char             ip[NICE_ADDRESS_STRING_LEN];
      g_autofree char *address = NULL;

      nice_address_to_string (&c->addr, ip);
      if (nice_address_ip_version (&c->addr) == 6)
        address = g_strdup_printf ("[%s]:%u", ip, nice_address_get_port (&c->addr));
      else
        address = g_strdup_printf ("%s:%u", ip, nice_address_get_port (&c->addr));
      json_object_set_string_member (o, "type", type_name (c->type));
      json_object_set_string_member (o, "transport",
                                     c->transport == NICE_CANDIDATE_TRANSPORT_UDP ? "udp" : "tcp");
      json_object_set_string_member (o, "address", address);
      json_object_set_int_member (o, "priority", c->priority);
      g_ptr_array_add (out, o);
    }
  g_slist_free_full (list, (GDestroyNotify)nice_candidate_free);
  g_task_return_pointer (task, g_steal_pointer (&out), (GDestroyNotify)g_ptr_array_unref);
  g_object_unref (task); /* the reference held while gathering */
}

static void
gathering_done (NiceAgent *agent,
                guint      stream_id,
                gpointer   user_data)
{
  GTask *task = user_data;

  gather_finish (task);
}

static gboolean
gather_timeout (gpointer user_data)
{
  GTask      *task = user_data;
  GatherData *g = g_task_get_task_data (task);

  clear_timeout (g);
  /* What was gathered so far; a server that never answers leaves only
   * host candidates. */
  gather_finish (task);
  return G_SOURCE_REMOVE;
}

static void
ignore_data (NiceAgent *agent,
             guint      stream_id,
             guint      component_id,
             guint      len,
             gchar     *buf,
             gpointer   user_data)
{
}

/**
 * phoneset_stun_ice_gather_async:
 * @stun_ip: the STUN / TURN server's address
 * @stun_port: its port
 * @turn_user: (nullable): TURN user for relay candidates
 * @turn_password: (nullable): its password
 * @cancellable: (nullable): a cancellable
 * @callback: gets a #GPtrArray of #JsonObject (type, transport, address, priority)
 * @user_data: for @callback
 *
 * Gathers for at most 3 s.
 */
void
phoneset_stun_ice_gather_async (const char          *stun_ip,
                                guint16              stun_port,
                                const char          *turn_user,
                                const char          *turn_password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GatherData *g = g_new0 (GatherData, 1);

  g_task_set_source_tag (task, phoneset_stun_ice_gather_async);
  g_task_set_task_data (task, g, gather_data_free);

  g->agent = nice_agent_new (g_main_context_get_thread_default (), NICE_COMPATIBILITY_RFC5245);
  g_object_set (g->agent, "stun-server", stun_ip, "stun-server-port", (guint)stun_port, "upnp",
                FALSE, "ice-tcp", FALSE, NULL);
  g->stream_id = nice_agent_add_stream (g->agent, 1);
  if (g->stream_id == 0)
    {
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                               _("ICE could not be set up on this computer."));
      return;
    }
  if (turn_user != NULL)
    nice_agent_set_relay_info (g->agent, g->stream_id, NICE_COMPONENT_TYPE_RTP, stun_ip, stun_port,
                               turn_user, turn_password != NULL ? turn_password : "",
                               NICE_RELAY_TYPE_TURN_UDP);
  nice_agent_attach_recv (g->agent, g->stream_id, NICE_COMPONENT_TYPE_RTP,
                          g_main_context_get_thread_default (), ignore_data, NULL);
  /* One reference while gathering, dropped by gather_finish(). */
  g_object_ref (task);
  g->done_id =
    g_signal_connect (g->agent, "candidate-gathering-done", G_CALLBACK (gathering_done), task);
  g->timeout = g_timeout_source_new (GATHER_TIMEOUT_MS);
  g_source_set_callback (g->timeout, gather_timeout, task, NULL);
  g_source_attach (g->timeout, g_main_context_get_thread_default ());
  if (!nice_agent_gather_candidates (g->agent, g->stream_id) && !g->finished)
    {
      g->finished = TRUE;
      g_clear_signal_handler (&g->done_id, g->agent);
      clear_timeout (g);
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                               _("ICE found no network interface to gather candidates on."));
      g_object_unref (task);
    }
}

GPtrArray *
phoneset_stun_ice_gather_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

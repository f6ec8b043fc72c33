/* phoneset-sip-notify.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SIP NOTIFY check-sync over UDP: makes a phone fetch its configuration
 * again (Yealink [V] Y-CP860-PNP, snom [T] WAZO-S, Fanvil [T] WAZO-F), or
 * reboot with reboot=true. The request is resent (0.5, 1, 2 s…) until a
 * final answer or the timeout.
 */

#define G_LOG_DOMAIN "phoneset-sip"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-sip-message.h"
#include "phoneset-sip-notify.h"

typedef struct
{
  GSocket        *socket;
  GSource        *source;
  GSocketAddress *to;
  char           *text;
  char           *call_id;
  char           *peer;
  guint           timer;
  guint           deadline;
  guint           interval;
  guint           timeout;
} CheckSync;

static void
check_sync_free (CheckSync *c)
{
  if (c->source != NULL)
    g_source_destroy (c->source);
  g_clear_pointer (&c->source, g_source_unref);
  g_clear_handle_id (&c->timer, g_source_remove);
  g_clear_handle_id (&c->deadline, g_source_remove);
  if (c->socket != NULL)
    g_socket_close (c->socket, NULL);
  g_clear_object (&c->socket);
  g_clear_object (&c->to);
  g_free (c->text);
  g_free (c->call_id);
  g_free (c->peer);
  g_free (c);
}

static void
finish (GTask  *task,
        GError *error)
{
  CheckSync *c = g_task_get_task_data (task);

  if (c->source != NULL)
    g_source_destroy (c->source);
  g_clear_handle_id (&c->timer, g_source_remove);
  g_clear_handle_id (&c->deadline, g_source_remove);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static gboolean
resend_cb (gpointer user_data)
{
  GTask     *task = user_data;
  CheckSync *c = g_task_get_task_data (task);

  g_socket_send_to (c->socket, c->to, c->text, strlen (c->text), NULL, NULL);
  c->interval = MIN (c->interval * 2, 4000);
  c->timer = g_timeout_add (c->interval, resend_cb, task);
  return G_SOURCE_REMOVE;
}

static gboolean
deadline_cb (gpointer user_data)
{
  GTask     *task = user_data;
  CheckSync *c = g_task_get_task_data (task);

  c->deadline = 0;
  finish (
    task,
    g_error_new (
      PHONESET_ERROR, PHONESET_ERROR_TIMEOUT,
      _("The phone did not answer the SIP NOTIFY (check-sync) at %s within %u seconds: check its "
                               "SIP port, and that it takes NOTIFY from this computer (its trusted SIP source setting)."),
         c->peer, c->timeout));
  return G_SOURCE_REMOVE;
}

static gboolean
readable_cb (GSocket      *socket,
             GIOCondition  condition,
             gpointer      user_data)
{
  GTask     *task = user_data;
  CheckSync *c = g_task_get_task_data (task);
  char       buf[PHONESET_SIP_MAX_MESSAGE + 1];
  gssize     len = g_socket_receive (socket, buf, sizeof buf, NULL, NULL);
  g_autoptr(PhonesetSipMessage) m = NULL;
  guint status;

  if (g_task_return_error_if_cancelled (task))
    {
      c->source = (g_source_destroy (c->source), g_source_unref (c->source), NULL);
      g_clear_handle_id (&c->timer, g_source_remove);
      g_clear_handle_id (&c->deadline, g_source_remove);
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }
  if (len <= 0)
    return G_SOURCE_CONTINUE;
  m = phoneset_sip_message_parse (buf, len, NULL);
  if (m == NULL || phoneset_sip_message_is_request (m) ||
      g_strcmp0 (phoneset_sip_message_get_header (m, "Call-ID"), c->call_id) != 0)
    return G_SOURCE_CONTINUE;
  status = phoneset_sip_message_get_status (m);
  if (status < 200)
    return G_SOURCE_CONTINUE;
  c->source = (g_source_destroy (c->source), g_source_unref (c->source), NULL);
  if (status < 300)
    finish (task, NULL);
  else
    finish (task,
            g_error_new (
              PHONESET_ERROR, PHONESET_ERROR_FAILED,
              _("The phone at %s refused the SIP NOTIFY (check-sync) with %u: it may not take "
                                 "check-sync from this computer, or not at all."),
                 c->peer, status));
  return G_SOURCE_REMOVE;
}

/**
 * phoneset_sip_check_sync_async:
 * @ip: the phone's IP address
 * @port: its SIP port (5060)
 * @reboot: ask for a reboot (reboot=true) rather than a resync
 * @timeout_seconds: how long to wait for an answer
 *
 * Sends `NOTIFY` with `Event: check-sync;reboot=false|true`.
 */
void
phoneset_sip_check_sync_async (const char          *ip,
                               guint16              port,
                               gboolean             reboot,
                               guint                timeout_seconds,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask     *task = g_task_new (NULL, cancellable, callback, user_data);
  CheckSync *c = g_new0 (CheckSync, 1);
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (ip);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *local_ip = NULL;
  guint16          local_port;

  g_task_set_source_tag (task, phoneset_sip_check_sync_async);
  g_task_set_task_data (task, c, (GDestroyNotify)check_sync_free);
  c->timeout = MAX (timeout_seconds, 1);
  c->peer = g_strdup_printf ("%s:%u", ip, port);
  if (inet == NULL)
    {
      finish (task, g_error_new (PHONESET_ERROR, PHONESET_ERROR_INVALID,
                                 _("“%s” is not an IP address."), ip));
      return;
    }
  c->socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_DATAGRAM,
                            G_SOCKET_PROTOCOL_UDP, &error);
  c->to = g_inet_socket_address_new (inet, port);
  if (c->socket == NULL || !g_socket_connect (c->socket, c->to, NULL, &error) ||
      (bound = g_socket_get_local_address (c->socket, &error)) == NULL)
    {
      finish (task, g_error_new (PHONESET_ERROR, PHONESET_ERROR_UNREACHABLE,
                                 _("Could not reach %s: %s"), c->peer, error->message));
      return;
    }
  local_ip =
    g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (bound)));
  local_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  c->call_id = g_strdup_printf ("%08x%08x@phoneset", g_random_int (), g_random_int ());

  g_string_append_printf (s, "NOTIFY sip:%s:%u SIP/2.0\r\n", ip, port);
  g_string_append_printf (s, "Via: SIP/2.0/UDP %s:%u;branch=z9hG4bK%08x;rport\r\n", local_ip,
                          local_port, g_random_int ());
  g_string_append (s, "Max-Forwards: 70\r\n");
  g_string_append_printf (s, "From: <sip:phoneset@%s>;tag=%08x\r\n", local_ip, g_random_int ());
  g_string_append_printf (s, "To: <sip:%s:%u>\r\n", ip, port);
  g_string_append_printf (s, "Call-ID: %s\r\n", c->call_id);
  g_string_append (s, "CSeq: 1 NOTIFY\r\n");
  g_string_append_printf (s, "Contact: <sip:phoneset@%s:%u>\r\n", local_ip, local_port);
  g_string_append_printf (s, "Event: check-sync;reboot=%s\r\n", reboot ? "true" : "false");
  g_string_append (s, "Subscription-State: terminated\r\n");
  g_string_append (s, "User-Agent: Phoneset/" PACKAGE_VERSION "\r\n");
  g_string_append (s, "Content-Length: 0\r\n\r\n");
  c->text = g_string_free (g_steal_pointer (&s), FALSE);

  c->source = g_socket_create_source (c->socket, G_IO_IN, cancellable);
  g_source_set_callback (c->source, (GSourceFunc)(GCallback)readable_cb, task, NULL);
  g_source_attach (c->source, g_main_context_get_thread_default ());
  c->interval = 250;
  resend_cb (task);
  c->deadline = g_timeout_add_seconds (c->timeout, deadline_cb, task);
}

gboolean
phoneset_sip_check_sync_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

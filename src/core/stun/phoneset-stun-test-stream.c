/* phoneset-stun-test-stream.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * STUN over TCP and TLS for the self-test: one connection per exchange
 * (RFC 8489 6.2.2 framing), bounded in time, and the binding test over
 * each transport.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-stun-test-private.h"

#define STREAM_TIMEOUT_MS 1600

static PhonesetStunStream *
stream_ref (PhonesetStunStream *stream)
{
  g_atomic_ref_count_inc (&stream->ref);
  return stream;
}

static void
stream_unref (PhonesetStunStream *stream)
{
  if (!g_atomic_ref_count_dec (&stream->ref))
    return;
  g_clear_handle_id (&stream->timeout, _phoneset_stun_source_remove);
  if (stream->conn != NULL)
    g_io_stream_close (G_IO_STREAM (stream->conn), NULL, NULL);
  g_clear_object (&stream->conn);
  g_clear_object (&stream->cancellable);
  g_clear_pointer (&stream->cert_note, g_free);
  g_clear_pointer (&stream->challenge, g_bytes_unref);
  phoneset_stun_response_clear (&stream->response);
  g_free (stream);
}

static void
stream_end (PhonesetStunStream *stream,
            GError             *error)
{
  PhonesetStunTest *self = stream->self;

  g_clear_handle_id (&stream->timeout, _phoneset_stun_source_remove);
  if (self == NULL)
    return;
  stream->self = NULL;
  g_ptr_array_remove (self->streams, stream);
  stream->done (self, stream, error);
  stream_unref (stream);
}

static gboolean
stream_timeout (gpointer user_data)
{
  PhonesetStunStream *stream = user_data;

  stream->timeout = 0;
  g_cancellable_cancel (stream->cancellable);
  return G_SOURCE_REMOVE;
}

static void stream_read (PhonesetStunStream *stream);

static void
stream_read_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  PhonesetStunStream *stream = user_data;
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), res, &error);
  if (stream->self == NULL)
    {
      stream_unref (stream);
      return;
    }
  if (n <= 0)
    {
      if (error == NULL)
        error = g_error_new (PHONESET_ERROR, PHONESET_ERROR_UNREACHABLE,
                             _("The server closed the connection without an answer."));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          error = g_error_new (PHONESET_ERROR, PHONESET_ERROR_TIMEOUT, _("No answer in time."));
        }
      stream_end (stream, error);
      stream_unref (stream);
      return;
    }
  stream->have += n;
  if (stream->want == 0 && stream->have >= STUN_MESSAGE_HEADER_LENGTH)
    {
      /* Stream framing (RFC 8489 6.2.2): the header's length field says
       * how many bytes of attributes follow the 20-byte header. */
      stream->want = STUN_MESSAGE_HEADER_LENGTH + ((stream->in[2] << 8) | stream->in[3]);
      if (stream->want > PHONESET_STUN_MAX_RESPONSE)
        {
          stream->self->result->ignored_oversized++;
          error = g_error_new (PHONESET_ERROR, PHONESET_ERROR_PARSE,
                               _("The server sent an oversized STUN message."));
          stream_end (stream, error);
          stream_unref (stream);
          return;
        }
    }
  if (stream->want != 0 && stream->have >= stream->want)
    {
      PhonesetStunPacket verdict;

      phoneset_stun_response_clear (&stream->response);
      verdict =
        phoneset_stun_parse (&stream->agent, stream->in, stream->want, &stream->response, &error);
      if (verdict != PHONESET_STUN_PACKET_OK)
        {
          if (verdict == PHONESET_STUN_PACKET_SPOOFED)
            stream->self->result->ignored_spoofed++;
          else
            stream->self->result->ignored_malformed++;
          /* A forged or broken message on a stream: drop it, read on. */
          memmove (stream->in, stream->in + stream->want, stream->have - stream->want);
          stream->have -= stream->want;
          stream->want = 0;
          g_clear_error (&error);
          stream_read (stream);
          stream_unref (stream);
          return;
        }
      stream->self->result->responses_received++;
      stream->rtt_ms = (g_get_monotonic_time () - stream->sent_at) / 1000.0;
      stream_end (stream, NULL);
      stream_unref (stream);
      return;
    }
  stream_read (stream);
  stream_unref (stream);
}

static void
stream_read (PhonesetStunStream *stream)
{
  gsize want = stream->want != 0 ? stream->want : STUN_MESSAGE_HEADER_LENGTH;

  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (stream->conn)),
                             stream->in + stream->have, want - stream->have, G_PRIORITY_DEFAULT,
                             stream->cancellable, stream_read_cb, stream_ref (stream));
}

static void
stream_write_cb (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  PhonesetStunStream *stream = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), res, NULL, &error))
    {
      if (stream->self != NULL)
        stream_end (stream, error);
      stream_unref (stream);
      return;
    }
  if (stream->self != NULL)
    stream_read (stream);
  stream_unref (stream);
}

/* Sends stream->out and reads one STUN message into stream->response. */
static void
stream_exchange (PhonesetStunStream     *stream,
                 PhonesetStunStreamDone  done)
{
  stream->done = done;
  stream->have = 0;
  stream->want = 0;
  stream->sent_at = g_get_monotonic_time ();
  stream->self->result->requests_sent++;
  g_output_stream_write_all_async (g_io_stream_get_output_stream (G_IO_STREAM (stream->conn)),
                                   stream->out, stream->out_len, G_PRIORITY_DEFAULT,
                                   stream->cancellable, stream_write_cb, stream_ref (stream));
}

static gboolean
accept_certificate (GTlsConnection       *conn,
                    GTlsCertificate      *peer_cert,
                    GTlsCertificateFlags  errors,
                    gpointer              user_data)
{
  PhonesetStunStream *stream = user_data;

  /* A self-test reports an untrusted certificate rather than failing:
   * the installer learns both that TLS gets through and that the phone
   * would reject this certificate unless it trusts its issuer. */
  g_free (stream->cert_note);
  stream->cert_note =
    g_strdup (_("The server’s TLS certificate is not trusted by this computer (unknown issuer, wrong name or expired); a phone will refuse it unless it trusts the issuer."));
  return TRUE;
}

static void
client_event (GSocketClient      *client,
              GSocketClientEvent  event,
              GSocketConnectable *connectable,
              GIOStream          *connection,
              gpointer            user_data)
{
  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING && G_IS_TLS_CLIENT_CONNECTION (connection))
    g_signal_connect (connection, "accept-certificate", G_CALLBACK (accept_certificate), user_data);
}

static void
stream_connect_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  PhonesetStunStream *stream = user_data;
  g_autoptr(GError) error = NULL;

  stream->conn = g_socket_client_connect_finish (G_SOCKET_CLIENT (object), res, &error);
  if (stream->self == NULL)
    {
      stream_unref (stream);
      return;
    }
  if (stream->conn == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          error =
            g_error_new (PHONESET_ERROR, PHONESET_ERROR_TIMEOUT, _("No connection in time."));
        }
      stream_end (stream, error);
      stream_unref (stream);
      return;
    }
  stream_exchange (stream, stream->done);
  stream_unref (stream);
}

/* Connects to @where and, once connected, exchanges stream->out (which the
 * caller fills in now) for one message; @done is called at the end, with
 * an error when there was no answer. */
PhonesetStunStream *
_phoneset_stun_stream_open (PhonesetStunTest       *self,
                            GSocketConnectable     *where,
                            gboolean                tls,
                            gboolean                long_term,
                            PhonesetStunStreamDone  done)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  PhonesetStunStream *stream = g_new0 (PhonesetStunStream, 1);

  g_atomic_ref_count_init (&stream->ref);
  stream->self = self;
  stream->tls = tls;
  stream->done = done;
  stream->cancellable = g_cancellable_new ();
  phoneset_stun_agent_init (&stream->agent, long_term);
  stream->timeout = _phoneset_stun_timeout_add (STREAM_TIMEOUT_MS, stream_timeout, stream);
  g_ptr_array_add (self->streams, stream);

  if (tls)
    {
      g_socket_client_set_tls (client, TRUE);
      g_signal_connect (client, "event", G_CALLBACK (client_event), stream);
    }
  g_socket_client_connect_async (client, where, stream->cancellable, stream_connect_cb,
                                 stream_ref (stream));
  return stream;
}

/* From a stream's done callback: one more exchange of stream->out on the
 * same connection, with a time limit of its own. */
void
_phoneset_stun_stream_again (PhonesetStunTest       *self,
                             PhonesetStunStream     *stream,
                             PhonesetStunStreamDone  done)
{
  stream->self = self;
  g_ptr_array_add (self->streams, stream_ref (stream));
  g_clear_handle_id (&stream->timeout, _phoneset_stun_source_remove);
  stream->timeout = _phoneset_stun_timeout_add (STREAM_TIMEOUT_MS, stream_timeout, stream);
  stream_exchange (stream, done);
}

void
_phoneset_stun_streams_init (PhonesetStunTest *self)
{
  self->streams = g_ptr_array_new ();
}

/* Cancels every stream; their callbacks see that the run is over. */
void
_phoneset_stun_streams_clear (PhonesetStunTest *self)
{
  while (self->streams != NULL && self->streams->len > 0)
    {
      PhonesetStunStream *stream = g_ptr_array_steal_index (self->streams, 0);
      stream->self = NULL;
      g_cancellable_cancel (stream->cancellable);
      stream_unref (stream);
    }
  g_clear_pointer (&self->streams, g_ptr_array_unref);
}

/* ---- TCP / TLS binding ------------------------------------------------ */

static PhonesetStunStage
binding_stage (gboolean tls)
{
  return tls ? PHONESET_STUN_STAGE_TLS_BINDING : PHONESET_STUN_STAGE_TCP_BINDING;
}

static void
stream_binding_done (PhonesetStunTest   *self,
                     PhonesetStunStream *stream,
                     GError             *error)
{
  PhonesetStunTransportResult *transport = stream->tls ? &self->result->tls : &self->result->tcp;

  if (error != NULL)
    {
      transport->error = g_strdup (error->message);
      transport->refused = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
    }
  else if (stream->response.is_error)
    transport->error =
      g_strdup_printf ("%d %s", stream->response.error_code,
                       stream->response.error_reason ? stream->response.error_reason : "");
  else
    {
      g_autoptr(GSocketAddress) local = NULL;

      transport->reachable = TRUE;
      transport->rtt_ms = (int)ceil (stream->rtt_ms);
      transport->mapped =
        phoneset_stun_address_to_string (phoneset_stun_response_get_mapped (&stream->response));
      if (stream->response.mapped != NULL && stream->response.xor_mapped != NULL)
        transport->mapped_plain = phoneset_stun_address_to_string (stream->response.mapped);
      if (stream->conn != NULL)
        local = g_socket_connection_get_local_address (stream->conn, NULL);
      transport->local = phoneset_stun_address_to_string (local);
      if (stream->cert_note != NULL)
        transport->error = g_strdup (stream->cert_note);
    }
  _phoneset_stun_test_stage (self, binding_stage (stream->tls), FALSE);
  _phoneset_stun_test_binding_done (self);
}

/* The binding over TCP (@tls FALSE) or TLS, part of the first phase. */
void
_phoneset_stun_test_start_stream_binding (PhonesetStunTest *self,
                                          gboolean          tls)
{
  g_autoptr(GSocketConnectable) where = NULL;
  PhonesetStunTransportResult *transport = tls ? &self->result->tls : &self->result->tcp;
  GSocketAddress              *addr = tls ? self->tls_addr : self->tcp_addr;
  PhonesetStunStream          *stream;

  transport->tested = TRUE;
  _phoneset_stun_test_stage (self, binding_stage (tls), TRUE);
  self->bindings_pending++;
  if (addr == NULL)
    {
      transport->error = g_strdup (_("The server name could not be resolved."));
      _phoneset_stun_test_stage (self, binding_stage (tls), FALSE);
      _phoneset_stun_test_binding_done (self);
      return;
    }
  transport->server = phoneset_stun_address_to_string (addr);
  if (tls && self->tls_host != NULL && !g_hostname_is_ip_address (self->tls_host))
    where = g_network_address_new (self->tls_host, self->tls_port);
  else
    where = G_SOCKET_CONNECTABLE (g_object_ref (addr));
  stream = _phoneset_stun_stream_open (self, where, tls, FALSE, stream_binding_done);
  stream->out_len = phoneset_stun_build_binding (&stream->agent, stream->out, sizeof stream->out, 0,
                                                 0, (guint8[STUN_MESSAGE_TRANS_ID_LEN]){ 0 });
}

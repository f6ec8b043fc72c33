/* stun-load.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A closed-loop STUN load: SOCKETS sockets on FROM (127.0.0.x) each keep
 * WINDOW Binding requests in flight to SERVER:PORT and send the next as
 * each answer comes back, for SECONDS after a half-second warm-up. Prints
 * one line: "answered N in S s: R/s (lost L)". The request is built once
 * by libnice's agent (no attributes, RFC 5389) and only its transaction id
 * changes, so every server gets the same bytes. tests/bench/stun-server
 * runs it against phoneset stun-server, coturn and Vovida stund.
 *
 *   stun-load SERVER PORT [SECONDS] [SOCKETS] [WINDOW] [FROM]
 */

#include "config.h"

#include <errno.h>
#include <glib.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <stun/stunagent.h>
#include <unistd.h>

#define MAX_SOCKETS   256
#define LOST_AFTER_US (200 * 1000)

typedef struct
{
  int     fd;
  guint   in_flight;
  gint64  last_answer;
  guint32 next_id;
} Client;

static guint8 request[64];
static gsize  request_len;

static gboolean
send_one (Client *c,
          guint   index)
{
  guint32 serial = c->next_id++;
  guint32 id[2] = { g_htonl (index), g_htonl (serial) };

  memcpy (request + 12, id, sizeof id);
  return send (c->fd, request, request_len, MSG_DONTWAIT) == (ssize_t)request_len;
}

int
main (int   argc,
      char *argv[])
{
  static const uint16_t known[] = { 0 };
  StunAgent             agent;
  StunMessage           msg;
  StunTransactionId     id;
  struct sockaddr_in    server = { 0 }, local = { 0 };
  Client                clients[MAX_SOCKETS];
  double                seconds = argc > 3 ? g_ascii_strtod (argv[3], NULL) : 5;
  guint                 n = argc > 4 ? (guint)atoi (argv[4]) : 16;
  guint                 window = argc > 5 ? (guint)atoi (argv[5]) : 8;
  const char           *from = argc > 6 ? argv[6] : "127.0.0.1";
  guint64               answered = 0, lost = 0;
  gint64                start, measure_from, end;
  int                   ep;

  if (argc < 3 || n == 0 || n > MAX_SOCKETS || window == 0 || seconds <= 0)
    {
      fprintf (stderr, "usage: stun-load SERVER PORT [SECONDS] [SOCKETS] [WINDOW] [FROM]\n");
      return 2;
    }
  server.sin_family = AF_INET;
  server.sin_port = htons ((uint16_t)atoi (argv[2]));
  local.sin_family = AF_INET;
  if (inet_pton (AF_INET, argv[1], &server.sin_addr) != 1 ||
      inet_pton (AF_INET, from, &local.sin_addr) != 1)
    {
      fprintf (stderr, "stun-load: not IPv4 addresses\n");
      return 2;
    }

  stun_agent_init (&agent, known, STUN_COMPATIBILITY_RFC5389, STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
  if (!stun_agent_init_request (&agent, &msg, request, sizeof request, STUN_BINDING))
    return 1;
  stun_message_id (&msg, id);
  request_len = stun_agent_finish_message (&agent, &msg, NULL, 0);
  if (request_len == 0)
    return 1;

  ep = epoll_create1 (0);
  for (guint i = 0; i < n; i++)
    {
      struct epoll_event ev = { .events = EPOLLIN, .data.u32 = i };
      int                size = 1 << 20;

      clients[i].fd = socket (AF_INET, SOCK_DGRAM, 0);
      clients[i].in_flight = 0;
      clients[i].next_id = 1;
      setsockopt (clients[i].fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
      if (bind (clients[i].fd, (struct sockaddr *)&local, sizeof local) != 0 ||
          connect (clients[i].fd, (struct sockaddr *)&server, sizeof server) != 0)
        {
          perror ("stun-load");
          return 1;
        }
      epoll_ctl (ep, EPOLL_CTL_ADD, clients[i].fd, &ev);
    }

  start = g_get_monotonic_time ();
  measure_from = start + G_USEC_PER_SEC / 2;
  end = measure_from + (gint64)(seconds * G_USEC_PER_SEC);
  for (guint i = 0; i < n; i++)
    {
      clients[i].last_answer = start;
      for (guint w = 0; w < window; w++)
        if (send_one (&clients[i], i))
          clients[i].in_flight++;
    }

  for (;;)
    {
      struct epoll_event events[64];
      gint64             now = g_get_monotonic_time ();
      int                got;

      if (now >= end)
        break;
      got = epoll_wait (ep, events, G_N_ELEMENTS (events), 20);
      now = g_get_monotonic_time ();
      for (int e = 0; e < got; e++)
        {
          Client *c = &clients[events[e].data.u32];
          guint8  buf[2048];
          ssize_t len;

          while ((len = recv (c->fd, buf, sizeof buf, MSG_DONTWAIT)) > 0)
            {
              /* A Binding success response (0x0101) to one of ours. */
              if (len < 20 || buf[0] != 0x01 || buf[1] != 0x01 ||
                  memcmp (buf + 8, request + 8, 4) != 0)
                continue;
              if (c->in_flight > 0)
                c->in_flight--;
              c->last_answer = now;
              if (now >= measure_from)
                answered++;
              if (send_one (c, events[e].data.u32))
                c->in_flight++;
            }
        }
      /* Requests lost (a full queue somewhere): start the window again. */
      for (guint i = 0; i < n; i++)
        if (now - clients[i].last_answer > LOST_AFTER_US)
          {
            if (now >= measure_from)
              lost += clients[i].in_flight;
            clients[i].in_flight = 0;
            clients[i].last_answer = now;
            for (guint w = 0; w < window; w++)
              if (send_one (&clients[i], i))
                clients[i].in_flight++;
          }
    }
  printf ("answered %" G_GUINT64_FORMAT " in %.1f s: %.0f/s (lost %" G_GUINT64_FORMAT ")\n",
          answered, seconds, answered / seconds, lost);
  for (guint i = 0; i < n; i++)
    close (clients[i].fd);
  close (ep);
  return answered > 0 ? 0 : 1;
}

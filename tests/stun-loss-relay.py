#!/usr/bin/env python3
# stun-loss-relay.py
#
# Copyright 2026 The Phoneset developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A lossy UDP relay in front of a STUN server (coturn) for the fault tests
# (issue 9): it forwards UDP both ways and drops a given fraction of the
# packets in each direction, from a seeded random sequence (the same seed
# drops the same packets in the same order).
#
# It stands in for the server without being a NAT in between: it listens on
# four addresses matching the server's four (primary and alternate address,
# primary and alternate port), keeps one upstream socket per client (so the
# server sees one address per client socket), and rewrites the addresses in
# the server's answers -- the mapped address back to the client's own, the
# response origin and the other address to the relay's -- and the FINGERPRINT
# after them. So a STUN client on loopback sees what it would see talking to
# the server directly: no NAT, open filtering. Messages with
# MESSAGE-INTEGRITY (TURN) are forwarded unchanged. UDP only.
#
#   stun-loss-relay.py --server IP1,IP2 --server-ports P1,P2 \
#       --listen IR1,IR2 --listen-ports RP1,RP2 --upstream-ip IP \
#       --loss 0.2 --seed 9 [--lifetime 120]
#
# Prints "ready" on stdout once bound; on SIGTERM (or when its parent dies,
# or after --lifetime seconds) prints the counts on stderr and exits.

import argparse
import os
import random
import select
import signal
import socket
import struct
import sys
import time
import zlib

MAGIC = 0x2112A442
XOR_MAPPED = 0x0020
MAPPED = 0x0001
SOURCE = 0x0004
CHANGED = 0x0005
RESPONSE_ORIGIN = 0x802B
OTHER = 0x802C
INTEGRITY = 0x0008
INTEGRITY_SHA256 = 0x001C
FINGERPRINT = 0x8028


def pack_ipv4(family_port_addr, xor):
    port, ip = family_port_addr
    raw = socket.inet_aton(ip)
    if xor:
        port ^= MAGIC >> 16
        raw = struct.pack("!I", struct.unpack("!I", raw)[0] ^ MAGIC)
    return struct.pack("!BBH", 0, 1, port) + raw


def unpack_ipv4(value, xor):
    if len(value) != 8 or value[1] != 1:
        return None
    port = struct.unpack("!H", value[2:4])[0]
    addr = struct.unpack("!I", value[4:8])[0]
    if xor:
        port ^= MAGIC >> 16
        addr ^= MAGIC
    return (socket.inet_ntoa(struct.pack("!I", addr)), port)


def rewrite(msg, mapped_from, mapped_to, origins):
    """The STUN message with its addresses rewritten, or msg unchanged."""
    if len(msg) < 20 or msg[0] & 0xC0 or struct.unpack("!I", msg[4:8])[0] != MAGIC:
        return msg
    length = struct.unpack("!H", msg[2:4])[0]
    if length + 20 != len(msg):
        return msg
    out = bytearray(msg)
    pos = 20
    while pos + 4 <= len(msg):
        kind, size = struct.unpack("!HH", msg[pos : pos + 4])
        value = msg[pos + 4 : pos + 4 + size]
        if kind in (INTEGRITY, INTEGRITY_SHA256):
            return msg
        xor = kind == XOR_MAPPED
        if kind in (XOR_MAPPED, MAPPED):
            addr = unpack_ipv4(value, xor)
            if addr == mapped_from:
                out[pos + 4 : pos + 12] = pack_ipv4((mapped_to[1], mapped_to[0]), xor)
        elif kind in (SOURCE, CHANGED, RESPONSE_ORIGIN, OTHER):
            addr = unpack_ipv4(value, False)
            if addr in origins:
                to = origins[addr]
                out[pos + 4 : pos + 12] = pack_ipv4((to[1], to[0]), False)
        elif kind == FINGERPRINT and size == 4:
            crc = (zlib.crc32(bytes(out[:pos])) & 0xFFFFFFFF) ^ 0x5354554E
            out[pos + 4 : pos + 8] = struct.pack("!I", crc)
        pos += 4 + ((size + 3) & ~3)
    return bytes(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--server", required=True)
    p.add_argument("--server-ports", required=True)
    p.add_argument("--listen", required=True)
    p.add_argument("--listen-ports", required=True)
    p.add_argument("--upstream-ip", required=True)
    p.add_argument("--loss", type=float, default=0.2)
    p.add_argument("--seed", type=int, default=9)
    p.add_argument("--lifetime", type=float, default=120)
    a = p.parse_args()

    server_ips = a.server.split(",")
    server_ports = [int(x) for x in a.server_ports.split(",")]
    listen_ips = a.listen.split(",")
    listen_ports = [int(x) for x in a.listen_ports.split(",")]
    rng = random.Random(a.seed)
    parent = os.getppid()
    end = time.monotonic() + a.lifetime

    front = {}  # socket -> server address it stands for
    by_server = {}  # server address -> front socket
    origins = {}  # server address -> relay address
    for i, ip in enumerate(listen_ips):
        for j, port in enumerate(listen_ports):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind((ip, port))
            server = (server_ips[i], server_ports[j])
            front[s] = server
            by_server[server] = s
            origins[server] = (ip, port)
    upstream = {}  # client address -> upstream socket
    client_of = {}  # upstream socket -> client address
    counts = {"up": 0, "up_dropped": 0, "down": 0, "down_dropped": 0}
    stop = []

    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    print("ready", flush=True)

    while not stop and time.monotonic() < end and os.getppid() == parent:
        ready, _, _ = select.select(list(front) + list(client_of), [], [], 0.5)
        for s in ready:
            try:
                data, src = s.recvfrom(65536)
            except OSError:
                continue
            if s in front:
                counts["up"] += 1
                if rng.random() < a.loss:
                    counts["up_dropped"] += 1
                    continue
                u = upstream.get(src)
                if u is None:
                    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                    u.bind((a.upstream_ip, 0))
                    upstream[src] = u
                    client_of[u] = src
                u.sendto(data, front[s])
            else:
                counts["down"] += 1
                if rng.random() < a.loss:
                    counts["down_dropped"] += 1
                    continue
                out = by_server.get(src)
                if out is None:
                    continue
                client = client_of[s]
                data = rewrite(data, s.getsockname(), client, origins)
                out.sendto(data, client)

    print(
        "relay: to the server %(up)d, dropped %(up_dropped)d; to the clients %(down)d, dropped %(down_dropped)d"
        % counts,
        file=sys.stderr,
        flush=True,
    )


if __name__ == "__main__":
    main()

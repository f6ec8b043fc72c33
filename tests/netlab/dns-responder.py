#!/usr/bin/env python3
# dns-responder.py ADDRESS SECONDS — a tiny authoritative DNS server for the
# lab's zone lab.test, so the STUN test's DNS SRV lookups can be checked
# without any real network. Answers SRV for _stun._udp / _stun._tcp /
# _stuns._tcp.lab.test (target stun-srv.lab.test), A for stun-srv.lab.test;
# NXDOMAIN for anything else. Exits by itself after SECONDS.
import socket
import struct
import sys
import time

ZONE_SRV = {
    "_stun._udp.lab.test": (3478, "stun-srv.lab.test"),
    "_stun._tcp.lab.test": (3478, "stun-srv.lab.test"),
    "_stuns._tcp.lab.test": (5349, "stun-srv.lab.test"),
}
ZONE_A = {"stun-srv.lab.test": "198.51.100.1"}


def encode_name(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"


def parse_question(data):
    labels, i = [], 12
    while data[i] != 0:
        n = data[i]
        labels.append(data[i + 1:i + 1 + n].decode("ascii", "replace"))
        i += 1 + n
    qtype, qclass = struct.unpack("!HH", data[i + 1:i + 5])
    return ".".join(labels).lower(), qtype, data[12:i + 5]


def answer(data):
    tid, flags = struct.unpack("!HH", data[:4])
    name, qtype, question = parse_question(data)
    records = []
    known = name in ZONE_SRV or name in ZONE_A
    if qtype == 33 and name in ZONE_SRV:
        port, target = ZONE_SRV[name]
        rdata = struct.pack("!HHH", 0, 0, port) + encode_name(target)
        records.append(struct.pack("!HHIH", 33, 1, 30, len(rdata)) + rdata)
    elif qtype == 1 and name in ZONE_A:
        rdata = socket.inet_aton(ZONE_A[name])
        records.append(struct.pack("!HHIH", 1, 1, 30, len(rdata)) + rdata)
    rcode = 0 if known else 3
    header = struct.pack("!HHHHHH", tid, 0x8400 | (flags & 0x0100) | rcode, 1, len(records), 0, 0)
    return header + question + b"".join(b"\xc0\x0c" + r for r in records)


def main():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((sys.argv[1], 53))
    end = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < end:
        sock.settimeout(max(0.1, end - time.monotonic()))
        try:
            data, peer = sock.recvfrom(512)
            sock.sendto(answer(data), peer)
        except (socket.timeout, ValueError, IndexError, struct.error):
            continue


main()

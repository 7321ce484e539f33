#!/usr/bin/env python3
"""Generate the byte-exact test vectors of the Snow node distribution protocol.

Run from the repository root:   python3 docs/vectors/generate.py
It (re)writes docs/vectors/frames.json, handshake.json and hardened.json and checks
every vector against an independent reference decoder (below) that follows the
parse check order of docs/PROTOCOL.md, section "Framing". The output is
deterministic: running the script twice gives identical files.

Python 3 standard library only.
"""

import hashlib
import hmac
import json
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

MAX_LEN = 4096
NAME, STATUS_CHALLENGE, CHALLENGE_REPLY, CHALLENGE_ACK, PING, PONG = 1, 2, 3, 4, 5, 6
TYPES = {NAME: "NAME", STATUS_CHALLENGE: "STATUS_CHALLENGE",
         CHALLENGE_REPLY: "CHALLENGE_REPLY", CHALLENGE_ACK: "CHALLENGE_ACK",
         PING: "PING", PONG: "PONG"}
STATUSES = ["ok", "ok_simultaneous", "nok", "not_allowed", "alive"]
STATUS_CODE = {s: i for i, s in enumerate(STATUSES)}

# ---------------------------------------------------------------------------
# Encoder: fields -> bytes (struct.pack).  Used to build the vectors.
# ---------------------------------------------------------------------------


def frame(tag, payload):
    return struct.pack(">IB", len(payload) + 1, tag) + payload


def raw_frame(length, tag, payload=b""):
    """A frame whose length prefix is given explicitly (may disagree)."""
    return struct.pack(">IB", length, tag) + payload


def name_field(name_bytes):
    return struct.pack(">H", len(name_bytes)) + name_bytes


def encode(f):
    t = f["type"]
    if t == "NAME":
        return frame(NAME, name_field(f["name"].encode("utf-8")) + bytes([f["creation"]]))
    if t == "STATUS_CHALLENGE":
        ch = bytes.fromhex(f["challenge"])
        return frame(STATUS_CHALLENGE,
                     bytes([STATUS_CODE[f["status"]]]) + struct.pack(">I", len(ch)) + ch
                     + name_field(f["name"].encode("utf-8")) + bytes([f["creation"]]))
    if t == "CHALLENGE_REPLY":
        d, ch = bytes.fromhex(f["digest"]), bytes.fromhex(f["challenge"])
        return frame(CHALLENGE_REPLY, struct.pack(">I", len(d)) + d + struct.pack(">I", len(ch)) + ch)
    if t == "CHALLENGE_ACK":
        d = bytes.fromhex(f["digest"])
        return frame(CHALLENGE_ACK, struct.pack(">I", len(d)) + d)
    if t in ("PING", "PONG"):
        return frame(PING if t == "PING" else PONG, bytes.fromhex(f["payload"]))
    raise ValueError(t)


def f_name(name, creation):
    return {"type": "NAME", "name": name, "creation": creation}


def f_status(status, challenge, name, creation):
    return {"type": "STATUS_CHALLENGE", "status": status, "challenge": challenge.hex(),
            "name": name, "creation": creation}


def f_reply(digest, challenge):
    return {"type": "CHALLENGE_REPLY", "digest": digest.hex(), "challenge": challenge.hex()}


def f_ack(digest):
    return {"type": "CHALLENGE_ACK", "digest": digest.hex()}


def f_ping(payload, pong=False):
    return {"type": "PONG" if pong else "PING", "payload": payload.hex()}


# ---------------------------------------------------------------------------
# Independent reference decoder: bytes -> fields, following the check order of
# PROTOCOL.md.  Written with an explicit cursor, not with the encoder above.
# Returns ("frame", fields, consumed), ("need", None, 0) or ("error", rule, 0).
# ---------------------------------------------------------------------------


class Reject(Exception):
    def __init__(self, rule):
        Exception.__init__(self, rule)
        self.rule = rule


class Cursor:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def left(self):
        return len(self.data) - self.pos

    def take(self, n):
        if n > self.left():
            raise Reject("FRAME-5")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def u8(self):
        return self.take(1)[0]

    def u16(self):
        b = self.take(2)
        return (b[0] << 8) | b[1]

    def u32(self):
        b = self.take(4)
        return (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]

    def name(self):
        n = self.u16()
        raw = self.take(n)
        try:
            return raw.decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            raise Reject("FRAME-9")


def decode(buf):
    if len(buf) < 4:
        return ("need", None, 0)
    length = (buf[0] << 24) | (buf[1] << 16) | (buf[2] << 8) | buf[3]
    if length == 0:
        return ("error", "FRAME-2", 0)
    if length > MAX_LEN:
        return ("error", "FRAME-3", 0)
    if len(buf) < 5:
        return ("need", None, 0)
    tag = buf[4]
    if tag < 1 or tag > 6:
        return ("error", "FRAME-4", 0)
    if tag in (PING, PONG) and length != 9:
        return ("error", "FRAME-11", 0)
    if len(buf) < 4 + length:
        return ("need", None, 0)
    c = Cursor(bytes(buf[5:4 + length]))
    try:
        if tag == NAME:
            name = c.name()
            out = {"type": "NAME", "name": name, "creation": c.u8()}
        elif tag == STATUS_CHALLENGE:
            code = c.u8()
            if code > 4:
                raise Reject("STATUS-4")
            status = STATUSES[code]
            clen = c.u32()
            if status in ("ok", "ok_simultaneous", "alive") and clen != 32:
                raise Reject("STATUS-2")
            if status in ("nok", "not_allowed") and clen != 0:
                raise Reject("STATUS-3")
            challenge = c.take(clen)
            name = c.name()
            out = {"type": "STATUS_CHALLENGE", "status": status, "challenge": challenge.hex(),
                   "name": name, "creation": c.u8()}
        elif tag == CHALLENGE_REPLY:
            dlen = c.u32()
            if dlen != 32:
                raise Reject("AUTH-2")
            digest = c.take(dlen)
            clen = c.u32()
            if clen != 32:
                raise Reject("AUTH-2")
            out = {"type": "CHALLENGE_REPLY", "digest": digest.hex(), "challenge": c.take(clen).hex()}
        elif tag == CHALLENGE_ACK:
            dlen = c.u32()
            if dlen != 32:
                raise Reject("AUTH-2")
            out = {"type": "CHALLENGE_ACK", "digest": c.take(dlen).hex()}
        else:
            out = {"type": TYPES[tag], "payload": c.take(8).hex()}
        if c.left() != 0:
            raise Reject("FRAME-6")
    except Reject as r:
        return ("error", r.rule, 0)
    return ("frame", out, 4 + length)


# ---------------------------------------------------------------------------
# Semantic rules (names, creation, state), used to check the "semantic" vectors.
# ---------------------------------------------------------------------------

ALIVE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
DIGITS = set("0123456789")
IPV6_CHARS = set("0123456789abcdefABCDEF:.")


def port_ok(port):
    return (0 < len(port) <= 5 and all(ch in DIGITS for ch in port) and port[0] != "0"
            and 1 <= int(port) <= 65535)


def name_problem(name):
    """None if name is a valid node name (NAME-1, NAME-2), else the rule it breaks."""
    if not 1 <= len(name.encode("utf-8")) <= 255:
        return "NAME-2"
    if "@" not in name:
        return "NAME-1"
    alive, rest = name.split("@", 1)
    if not alive or any(ch not in ALIVE_CHARS for ch in alive):
        return "NAME-1"
    if "@" in rest:
        return "NAME-1"
    if rest.startswith("["):                      # bracketed IPv6 literal
        close = rest.find("]")
        if close < 2 or any(ch not in IPV6_CHARS for ch in rest[1:close]):
            return "NAME-1"
        after = rest[close + 1:]
        if after == "":
            return None
        if not after.startswith(":") or not port_ok(after[1:]):
            return "NAME-1"
        return None
    host = rest
    if ":" in rest:
        host, port = rest.split(":", 1)           # the host holds no ':'
        if not port_ok(port):
            return "NAME-1"
    if not host:
        return "NAME-1"
    return None


def acceptor_outcome(fr, own_name):
    """What an acceptor in AWAIT_NAME (no session, no attempt, ids free) does."""
    if fr["type"] != "NAME":
        return ("protocol_error", "FRAME-7")
    p = name_problem(fr["name"])
    if p:
        return ("not_allowed", p)
    if fr["name"].encode("utf-8") == own_name.encode("utf-8"):
        return ("not_allowed", "NAME-5")
    if fr["creation"] == 0:
        return ("not_allowed", "HS-7")
    return ("ok", None)


def initiator_outcome(fr, dialled):
    """What an initiator in AWAIT_STATUS that dialled `dialled` does."""
    if fr["type"] != "STATUS_CHALLENGE":
        return ("protocol_error", "FRAME-7")
    if fr["name"].encode("utf-8") != dialled.encode("utf-8"):
        return ("protocol_error", "NAME-7")
    if fr["creation"] == 0:
        return ("protocol_error", "HS-7")
    if fr["status"] in ("nok", "not_allowed"):
        return (fr["status"], "STATUS-5")
    return ("reply", None)


# ---------------------------------------------------------------------------
# HMAC: the library call, cross-checked by a hand-made RFC 2104 construction.
# ---------------------------------------------------------------------------


def digest(cookie, challenge):
    return hmac.new(cookie.encode("utf-8"), challenge, hashlib.sha256).digest()


def digest_by_hand(cookie, challenge):
    key = cookie.encode("utf-8")
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\x00")
    inner = hashlib.sha256(bytes(k ^ 0x36 for k in key) + challenge).digest()
    return hashlib.sha256(bytes(k ^ 0x5C for k in key) + inner).digest()


def checked_digest(cookie, challenge):
    d = digest(cookie, challenge)
    assert d == digest_by_hand(cookie, challenge), (cookie, challenge)
    assert len(d) == 32
    return d



# ---------------------------------------------------------------------------
# Hardened profile (HARD-4): the digest input, built field by field and checked
# against a second construction with explicit offsets.
# ---------------------------------------------------------------------------

HARD_LABEL = b"snow-hardened-v1"
ROLE_REPLY, ROLE_ACK = 1, 2
# Stand-ins for the two certificates' DER bytes: the hashes are what the digest covers.
INITIATOR_CERT_DER = b"initiator certificate DER (stand-in)"
ACCEPTOR_CERT_DER = b"acceptor certificate DER (stand-in)"


def hardened_input(role, cert_i, cert_a, name_i, name_a, ch_a, ch_i):
    ni, na = name_i.encode("utf-8"), name_a.encode("utf-8")
    return (HARD_LABEL + bytes([role]) + hashlib.sha256(cert_i).digest() + hashlib.sha256(cert_a).digest()
            + struct.pack(">H", len(ni)) + ni + struct.pack(">H", len(na)) + na + ch_a + ch_i)


def hardened_input_by_offsets(role, cert_i, cert_a, name_i, name_a, ch_a, ch_i):
    ni, na = name_i.encode("utf-8"), name_a.encode("utf-8")
    buf = bytearray(81 + 2 + len(ni) + 2 + len(na) + 64)
    buf[0:16] = HARD_LABEL
    buf[16] = role
    buf[17:49] = hashlib.sha256(cert_i).digest()
    buf[49:81] = hashlib.sha256(cert_a).digest()
    o = 81
    for n in (ni, na):
        buf[o] = len(n) >> 8
        buf[o + 1] = len(n) & 0xFF
        buf[o + 2:o + 2 + len(n)] = n
        o += 2 + len(n)
    buf[o:o + 32] = ch_a
    buf[o + 32:o + 64] = ch_i
    return bytes(buf)


def build_hardened():
    out = {
        "description": "Hardened-profile digests (docs/PROTOCOL.md HARD-4) for the good handshake of handshake.json: "
                       "same cookie, names and challenges, over a TLS channel whose certificates hash as given. "
                       "REPLY = HMAC(cookie, reply_input), ACK = HMAC(cookie, ack_input).",
        "cookie": COOKIE,
        "initiator_certificate_sha256": hashlib.sha256(INITIATOR_CERT_DER).hexdigest(),
        "acceptor_certificate_sha256": hashlib.sha256(ACCEPTOR_CERT_DER).hexdigest(),
        "initiator_name": INITIATOR,
        "acceptor_name": ACCEPTOR,
        "acceptor_challenge": ACCEPTOR_CHALLENGE.hex(),
        "initiator_challenge": INITIATOR_CHALLENGE.hex(),
    }
    args = (INITIATOR_CERT_DER, ACCEPTOR_CERT_DER, INITIATOR, ACCEPTOR, ACCEPTOR_CHALLENGE, INITIATOR_CHALLENGE)
    for role, key in ((ROLE_REPLY, "reply"), (ROLE_ACK, "ack")):
        data = hardened_input(role, *args)
        out[key + "_input"] = data.hex()
        out[key + "_digest"] = checked_digest_bytes(COOKIE, data).hex()
    return out


def checked_digest_bytes(cookie, data):
    d = hmac.new(cookie.encode("utf-8"), data, hashlib.sha256).digest()
    assert d == digest_by_hand(cookie, data), data
    return d


def check_hardened(h):
    args = (INITIATOR_CERT_DER, ACCEPTOR_CERT_DER, INITIATOR, ACCEPTOR, ACCEPTOR_CHALLENGE, INITIATOR_CHALLENGE)
    for role, key in ((ROLE_REPLY, "reply"), (ROLE_ACK, "ack")):
        assert bytes.fromhex(h[key + "_input"]) == hardened_input_by_offsets(role, *args), key
    assert h["reply_digest"] != h["ack_digest"]
    base_reply = checked_digest(COOKIE, ACCEPTOR_CHALLENGE).hex()
    assert h["reply_digest"] != base_reply

# ---------------------------------------------------------------------------
# Fixed inputs
# ---------------------------------------------------------------------------

COOKIE = "snow-test-cookie"
WRONG_COOKIE = "not-the-cookie"
INITIATOR, INITIATOR_CREATION = "alpha@127.0.0.1:9101", 7
ACCEPTOR, ACCEPTOR_CREATION = "beta@127.0.0.1:9102", 42
ACCEPTOR_CHALLENGE = bytes(range(0x00, 0x20))
INITIATOR_CHALLENGE = bytes(range(0x20, 0x40))
C32 = bytes(range(0x40, 0x60))            # a third challenge for frame vectors
D32 = bytes(range(0xA0, 0xC0))            # an arbitrary 32-byte digest
NAME_255 = "n" * (255 - len("@host.example:65535")) + "@host.example:65535"
NAME_256 = "n" * (256 - len("@host.example:65535")) + "@host.example:65535"
assert len(NAME_255.encode()) == 255 and len(NAME_256.encode()) == 256


def vec_valid(name, fr):
    return {"name": name, "hex": encode(fr).hex(), "frame": fr}


def build_valid():
    v = []
    v.append(vec_valid("NAME with port", f_name(INITIATOR, INITIATOR_CREATION)))
    v.append(vec_valid("NAME without port, non-ASCII host (6 chars, 7 bytes), creation 1",
                       f_name("a@h\u00f4st", 1)))
    v.append(vec_valid("NAME of 255 bytes (the maximum), creation 255", f_name(NAME_255, 255)))
    v.append(vec_valid("NAME with '_' and '-' in the alive part, host name without port",
                       f_name("node_1-x@example.com", 200)))
    v.append(vec_valid("NAME with a bracketed IPv6 host and a port", f_name("v6@[::1]:9101", 2)))
    v.append(vec_valid("STATUS_CHALLENGE ok", f_status("ok", ACCEPTOR_CHALLENGE, ACCEPTOR, ACCEPTOR_CREATION)))
    v.append(vec_valid("STATUS_CHALLENGE ok_simultaneous, creation 1",
                       f_status("ok_simultaneous", C32, "b@127.0.0.1:9002", 1)))
    v.append(vec_valid("STATUS_CHALLENGE nok (empty challenge)", f_status("nok", b"", "a@127.0.0.1:9001", 9)))
    v.append(vec_valid("STATUS_CHALLENGE not_allowed (empty challenge), creation 255",
                       f_status("not_allowed", b"", ACCEPTOR, 255)))
    v.append(vec_valid("STATUS_CHALLENGE alive, non-ASCII host without port",
                       f_status("alive", bytes([0xFF] * 32), "a@h\u00f4st", 3)))
    v.append(vec_valid("STATUS_CHALLENGE ok with a 255-byte name", f_status("ok", bytes(32), NAME_255, 128)))
    v.append(vec_valid("STATUS_CHALLENGE ok with a bracketed IPv6 host without port",
                       f_status("ok", C32, "v6@[fe80::1]", 77)))
    v.append(vec_valid("CHALLENGE_REPLY (digests of handshake.json)",
                       f_reply(checked_digest(COOKIE, ACCEPTOR_CHALLENGE), INITIATOR_CHALLENGE)))
    v.append(vec_valid("CHALLENGE_REPLY all-zero digest and challenge", f_reply(bytes(32), bytes(32))))
    v.append(vec_valid("CHALLENGE_ACK (digest of handshake.json)",
                       f_ack(checked_digest(COOKIE, INITIATOR_CHALLENGE))))
    v.append(vec_valid("CHALLENGE_ACK all-0xff digest", f_ack(bytes([0xFF] * 32))))
    v.append(vec_valid("PING", f_ping(bytes.fromhex("0102030405060708"))))
    v.append(vec_valid("PING all-zero payload", f_ping(bytes(8))))
    v.append(vec_valid("PONG", f_ping(bytes.fromhex("0102030405060708"), pong=True)))
    v.append(vec_valid("PONG all-0xff payload", f_ping(bytes([0xFF] * 8), pong=True)))
    return v


def status_payload(code, clen, challenge, name_b, creation_b=b"\x07"):
    return bytes([code]) + struct.pack(">I", clen) + challenge + name_field(name_b) + creation_b


def build_invalid():
    out = []

    def add(name, data, rule, note, reject_by=None):
        out.append({"name": name, "hex": data.hex(), "rule": rule, "note": note,
                    "reject_by": len(data) if reject_by is None else reject_by})

    nm = b"a@h:1"
    huge = "The hex holds only a prefix of the announced frame; "
    # FRAME-2
    add("len 0", bytes(4), "FRAME-2", "A length of 0 cannot even hold the tag. Reject after the 4 length bytes.")
    add("len 0 followed by a valid-looking tag and bytes", bytes(4) + b"\x05" + bytes(8), "FRAME-2",
        "Reject after the 4 length bytes; what follows is never read as a frame.", reject_by=4)
    # FRAME-3
    add("len 4097", struct.pack(">I", 4097), "FRAME-3",
        huge + "the decoder must reject after the 4 length bytes, without waiting for or allocating the payload.")
    add("len 0xFFFFFFFF", b"\xff\xff\xff\xff", "FRAME-3",
        huge + "reject after 4 bytes. -1 if read as a signed 32-bit integer: compare unsigned.")
    add("len 0x80000000", b"\x80\x00\x00\x00", "FRAME-3",
        huge + "reject after 4 bytes. Negative if read as a signed 32-bit integer: compare unsigned.")
    add("len 65536 with a NAME tag and a few bytes", struct.pack(">I", 65536) + b"\x01\x00\x05a@h:1",
        "FRAME-3", huge + "reject after 4 bytes; the tag and bytes after it are never read.", reject_by=4)
    # FRAME-4
    add("tag 0", raw_frame(1, 0), "FRAME-4", "Reject after 5 bytes (length and tag).")
    add("tag 7 with len 4096, header only", raw_frame(4096, 7), "FRAME-4",
        huge + "the decoder must reject after the 5th byte (the tag), without waiting for the 4095 payload bytes.")
    add("tag 255 with a PING-sized payload", raw_frame(9, 255, bytes(8)), "FRAME-4",
        "Reject after 5 bytes; the 8 payload bytes are never looked at.", reject_by=5)
    add("tag 0 with len 4096, header only", raw_frame(4096, 0), "FRAME-4",
        huge + "reject after the 5th byte.")
    # FRAME-11
    add("PING with len 8 (7-byte payload)", raw_frame(8, PING, bytes(7)), "FRAME-11",
        "PING must have len 9. Decided from the header: reject after 5 bytes.", reject_by=5)
    add("PONG with len 10 (9-byte payload)", raw_frame(10, PONG, bytes(9)), "FRAME-11",
        "PONG must have len 9. Decided from the header: reject after 5 bytes.", reject_by=5)
    add("PING with len 1 (no payload)", raw_frame(1, PING), "FRAME-11", "Reject after 5 bytes.")
    add("PONG with len 4096, header only", raw_frame(4096, PONG), "FRAME-11",
        huge + "reject after the 5th byte.")
    # FRAME-5
    add("NAME with empty payload", raw_frame(1, NAME), "FRAME-5", "The 2-byte name_len does not fit.")
    add("NAME with a 1-byte payload", raw_frame(2, NAME, b"\x00"), "FRAME-5",
        "The 2-byte name_len does not fit in the 1 remaining byte.")
    add("NAME whose name_len runs past the end", frame(NAME, b"\xff\xff" + b"a@h"), "FRAME-5",
        "name_len 65535 announces far more than the 3 remaining bytes.")
    add("NAME with a truncated name", frame(NAME, struct.pack(">H", 20) + b"alpha@127.0" + b"\x07"), "FRAME-5",
        "name_len 20 but only 12 bytes remain.")
    add("NAME without creation", frame(NAME, name_field(nm)), "FRAME-5",
        "The name fits exactly; the u8 creation is missing.")
    add("NAME whose name_len also counts the creation byte", frame(NAME, struct.pack(">H", 6) + nm + b"\x07"),
        "FRAME-5", "Off by one: name_len 6 swallows the creation byte (the 6 bytes 'a@h:1\\x07' are valid UTF-8), "
        "then creation does not fit.")
    add("STATUS_CHALLENGE with only the status byte", frame(STATUS_CHALLENGE, b"\x00"), "FRAME-5",
        "The u32 challenge_len does not fit.")
    add("STATUS_CHALLENGE ok whose challenge runs past the end",
        frame(STATUS_CHALLENGE, b"\x00" + struct.pack(">I", 32) + bytes(20)), "FRAME-5",
        "challenge_len 32 is right for ok but only 20 bytes remain.")
    add("STATUS_CHALLENGE ok whose name_len runs past the end",
        frame(STATUS_CHALLENGE, b"\x00" + struct.pack(">I", 32) + C32 + struct.pack(">H", 40) + nm + b"\x07"),
        "FRAME-5", "name_len 40 but only 6 bytes remain.")
    add("STATUS_CHALLENGE ok without creation",
        frame(STATUS_CHALLENGE, status_payload(0, 32, C32, nm, b"")), "FRAME-5",
        "Everything up to the name fits; the u8 creation is missing.")
    add("STATUS_CHALLENGE nok without name_len", frame(STATUS_CHALLENGE, b"\x02" + bytes(4)), "FRAME-5",
        "challenge_len 0 is right for nok; the u16 name_len does not fit.")
    add("CHALLENGE_REPLY whose digest runs past the end",
        frame(CHALLENGE_REPLY, struct.pack(">I", 32) + bytes(10)), "FRAME-5",
        "digest_len 32 but only 10 bytes remain.")
    add("CHALLENGE_REPLY without challenge_len", frame(CHALLENGE_REPLY, struct.pack(">I", 32) + D32), "FRAME-5",
        "The digest fits; the u32 challenge_len does not.")
    add("CHALLENGE_REPLY whose challenge runs past the end",
        frame(CHALLENGE_REPLY, struct.pack(">I", 32) + D32 + struct.pack(">I", 32) + bytes(31)), "FRAME-5",
        "challenge_len 32 but only 31 bytes remain.")
    add("CHALLENGE_ACK with empty payload", raw_frame(1, CHALLENGE_ACK), "FRAME-5",
        "The u32 digest_len does not fit.")
    add("CHALLENGE_ACK whose digest runs past the end",
        frame(CHALLENGE_ACK, struct.pack(">I", 32) + bytes(31)), "FRAME-5", "digest_len 32 but only 31 bytes remain.")
    # FRAME-6
    add("NAME with a trailing byte", frame(NAME, name_field(nm) + b"\x07\x00"), "FRAME-6",
        "One byte is left after creation.")
    add("STATUS_CHALLENGE nok with a trailing byte", frame(STATUS_CHALLENGE, status_payload(2, 0, b"", nm) + b"\x00"),
        "FRAME-6", "One byte is left after creation.")
    add("STATUS_CHALLENGE ok with two trailing bytes",
        frame(STATUS_CHALLENGE, status_payload(0, 32, C32, nm) + b"\x00\x00"), "FRAME-6",
        "Two bytes are left after creation.")
    add("CHALLENGE_REPLY with a trailing byte",
        frame(CHALLENGE_REPLY, struct.pack(">I", 32) + D32 + struct.pack(">I", 32) + C32 + b"\x00"), "FRAME-6",
        "One byte is left after the challenge.")
    add("CHALLENGE_ACK with a trailing byte", frame(CHALLENGE_ACK, struct.pack(">I", 32) + D32 + b"\x00"), "FRAME-6",
        "One byte is left after the digest.")
    # STATUS-4
    add("STATUS_CHALLENGE status 5", frame(STATUS_CHALLENGE, status_payload(5, 32, C32, nm)), "STATUS-4",
        "Unknown status code; the rest of the frame would be well formed.")
    add("STATUS_CHALLENGE status 255", frame(STATUS_CHALLENGE, status_payload(255, 0, b"", nm)), "STATUS-4",
        "Unknown status code.")
    add("STATUS_CHALLENGE status 5 and nothing else", frame(STATUS_CHALLENGE, b"\x05"), "STATUS-4",
        "The status is checked right after it is read, before challenge_len is needed: STATUS-4, not FRAME-5.")
    # STATUS-2
    add("STATUS_CHALLENGE ok with challenge_len 31", frame(STATUS_CHALLENGE, status_payload(0, 31, C32[:31], nm)),
        "STATUS-2", "ok needs exactly 32 challenge bytes.")
    add("STATUS_CHALLENGE ok with challenge_len 33",
        frame(STATUS_CHALLENGE, status_payload(0, 33, C32 + b"\x00", nm)), "STATUS-2",
        "ok needs exactly 32 challenge bytes.")
    add("STATUS_CHALLENGE ok with challenge_len 0", frame(STATUS_CHALLENGE, status_payload(0, 0, b"", nm)),
        "STATUS-2", "ok needs exactly 32 challenge bytes.")
    add("STATUS_CHALLENGE alive with challenge_len 16", frame(STATUS_CHALLENGE, status_payload(4, 16, C32[:16], nm)),
        "STATUS-2", "alive needs exactly 32 challenge bytes.")
    add("STATUS_CHALLENGE ok_simultaneous with challenge_len 0xFFFFFFFF",
        frame(STATUS_CHALLENGE, b"\x01" + b"\xff\xff\xff\xff" + C32), "STATUS-2",
        "challenge_len is checked right after it is read, before the challenge must fit: STATUS-2, not FRAME-5.")
    # STATUS-3
    add("STATUS_CHALLENGE nok with challenge_len 32", frame(STATUS_CHALLENGE, status_payload(2, 32, C32, nm)),
        "STATUS-3", "nok carries no challenge.")
    add("STATUS_CHALLENGE not_allowed with challenge_len 1",
        frame(STATUS_CHALLENGE, status_payload(3, 1, b"\x00", nm)), "STATUS-3", "not_allowed carries no challenge.")
    # AUTH-2
    add("CHALLENGE_REPLY digest_len 31",
        frame(CHALLENGE_REPLY, struct.pack(">I", 31) + D32[:31] + struct.pack(">I", 32) + C32), "AUTH-2",
        "digest_len must be 32.")
    add("CHALLENGE_REPLY digest_len 33",
        frame(CHALLENGE_REPLY, struct.pack(">I", 33) + D32 + b"\x00" + struct.pack(">I", 32) + C32), "AUTH-2",
        "digest_len must be 32.")
    add("CHALLENGE_REPLY digest_len 0", frame(CHALLENGE_REPLY, struct.pack(">I", 0) + struct.pack(">I", 32) + C32),
        "AUTH-2", "digest_len must be 32.")
    add("CHALLENGE_REPLY challenge_len 16",
        frame(CHALLENGE_REPLY, struct.pack(">I", 32) + D32 + struct.pack(">I", 16) + C32[:16]), "AUTH-2",
        "challenge_len must be 32.")
    add("CHALLENGE_REPLY challenge_len 0xFFFFFFFF",
        frame(CHALLENGE_REPLY, struct.pack(">I", 32) + D32 + b"\xff\xff\xff\xff"), "AUTH-2",
        "challenge_len is checked right after it is read, before the challenge must fit: AUTH-2, not FRAME-5.")
    add("CHALLENGE_ACK digest_len 64", frame(CHALLENGE_ACK, struct.pack(">I", 64) + D32 + D32), "AUTH-2",
        "digest_len must be 32 (a 64-byte digest is not accepted even though it fits).")
    add("CHALLENGE_ACK digest_len 0x10000 with 32 bytes", frame(CHALLENGE_ACK, struct.pack(">I", 0x10000) + D32),
        "AUTH-2", "digest_len is checked right after it is read, before the digest must fit: AUTH-2, not FRAME-5.")
    # FRAME-9
    add("NAME with a lone 0xff byte", frame(NAME, name_field(b"a@h\xff") + b"\x07"), "FRAME-9",
        "0xff never occurs in UTF-8.")
    add("NAME ending in a truncated 2-byte sequence", frame(NAME, name_field(b"a@h\xc3") + b"\x07"), "FRAME-9",
        "0xc3 starts a 2-byte sequence that the name ends before completing.")
    add("NAME with an overlong encoding of '/'", frame(NAME, name_field(b"a@h\xc0\xaf") + b"\x07"), "FRAME-9",
        "0xc0 0xaf is an overlong (non-shortest) form; strict decoders reject it.")
    add("NAME with a UTF-16 surrogate", frame(NAME, name_field(b"a@h\xed\xa0\x80") + b"\x07"), "FRAME-9",
        "0xed 0xa0 0x80 encodes U+D800, a surrogate, which UTF-8 forbids (CESU-8 / modified UTF-8 is not UTF-8).")
    add("NAME with a code point above U+10FFFF", frame(NAME, name_field(b"a@h\xf4\x90\x80\x80") + b"\x07"),
        "FRAME-9", "0xf4 0x90 0x80 0x80 would be U+110000.")
    add("NAME with invalid UTF-8 and no creation", frame(NAME, name_field(b"a@\xff")), "FRAME-9",
        "UTF-8 is checked as soon as the name bytes are read, before creation is needed: FRAME-9, not FRAME-5.")
    add("STATUS_CHALLENGE ok with a lone 0xff in the name",
        frame(STATUS_CHALLENGE, status_payload(0, 32, C32, b"b@\xffh")), "FRAME-9",
        "The acceptor's name must be valid UTF-8 too.")
    add("STATUS_CHALLENGE not_allowed with an overlong NUL in the name",
        frame(STATUS_CHALLENGE, status_payload(3, 0, b"", b"b@h\xc0\x80")), "FRAME-9",
        "0xc0 0x80 is the modified-UTF-8 NUL (as written by Java's DataOutput.writeUTF); not UTF-8.")
    return out


# Context of every semantic vector: the acceptor is called ACCEPTOR and the
# initiator dialled ACCEPTOR; nobody has a session or a pending attempt and
# node_ids are free.
SEM_CONTEXT = {"acceptor_state": "AWAIT_NAME", "acceptor_name": ACCEPTOR,
               "initiator_state": "AWAIT_STATUS", "dialled": ACCEPTOR}


def build_semantic():
    out = []

    def add(name, fr, acceptor, initiator, rule, note):
        out.append({"name": name, "hex": encode(fr).hex(), "frame": fr, "decodes": True,
                    "acceptor": acceptor, "initiator": initiator, "rule": rule, "note": note,
                    "context": SEM_CONTEXT})

    na = "not_allowed"
    pe = "protocol_error"
    nl = "An initiator never expects NAME: protocol_error (FRAME-7)."
    add("NAME with an empty name", f_name("", 5), na, pe, "NAME-2",
        "A name is 1..255 bytes. The acceptor sends STATUS_CHALLENGE not_allowed and closes (NAME-5). " + nl)
    add("NAME without '@'", f_name("alpha", 5), na, pe, "NAME-1", "No '@' separates alive part and host. " + nl)
    add("NAME with '.' in the alive part", f_name("al.pha@127.0.0.1:9101", 5), na, pe, "NAME-1",
        "The alive part is [A-Za-z0-9_-]+. " + nl)
    add("NAME with an empty alive part", f_name("@127.0.0.1:9101", 5), na, pe, "NAME-1",
        "The alive part needs at least one character. " + nl)
    add("NAME with an empty host", f_name("alpha@", 5), na, pe, "NAME-1", "The host is non-empty. " + nl)
    add("NAME with an empty host and a port", f_name("alpha@:9101", 5), na, pe, "NAME-1",
        "The host is what precedes the last ':' and must be non-empty. " + nl)
    add("NAME with an unbracketed IPv6 host", f_name("alpha@fe80::1", 5), na, pe, "NAME-1",
        "A host holds no ':' unless it is a bracketed IPv6 literal: write alpha@[fe80::1]. " + nl)
    add("NAME with an unclosed IPv6 bracket", f_name("alpha@[::1:9101", 5), na, pe, "NAME-1",
        "A host starting with '[' must be a bracketed literal closed by ']'. " + nl)
    add("NAME with empty IPv6 brackets", f_name("alpha@[]:9101", 5), na, pe, "NAME-1",
        "The brackets hold an IPv6 address. " + nl)
    add("NAME with text after the IPv6 bracket", f_name("alpha@[::1]x", 5), na, pe, "NAME-1",
        "After ']' comes either the end of the name or ':' and the port. " + nl)
    add("NAME with two '@'", f_name("alpha@beta@127.0.0.1", 5), na, pe, "NAME-1",
        "The host must not contain '@'. " + nl)
    add("NAME with port 0", f_name("alpha@127.0.0.1:0", 5), na, pe, "NAME-1", "The port is 1..65535. " + nl)
    add("NAME with port 65536", f_name("alpha@127.0.0.1:65536", 5), na, pe, "NAME-1",
        "The port is 1..65535. " + nl)
    add("NAME with port '12a'", f_name("alpha@127.0.0.1:12a", 5), na, pe, "NAME-1",
        "Text after the last ':' is the port and must be decimal digits. " + nl)
    add("NAME with an empty port", f_name("alpha@127.0.0.1:", 5), na, pe, "NAME-1",
        "A ':' must be followed by a port. " + nl)
    add("NAME with a leading zero in the port", f_name("alpha@127.0.0.1:09101", 5), na, pe, "NAME-1",
        "The port is written without leading zeros (PROTOCOL.md, Names). " + nl)
    add("NAME of 256 bytes", f_name(NAME_256, 5), na, pe, "NAME-2",
        "Well formed but one byte over the 255-byte limit; decodes fine (the frame limit is 4096). " + nl)
    add("NAME with creation 0", f_name(INITIATOR, 0), na, pe, "HS-7", "creation 0 is reserved. " + nl)
    add("NAME carrying the acceptor's own name", f_name(ACCEPTOR, 5), na, pe, "NAME-5",
        "context.acceptor_name is " + ACCEPTOR + ". " + nl)
    sl = "An acceptor never expects STATUS_CHALLENGE: protocol_error (FRAME-7)."
    add("STATUS_CHALLENGE ok with creation 0", f_status("ok", C32, ACCEPTOR, 0), pe, pe, "HS-7",
        "The initiator aborts: close, nothing sent, handshake_failed protocol_error. " + sl)
    add("STATUS_CHALLENGE ok from another node than the one dialled",
        f_status("ok", C32, "gamma@127.0.0.1:9102", 42), pe, pe, "NAME-7",
        "context.dialled is " + ACCEPTOR + ". " + sl)
    add("STATUS_CHALLENGE ok with the dialled name minus its port",
        f_status("ok", C32, "beta@127.0.0.1", 42), pe, pe, "NAME-7",
        "Names compare as exact bytes (NAME-4): no implicit port. " + sl)
    add("STATUS_CHALLENGE ok with the dialled name in another case",
        f_status("ok", C32, "Beta@127.0.0.1:9102", 42), pe, pe, "NAME-7",
        "Names compare as exact bytes (NAME-4): no case folding. " + sl)
    add("STATUS_CHALLENGE nok from another node than the one dialled",
        f_status("nok", b"", "gamma@127.0.0.1:9102", 42), pe, pe, "NAME-7",
        "The name is checked before the status is acted on, for every status. " + sl)
    add("PING as the first frame", f_ping(bytes(8)), pe, pe, "FRAME-7",
        "PING before establishment is out of order for both roles.")
    add("CHALLENGE_ACK as the first frame", f_ack(D32), pe, pe, "FRAME-7",
        "An acceptor in AWAIT_NAME and an initiator in AWAIT_STATUS do not expect CHALLENGE_ACK.")
    add("CHALLENGE_REPLY as the first frame", f_reply(D32, C32), pe, pe, "FRAME-7",
        "An acceptor in AWAIT_NAME expects NAME; an initiator never expects CHALLENGE_REPLY.")
    return out


def build_handshake():
    reply_digest = checked_digest(COOKIE, ACCEPTOR_CHALLENGE)
    ack_digest = checked_digest(COOKIE, INITIATOR_CHALLENGE)
    seq = [
        ("initiator", f_name(INITIATOR, INITIATOR_CREATION)),
        ("acceptor", f_status("ok", ACCEPTOR_CHALLENGE, ACCEPTOR, ACCEPTOR_CREATION)),
        ("initiator", f_reply(reply_digest, INITIATOR_CHALLENGE)),
        ("acceptor", f_ack(ack_digest)),
        ("initiator", f_ping(bytes.fromhex("0102030405060708"))),
        ("acceptor", f_ping(bytes.fromhex("0102030405060708"), pong=True)),
        ("acceptor", f_ping(bytes.fromhex("1112131415161718"))),
        ("initiator", f_ping(bytes.fromhex("1112131415161718"), pong=True)),
    ]
    frames = [{"from": who, "hex": encode(fr).hex(), "frame": fr} for who, fr in seq]
    wrong = checked_digest(WRONG_COOKIE, ACCEPTOR_CHALLENGE)
    wrong_frames = [{"from": who, "hex": encode(fr).hex(), "frame": fr} for who, fr in [
        seq[0], seq[1], ("initiator", f_reply(wrong, INITIATOR_CHALLENGE))]]
    long_cookie = "k" * 100
    checks = []
    for cookie, ch in [("c\u00f6okie", bytes(range(0x60, 0x80))), ("", bytes(32)),
                       (long_cookie, bytes([0xFF] * 32))]:
        checks.append({"cookie": cookie, "cookie_utf8": cookie.encode("utf-8").hex(),
                       "challenge": ch.hex(), "digest": checked_digest(cookie, ch).hex()})
    return {
        "description": "A complete good handshake between two fresh nodes (no sessions, node_ids never used), "
                       "then one heartbeat round in each direction. Fixed challenges stand in for CSPRNG output.",
        "inputs": {
            "cookie": COOKIE,
            "initiator": {"name": INITIATOR, "creation": INITIATOR_CREATION},
            "acceptor": {"name": ACCEPTOR, "creation": ACCEPTOR_CREATION},
            "acceptor_challenge": ACCEPTOR_CHALLENGE.hex(),
            "initiator_challenge": INITIATOR_CHALLENGE.hex(),
        },
        "reply_digest": reply_digest.hex(),
        "ack_digest": ack_digest.hex(),
        "frames": frames,
        "events": {
            "acceptor": [{"event": "node_up", "node": INITIATOR, "node_id": 1, "creation": INITIATOR_CREATION,
                          "direction": "incoming"}],
            "initiator": [{"event": "node_up", "node": ACCEPTOR, "node_id": 1, "creation": ACCEPTOR_CREATION,
                           "direction": "outgoing"}],
            "note": "The acceptor is established once it has sent CHALLENGE_ACK (frames[3]), the initiator once "
                    "it has verified it. node_id 1 because each node is fresh (ID-2).",
        },
        "wrong_cookie": {
            "initiator_cookie": WRONG_COOKIE,
            "acceptor_cookie": COOKIE,
            "reply_digest": wrong.hex(),
            "frames": wrong_frames,
            "outcome": {
                "acceptor": "closes the connection without sending anything further (no CHALLENGE_ACK, no error "
                            "text), no node_up, no node_id consumed (AUTH-6)",
                "acceptor_event": {"event": "handshake_failed", "peer": INITIATOR, "direction": "incoming",
                                   "reason": "cookie_mismatch"},
                "initiator_event": {"event": "handshake_failed", "peer": ACCEPTOR, "direction": "outgoing",
                                    "reason": "io"},
                "note": "The initiator only sees the connection close while it waits for CHALLENGE_ACK, so it "
                        "reports io (PROTOCOL.md, Events).",
            },
        },
        "hmac_checks": checks,
    }


# ---------------------------------------------------------------------------
# Self-checks
# ---------------------------------------------------------------------------


def check_valid(vectors):
    seen = {}
    stream = b""
    for v in vectors:
        data = bytes.fromhex(v["hex"])
        assert decode(data) == ("frame", v["frame"], len(data)), v["name"]
        for k in range(len(data)):          # every strict prefix needs more bytes
            assert decode(data[:k])[0] == "need", (v["name"], k)
        assert encode(v["frame"]) == data, v["name"]
        seen[v["frame"]["type"]] = seen.get(v["frame"]["type"], 0) + 1
        stream += data
    assert all(seen.get(t, 0) >= 2 for t in TYPES.values()), seen
    statuses = {v["frame"]["status"] for v in vectors if v["frame"]["type"] == "STATUS_CHALLENGE"}
    assert statuses == set(STATUSES), statuses
    for v in vectors:
        if "name" in v["frame"] and v["frame"]["type"] in ("NAME", "STATUS_CHALLENGE"):
            assert name_problem(v["frame"]["name"]) is None, v["name"]
    # FRAME-10: all valid frames back to back decode to the same sequence.
    got, pos = [], 0
    while pos < len(stream):
        kind, fr, used = decode(stream[pos:])
        assert kind == "frame"
        got.append(fr)
        pos += used
    assert got == [v["frame"] for v in vectors]


def check_invalid(vectors):
    names = set()
    for v in vectors:
        assert v["name"] not in names, v["name"]
        names.add(v["name"])
        data = bytes.fromhex(v["hex"])
        n = v["reject_by"]
        assert 4 <= n <= len(data), v["name"]
        assert decode(data) == ("error", v["rule"], 0), (v["name"], decode(data))
        assert decode(data[:n]) == ("error", v["rule"], 0), v["name"]
        for k in range(n):
            assert decode(data[:k])[0] == "need", (v["name"], k)


def check_semantic(vectors):
    for v in vectors:
        data = bytes.fromhex(v["hex"])
        assert decode(data) == ("frame", v["frame"], len(data)), v["name"]
        ctx = v["context"]
        a, ar = acceptor_outcome(v["frame"], ctx["acceptor_name"])
        i, ir = initiator_outcome(v["frame"], ctx["dialled"])
        assert a == v["acceptor"] and i == v["initiator"], (v["name"], a, i)
        addressed = ar if v["frame"]["type"] == "NAME" else ir
        assert addressed == v["rule"], (v["name"], ar, ir)


def check_handshake(h):
    # Hand-written expected bytes, independent of the encoder.
    assert h["frames"][0]["hex"] == ("00000018" "01" "0014" + b"alpha@127.0.0.1:9101".hex() + "07")
    assert h["frames"][1]["hex"] == ("0000003c" "02" "00" "00000020" + bytes(range(32)).hex()
                                     + "0013" + b"beta@127.0.0.1:9102".hex() + "2a")
    assert h["frames"][4]["hex"] == "00000009050102030405060708"
    assert h["frames"][5]["hex"] == "00000009060102030405060708"
    assert h["frames"][2]["hex"].startswith("0000004903" "00000020" + h["reply_digest"] + "00000020")
    assert h["frames"][3]["hex"] == "0000002504" "00000020" + h["ack_digest"]
    # Published reference value of HMAC-SHA256 (RFC 4231 test case 2) to pin the primitive.
    assert hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).hexdigest() == \
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert h["reply_digest"] != h["wrong_cookie"]["reply_digest"]
    # Each frame decodes back, and is acceptable for its receiver in that order.
    for f in h["frames"] + h["wrong_cookie"]["frames"]:
        data = bytes.fromhex(f["hex"])
        assert decode(data) == ("frame", f["frame"], len(data))
    st = h["frames"][1]["frame"]
    assert initiator_outcome(st, h["inputs"]["acceptor"]["name"]) == ("reply", None)
    assert acceptor_outcome(h["frames"][0]["frame"], h["inputs"]["acceptor"]["name"]) == ("ok", None)
    for c in h["hmac_checks"]:
        assert c["digest"] == digest_by_hand(c["cookie"], bytes.fromhex(c["challenge"])).hex()


def check_names():
    """The examples listed under NAME-1 in PROTOCOL.md."""
    good = ["alpha@127.0.0.1:9101", "node_1-x@example.com", "a@h\u00f4st", "v6@[::1]:9101", "v6@[fe80::1]",
            "a@h:1", "a@h:65535", NAME_255]
    bad = ["alpha", "al.pha@h", "@h", "alpha@", "alpha@:9101", "a@b@c", "alpha@fe80::1", "alpha@[::1:9101",
           "alpha@[]:9101", "alpha@[::1]x", "a@h:0", "a@h:65536", "a@h:12a", "a@h:", "a@h:09101", "a@h:1:2",
           "\u00e4@h", "a b@h", "", NAME_256]
    for n in good:
        assert name_problem(n) is None, n
    for n in bad:
        assert name_problem(n) is not None, n


def dump(obj, filename):
    text = json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
    with open(os.path.join(HERE, filename), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def main():
    valid, invalid, semantic = build_valid(), build_invalid(), build_semantic()
    handshake = build_handshake()
    check_valid(valid)
    check_invalid(invalid)
    check_semantic(semantic)
    check_handshake(handshake)
    check_names()
    hardened = build_hardened()
    check_hardened(hardened)
    dump(hardened, "hardened.json")
    dump({"valid": valid, "invalid": invalid, "semantic": semantic}, "frames.json")
    dump(handshake, "handshake.json")
    rules = {}
    for v in invalid:
        rules[v["rule"]] = rules.get(v["rule"], 0) + 1
    print("frames.json: %d valid, %d invalid %s, %d semantic" % (
        len(valid), len(invalid), dict(sorted(rules.items())), len(semantic)))
    print("handshake.json: %d frames, %d hmac checks" % (len(handshake["frames"]), len(handshake["hmac_checks"])))
    print("hardened.json: reply and ack inputs and digests (HARD-4)")
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

//! The hardened profile's digests (docs/PROTOCOL.md HARD-3, HARD-4): REPLY carries
//! HMAC(cookie, input with role 0x01), ACK carries HMAC(cookie, input with role 0x02), over
//!
//! ```text
//! offset  size  field
//! ------  ----  ------------------------------------------------------------------
//!      0    16  label "snow-hardened-v1" (ASCII, no terminator)
//!     16     1  role: 0x01 in CHALLENGE_REPLY (the initiator proves), 0x02 in CHALLENGE_ACK
//!     17    32  SHA-256(initiator's certificate, DER)   (the TLS client's)
//!     49    32  SHA-256(acceptor's certificate, DER)    (the TLS server's)
//!     81     2  u16 n_i
//!     83   n_i  initiator's name, UTF-8, exactly as in its NAME frame
//!      .     2  u16 n_a
//!      .   n_a  acceptor's name, UTF-8, exactly as in its STATUS_CHALLENGE frame
//!      .    32  acceptor's challenge (STATUS_CHALLENGE)
//!      .    32  initiator's challenge (CHALLENGE_REPLY)
//! ```
//!
//! The certificates are the channel binding: JDK 17, the reference node's platform, has no
//! TLS exporter, so the spec binds both certificates' SHA-256 and so does this node, although
//! rustls could export keying material (HARD-3 says why).

use sha2::{Digest, Sha256};

pub const LABEL: &[u8; 16] = b"snow-hardened-v1";
pub const ROLE_REPLY: u8 = 0x01;
pub const ROLE_ACK: u8 = 0x02;

/// The channel binding (HARD-3): SHA-256 of the DER of the leaf certificate each side
/// presented in this connection's TLS handshake, initiator (TLS client) first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Channel {
    pub initiator_cert_sha256: [u8; 32],
    pub acceptor_cert_sha256: [u8; 32],
}

pub fn sha256(der: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out.copy_from_slice(&Sha256::digest(der));
    out
}

/// Everything one connection's digests cover, from the verifier's own view (HARD-5).
pub struct Context<'a> {
    pub channel: Channel,
    pub initiator_name: &'a str,
    pub acceptor_name: &'a str,
    pub acceptor_challenge: &'a [u8; 32],
    pub initiator_challenge: &'a [u8; 32],
}

fn put_name(out: &mut Vec<u8>, name: &str) {
    // Names are at most 255 bytes (NAME-2), so the u16 never truncates.
    out.extend_from_slice(&(name.len() as u16).to_be_bytes());
    out.extend_from_slice(name.as_bytes());
}

/// The HMAC input for `role` (the layout above).
pub fn input(role: u8, c: &Context) -> Vec<u8> {
    let mut out = Vec::with_capacity(17 + 64 + 4 + c.initiator_name.len() + c.acceptor_name.len() + 64);
    out.extend_from_slice(LABEL);
    out.push(role);
    out.extend_from_slice(&c.channel.initiator_cert_sha256);
    out.extend_from_slice(&c.channel.acceptor_cert_sha256);
    put_name(&mut out, c.initiator_name);
    put_name(&mut out, c.acceptor_name);
    out.extend_from_slice(c.acceptor_challenge);
    out.extend_from_slice(c.initiator_challenge);
    out
}

/// The CHALLENGE_REPLY digest: the initiator proves.
pub fn reply(cookie: &[u8], c: &Context) -> [u8; 32] {
    crate::auth::digest(cookie, &input(ROLE_REPLY, c))
}

/// The CHALLENGE_ACK digest: the acceptor proves.
pub fn ack(cookie: &[u8], c: &Context) -> [u8; 32] {
    crate::auth::digest(cookie, &input(ROLE_ACK, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const VECTOR: &str = include_str!("../../../docs/vectors/hardened.json");

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
    }

    fn b32(v: &Value, field: &str) -> [u8; 32] {
        let mut out = [0u8; 32];
        out.copy_from_slice(&unhex(v[field].as_str().unwrap_or_else(|| panic!("vector field {} missing", field))));
        out
    }

    fn s<'a>(v: &'a Value, field: &str) -> &'a str {
        v[field].as_str().unwrap_or_else(|| panic!("vector field {} missing", field))
    }

    /// docs/vectors/hardened.json, byte for byte: both inputs and both digests.
    #[test]
    fn inputs_and_digests_match_the_hardened_vector() {
        let v: Value = serde_json::from_str(VECTOR).expect("docs/vectors/hardened.json is JSON");
        let (ch_a, ch_i) = (b32(&v, "acceptor_challenge"), b32(&v, "initiator_challenge"));
        let c = Context {
            channel: Channel {
                initiator_cert_sha256: b32(&v, "initiator_certificate_sha256"),
                acceptor_cert_sha256: b32(&v, "acceptor_certificate_sha256"),
            },
            initiator_name: s(&v, "initiator_name"),
            acceptor_name: s(&v, "acceptor_name"),
            acceptor_challenge: &ch_a,
            initiator_challenge: &ch_i,
        };
        let cookie = s(&v, "cookie").as_bytes();
        assert_eq!(input(ROLE_REPLY, &c), unhex(s(&v, "reply_input")), "HARD-4 REPLY input");
        assert_eq!(input(ROLE_ACK, &c), unhex(s(&v, "ack_input")), "HARD-4 ACK input");
        assert_eq!(reply(cookie, &c).to_vec(), unhex(s(&v, "reply_digest")), "HARD-4 REPLY digest");
        assert_eq!(ack(cookie, &c).to_vec(), unhex(s(&v, "ack_digest")), "HARD-4 ACK digest");
    }

    /// Every binding changes the digest (what each field stops: HARD-4's table).
    #[test]
    fn each_binding_changes_the_reply_digest() {
        let (ch_a, ch_i, other) = ([1u8; 32], [2u8; 32], [0xeeu8; 32]);
        let ch = Channel { initiator_cert_sha256: [3; 32], acceptor_cert_sha256: [4; 32] };
        let base = Context { channel: ch, initiator_name: "a@h", acceptor_name: "b@h", acceptor_challenge: &ch_a, initiator_challenge: &ch_i };
        let good = reply(b"k", &base);
        let variants: Vec<(&str, [u8; 32])> = vec![
            ("role", ack(b"k", &base)),
            ("initiator certificate", reply(b"k", &Context { channel: Channel { initiator_cert_sha256: other, ..ch }, ..base })),
            ("acceptor certificate", reply(b"k", &Context { channel: Channel { acceptor_cert_sha256: other, ..ch }, ..base })),
            ("initiator name", reply(b"k", &Context { initiator_name: "m@h", ..base })),
            ("acceptor name", reply(b"k", &Context { acceptor_name: "m@h", ..base })),
            ("acceptor challenge", reply(b"k", &Context { acceptor_challenge: &other, ..base })),
            ("initiator challenge", reply(b"k", &Context { initiator_challenge: &other, ..base })),
            ("cookie", reply(b"K", &base)),
            ("base-profile digest", crate::auth::digest(b"k", &ch_a)),
        ];
        for (what, d) in variants {
            assert_ne!(d, good, "changing the {} must change the digest", what);
        }
    }
}

//! The two digests of one handshake, by profile: what REPLY and ACK carry and what the
//! verifier expects, computed from the verifier's own view of the connection (HARD-5).
//!
//! ```text
//! profile   REPLY (initiator proves)              ACK (acceptor proves)
//! base      HMAC(cookie, acceptor_challenge)      HMAC(cookie, initiator_challenge)   AUTH-1
//! hardened  HMAC(cookie, input, role 0x01)        HMAC(cookie, input, role 0x02)      HARD-4
//! ```

use crate::hardened::{self, Channel, Context};

pub struct Proofs<'a> {
    pub cookie: &'a [u8],
    /// The channel binding; None in the base profile.
    pub channel: Option<Channel>,
    /// The initiator's name as in its NAME frame.
    pub initiator_name: &'a str,
    /// The acceptor's name as in its STATUS_CHALLENGE frame.
    pub acceptor_name: &'a str,
}

impl<'a> Proofs<'a> {
    fn context<'b>(&'b self, channel: Channel, acceptor_challenge: &'b [u8; 32], initiator_challenge: &'b [u8; 32]) -> Context<'b> {
        Context { channel, initiator_name: self.initiator_name, acceptor_name: self.acceptor_name, acceptor_challenge, initiator_challenge }
    }

    pub fn reply(&self, acceptor_challenge: &[u8; 32], initiator_challenge: &[u8; 32]) -> [u8; 32] {
        match self.channel {
            None => crate::auth::digest(self.cookie, acceptor_challenge),
            Some(ch) => hardened::reply(self.cookie, &self.context(ch, acceptor_challenge, initiator_challenge)),
        }
    }

    pub fn ack(&self, acceptor_challenge: &[u8; 32], initiator_challenge: &[u8; 32]) -> [u8; 32] {
        match self.channel {
            None => crate::auth::digest(self.cookie, initiator_challenge),
            Some(ch) => hardened::ack(self.cookie, &self.context(ch, acceptor_challenge, initiator_challenge)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{:02x}", x)).collect()
    }

    #[test]
    fn base_proofs_are_the_version_1_digests_and_hardened_ones_the_bound_digests() {
        let mut ch_a = [0u8; 32];
        let mut ch_i = [0u8; 32];
        for i in 0..32 {
            ch_a[i] = i as u8;
            ch_i[i] = 32 + i as u8;
        }
        let base = Proofs { cookie: b"snow-test-cookie", channel: None, initiator_name: "alpha@127.0.0.1:9101", acceptor_name: "beta@127.0.0.1:9102" };
        assert_eq!(hex(&base.reply(&ch_a, &ch_i)), "1bc587eb44065059502ad419e6792bb229456136665be7faef151ddb57616c90");
        assert_eq!(hex(&base.ack(&ch_a, &ch_i)), "094c2fc83a0c8631410d476588d0117a300324c44d886da2c52242c1adc543e7");
        let mut i_cert = [0u8; 32];
        let mut a_cert = [0u8; 32];
        i_cert.copy_from_slice(&(0..32).map(|i| u8::from_str_radix(&"6f8eb14629f30a58f44b0d60e4e16279c38fef8bc12d70318e2ae5ad54afaba3"[2 * i..2 * i + 2], 16).unwrap()).collect::<Vec<u8>>());
        a_cert.copy_from_slice(&(0..32).map(|i| u8::from_str_radix(&"fd3bc47ac5039b7706c36671189865122306acab497443f948cc3e263ca2ae44"[2 * i..2 * i + 2], 16).unwrap()).collect::<Vec<u8>>());
        let hard = Proofs { channel: Some(Channel { initiator_cert_sha256: i_cert, acceptor_cert_sha256: a_cert }), ..base };
        assert_eq!(hex(&hard.reply(&ch_a, &ch_i)), "ab1d7f219c22a51c50c887bb312bbf157c5af4a04354fa62a677c2fb14ce1d00", "docs/vectors/hardened.json reply_digest");
        assert_eq!(hex(&hard.ack(&ch_a, &ch_i)), "77b17652e827fc73e8372da41768cabf7c99c244fa6332da75c5f7bc7d15351c", "docs/vectors/hardened.json ack_digest");
    }
}

//! Digests (docs/PROTOCOL.md, Digests): HMAC-SHA256 keyed with the cookie, fresh CSPRNG
//! challenges, constant-time comparison (AUTH-1, AUTH-3, AUTH-4).

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// HMAC(cookie, challenge) (AUTH-1).
pub fn digest(cookie: &[u8], challenge: &[u8]) -> [u8; 32] {
    let mut mac = HmacSha256::new_from_slice(cookie).expect("HMAC takes a key of any length");
    mac.update(challenge);
    let mut out = [0u8; 32];
    out.copy_from_slice(&mac.finalize().into_bytes());
    out
}

/// Constant-time equality of two equal-length byte strings (AUTH-4): the handshake compares
/// every received digest with the expected one (proofs.rs) by this function, the very one
/// the adapter's `time_compare` measures.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut acc = 0u8;
    for i in 0..a.len() {
        acc |= a[i] ^ b[i];
    }
    // A volatile read keeps the optimiser from turning the loop into an early exit.
    unsafe { std::ptr::read_volatile(&acc) == 0 }
}

/// 32 fresh bytes from a CSPRNG (AUTH-3): rand's thread RNG is ChaCha seeded from the OS.
pub fn challenge() -> [u8; 32] {
    let mut c = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut c);
    c
}

pub fn ping_payload() -> [u8; 8] {
    let mut c = [0u8; 8];
    rand::thread_rng().fill_bytes(&mut c);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{:02x}", x)).collect()
    }

    #[test]
    fn digests_match_the_spec_test_values() {
        let c1: Vec<u8> = (0u8..32).collect();
        let c2: Vec<u8> = (32u8..64).collect();
        assert_eq!(hex(&digest(b"snow-test-cookie", &c1)), "1bc587eb44065059502ad419e6792bb229456136665be7faef151ddb57616c90");
        assert_eq!(hex(&digest(b"snow-test-cookie", &c2)), "094c2fc83a0c8631410d476588d0117a300324c44d886da2c52242c1adc543e7");
        assert!(ct_eq(&digest(b"snow-test-cookie", &c1), &digest(b"snow-test-cookie", &c1)));
        assert!(!ct_eq(&digest(b"other", &c1), &digest(b"snow-test-cookie", &c1)));
    }

    #[test]
    fn challenges_are_fresh_and_comparison_is_exact() {
        assert_ne!(challenge(), challenge());
        assert!(ct_eq(&[1, 2, 3], &[1, 2, 3]));
        assert!(!ct_eq(&[1, 2, 3], &[1, 2, 4]));
        assert!(!ct_eq(&[1, 2], &[1, 2, 3]));
    }
}

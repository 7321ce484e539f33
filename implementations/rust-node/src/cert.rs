//! An ephemeral self-signed ECDSA P-256 certificate made at start (TLS-3), DER built by
//! hand (Debian has no rcgen) and signed with ring.
//!
//! ```text
//! Certificate ::= SEQUENCE {
//!   tbsCertificate SEQUENCE {
//!     [0] { INTEGER 2 }                      -- v3: webpki refuses v1
//!     INTEGER serial (8 random bytes, positive)
//!     SEQUENCE { OID ecdsa-with-SHA256 }
//!     Name   issuer  = CN=snow-rust-node
//!     SEQUENCE { UTCTime 200101000000Z, UTCTime 491231235959Z }
//!     Name   subject = CN=snow-rust-node
//!     SEQUENCE { SEQUENCE { OID id-ecPublicKey, OID prime256v1 }, BIT STRING 04|x|y }
//!     [3] { SEQUENCE { SEQUENCE { OID basicConstraints, BOOLEAN TRUE, OCTET STRING { SEQUENCE {} } } } }
//!   }
//!   SEQUENCE { OID ecdsa-with-SHA256 }
//!   BIT STRING (ECDSA signature, ASN.1 DER)
//! }
//! ```
//! Some TLS stacks refuse a v3 certificate without extensions, hence basicConstraints.

use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_ASN1_SIGNING};

const OID_ECDSA_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
const OID_EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_CN: &[u8] = &[0x55, 0x04, 0x03];
const OID_BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];

/// A DER TLV with a definite length.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else if n < 0x100 {
        out.extend_from_slice(&[0x81, n as u8]);
    } else {
        out.extend_from_slice(&[0x82, (n >> 8) as u8, n as u8]);
    }
    out.extend_from_slice(content);
    out
}

fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

fn name(cn: &str) -> Vec<u8> {
    let atv = seq(&[tlv(0x06, OID_CN), tlv(0x0c, cn.as_bytes())]);
    seq(&[tlv(0x31, &atv)])
}

fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut c = vec![0u8];
    c.extend_from_slice(bytes);
    tlv(0x03, &c)
}

/// (certificate DER, PKCS#8 private key DER).
pub fn generate() -> Result<(Vec<u8>, Vec<u8>), String> {
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng)
        .map_err(|_| "TLS-3: could not generate a P-256 key pair".to_string())?;
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref())
        .map_err(|e| format!("TLS-3: ring refused its own key: {}", e))?;
    let mut serial = crate::auth::ping_payload().to_vec();
    serial[0] &= 0x7f;
    serial[0] |= 0x01; // positive and no leading zero byte needed
    let alg = seq(&[tlv(0x06, OID_ECDSA_SHA256)]);
    let validity = seq(&[tlv(0x17, b"200101000000Z"), tlv(0x17, b"491231235959Z")]);
    let spki = seq(&[seq(&[tlv(0x06, OID_EC_PUBLIC_KEY), tlv(0x06, OID_P256)]), bit_string(pair.public_key().as_ref())]);
    let basic = seq(&[tlv(0x06, OID_BASIC_CONSTRAINTS), tlv(0x01, &[0xff]), tlv(0x04, &seq(&[]))]);
    let extensions = tlv(0xa3, &seq(&[basic]));
    let tbs = seq(&[
        tlv(0xa0, &tlv(0x02, &[2])),
        tlv(0x02, &serial),
        alg.clone(),
        name("snow-rust-node"),
        validity,
        name("snow-rust-node"),
        spki,
        extensions,
    ]);
    let sig = pair.sign(&rng, &tbs).map_err(|_| "TLS-3: signing the certificate failed".to_string())?;
    let cert = seq(&[tbs, alg, bit_string(sig.as_ref())]);
    Ok((cert, pkcs8.as_ref().to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webpki_parses_the_certificate_and_its_key_signs_for_it() {
        let (cert, key) = generate().unwrap();
        let ee = webpki::EndEntityCert::try_from(cert.as_slice()).expect("webpki parses a v3 certificate");
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &key).unwrap();
        let sig = pair.sign(&SystemRandom::new(), b"snow").unwrap();
        assert!(ee.verify_signature(&webpki::ECDSA_P256_SHA256, b"snow", sig.as_ref()).is_ok());
        assert!(ee.verify_signature(&webpki::ECDSA_P256_SHA256, b"snoW", sig.as_ref()).is_err(), "another message is refused");
    }
}

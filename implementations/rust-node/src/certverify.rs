//! The TLS 1.3 CertificateVerify check of the hardened profile (HARD-2, HARD-3): the peer's
//! signature over the handshake must verify with the public key of the certificate it
//! presented. No chain, no names, no dates are checked (trust comes from the cookie), but
//! without this check a man-in-the-middle could present an honest node's certificate (it is
//! public) without its private key, and both sides of a relay would bind the same pair of
//! certificate hashes: the check is what makes the certificate binding a channel binding.
//!
//! The key comes from the certificate's subjectPublicKeyInfo, read by a small DER walker
//! (webpki would parse and judge the whole certificate, and refuses what other stacks make):
//!
//! ```text
//! Certificate ::= SEQUENCE {
//!   tbsCertificate SEQUENCE {
//!     [0] version OPTIONAL          -- absent in X.509 v1
//!     INTEGER serial, SEQUENCE signature, Name issuer, SEQUENCE validity, Name subject,
//!     SubjectPublicKeyInfo SEQUENCE {
//!       AlgorithmIdentifier SEQUENCE { OID algorithm, parameters ANY OPTIONAL },
//!       BIT STRING { u8 unused-bits (0), key bytes }
//!     }, ... }, ... }
//! ```

use ring::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use rustls::SignatureScheme;

const OID_EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];
const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

/// The schemes this check verifies, offered in the signature_algorithms of a CertificateRequest.
pub fn schemes() -> Vec<SignatureScheme> {
    vec![
        SignatureScheme::ECDSA_NISTP256_SHA256,
        SignatureScheme::ECDSA_NISTP384_SHA384,
        SignatureScheme::ED25519,
        SignatureScheme::RSA_PSS_SHA256,
        SignatureScheme::RSA_PSS_SHA384,
        SignatureScheme::RSA_PSS_SHA512,
    ]
}

/// One DER TLV: (tag, content, rest). Lengths up to 4 bytes, definite form only.
fn tlv(der: &[u8]) -> Result<(u8, &[u8], &[u8]), String> {
    let (&tag, rest) = der.split_first().ok_or("DER: truncated before a tag")?;
    let (&first, rest) = rest.split_first().ok_or("DER: truncated before a length")?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7f) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return Err(format!("DER: unsupported length form 0x{:02x}", first));
        }
        (rest[..n].iter().fold(0usize, |a, &b| (a << 8) | b as usize), &rest[n..])
    };
    if rest.len() < len {
        return Err(format!("DER: a length of {} exceeds the {} bytes left", len, rest.len()));
    }
    Ok((tag, &rest[..len], &rest[len..]))
}

fn expect<'a>(der: &'a [u8], tag: u8, what: &str) -> Result<(&'a [u8], &'a [u8]), String> {
    let (t, content, rest) = tlv(der)?;
    if t != tag {
        return Err(format!("DER: {} has tag 0x{:02x}, expected 0x{:02x}", what, t, tag));
    }
    Ok((content, rest))
}

/// The public key of a certificate: (algorithm OID, parameters OID if any, key bytes).
pub struct PublicKey<'a> {
    pub algorithm: &'a [u8],
    pub curve: Option<&'a [u8]>,
    pub key: &'a [u8],
}

pub fn public_key(cert: &[u8]) -> Result<PublicKey<'_>, String> {
    let (certificate, _) = expect(cert, 0x30, "Certificate")?;
    let (mut tbs, _) = expect(certificate, 0x30, "tbsCertificate")?;
    if tbs.first() == Some(&0xa0) {
        tbs = tlv(tbs)?.2; // [0] version
    }
    for what in ["serialNumber", "signature", "issuer", "validity", "subject"] {
        let (_, _, rest) = tlv(tbs).map_err(|e| format!("{} in {}", e, what))?;
        tbs = rest;
    }
    let (spki, _) = expect(tbs, 0x30, "subjectPublicKeyInfo")?;
    let (alg, rest) = expect(spki, 0x30, "AlgorithmIdentifier")?;
    let (algorithm, params) = expect(alg, 0x06, "algorithm")?;
    let curve = match tlv(params) {
        Ok((0x06, oid, _)) => Some(oid),
        _ => None,
    };
    let (bits, _) = expect(rest, 0x03, "subjectPublicKey")?;
    match bits.split_first() {
        Some((0, key)) => Ok(PublicKey { algorithm, curve, key }),
        _ => Err("DER: subjectPublicKey has unused bits".into()),
    }
}

fn algorithm_for(scheme: SignatureScheme, pk: &PublicKey) -> Result<&'static dyn VerificationAlgorithm, String> {
    let ec = |curve: &[u8]| pk.algorithm == OID_EC_PUBLIC_KEY && pk.curve == Some(curve);
    let alg: Option<&'static dyn VerificationAlgorithm> = match scheme {
        SignatureScheme::ECDSA_NISTP256_SHA256 if ec(OID_P256) => Some(&signature::ECDSA_P256_SHA256_ASN1),
        SignatureScheme::ECDSA_NISTP384_SHA384 if ec(OID_P384) => Some(&signature::ECDSA_P384_SHA384_ASN1),
        SignatureScheme::ED25519 if pk.algorithm == OID_ED25519 => Some(&signature::ED25519),
        SignatureScheme::RSA_PSS_SHA256 if pk.algorithm == OID_RSA => Some(&signature::RSA_PSS_2048_8192_SHA256),
        SignatureScheme::RSA_PSS_SHA384 if pk.algorithm == OID_RSA => Some(&signature::RSA_PSS_2048_8192_SHA384),
        SignatureScheme::RSA_PSS_SHA512 if pk.algorithm == OID_RSA => Some(&signature::RSA_PSS_2048_8192_SHA512),
        _ => None,
    };
    alg.ok_or_else(|| format!("HARD-2: signature scheme {:?} does not fit the certificate's key", scheme))
}

/// Whether `signature` (scheme `scheme`) over `message` verifies with `cert`'s public key.
pub fn verify(cert: &[u8], scheme: SignatureScheme, message: &[u8], signature: &[u8]) -> Result<(), String> {
    let pk = public_key(cert).map_err(|e| format!("HARD-2: cannot read the certificate's public key: {}", e))?;
    let alg = algorithm_for(scheme, &pk)?;
    UnparsedPublicKey::new(alg, pk.key)
        .verify(message, signature)
        .map_err(|_| format!("HARD-2: the {:?} CertificateVerify signature does not verify with the presented certificate's key", scheme))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ring::rand::SystemRandom;
    use ring::signature::{EcdsaKeyPair, ECDSA_P256_SHA256_ASN1_SIGNING};

    #[test]
    fn a_signature_by_the_certificates_key_verifies_and_anything_else_does_not() {
        let (cert, key) = crate::cert::generate().unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &key).unwrap();
        let sig = pair.sign(&SystemRandom::new(), b"transcript").unwrap();
        let sig = sig.as_ref();
        assert_eq!(verify(&cert, SignatureScheme::ECDSA_NISTP256_SHA256, b"transcript", sig), Ok(()));
        assert!(verify(&cert, SignatureScheme::ECDSA_NISTP256_SHA256, b"transcripT", sig).is_err(), "another message");
        assert!(verify(&cert, SignatureScheme::ECDSA_NISTP384_SHA384, b"transcript", sig).is_err(), "a scheme for another curve");
        assert!(verify(&cert, SignatureScheme::RSA_PSS_SHA256, b"transcript", sig).is_err(), "a scheme for another key type");
        let (other, _) = crate::cert::generate().unwrap();
        let err = verify(&other, SignatureScheme::ECDSA_NISTP256_SHA256, b"transcript", sig).unwrap_err();
        assert!(err.contains("HARD-2"), "another certificate's key (a replayed certificate): {}", err);
    }

    #[test]
    fn the_key_is_read_from_v1_and_v3_certificates_and_garbage_is_an_error() {
        let (cert, _) = crate::cert::generate().unwrap();
        let pk = public_key(&cert).unwrap();
        assert_eq!((pk.algorithm, pk.curve, pk.key.len(), pk.key[0]), (OID_EC_PUBLIC_KEY, Some(OID_P256), 65, 0x04));
        // The same certificate without its [0] version field reads as X.509 v1.
        let (body, _) = expect(&cert, 0x30, "c").unwrap();
        let (tbs, rest) = expect(body, 0x30, "t").unwrap();
        let v1_tbs = [&[0x30u8, 0x81, (tbs.len() - 5) as u8][..], &tbs[5..]].concat();
        let v1 = [&[0x30u8, 0x82, 0, 0][..], &v1_tbs, rest].concat();
        let mut v1 = v1;
        let n = v1.len() - 4;
        v1[2] = (n >> 8) as u8;
        v1[3] = n as u8;
        assert_eq!(public_key(&v1).unwrap().key, pk.key);
        assert!(public_key(&[0x30, 0x05, 0x30]).is_err(), "a truncated certificate");
        assert!(public_key(&[]).is_err(), "no bytes at all");
    }
}

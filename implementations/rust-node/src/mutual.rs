//! Mutual TLS of the hardened profile (HARD-2, HARD-3, HARD-7): the acceptor requests a
//! client certificate, the initiator presents its own; neither checks a chain, a name or a
//! date (trust comes from the cookie), but each checks the peer's TLS 1.3 CertificateVerify
//! signature with the presented certificate's key (certverify.rs), so a certificate hash
//! names a key pair that really took part in this TLS handshake.
//!
//! After the TLS handshake each side reads the channel binding from its own session, or
//! learns that the peer runs the base profile:
//!
//! ```text
//! side       no mutual TLS when                            then (HARD-7)
//! initiator  no CertificateRequest came (base acceptor)    close before NAME, profile_mismatch
//! acceptor   the initiator presented no certificate        close before NAME, profile_mismatch
//! ```

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::SystemTime;

use rustls::client::{HandshakeSignatureValid, ResolvesClientCert, ServerCertVerified, ServerCertVerifier};
use rustls::server::{ClientCertVerified, ClientCertVerifier};
use rustls::sign::CertifiedKey;
use rustls::{Certificate, DigitallySignedStruct, DistinguishedNames, Error, ServerName, SignatureScheme};

use crate::hardened::{sha256, Channel};

fn signature(message: &[u8], cert: &Certificate, dss: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, Error> {
    crate::certverify::verify(&cert.0, dss.scheme, message, dss.signature())
        .map(|_| HandshakeSignatureValid::assertion())
        .map_err(Error::General)
}

fn tls12() -> Error {
    Error::PeerIncompatibleError("TLS-1: TLS 1.2 signature offered; only TLS 1.3 is spoken".into())
}

/// The hardened acceptor's client-certificate policy: requested, optional at the TLS layer
/// (so a base initiator finishes TLS and is refused by the node as profile_mismatch, HARD-7,
/// instead of by an alert), any certificate, its signature checked.
pub struct AnyClientCert;

impl ClientCertVerifier for AnyClientCert {
    fn offer_client_auth(&self) -> bool {
        true
    }
    fn client_auth_mandatory(&self) -> Option<bool> {
        Some(false)
    }
    fn client_auth_root_subjects(&self) -> Option<DistinguishedNames> {
        Some(Vec::new()) // a CertificateRequest without certificate_authorities
    }
    fn verify_client_cert(&self, _ee: &Certificate, _chain: &[Certificate], _now: SystemTime) -> Result<ClientCertVerified, Error> {
        Ok(ClientCertVerified::assertion())
    }
    fn verify_tls12_signature(&self, _m: &[u8], _c: &Certificate, _d: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, Error> {
        Err(tls12())
    }
    fn verify_tls13_signature(&self, m: &[u8], c: &Certificate, d: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, Error> {
        signature(m, c, d)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        crate::certverify::schemes()
    }
}

/// The hardened initiator's server-certificate policy: any certificate, its signature checked.
pub struct AnyServerCert;

impl ServerCertVerifier for AnyServerCert {
    fn verify_server_cert(
        &self,
        _ee: &Certificate,
        _chain: &[Certificate],
        _name: &ServerName,
        _scts: &mut dyn Iterator<Item = &[u8]>,
        _ocsp: &[u8],
        _now: SystemTime,
    ) -> Result<ServerCertVerified, Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(&self, _m: &[u8], _c: &Certificate, _d: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, Error> {
        Err(tls12())
    }
    fn verify_tls13_signature(&self, m: &[u8], c: &Certificate, d: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, Error> {
        signature(m, c, d)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        crate::certverify::schemes()
    }
    fn request_scts(&self) -> bool {
        false
    }
}

/// What one hardened client connection saw of client authentication.
#[derive(Default)]
pub struct ClientAuthSeen {
    requested: AtomicBool,
    presented: AtomicBool,
}

/// Presents the node's own certificate when asked, and records that it was asked: rustls
/// calls a client's resolver only when a CertificateRequest arrives. One per connection.
pub struct OwnCert {
    pub key: Arc<CertifiedKey>,
    pub seen: Arc<ClientAuthSeen>,
}

impl ResolvesClientCert for OwnCert {
    fn resolve(&self, _issuers: &[&[u8]], sigschemes: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        self.seen.requested.store(true, Ordering::SeqCst);
        if sigschemes.contains(&SignatureScheme::ECDSA_NISTP256_SHA256) {
            self.seen.presented.store(true, Ordering::SeqCst);
            Some(self.key.clone())
        } else {
            None
        }
    }
    fn has_certs(&self) -> bool {
        true
    }
}

fn peer_hash(conn: &rustls::Connection) -> Option<[u8; 32]> {
    conn.peer_certificates().and_then(|c| c.first()).map(|c| sha256(&c.0))
}

/// HARD-3 at the initiator (TLS client): (own certificate, acceptor's), or HARD-7.
pub fn initiator_channel(conn: &rustls::Connection, own: &[u8; 32], seen: &ClientAuthSeen) -> Result<Channel, String> {
    if !seen.requested.load(Ordering::SeqCst) {
        return Err("HARD-7: the acceptor did not ask for our certificate (no mutual TLS): it runs the base profile, we run hardened".into());
    }
    if !seen.presented.load(Ordering::SeqCst) {
        return Err("HARD-7: the acceptor's CertificateRequest allows no ECDSA P-256 signature, so we presented no certificate".into());
    }
    let acceptor = peer_hash(conn).ok_or("HARD-7: the acceptor presented no certificate")?;
    Ok(Channel { initiator_cert_sha256: *own, acceptor_cert_sha256: acceptor })
}

/// HARD-3 at the acceptor (TLS server): (initiator's certificate, own), or HARD-7.
pub fn acceptor_channel(conn: &rustls::Connection, own: &[u8; 32]) -> Result<Channel, String> {
    match peer_hash(conn) {
        Some(initiator) => Ok(Channel { initiator_cert_sha256: initiator, acceptor_cert_sha256: *own }),
        None => Err("HARD-7: the initiator presented no certificate (no mutual TLS): it runs the base profile, we run hardened".into()),
    }
}

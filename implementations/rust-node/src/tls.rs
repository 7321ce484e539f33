//! TLS settings per profile (TLS-1..TLS-4, HARD-2): TLS 1.3 only, no session tickets issued
//! and none kept or offered (TLS-4: every connection is a full handshake), no early data,
//! and one ephemeral identity (TLS-3) presented as listener and, hardened, as client:
//!
//! ```text
//! profile   listener                                    connector
//! base      no client certificate requested (TLS-2)     accepts any certificate, offers none
//! hardened  requests one, accepts any (HARD-2)          accepts any, presents the node's own
//!           signatures checked (certverify.rs)          signatures checked (certverify.rs)
//! ```

use std::sync::Arc;
use std::time::SystemTime;

use rustls::client::{HandshakeSignatureValid, NoClientSessionStorage, ServerCertVerified, ServerCertVerifier};
use rustls::server::NoServerSessionStorage;
use rustls::sign::CertifiedKey;
use rustls::{Certificate, ClientConfig, DigitallySignedStruct, PrivateKey, ServerConfig, ServerName};

use crate::mutual::{AnyClientCert, AnyServerCert, ClientAuthSeen, OwnCert};
use crate::profile::Profile;

/// Accepts any certificate (TLS-2), and any CertificateVerify signature: rustls's default
/// check parses the certificate with webpki, which refuses the X.509 v1 certificates other
/// stacks may present, and an unverified certificate's key proves nothing anyway: the
/// cookie does. Base profile only; the hardened profile checks signatures (mutual.rs).
struct CookieTrust;

impl ServerCertVerifier for CookieTrust {
    fn verify_server_cert(
        &self,
        _end_entity: &Certificate,
        _intermediates: &[Certificate],
        _server_name: &ServerName,
        _scts: &mut dyn Iterator<Item = &[u8]>,
        _ocsp_response: &[u8],
        _now: SystemTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &Certificate,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn request_scts(&self) -> bool {
        false
    }
}

/// The node's TLS: both profiles' configurations over one ephemeral certificate.
pub struct Tls {
    /// SHA-256 of this node's certificate DER (HARD-3: its half of the channel binding).
    pub own_sha256: [u8; 32],
    own: Arc<CertifiedKey>,
    base_server: Arc<ServerConfig>,
    base_client: Arc<ClientConfig>,
    hardened_server: Arc<ServerConfig>,
    hardened_client: ClientConfig,
}

fn no_resumption_server(mut cfg: ServerConfig) -> Arc<ServerConfig> {
    // The default ticketer never makes tickets; with no session storage, rustls issues no
    // NewSessionTicket at all (TLS-4).
    cfg.session_storage = Arc::new(NoServerSessionStorage {});
    cfg.max_early_data_size = 0;
    Arc::new(cfg)
}

fn no_resumption_client(mut cfg: ClientConfig) -> ClientConfig {
    cfg.session_storage = Arc::new(NoClientSessionStorage {});
    cfg.enable_sni = false;
    cfg.enable_early_data = false;
    cfg
}

impl Tls {
    pub fn new() -> Result<Tls, String> {
        let (cert, key) = crate::cert::generate()?;
        let own_sha256 = crate::hardened::sha256(&cert);
        let signing = rustls::sign::any_ecdsa_type(&PrivateKey(key.clone()))
            .map_err(|e| format!("TLS-3: rustls refused the generated key: {:?}", e))?;
        let own = Arc::new(CertifiedKey::new(vec![Certificate(cert.clone())], signing));
        let tls13 = |e: rustls::Error| format!("TLS-1: {}", e);
        let bad_cert = |e: rustls::Error| format!("TLS-3: rustls refused the generated certificate: {}", e);
        let base_server = ServerConfig::builder()
            .with_safe_default_cipher_suites()
            .with_safe_default_kx_groups()
            .with_protocol_versions(&[&rustls::version::TLS13])
            .map_err(tls13)?
            .with_no_client_auth()
            .with_single_cert(vec![Certificate(cert.clone())], PrivateKey(key.clone()))
            .map_err(bad_cert)?;
        let hardened_server = ServerConfig::builder()
            .with_safe_default_cipher_suites()
            .with_safe_default_kx_groups()
            .with_protocol_versions(&[&rustls::version::TLS13])
            .map_err(tls13)?
            .with_client_cert_verifier(Arc::new(AnyClientCert))
            .with_single_cert(vec![Certificate(cert)], PrivateKey(key))
            .map_err(bad_cert)?;
        let base_client = ClientConfig::builder()
            .with_safe_default_cipher_suites()
            .with_safe_default_kx_groups()
            .with_protocol_versions(&[&rustls::version::TLS13])
            .map_err(tls13)?
            .with_custom_certificate_verifier(Arc::new(CookieTrust))
            .with_no_client_auth();
        let hardened_client = ClientConfig::builder()
            .with_safe_default_cipher_suites()
            .with_safe_default_kx_groups()
            .with_protocol_versions(&[&rustls::version::TLS13])
            .map_err(tls13)?
            .with_custom_certificate_verifier(Arc::new(AnyServerCert))
            .with_client_cert_resolver(Arc::new(OwnCert { key: own.clone(), seen: Arc::default() }));
        Ok(Tls {
            own_sha256,
            own,
            base_server: no_resumption_server(base_server),
            base_client: Arc::new(no_resumption_client(base_client)),
            hardened_server: no_resumption_server(hardened_server),
            hardened_client: no_resumption_client(hardened_client),
        })
    }

    pub fn server(&self, profile: Profile) -> Arc<ServerConfig> {
        match profile {
            Profile::Base => self.base_server.clone(),
            Profile::Hardened => self.hardened_server.clone(),
        }
    }

    /// A client configuration for one connection; hardened, with its own record of whether
    /// the acceptor asked for a certificate (HARD-7).
    pub fn client(&self, profile: Profile) -> (Arc<ClientConfig>, Option<Arc<ClientAuthSeen>>) {
        match profile {
            Profile::Base => (self.base_client.clone(), None),
            Profile::Hardened => {
                let seen = Arc::new(ClientAuthSeen::default());
                let mut cfg = self.hardened_client.clone();
                cfg.client_auth_cert_resolver = Arc::new(OwnCert { key: self.own.clone(), seen: seen.clone() });
                (Arc::new(cfg), Some(seen))
            }
        }
    }
}

/// The server name rustls wants for a client connection; not sent (SNI off) and not checked.
pub fn any_server_name() -> ServerName {
    ServerName::try_from("snow-node").expect("a valid DNS name")
}

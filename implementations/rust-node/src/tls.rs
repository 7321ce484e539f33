//! TLS settings (TLS-1..TLS-3): TLS 1.3 only, no client certificates, the connector skips
//! certificate verification (trust comes from the cookie), no resumption, no early data.

use std::sync::Arc;
use std::time::SystemTime;

use rustls::client::{HandshakeSignatureValid, NoClientSessionStorage, ServerCertVerified, ServerCertVerifier};
use rustls::server::NoServerSessionStorage;
use rustls::{Certificate, DigitallySignedStruct, ClientConfig, PrivateKey, ServerConfig, ServerName};

/// Accepts any certificate (TLS-2), and any CertificateVerify signature: rustls's default
/// check parses the certificate with webpki, which refuses the X.509 v1 certificates other
/// stacks may present, and an unverified certificate's key proves nothing anyway: the
/// cookie does.
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

pub fn server_config() -> Result<Arc<ServerConfig>, String> {
    let (cert, key) = crate::cert::generate()?;
    let mut cfg = ServerConfig::builder()
        .with_safe_default_cipher_suites()
        .with_safe_default_kx_groups()
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(|e| format!("TLS-1: {}", e))?
        .with_no_client_auth()
        .with_single_cert(vec![Certificate(cert)], PrivateKey(key))
        .map_err(|e| format!("TLS-3: rustls refused the generated certificate: {}", e))?;
    cfg.session_storage = Arc::new(NoServerSessionStorage {});
    cfg.max_early_data_size = 0;
    Ok(Arc::new(cfg))
}

pub fn client_config() -> Result<Arc<ClientConfig>, String> {
    let mut cfg = ClientConfig::builder()
        .with_safe_default_cipher_suites()
        .with_safe_default_kx_groups()
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(|e| format!("TLS-1: {}", e))?
        .with_custom_certificate_verifier(Arc::new(CookieTrust))
        .with_no_client_auth();
    cfg.session_storage = Arc::new(NoClientSessionStorage {});
    cfg.enable_sni = false;
    cfg.enable_early_data = false;
    Ok(Arc::new(cfg))
}

/// The server name rustls wants for a client connection; not sent (SNI off) and not checked.
pub fn any_server_name() -> ServerName {
    ServerName::try_from("snow-node").expect("a valid DNS name")
}

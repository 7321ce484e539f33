//! Two in-process nodes over loopback TLS in the hardened profile (HARD-1..HARD-7): mutual
//! TLS with bound digests between two hardened nodes, and profile_mismatch on the hardened
//! side against a base node in either role, never a silent fallback; and a peer that presents
//! a certificate whose key it does not hold (a replayed honest certificate) fails TLS.

use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crate::names::Address;
use crate::node::{Direction, Event, Node};
use crate::profile::Profile;

fn node(name: &str, cookie: &str, profile: Profile) -> (Arc<Node>, Receiver<Event>) {
    crate::test_nodes::start(name, cookie, 9, profile)
}

fn next(rx: &Receiver<Event>) -> Event {
    crate::test_nodes::next(rx)
}

fn here(n: &Node) -> Option<Address> {
    Some(Address { host: "127.0.0.1".into(), port: n.port })
}

#[test]
fn two_hardened_nodes_connect_with_mutual_tls_and_bound_digests() {
    let (a, ra) = node("ha@127.0.0.1", "c00kie", Profile::Hardened);
    let (b, rb) = node("hb@127.0.0.1", "c00kie", Profile::Hardened);
    a.connect("hb@127.0.0.1", here(&b)).unwrap();
    assert!(matches!(next(&ra), Event::Up { ref node, direction: Direction::Outgoing, .. } if node == "hb@127.0.0.1"));
    assert!(matches!(next(&rb), Event::Up { ref node, direction: Direction::Incoming, .. } if node == "ha@127.0.0.1"));
    assert_eq!((a.sessions().len(), b.sessions().len()), (1, 1));
}

#[test]
fn a_wrong_cookie_between_hardened_nodes_is_still_cookie_mismatch() {
    let (a, ra) = node("ha@127.0.0.1", "one", Profile::Hardened);
    let (b, rb) = node("hb@127.0.0.1", "two", Profile::Hardened);
    a.connect("hb@127.0.0.1", here(&b)).unwrap();
    assert!(matches!(next(&rb), Event::Failed { reason: "cookie_mismatch", direction: Direction::Incoming, .. }));
    assert!(matches!(next(&ra), Event::Failed { reason: "io", direction: Direction::Outgoing, .. }));
}

#[test]
fn a_hardened_initiator_refuses_a_base_acceptor_as_profile_mismatch() {
    let (h, rh) = node("ha@127.0.0.1", "c", Profile::Hardened);
    let (base, rbase) = node("hb@127.0.0.1", "c", Profile::Base);
    h.connect("hb@127.0.0.1", here(&base)).unwrap();
    match next(&rh) {
        Event::Failed { reason: "profile_mismatch", direction: Direction::Outgoing, detail, .. } => {
            assert!(detail.contains("HARD-7"), "the detail names the rule: {}", detail)
        }
        other => panic!("expected handshake_failed profile_mismatch, saw {:?}", other),
    }
    assert!(matches!(next(&rbase), Event::Failed { reason: "io", direction: Direction::Incoming, .. }), "the base acceptor sees a close before NAME");
    assert!(h.sessions().is_empty() && base.sessions().is_empty(), "no fallback to the base profile");
}

#[test]
fn a_hardened_acceptor_refuses_a_base_initiator_as_profile_mismatch() {
    let (h, rh) = node("ha@127.0.0.1", "c", Profile::Hardened);
    let (base, rbase) = node("hb@127.0.0.1", "c", Profile::Base);
    base.connect("ha@127.0.0.1", here(&h)).unwrap();
    match next(&rh) {
        Event::Failed { reason: "profile_mismatch", direction: Direction::Incoming, detail, remote, .. } => {
            assert!(detail.contains("HARD-7"), "the detail names the rule: {}", detail);
            assert!(remote.as_deref().map_or(false, |r| r.starts_with("127.0.0.1:")), "the event names the source: {:?}", remote);
        }
        other => panic!("expected handshake_failed profile_mismatch, saw {:?}", other),
    }
    assert!(matches!(next(&rbase), Event::Failed { reason: "io", direction: Direction::Outgoing, .. }), "the base initiator sees the close after TLS");
    assert!(h.sessions().is_empty() && base.sessions().is_empty(), "no fallback to the base profile");
}

/// A TLS peer presenting `cert` but signing with another key: a relay replaying an honest
/// node's (public) certificate. Runs the TLS handshake until it fails.
fn replay_peer(sock: TcpStream, conn: rustls::Connection) {
    let mut sock = sock;
    let mut conn = conn;
    let _ = sock.set_read_timeout(Some(Duration::from_secs(5)));
    while conn.is_handshaking() {
        if conn.complete_io(&mut sock).is_err() {
            return;
        }
    }
    // A client is done once its last flight is queued: send it, then wait for the verdict
    // (the node's close) so it is judged on the whole handshake.
    while conn.wants_write() {
        if conn.write_tls(&mut sock).is_err() {
            return;
        }
    }
    let mut buf = [0u8; 512];
    while matches!(std::io::Read::read(&mut sock, &mut buf), Ok(n) if n > 0) {}
}

fn honest_cert_with_another_key() -> (Vec<rustls::Certificate>, rustls::PrivateKey) {
    let (honest_cert, _) = crate::cert::generate().unwrap();
    let (_, other_key) = crate::cert::generate().unwrap();
    (vec![rustls::Certificate(honest_cert)], rustls::PrivateKey(other_key))
}

fn expect_hard2_tls_failure(rx: &Receiver<Event>, dir: Direction) {
    match next(rx) {
        Event::Failed { reason: "tls", direction, detail, .. } if direction == dir => {
            assert!(detail.contains("HARD-2"), "the detail names the CertificateVerify check: {}", detail)
        }
        other => panic!("expected handshake_failed tls (HARD-2), saw {:?}", other),
    }
}

#[test]
fn a_listener_presenting_a_certificate_without_its_key_fails_the_hardened_initiator() {
    let (certs, key) = honest_cert_with_another_key();
    let cfg = rustls::ServerConfig::builder()
        .with_safe_defaults()
        .with_client_cert_verifier(Arc::new(crate::mutual::AnyClientCert))
        .with_single_cert(certs, key)
        .unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let relay = thread::spawn(move || {
        let (sock, _) = listener.accept().unwrap();
        replay_peer(sock, rustls::Connection::Server(rustls::ServerConnection::new(Arc::new(cfg)).unwrap()));
    });
    let (h, rh) = node("ha@127.0.0.1", "c", Profile::Hardened);
    h.connect("relay@127.0.0.1", Some(Address { host: "127.0.0.1".into(), port })).unwrap();
    expect_hard2_tls_failure(&rh, Direction::Outgoing);
    relay.join().unwrap();
    assert!(h.sessions().is_empty());
}

#[test]
fn an_initiator_presenting_a_certificate_without_its_key_fails_the_hardened_acceptor() {
    let (certs, key) = honest_cert_with_another_key();
    let (h, rh) = node("ha@127.0.0.1", "c", Profile::Hardened);
    let cfg = rustls::ClientConfig::builder()
        .with_safe_defaults()
        .with_custom_certificate_verifier(Arc::new(crate::mutual::AnyServerCert))
        .with_single_cert(certs, key)
        .unwrap();
    let sock = TcpStream::connect(("127.0.0.1", h.port)).unwrap();
    let conn = rustls::ClientConnection::new(Arc::new(cfg), crate::tls::any_server_name()).unwrap();
    replay_peer(sock, rustls::Connection::Client(conn));
    expect_hard2_tls_failure(&rh, Direction::Incoming);
    assert!(h.sessions().is_empty());
}

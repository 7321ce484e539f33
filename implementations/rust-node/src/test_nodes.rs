//! Test support: an in-process node on an ephemeral loopback port whose events arrive on a
//! channel, with small limits (max_node_id 4, 8 pending handshakes, 16 per source).

use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::names::Address;
use crate::node::{Config, Event, Node};
use crate::profile::Profile;

pub fn start(name: &str, cookie: &str, creation: u8, profile: Profile) -> (Arc<Node>, Receiver<Event>) {
    let (tx, rx) = channel();
    let tx = Mutex::new(tx);
    let cfg = Config {
        name: name.into(),
        cookie: cookie.as_bytes().to_vec(),
        listen: Address { host: "127.0.0.1".into(), port: 0 },
        creation,
        heartbeat_interval: Duration::from_secs(60),
        heartbeat_timeout: Duration::from_secs(15),
        handshake_timeout: Duration::from_secs(5),
        max_node_id: 4,
        max_pending_handshakes: 8,
        max_pending_per_source: 16,
        profile,
    };
    let n = Node::start(cfg, Box::new(move |e| {
        let _ = tx.lock().unwrap().send(e.clone());
    }))
    .unwrap();
    (n, rx)
}

/// The next event, within 10 s.
pub fn next(rx: &Receiver<Event>) -> Event {
    rx.recv_timeout(Duration::from_secs(10)).expect("an event within 10 s")
}

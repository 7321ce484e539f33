//! The node: its tables (sessions, attempts, pending incoming handshakes, issued challenges,
//! node_ids) behind one mutex, a listener thread, and one thread per connection running
//! the handshake and then the heartbeat (blocking I/O, no async runtime).
//!
//! Exactly-once events: every connection has a `Ctl` whose `done` flag is claimed by
//! whoever ends it (its own thread, a disconnect, a replacement, a tiebreak, an eviction);
//! only the claimant reports the event, always under the node lock.

use std::collections::{HashMap, HashSet};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use crate::auth;
use crate::ids::IdAllocator;
use crate::link::{Link, LinkError};
use crate::mutual::{self, ClientAuthSeen};
use crate::profile::Profile;
use crate::proofs::Proofs;
use crate::names::{self, Address};
use crate::pending::{self, Pending};
use crate::wire::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Incoming,
    Outgoing,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Incoming => "incoming",
            Direction::Outgoing => "outgoing",
        }
    }
}

#[derive(Debug, Clone)]
pub enum Event {
    Up { node: String, node_id: u16, creation: u8, direction: Direction },
    Down { node: String, node_id: u16, reason: &'static str, detail: String },
    /// `remote`: the peer socket's address of an incoming connection (ADAPTER.md, optional).
    Failed { peer: String, direction: Direction, reason: &'static str, detail: String, remote: Option<String> },
}

pub struct Config {
    pub name: String,
    pub cookie: Vec<u8>,
    pub listen: Address,
    pub creation: u8,
    pub heartbeat_interval: Duration,
    pub heartbeat_timeout: Duration,
    pub handshake_timeout: Duration,
    pub max_node_id: u16,
    pub max_pending_handshakes: usize,
    /// LIM-5: pending incoming handshakes per source address (0 = off).
    pub max_pending_per_source: usize,
    /// base or hardened (HARD-1): one per node, never negotiated.
    pub profile: Profile,
}

pub type Sink = Box<dyn Fn(&Event) + Send + Sync>;

/// What ends a connection from outside its thread.
struct Ctl {
    id: u64,
    /// The peer's IP address for an incoming connection (LIM-5), None for an outgoing one.
    source: Option<std::net::IpAddr>,
    /// The peer socket's `host:port` of an incoming connection, kept when `peer` becomes its name.
    remote: Option<String>,
    done: AtomicBool,
    sock: Mutex<Option<TcpStream>>,
    peer: Mutex<String>,
}

impl Ctl {
    fn claim(&self) -> bool {
        !self.done.swap(true, Ordering::SeqCst)
    }
    fn is_done(&self) -> bool {
        self.done.load(Ordering::SeqCst)
    }
    fn kill(&self) {
        if let Some(s) = self.sock.lock().unwrap().as_ref() {
            let _ = s.shutdown(Shutdown::Both);
        }
    }
    fn peer(&self) -> String {
        self.peer.lock().unwrap().clone()
    }
}

struct Session {
    ctl: Arc<Ctl>,
    node_id: u16,
    creation: u8,
    direction: Direction,
}

pub struct SessionInfo {
    pub node: String,
    pub node_id: u16,
    pub creation: u8,
    pub direction: Direction,
}

struct State {
    sessions: HashMap<String, Session>,
    attempts: HashMap<String, Arc<Ctl>>,
    pending_in: Vec<Arc<Ctl>>,
    issued: HashSet<[u8; 32]>,
    ids: IdAllocator,
    stopped: bool,
}

pub struct Node {
    pub cfg: Config,
    pub port: u16,
    sink: Sink,
    state: Mutex<State>,
    next_conn: AtomicU64,
    tls: crate::tls::Tls,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ConnectRefusal {
    InvalidName(String),
    SelfName,
    AlreadyConnected,
    AlreadyConnecting,
    Stopped,
}

/// How a handshake ended without a session.
struct Failure {
    reason: &'static str,
    detail: String,
}

fn fail<T>(reason: &'static str, detail: impl Into<String>) -> Result<T, Failure> {
    Err(Failure { reason, detail: detail.into() })
}

impl From<LinkError> for Failure {
    fn from(e: LinkError) -> Failure {
        match e {
            LinkError::Tls(d) => Failure { reason: "tls", detail: d },
            LinkError::Io(d) => Failure { reason: "io", detail: d },
            LinkError::Proto(d) => Failure { reason: "protocol_error", detail: d.to_string() },
            LinkError::Timeout => Failure { reason: "timeout", detail: "LIM-1: handshake_timeout reached".into() },
        }
    }
}

impl Node {
    /// Binds the listener and starts accepting. The listener address failing is the caller's error.
    pub fn start(cfg: Config, sink: Sink) -> Result<Arc<Node>, String> {
        let bind = format!("{}:{}", cfg.listen.host, cfg.listen.port);
        let listener = TcpListener::bind(&bind).map_err(|e| format!("cannot listen on {}: {}", bind, e))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let node = Arc::new(Node {
            port,
            sink,
            state: Mutex::new(State {
                sessions: HashMap::new(),
                attempts: HashMap::new(),
                pending_in: Vec::new(),
                issued: HashSet::new(),
                ids: IdAllocator::new(cfg.max_node_id),
                stopped: false,
            }),
            next_conn: AtomicU64::new(1),
            tls: crate::tls::Tls::new()?,
            cfg,
        });
        let n = node.clone();
        thread::Builder::new()
            .name("accept".into())
            .spawn(move || n.accept_loop(listener))
            .map_err(|e| e.to_string())?;
        Ok(node)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn new_ctl(&self, peer: String, sock: Option<TcpStream>, source: Option<std::net::IpAddr>) -> Arc<Ctl> {
        Arc::new(Ctl {
            id: self.next_conn.fetch_add(1, Ordering::SeqCst),
            remote: source.map(|_| peer.clone()),
            source,
            done: AtomicBool::new(false),
            sock: Mutex::new(sock),
            peer: Mutex::new(peer),
        })
    }

    // ---- commands ------------------------------------------------------------------------

    pub fn connect(self: &Arc<Self>, name: &str, address: Option<Address>) -> Result<(), ConnectRefusal> {
        let target = names::parse(name).map_err(ConnectRefusal::InvalidName)?;
        if name == self.cfg.name {
            return Err(ConnectRefusal::SelfName);
        }
        let mut st = self.lock();
        if st.stopped {
            return Err(ConnectRefusal::Stopped);
        }
        if st.sessions.contains_key(name) {
            return Err(ConnectRefusal::AlreadyConnected);
        }
        if st.attempts.contains_key(name) {
            return Err(ConnectRefusal::AlreadyConnecting);
        }
        if !st.ids.has_free() {
            (self.sink)(&Event::Failed {
                peer: name.to_string(),
                direction: Direction::Outgoing,
                reason: "not_allowed",
                detail: "ID-5: no free node_id to dial with".into(),
                remote: None,
            });
            return Ok(());
        }
        let ctl = self.new_ctl(name.to_string(), None, None);
        st.attempts.insert(name.to_string(), ctl.clone());
        drop(st);
        let node = self.clone();
        let name = name.to_string();
        let addr = address.unwrap_or(target);
        let spawned = thread::Builder::new().name(format!("out-{}", ctl.id)).spawn({
            let ctl = ctl.clone();
            move || node.run_outgoing(ctl, name, addr)
        });
        if spawned.is_err() {
            let mut st = self.lock();
            self.end_handshake(&mut st, &ctl, Direction::Outgoing, "io", "could not start a thread".into());
        }
        Ok(())
    }

    /// Ends the session with `name` (`node_down` disconnect) and any attempt to it
    /// (`handshake_failed` io). Returns false when there was neither.
    pub fn disconnect(&self, name: &str) -> bool {
        let mut st = self.lock();
        let mut found = false;
        if let Some(ctl) = st.attempts.get(name).cloned() {
            found = true;
            self.end_handshake(&mut st, &ctl, Direction::Outgoing, "io", "CONN-1: attempt abandoned by disconnect".into());
        }
        if let Some(ctl) = st.sessions.get(name).map(|s| s.ctl.clone()) {
            found = true;
            self.end_session(&mut st, name, &ctl, "disconnect", "CONN-1: local disconnect".into());
        }
        found
    }

    pub fn sessions(&self) -> Vec<SessionInfo> {
        let st = self.lock();
        let mut v: Vec<SessionInfo> = st
            .sessions
            .iter()
            .map(|(n, s)| SessionInfo { node: n.clone(), node_id: s.node_id, creation: s.creation, direction: s.direction })
            .collect();
        v.sort_by_key(|s| s.node_id);
        v
    }

    /// Orderly stop: `node_down` disconnect for every session; open handshakes are closed
    /// without events (CONN-1 allows omitting them).
    pub fn stop(&self) {
        let mut st = self.lock();
        st.stopped = true;
        let names: Vec<(String, Arc<Ctl>)> = st.sessions.iter().map(|(n, s)| (n.clone(), s.ctl.clone())).collect();
        for (n, ctl) in names {
            self.end_session(&mut st, &n, &ctl, "disconnect", "CONN-1: node stopping".into());
        }
        let others: Vec<Arc<Ctl>> = st.attempts.values().cloned().chain(st.pending_in.iter().cloned()).collect();
        for ctl in others {
            ctl.claim();
            ctl.kill();
        }
        st.attempts.clear();
        st.pending_in.clear();
    }

    // ---- ending things (always under the lock) ----------------------------------------------

    fn end_handshake(&self, st: &mut State, ctl: &Arc<Ctl>, dir: Direction, reason: &'static str, detail: String) {
        if !ctl.claim() {
            return;
        }
        let peer = ctl.peer();
        if dir == Direction::Outgoing {
            if st.attempts.get(&peer).map(|c| c.id) == Some(ctl.id) {
                st.attempts.remove(&peer);
            }
        } else {
            st.pending_in.retain(|c| c.id != ctl.id);
        }
        ctl.kill();
        let remote = ctl.remote.clone();
        (self.sink)(&Event::Failed { peer, direction: dir, reason, detail, remote });
    }

    fn end_session(&self, st: &mut State, name: &str, ctl: &Arc<Ctl>, reason: &'static str, detail: String) {
        let ours = st.sessions.get(name).map(|s| s.ctl.id) == Some(ctl.id);
        if !ours || !ctl.claim() {
            return;
        }
        let s = st.sessions.remove(name).expect("checked above");
        st.ids.free(s.node_id);
        ctl.kill();
        (self.sink)(&Event::Down { node: name.to_string(), node_id: s.node_id, reason, detail });
    }

    /// Registers an authenticated peer (HS-4, HS-5): replaces an older session first
    /// (STATUS-6, ID-8), then allocates the node_id. Err(not_allowed) when none is free.
    fn register(&self, st: &mut State, name: &str, ctl: &Arc<Ctl>, creation: u8, dir: Direction) -> Result<u16, Failure> {
        if let Some(old) = st.sessions.get(name).map(|s| s.ctl.clone()) {
            self.end_session(st, name, &old, "replaced", "STATUS-6: an authenticated connection from the same name".into());
        }
        let id = match st.ids.allocate() {
            Some(id) => id,
            None => return fail("not_allowed", "ID-5: no free node_id"),
        };
        st.sessions.insert(name.to_string(), Session { ctl: ctl.clone(), node_id: id, creation, direction: dir });
        Ok(id)
    }

    // ---- the initiator ------------------------------------------------------------------------

    fn run_outgoing(self: Arc<Self>, ctl: Arc<Ctl>, name: String, addr: Address) {
        let deadline = Instant::now() + self.cfg.handshake_timeout;
        let mut mine: Option<[u8; 32]> = None;
        let result = self.initiate(&ctl, &name, &addr, deadline, &mut mine);
        let mut st = self.lock();
        if let Some(c) = mine {
            st.issued.remove(&c);
        }
        match result {
            Ok((link, creation)) => {
                if ctl.is_done() {
                    drop(st);
                    link.close();
                    return;
                }
                st.attempts.remove(&name);
                match self.register(&mut st, &name, &ctl, creation, Direction::Outgoing) {
                    Ok(id) => {
                        (self.sink)(&Event::Up { node: name.clone(), node_id: id, creation, direction: Direction::Outgoing });
                        drop(st);
                        self.established(link, ctl, name);
                    }
                    Err(f) => {
                        st.attempts.insert(name.clone(), ctl.clone());
                        self.end_handshake(&mut st, &ctl, Direction::Outgoing, f.reason, f.detail);
                        drop(st);
                        link.close();
                    }
                }
            }
            Err((f, link)) => {
                self.end_handshake(&mut st, &ctl, Direction::Outgoing, f.reason, f.detail);
                drop(st);
                if let Some(l) = link {
                    l.close();
                }
            }
        }
    }

    #[allow(clippy::type_complexity)]
    fn initiate(
        &self,
        ctl: &Arc<Ctl>,
        name: &str,
        addr: &Address,
        deadline: Instant,
        mine: &mut Option<[u8; 32]>,
    ) -> Result<(Link, u8), (Failure, Option<Link>)> {
        let sock = dial(addr, deadline).map_err(|f| (f, None))?;
        *ctl.sock.lock().unwrap() = sock.try_clone().ok();
        if ctl.is_done() {
            return Err((Failure { reason: "io", detail: "abandoned".into() }, None));
        }
        let (config, seen) = self.tls.client(self.cfg.profile);
        let conn = rustls::ClientConnection::new(config, crate::tls::any_server_name())
            .map_err(|e| (Failure { reason: "tls", detail: e.to_string() }, None))?;
        let mut link = Link::new(rustls::Connection::Client(conn), sock);
        match self.initiator_frames(&mut link, name, deadline, mine, seen.as_deref()) {
            Ok(creation) => Ok((link, creation)),
            Err(f) => Err((f, Some(link))),
        }
    }

    fn initiator_frames(
        &self,
        link: &mut Link,
        name: &str,
        deadline: Instant,
        mine: &mut Option<[u8; 32]>,
        seen: Option<&ClientAuthSeen>,
    ) -> Result<u8, Failure> {
        link.handshake(deadline)?;
        // HARD-7: a hardened initiator stops here, before NAME, without mutual TLS.
        let channel = match seen {
            Some(seen) => Some(mutual::initiator_channel(link.tls(), &self.tls.own_sha256, seen).or_else(|d| fail("profile_mismatch", d))?),
            None => None,
        };
        link.write_frame(&Frame::Name { name: self.cfg.name.clone(), creation: self.cfg.creation })?;
        let (status, challenge, acceptor, creation) = match read_before(link, deadline)? {
            Frame::StatusChallenge { status, challenge, name, creation } => (status, challenge, name, creation),
            other => return fail("protocol_error", format!("FRAME-7: {} while awaiting STATUS_CHALLENGE", other.kind())),
        };
        if acceptor != name {
            return fail("protocol_error", format!("NAME-7: acceptor calls itself {:?}, dialled {:?}", acceptor, name));
        }
        if creation == 0 {
            return fail("protocol_error", "HS-7: creation 0 in STATUS_CHALLENGE");
        }
        match status {
            ST_NOK => return fail("nok", "STATUS-5: the acceptor answered nok"),
            ST_NOT_ALLOWED => return fail("not_allowed", "STATUS-5: the acceptor answered not_allowed"),
            _ => {}
        }
        let mut theirs = [0u8; 32];
        theirs.copy_from_slice(&challenge);
        let own = auth::challenge();
        {
            let mut st = self.lock();
            if st.issued.contains(&theirs) {
                return fail("protocol_error", "AUTH-8: the acceptor's challenge is one this node issued");
            }
            st.issued.insert(own);
            *mine = Some(own);
        }
        let proofs = Proofs { cookie: &self.cfg.cookie, channel, initiator_name: &self.cfg.name, acceptor_name: &acceptor };
        link.write_frame(&Frame::ChallengeReply { digest: proofs.reply(&theirs, &own), challenge: own })?;
        match read_before(link, deadline)? {
            Frame::ChallengeAck { digest } => {
                if !auth::ct_eq(&proofs.ack(&theirs, &own), &digest) {
                    return fail("cookie_mismatch", "AUTH-6: wrong CHALLENGE_ACK digest");
                }
            }
            other => return fail("protocol_error", format!("FRAME-7: {} while awaiting CHALLENGE_ACK", other.kind())),
        }
        Ok(creation)
    }

    // ---- the acceptor -------------------------------------------------------------------------

    fn accept_loop(self: Arc<Self>, listener: TcpListener) {
        for incoming in listener.incoming() {
            let sock = match incoming {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("snow-rust-node: accept failed: {}", e);
                    thread::sleep(Duration::from_millis(10));
                    continue;
                }
            };
            let addr = sock.peer_addr().ok();
            let peer = addr.map(|a: SocketAddr| a.to_string()).unwrap_or_else(|| "?".into());
            let source = addr.map(|a| a.ip()).unwrap_or(std::net::IpAddr::from([0u8, 0, 0, 0]));
            let mut st = self.lock();
            if st.stopped {
                continue;
            }
            loop {
                let table: Vec<Pending> =
                    st.pending_in.iter().map(|c| Pending { id: c.id, source: c.source.unwrap_or(source) }).collect();
                let (id, why) = match pending::victim(&table, source, self.cfg.max_pending_handshakes, self.cfg.max_pending_per_source) {
                    Some(v) => v,
                    None => break,
                };
                let chosen = st.pending_in.iter().find(|c| c.id == id).cloned().expect("the victim is pending");
                self.end_handshake(&mut st, &chosen, Direction::Incoming, "not_allowed", why.into());
                st.pending_in.retain(|c| c.id != id);
            }
            let ctl = self.new_ctl(peer, sock.try_clone().ok(), Some(source));
            st.pending_in.push(ctl.clone());
            drop(st);
            let node = self.clone();
            let spawned = thread::Builder::new().name(format!("in-{}", ctl.id)).spawn({
                let ctl = ctl.clone();
                move || node.run_incoming(ctl, sock)
            });
            if spawned.is_err() {
                let mut st = self.lock();
                self.end_handshake(&mut st, &ctl, Direction::Incoming, "io", "could not start a thread".into());
            }
        }
    }

    fn run_incoming(self: Arc<Self>, ctl: Arc<Ctl>, sock: TcpStream) {
        let deadline = Instant::now() + self.cfg.handshake_timeout;
        let conn = match rustls::ServerConnection::new(self.tls.server(self.cfg.profile)) {
            Ok(c) => c,
            Err(e) => {
                let mut st = self.lock();
                self.end_handshake(&mut st, &ctl, Direction::Incoming, "tls", e.to_string());
                return;
            }
        };
        let mut link = Link::new(rustls::Connection::Server(conn), sock);
        let mut mine: Option<[u8; 32]> = None;
        let result = self.acceptor_frames(&mut link, &ctl, deadline, &mut mine);
        let mut st = self.lock();
        if let Some(c) = mine {
            st.issued.remove(&c);
        }
        match result {
            Ok(name) => {
                drop(st);
                self.established(link, ctl, name);
            }
            Err(f) => {
                self.end_handshake(&mut st, &ctl, Direction::Incoming, f.reason, f.detail);
                drop(st);
                link.close();
            }
        }
    }

    /// The acceptor's side up to ESTABLISHED; returns the peer's name.
    fn acceptor_frames(&self, link: &mut Link, ctl: &Arc<Ctl>, deadline: Instant, mine: &mut Option<[u8; 32]>) -> Result<String, Failure> {
        link.handshake(deadline)?;
        // HARD-7: a hardened acceptor stops here, before NAME, without mutual TLS.
        let channel = match self.cfg.profile {
            Profile::Hardened => Some(mutual::acceptor_channel(link.tls(), &self.tls.own_sha256).or_else(|d| fail("profile_mismatch", d))?),
            Profile::Base => None,
        };
        let (name, creation) = match read_before(link, deadline)? {
            Frame::Name { name, creation } => (name, creation),
            other => return fail("protocol_error", format!("FRAME-7: {} while awaiting NAME", other.kind())),
        };
        let own = auth::challenge();
        let (status, why) = {
            let mut st = self.lock();
            let valid = names::parse(&name);
            if valid.is_ok() {
                *ctl.peer.lock().unwrap() = name.clone();
            }
            let me = self.cfg.name.as_str();
            let pick = if let Err(e) = valid {
                (ST_NOT_ALLOWED, format!("NAME-5: {}", e))
            } else if name == me {
                (ST_NOT_ALLOWED, "NAME-5: the peer claims this node's own name".into())
            } else if creation == 0 {
                (ST_NOT_ALLOWED, "HS-7: creation 0 in NAME".into())
            } else if !st.ids.has_free() && !st.sessions.contains_key(&name) {
                (ST_NOT_ALLOWED, "ID-5: no free node_id".into())
            } else if st.attempts.contains_key(&name) && me.as_bytes() < name.as_bytes() {
                (ST_NOK, "TIE-2: this node has an attempt to the peer and the smaller name".into())
            } else if st.attempts.contains_key(&name) {
                (ST_OK_SIMULTANEOUS, String::new())
            } else if st.sessions.contains_key(&name) {
                (ST_ALIVE, String::new())
            } else {
                (ST_OK, String::new())
            };
            if pick.0 != ST_NOK && pick.0 != ST_NOT_ALLOWED {
                st.issued.insert(own);
                *mine = Some(own);
            }
            pick
        };
        let refused = status == ST_NOK || status == ST_NOT_ALLOWED;
        let challenge = if refused { vec![] } else { own.to_vec() };
        link.write_frame(&Frame::StatusChallenge { status, challenge, name: self.cfg.name.clone(), creation: self.cfg.creation })?;
        if refused {
            return fail(if status == ST_NOK { "nok" } else { "not_allowed" }, why);
        }
        let (digest, theirs) = match read_before(link, deadline)? {
            Frame::ChallengeReply { digest, challenge } => (digest, challenge),
            other => return fail("protocol_error", format!("FRAME-7: {} while awaiting CHALLENGE_REPLY", other.kind())),
        };
        if theirs == own {
            return fail("protocol_error", "AUTH-5: the initiator reflected this node's challenge");
        }
        if self.lock().issued.contains(&theirs) {
            return fail("protocol_error", "AUTH-8: the initiator's challenge is one this node issued");
        }
        let proofs = Proofs { cookie: &self.cfg.cookie, channel, initiator_name: &name, acceptor_name: &self.cfg.name };
        if !auth::ct_eq(&proofs.reply(&own, &theirs), &digest) {
            return fail("cookie_mismatch", "AUTH-6: wrong CHALLENGE_REPLY digest");
        }
        // Authenticated: resolve against attempts and sessions, register, ACK (HS-4, TIE-1..5).
        let mut st = self.lock();
        if ctl.is_done() {
            return fail("io", "closed while authenticating");
        }
        let me = self.cfg.name.as_bytes();
        if let Some(attempt) = st.attempts.get(&name).cloned() {
            if name.as_bytes() < me {
                self.end_handshake(&mut st, &attempt, Direction::Outgoing, "nok", "TIE-4: the smaller peer authenticated its own connection".into());
            } else {
                return fail("nok", "TIE-1: this node's own attempt to the peer wins");
            }
        }
        if let Some(s) = st.sessions.get(&name) {
            if s.direction == Direction::Outgoing && status != ST_ALIVE && me < name.as_bytes() {
                return fail("nok", "TIE-1/TIE-5: this node's own connection to the peer already won");
            }
        }
        let id = self.register(&mut st, &name, ctl, creation, Direction::Incoming)?;
        st.pending_in.retain(|c| c.id != ctl.id);
        if let Err(e) = link.write_frame(&Frame::ChallengeAck { digest: proofs.ack(&own, &theirs) }) {
            // Registered but the ACK could not go out: report the session and let it end as closed.
            let _ = e;
        }
        (self.sink)(&Event::Up { node: name.clone(), node_id: id, creation, direction: Direction::Incoming });
        Ok(name)
    }

    // ---- established: heartbeats ----------------------------------------------------------------

    fn established(&self, mut link: Link, ctl: Arc<Ctl>, name: String) {
        let interval = self.cfg.heartbeat_interval;
        let timeout = self.cfg.heartbeat_timeout;
        let mut next_ping = Instant::now() + interval;
        let mut outstanding: Option<([u8; 8], Instant)> = None;
        let (reason, detail): (&'static str, String) = loop {
            if ctl.is_done() {
                break ("", String::new());
            }
            let deadline = match outstanding {
                Some((_, sent)) => sent + timeout,
                None => next_ping,
            };
            match link.read_frame(deadline) {
                Ok(Some(Frame::Ping(p))) => {
                    if let Err(e) = link.write_frame(&Frame::Pong(p)) {
                        break ("closed", link_detail(e));
                    }
                }
                Ok(Some(Frame::Pong(p))) => {
                    if let Some((want, sent)) = outstanding {
                        let now = Instant::now();
                        if p == want && now < sent + timeout {
                            outstanding = None;
                            next_ping = std::cmp::max(sent + interval, now);
                        }
                    }
                }
                Ok(Some(other)) => break ("protocol_error", format!("HB-6: {} after establishment", other.kind())),
                Ok(None) => {
                    let now = Instant::now();
                    match outstanding {
                        Some((_, sent)) if now >= sent + timeout => {
                            break ("heartbeat_timeout", "HB-3: no matching PONG within heartbeat_timeout".into())
                        }
                        None if now >= next_ping => {
                            let p = auth::ping_payload();
                            if let Err(e) = link.write_frame(&Frame::Ping(p)) {
                                break ("closed", link_detail(e));
                            }
                            outstanding = Some((p, now));
                        }
                        _ => {}
                    }
                }
                Err(LinkError::Proto(e)) => break ("protocol_error", e.to_string()),
                Err(e) => break ("closed", link_detail(e)),
            }
        };
        if !reason.is_empty() {
            let mut st = self.lock();
            self.end_session(&mut st, &name, &ctl, reason, detail);
        }
        link.close();
    }
}

fn link_detail(e: LinkError) -> String {
    match e {
        LinkError::Tls(d) | LinkError::Io(d) => d,
        LinkError::Proto(d) => d.to_string(),
        LinkError::Timeout => "timeout".into(),
    }
}

/// A handshake frame before the deadline; a timeout is LIM-1.
fn read_before(link: &mut Link, deadline: Instant) -> Result<Frame, Failure> {
    match link.read_frame(deadline)? {
        Some(f) => Ok(f),
        None => fail("timeout", "LIM-1: handshake_timeout reached"),
    }
}

fn dial(addr: &Address, deadline: Instant) -> Result<TcpStream, Failure> {
    let target = addr.dial_string();
    let addrs: Vec<SocketAddr> = match target.to_socket_addrs() {
        Ok(a) => a.collect(),
        Err(e) => return fail("io", format!("cannot resolve {}: {}", target, e)),
    };
    let mut last = format!("no address for {}", target);
    for a in addrs {
        let now = Instant::now();
        if now >= deadline {
            return fail("timeout", "LIM-1: handshake_timeout reached while connecting");
        }
        match TcpStream::connect_timeout(&a, deadline - now) {
            Ok(s) => return Ok(s),
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                return fail("timeout", format!("LIM-1: TCP connect to {} timed out", a))
            }
            Err(e) => last = format!("TCP connect to {}: {}", a, e),
        }
    }
    fail("io", last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::Receiver;

    fn node(name: &str, cookie: &str) -> (Arc<Node>, Receiver<Event>) {
        crate::test_nodes::start(name, cookie, 7, Profile::Base)
    }

    fn next(rx: &Receiver<Event>) -> Event {
        crate::test_nodes::next(rx)
    }

    fn here(n: &Node) -> Option<Address> {
        Some(Address { host: "127.0.0.1".into(), port: n.port })
    }

    #[test]
    fn two_nodes_handshake_over_loopback_tls_and_a_disconnect_ends_both() {
        let (a, ra) = node("a@127.0.0.1", "c00kie");
        let (b, rb) = node("b@127.0.0.1", "c00kie");
        a.connect("b@127.0.0.1", here(&b)).unwrap();
        match (next(&ra), next(&rb)) {
            (Event::Up { node: na, node_id: 1, direction: Direction::Outgoing, .. }, Event::Up { node: nb, node_id: 1, direction: Direction::Incoming, .. }) => {
                assert_eq!((na.as_str(), nb.as_str()), ("b@127.0.0.1", "a@127.0.0.1"));
            }
            other => panic!("expected node_up on both sides, saw {:?}", other),
        }
        assert_eq!(a.connect("b@127.0.0.1", here(&b)), Err(ConnectRefusal::AlreadyConnected));
        assert_eq!(a.connect("a@127.0.0.1", None), Err(ConnectRefusal::SelfName));
        assert!(a.disconnect("b@127.0.0.1"));
        assert!(matches!(next(&ra), Event::Down { reason: "disconnect", .. }));
        assert!(matches!(next(&rb), Event::Down { reason: "closed", .. }));
    }

    #[test]
    fn a_wrong_cookie_is_cookie_mismatch_at_the_verifier_and_io_at_the_initiator() {
        let (a, ra) = node("a@127.0.0.1", "one");
        let (b, rb) = node("b@127.0.0.1", "two");
        a.connect("b@127.0.0.1", here(&b)).unwrap();
        assert!(matches!(next(&rb), Event::Failed { reason: "cookie_mismatch", direction: Direction::Incoming, .. }));
        assert!(matches!(next(&ra), Event::Failed { reason: "io", direction: Direction::Outgoing, .. }));
        assert!(a.sessions().is_empty() && b.sessions().is_empty());
    }

    #[test]
    fn a_restarted_peer_replaces_its_old_session_through_alive() {
        let (b, rb) = node("b@127.0.0.1", "c");
        let (a1, ra1) = node("a@127.0.0.1", "c");
        a1.connect("b@127.0.0.1", here(&b)).unwrap();
        assert!(matches!(next(&ra1), Event::Up { .. }));
        assert!(matches!(next(&rb), Event::Up { node_id: 1, .. }));
        let (a2, ra2) = node("a@127.0.0.1", "c");
        a2.connect("b@127.0.0.1", here(&b)).unwrap();
        assert!(matches!(next(&ra2), Event::Up { .. }));
        assert!(matches!(next(&rb), Event::Down { node_id: 1, reason: "replaced", .. }), "node_down replaced comes first");
        assert!(matches!(next(&rb), Event::Up { node_id: 2, .. }));
        assert_eq!(b.sessions().len(), 1);
    }
}

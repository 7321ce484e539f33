//! The adapter contract of docs/ADAPTER.md: JSON lines, commands on stdin, replies and
//! events on stdout (one line each, flushed), logs on stderr.

use std::io::{self, BufRead, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

use crate::names;
use crate::node::{Config, ConnectRefusal, Event, Node};
use crate::profile::Profile;

pub const IMPLEMENTATION: &str = "snow-rust-node";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// stdout, shared by replies and events so lines never interleave.
#[derive(Clone)]
pub struct Out(Arc<Mutex<io::Stdout>>);

impl Out {
    pub fn new() -> Out {
        Out(Arc::new(Mutex::new(io::stdout())))
    }
    pub fn line(&self, v: &Value) {
        let mut o = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let _ = writeln!(o, "{}", v);
        let _ = o.flush();
    }
}

pub fn event_json(e: &Event) -> Value {
    match e {
        Event::Up { node, node_id, creation, direction } => {
            json!({"event":"node_up","node":node,"node_id":node_id,"creation":creation,"direction":direction.as_str()})
        }
        Event::Down { node, node_id, reason, detail } => {
            json!({"event":"node_down","node":node,"node_id":node_id,"reason":reason,"detail":detail})
        }
        Event::Failed { peer, direction, reason, detail, remote } => {
            let mut e = json!({"event":"handshake_failed","peer":peer,"direction":direction.as_str(),"reason":reason,"detail":detail});
            if let Some(r) = remote {
                e["remote"] = json!(r);
            }
            e
        }
    }
}

struct Reply {
    fields: Map<String, Value>,
}

struct Refusal {
    code: &'static str,
    message: String,
}

fn refuse<T>(code: &'static str, message: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal { code, message: message.into() })
}

fn bad<T>(message: impl Into<String>) -> Result<T, Refusal> {
    refuse("bad_request", message)
}

fn ok() -> Result<Reply, Refusal> {
    Ok(Reply { fields: Map::new() })
}

/// Reads one optional integer field in `lo..=hi`.
fn int(cmd: &Map<String, Value>, field: &str, lo: u64, hi: u64) -> Result<Option<u64>, Refusal> {
    match cmd.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match v.as_u64() {
            Some(n) if n >= lo && n <= hi => Ok(Some(n)),
            _ => bad(format!("field {} must be an integer in {}..{}, saw {}", field, lo, hi, v)),
        },
    }
}

fn string<'a>(cmd: &'a Map<String, Value>, field: &str, required: bool) -> Result<Option<&'a str>, Refusal> {
    match cmd.get(field) {
        None | Some(Value::Null) if required => bad(format!("field {} is required", field)),
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(v) => bad(format!("field {} must be a string, saw {}", field, v)),
    }
}

pub struct Adapter {
    out: Out,
    node: Option<Arc<Node>>,
}

impl Adapter {
    pub fn new(out: Out) -> Adapter {
        Adapter { out, node: None }
    }

    /// Runs until `stop` or end of input; returns the exit status.
    pub fn run(mut self) -> i32 {
        self.out.line(&json!({"event":"ready","implementation":IMPLEMENTATION,"version":VERSION,"adapter":"1"}));
        let stdin = io::stdin();
        let mut input = stdin.lock();
        let mut raw = Vec::new();
        loop {
            raw.clear();
            match input.read_until(b'\n', &mut raw) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    eprintln!("snow-rust-node: reading stdin failed: {}", e);
                    break;
                }
            }
            if raw.len() > 1 << 20 {
                self.out.line(&json!({"id":null,"reply":"error","ok":false,"code":"bad_request","message":"line longer than 1 MiB"}));
                continue;
            }
            let line = String::from_utf8_lossy(&raw);
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if self.handle_line(line) {
                return 0;
            }
        }
        if let Some(n) = &self.node {
            n.stop();
        }
        0
    }

    /// Handles one line; true when the adapter must exit (after `stop`).
    fn handle_line(&mut self, line: &str) -> bool {
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                self.error(Value::Null, "bad_request", format!("not JSON: {}", e));
                return false;
            }
        };
        let cmd = match v.as_object() {
            Some(o) => o,
            None => {
                self.error(Value::Null, "bad_request", "a command must be a JSON object".into());
                return false;
            }
        };
        let id = match cmd.get("id") {
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Value::Number(n.clone()),
            Some(other) => {
                self.error(Value::Null, "bad_request", format!("field id must be an integer, saw {}", other));
                return false;
            }
            None => {
                self.error(Value::Null, "bad_request", "field id is missing".into());
                return false;
            }
        };
        let name = match cmd.get("cmd") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.error(id, "bad_request", format!("field cmd must be a string, saw {}", other));
                return false;
            }
            None => {
                self.error(id, "bad_request", "field cmd is missing".into());
                return false;
            }
        };
        let result = match name.as_str() {
            "start" => self.start(cmd),
            "connect" => self.with_node(|n| connect(n, cmd)),
            "disconnect" => self.with_node(|n| disconnect(n, cmd)),
            "sessions" => self.with_node(sessions),
            "stop" => self.with_node(|n| {
                n.stop();
                ok()
            }),
            "time_compare" => time_compare(cmd),
            other => refuse("unsupported", format!("unknown command: {}", other)),
        };
        match result {
            Ok(r) => {
                let mut m = Map::new();
                m.insert("id".into(), id);
                m.insert("reply".into(), Value::String(name.clone()));
                m.insert("ok".into(), Value::Bool(true));
                m.extend(r.fields);
                self.out.line(&Value::Object(m));
                name == "stop"
            }
            Err(r) => {
                self.error(id, r.code, r.message);
                false
            }
        }
    }

    fn error(&self, id: Value, code: &str, message: String) {
        self.out.line(&json!({"id":id,"reply":"error","ok":false,"code":code,"message":message}));
    }

    fn with_node(&self, f: impl FnOnce(&Arc<Node>) -> Result<Reply, Refusal>) -> Result<Reply, Refusal> {
        match &self.node {
            Some(n) => f(n),
            None => refuse("not_started", "start the node first"),
        }
    }

    fn start(&mut self, cmd: &Map<String, Value>) -> Result<Reply, Refusal> {
        if self.node.is_some() {
            return refuse("already_started", "the node is already started");
        }
        let name = string(cmd, "name", true)?.unwrap_or_default().to_string();
        let addr = names::parse(&name).or_else(|e| bad(format!("field name: {}", e)))?;
        let cookie = string(cmd, "cookie", true)?.unwrap_or_default().as_bytes().to_vec();
        let host = string(cmd, "host", false)?.map(str::to_string).unwrap_or(addr.host);
        let port = int(cmd, "port", 0, 65535)?.map(|p| p as u16).unwrap_or(addr.port);
        let creation = match int(cmd, "creation", 1, 255)? {
            Some(c) => c as u8,
            None => random_creation(),
        };
        // HARD-1: the profile is configuration; anything but base or hardened is bad_request.
        let profile = match string(cmd, "profile", false)? {
            None => Profile::Base,
            Some(p) => Profile::parse(p).or_else(|e| bad(format!("field profile: {}", e)))?,
        };
        let ms = |f: &str, d: u64| -> Result<Duration, Refusal> { Ok(Duration::from_millis(int(cmd, f, 1, 86_400_000)?.unwrap_or(d))) };
        let cfg = Config {
            name,
            cookie,
            listen: names::Address { host, port },
            creation,
            heartbeat_interval: ms("heartbeat_interval_ms", 60_000)?,
            heartbeat_timeout: ms("heartbeat_timeout_ms", 15_000)?,
            handshake_timeout: ms("handshake_timeout_ms", 7_000)?,
            max_node_id: int(cmd, "max_node_id", 1, 65535)?.unwrap_or(65535) as u16,
            max_pending_handshakes: int(cmd, "max_pending_handshakes", 1, 1_000_000)?.unwrap_or(64) as usize,
            max_pending_per_source: int(cmd, "max_pending_per_source", 0, 1_000_000)?.unwrap_or(16) as usize,
            profile,
        };
        let out = self.out.clone();
        let node = Node::start(cfg, Box::new(move |e| out.line(&event_json(e)))).or_else(|e| refuse("failed", e))?;
        let mut r = Reply { fields: Map::new() };
        r.fields.insert("port".into(), json!(node.port));
        r.fields.insert("creation".into(), json!(node.cfg.creation));
        self.node = Some(node);
        Ok(r)
    }
}

pub fn random_creation() -> u8 {
    use rand::Rng;
    rand::thread_rng().gen_range(1..=255)
}

fn connect(n: &Arc<Node>, cmd: &Map<String, Value>) -> Result<Reply, Refusal> {
    let node = string(cmd, "node", true)?.unwrap_or_default();
    let address = match string(cmd, "address", false)? {
        Some(a) => Some(names::parse_address(a).or_else(|e| bad(format!("field address: {}", e)))?),
        None => None,
    };
    match n.connect(node, address) {
        Ok(()) => ok(),
        Err(ConnectRefusal::InvalidName(e)) => refuse("invalid_name", e),
        Err(ConnectRefusal::SelfName) => refuse("self", format!("NAME-6: {} is this node's own name", node)),
        Err(ConnectRefusal::AlreadyConnected) => refuse("already_connected", format!("CONN-3: a session with {} exists", node)),
        Err(ConnectRefusal::AlreadyConnecting) => refuse("already_connecting", format!("CONN-3: an attempt to {} is in progress", node)),
        Err(ConnectRefusal::Stopped) => refuse("failed", "the node is stopping"),
    }
}

fn disconnect(n: &Arc<Node>, cmd: &Map<String, Value>) -> Result<Reply, Refusal> {
    let node = string(cmd, "node", true)?.unwrap_or_default();
    if n.disconnect(node) {
        ok()
    } else {
        refuse("not_connected", format!("no session or attempt with {}", node))
    }
}

fn sessions(n: &Arc<Node>) -> Result<Reply, Refusal> {
    let list: Vec<Value> = n
        .sessions()
        .into_iter()
        .map(|s| json!({"node":s.node,"node_id":s.node_id,"creation":s.creation,"direction":s.direction.as_str()}))
        .collect();
    let mut r = Reply { fields: Map::new() };
    r.fields.insert("sessions".into(), Value::Array(list));
    Ok(r)
}

fn unhex(field: &str, s: &str) -> Result<Vec<u8>, Refusal> {
    if s.len() != 64 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return bad(format!("field {} must be 64 hex digits, saw {:?}", field, s));
    }
    Ok((0..32).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect())
}

/// AUTH-4 measured in-process: times the very comparison the handshake uses.
fn time_compare(cmd: &Map<String, Value>) -> Result<Reply, Refusal> {
    use rand::seq::SliceRandom;
    let expected = unhex("expected", string(cmd, "expected", true)?.unwrap_or_default())?;
    let cands = match cmd.get("candidates") {
        Some(Value::Array(a)) if !a.is_empty() && a.len() <= 64 => a,
        other => return bad(format!("field candidates must be a list of 1..64 hex strings, saw {:?}", other)),
    };
    let cands: Vec<Vec<u8>> = cands
        .iter()
        .map(|c| c.as_str().map(|s| unhex("candidates", s)).unwrap_or_else(|| bad("field candidates holds a non-string")))
        .collect::<Result<_, _>>()?;
    let rounds = int(cmd, "rounds", 1, 4_000_000)?.unwrap_or(1000) as usize;
    if rounds * cands.len() > 4_000_000 {
        return bad(format!("rounds x candidates = {} exceeds 4000000", rounds * cands.len()));
    }
    let mut nanos = vec![Vec::with_capacity(rounds); cands.len()];
    let mut order: Vec<usize> = (0..cands.len()).collect();
    let mut rng = rand::thread_rng();
    for _ in 0..1000 {
        for c in &cands {
            crate::auth::ct_eq(&expected, c);
        }
    }
    for _ in 0..rounds {
        order.shuffle(&mut rng);
        for &i in &order {
            let t = Instant::now();
            let r = crate::auth::ct_eq(&expected, &cands[i]);
            let d = t.elapsed().as_nanos() as u64;
            let _ = r;
            nanos[i].push(d);
        }
    }
    let mut r = Reply { fields: Map::new() };
    r.fields.insert("nanos".into(), json!(nanos));
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::node::Direction;

    #[test]
    fn handshake_failed_carries_remote_only_when_known_and_names_stay_exact() {
        let with = event_json(&Event::Failed {
            peer: "a\u{202e}b@h".into(),
            direction: Direction::Incoming,
            reason: "cookie_mismatch",
            detail: "AUTH-6".into(),
            remote: Some("[::1]:4711".into()),
        });
        assert_eq!(with["remote"], "[::1]:4711");
        assert_eq!(with["peer"], "a\u{202e}b@h", "the adapter's JSON keeps the name exact");
        let without = event_json(&Event::Failed {
            peer: "b@h".into(),
            direction: Direction::Outgoing,
            reason: "io",
            detail: String::new(),
            remote: None,
        });
        assert!(without.get("remote").is_none(), "no remote field when there is none: {}", without);
    }
}

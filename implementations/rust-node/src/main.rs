//! snow-rust-node: a second implementation of the Snow node distribution protocol, written
//! from docs/PROTOCOL.md (rustls, ring, hmac, sha2, rand; blocking I/O with threads).

mod adapter;
mod auth;
mod cert;
mod certverify;
mod hardened;
mod ids;
mod link;
mod mutual;
mod names;
mod node;
mod pending;
mod profile;
mod proofs;
mod tls;
mod wire;

#[cfg(test)]
mod hardened_node_tests;
#[cfg(test)]
mod test_nodes;

use std::sync::Arc;
use std::time::Duration;

const HELP: &str = "\
snow-rust-node: a Snow node (docs/PROTOCOL.md) in Rust

USAGE:
    snow-rust-node --adapter
    snow-rust-node --name <alive@host[:port]> --cookie-file <file> [options]

MODES:
    --adapter                     speak the adapter contract (docs/ADAPTER.md): JSON lines on
                                  stdin/stdout, logs on stderr; the conformance suite uses this
    (default)                     run one node; print one JSON event per line on stdout

OPTIONS (standalone mode):
    --name <name>                 this node's name, alive@host or alive@host:port (port 9000 if none)
    --cookie-file <file>          file whose first line is the cookie (never printed)
    --listen <host:port>          listen here instead of the name's host and port (port 0: any)
    --connect <name>              connect to this node at start (repeatable)
    --creation <1..255>           creation (default random)
    --heartbeat-interval-ms <n>   default 60000
    --heartbeat-timeout-ms <n>    default 15000
    --handshake-timeout-ms <n>    default 7000
    --max-node-id <1..65535>      default 65535
    --max-pending-handshakes <n>  default 64
    --max-pending-per-source <n>  default 16 (0: off); one source's flood evicts only its own (LIM-5)
    --profile <base|hardened>     default base; hardened: mutual TLS and digests bound to both
                                  certificates, the role, both names and both challenges
                                  (HARD-1..HARD-7); all nodes that connect run the same one
    -h, --help                    this text
    -V, --version                 print the version

EXIT STATUS: 0 after stop or end of input (adapter), 2 on a usage error, 1 on a runtime failure
(for example a port in use). Stop the standalone node with Ctrl-C (peers see the close).
";

fn usage(msg: &str) -> ! {
    eprintln!("snow-rust-node: {}\nTry 'snow-rust-node --help'.", msg);
    std::process::exit(2);
}

fn number(flag: &str, v: &str, lo: u64, hi: u64) -> u64 {
    match v.parse::<u64>() {
        Ok(n) if n >= lo && n <= hi => n,
        _ => usage(&format!("{} must be an integer in {}..{}, saw {:?}", flag, lo, hi, v)),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        usage("give --adapter, or --name and --cookie-file");
    }
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{}", HELP);
        return;
    }
    if args.iter().any(|a| a == "-V" || a == "--version") {
        println!("{} {}", adapter::IMPLEMENTATION, adapter::VERSION);
        return;
    }
    if args.iter().any(|a| a == "--adapter") {
        if args.len() != 1 {
            usage("--adapter takes no other option");
        }
        std::process::exit(adapter::Adapter::new(adapter::Out::new()).run());
    }
    standalone(&args);
}

fn standalone(args: &[String]) {
    let mut name = None;
    let mut cookie_file = None;
    let mut listen = None;
    let mut connects = vec![];
    let mut creation = None;
    let mut profile = profile::Profile::Base;
    let (mut hbi, mut hbt, mut hst, mut max_id, mut max_pending) = (60_000, 15_000, 7_000, 65535, 64);
    let mut per_source = 16;
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        let val = args.get(i + 1).cloned().unwrap_or_else(|| usage(&format!("{} needs a value", flag)));
        match flag {
            "--name" => name = Some(val.clone()),
            "--cookie-file" => cookie_file = Some(val.clone()),
            "--listen" => listen = Some(names::parse_address(&val).unwrap_or_else(|e| usage(&format!("--listen: {}", e)))),
            "--connect" => connects.push(val.clone()),
            "--creation" => creation = Some(number(flag, &val, 1, 255) as u8),
            "--heartbeat-interval-ms" => hbi = number(flag, &val, 1, 86_400_000),
            "--heartbeat-timeout-ms" => hbt = number(flag, &val, 1, 86_400_000),
            "--handshake-timeout-ms" => hst = number(flag, &val, 1, 86_400_000),
            "--max-node-id" => max_id = number(flag, &val, 1, 65535),
            "--max-pending-handshakes" => max_pending = number(flag, &val, 1, 1_000_000),
            "--max-pending-per-source" => per_source = number(flag, &val, 0, 1_000_000),
            "--profile" => profile = profile::Profile::parse(&val).unwrap_or_else(|e| usage(&format!("--profile: {}", e))),
            _ => usage(&format!("unknown option {:?}", flag)),
        }
        i += 2;
    }
    let name = name.unwrap_or_else(|| usage("--name is required"));
    let addr = names::parse(&name).unwrap_or_else(|e| usage(&format!("--name: {}", e)));
    let cookie_file = cookie_file.unwrap_or_else(|| usage("--cookie-file is required"));
    let cookie = match std::fs::read_to_string(&cookie_file) {
        Ok(s) => s.lines().next().unwrap_or("").as_bytes().to_vec(),
        Err(e) => usage(&format!("cannot read --cookie-file {}: {}", cookie_file, e)),
    };
    for c in &connects {
        if let Err(e) = names::parse(c) {
            usage(&format!("--connect: {}", e));
        }
    }
    let cfg = node::Config {
        name,
        cookie,
        listen: listen.unwrap_or(addr),
        creation: creation.unwrap_or_else(adapter::random_creation),
        heartbeat_interval: Duration::from_millis(hbi),
        heartbeat_timeout: Duration::from_millis(hbt),
        handshake_timeout: Duration::from_millis(hst),
        max_node_id: max_id as u16,
        max_pending_handshakes: max_pending as usize,
        max_pending_per_source: per_source as usize,
        profile,
    };
    let out = adapter::Out::new();
    let sink_out = out.clone();
    let node = match node::Node::start(cfg, Box::new(move |e| sink_out.line(&adapter::event_json(e)))) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("snow-rust-node: {}", e);
            std::process::exit(1);
        }
    };
    eprintln!(
        "snow-rust-node: {} listening on port {} (creation {}, profile {})",
        node.cfg.name,
        node.port,
        node.cfg.creation,
        node.cfg.profile.as_str()
    );
    for c in connects {
        if let Err(e) = node.connect(&c, None) {
            eprintln!("snow-rust-node: connect {}: {:?}", c, e);
        }
    }
    let _keep: Arc<node::Node> = node;
    loop {
        std::thread::park();
    }
}

//! Node names (docs/PROTOCOL.md, Names): `alive@host` or `alive@host:port`.

pub const DEFAULT_PORT: u16 = 9000;

/// The host and port a valid name dials and listens on (NAME-3: no port means 9000).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub host: String,
    pub port: u16,
}

impl Address {
    /// `host:port` for dialling; IPv6 literals keep their brackets.
    pub fn dial_string(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// Checks NAME-1 and NAME-2 and splits the name. The error names the rule and the value.
pub fn parse(name: &str) -> Result<Address, String> {
    if name.is_empty() || name.len() > 255 {
        return Err(format!("NAME-2: name is {} bytes (must be 1..255)", name.len()));
    }
    let at = name.find('@').ok_or_else(|| format!("NAME-1: {:?} has no '@'", name))?;
    let alive = &name[..at];
    if alive.is_empty() || !alive.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
        return Err(format!("NAME-1: alive part {:?} must match [A-Za-z0-9_-]+", alive));
    }
    let rest = &name[at + 1..];
    if rest.contains('@') {
        return Err(format!("NAME-1: {:?} has more than one '@'", name));
    }
    let (host, port_part) = if let Some(inner) = rest.strip_prefix('[') {
        let close = inner.find(']').ok_or_else(|| format!("NAME-1: unclosed '[' in {:?}", name))?;
        let lit = &inner[..close];
        if lit.is_empty() || !lit.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
            return Err(format!("NAME-1: bracketed host {:?} must hold 0-9 a-f A-F : .", lit));
        }
        let after = &inner[close + 1..];
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or_else(|| format!("NAME-1: {:?} after ']' in {:?}", after, name))?),
        };
        (&rest[..close + 2], port)
    } else {
        match rest.find(':') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        }
    };
    if host.is_empty() {
        return Err(format!("NAME-1: empty host in {:?}", name));
    }
    let port = match port_part {
        None => DEFAULT_PORT,
        Some(p) => parse_port(p).map_err(|e| format!("NAME-1: {} in {:?}", e, name))?,
    };
    Ok(Address { host: host.to_string(), port })
}

/// 1 to 5 digits, no leading zero, 1..65535.
pub fn parse_port(p: &str) -> Result<u16, String> {
    let ok = !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) && !p.starts_with('0');
    match p.parse::<u32>() {
        Ok(v) if ok && (1..=65535).contains(&v) => Ok(v as u16),
        _ => Err(format!("port {:?} must be 1..65535 without a leading zero", p)),
    }
}

/// `host:port` or `[v6]:port`, as the adapter's `address` and the CLI's `--listen` take it.
pub fn parse_address(a: &str) -> Result<Address, String> {
    let i = a.rfind(':').ok_or_else(|| format!("address {:?} must be host:port", a))?;
    let host = &a[..i];
    if host.is_empty() {
        return Err(format!("address {:?} has an empty host", a));
    }
    let port = parse_port(&a[i + 1..]).map_err(|e| format!("address {:?}: {}", a, e))?;
    Ok(Address { host: host.to_string(), port })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_examples_split_as_stated() {
        for ok in ["alpha@127.0.0.1:9101", "node_1-x@example.com", "a@hôst", "v6@[::1]:9101", "v6@[fe80::1]"] {
            assert!(parse(ok).is_ok(), "{} should be valid: {:?}", ok, parse(ok));
        }
        for bad in ["alpha", "al.pha@h", "@h", "alpha@", "alpha@:9101", "a@b@c", "alpha@fe80::1", "alpha@[::1:9101",
            "alpha@[]:9101", "alpha@[::1]x", "a@h:0", "a@h:65536", "a@h:12a", "a@h:", "a@h:09101"] {
            assert!(parse(bad).is_err(), "{} should be invalid", bad);
        }
        assert_eq!(parse("a@h").unwrap(), Address { host: "h".into(), port: 9000 });
        assert_eq!(parse("v6@[::1]:9101").unwrap().dial_string(), "[::1]:9101");
        assert!(parse(&format!("a@{}", "h".repeat(254))).is_err(), "256 bytes is too long");
        assert!(parse(&format!("a@{}", "h".repeat(253))).is_ok(), "255 bytes is fine");
    }
}

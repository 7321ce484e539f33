//! Frames (docs/PROTOCOL.md, Framing): `[u32 len][u8 tag][payload]`, big-endian, and an
//! incremental decoder that follows the spec's check order and never buffers more than one
//! frame's worth of bytes (FRAME-3: at most 4 + 4096).

pub const MAX_LEN: u32 = 4096;


#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    Name { name: String, creation: u8 },
    StatusChallenge { status: u8, challenge: Vec<u8>, name: String, creation: u8 },
    ChallengeReply { digest: [u8; 32], challenge: [u8; 32] },
    ChallengeAck { digest: [u8; 32] },
    Ping([u8; 8]),
    Pong([u8; 8]),
}

pub const ST_OK: u8 = 0;
pub const ST_OK_SIMULTANEOUS: u8 = 1;
pub const ST_NOK: u8 = 2;
pub const ST_NOT_ALLOWED: u8 = 3;
pub const ST_ALIVE: u8 = 4;

/// A malformed byte stream: the rule broken and what was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub rule: &'static str,
    pub detail: String,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.rule, self.detail)
    }
}

fn err<T>(rule: &'static str, detail: String) -> Result<T, DecodeError> {
    Err(DecodeError { rule, detail })
}

impl Frame {
    pub fn tag(&self) -> u8 {
        match self {
            Frame::Name { .. } => 1,
            Frame::StatusChallenge { .. } => 2,
            Frame::ChallengeReply { .. } => 3,
            Frame::ChallengeAck { .. } => 4,
            Frame::Ping(_) => 5,
            Frame::Pong(_) => 6,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Frame::Name { .. } => "NAME",
            Frame::StatusChallenge { .. } => "STATUS_CHALLENGE",
            Frame::ChallengeReply { .. } => "CHALLENGE_REPLY",
            Frame::ChallengeAck { .. } => "CHALLENGE_ACK",
            Frame::Ping(_) => "PING",
            Frame::Pong(_) => "PONG",
        }
    }

    /// The whole frame, header included (FRAME-1).
    pub fn encode(&self) -> Vec<u8> {
        let mut p = vec![self.tag()];
        match self {
            Frame::Name { name, creation } => {
                p.extend_from_slice(&(name.len() as u16).to_be_bytes());
                p.extend_from_slice(name.as_bytes());
                p.push(*creation);
            }
            Frame::StatusChallenge { status, challenge, name, creation } => {
                p.push(*status);
                p.extend_from_slice(&(challenge.len() as u32).to_be_bytes());
                p.extend_from_slice(challenge);
                p.extend_from_slice(&(name.len() as u16).to_be_bytes());
                p.extend_from_slice(name.as_bytes());
                p.push(*creation);
            }
            Frame::ChallengeReply { digest, challenge } => {
                p.extend_from_slice(&32u32.to_be_bytes());
                p.extend_from_slice(digest);
                p.extend_from_slice(&32u32.to_be_bytes());
                p.extend_from_slice(challenge);
            }
            Frame::ChallengeAck { digest } => {
                p.extend_from_slice(&32u32.to_be_bytes());
                p.extend_from_slice(digest);
            }
            Frame::Ping(b) | Frame::Pong(b) => p.extend_from_slice(b),
        }
        let mut out = (p.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(&p);
        out
    }
}

/// Incremental decoder (FRAME-10): feed any split of the stream, take frames out.
#[derive(Default)]
pub struct Decoder {
    buf: Vec<u8>,
}

impl Decoder {
    pub fn new() -> Self {
        Decoder { buf: Vec::new() }
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// The next complete frame, `Ok(None)` when more bytes are needed, or the first rule
    /// the stream breaks. Header checks are made from the header bytes alone (FRAME-3/4/11).
    pub fn next(&mut self) -> Result<Option<Frame>, DecodeError> {
        if self.buf.len() < 4 {
            return Ok(None);
        }
        let len = u32::from_be_bytes([self.buf[0], self.buf[1], self.buf[2], self.buf[3]]);
        if len == 0 {
            return err("FRAME-2", "frame length 0".into());
        }
        if len > MAX_LEN {
            return err("FRAME-3", format!("frame length {} exceeds the limit of {}", len, MAX_LEN));
        }
        if self.buf.len() < 5 {
            return Ok(None);
        }
        let tag = self.buf[4];
        if !(1..=6).contains(&tag) {
            return err("FRAME-4", format!("unknown tag {}", tag));
        }
        if (tag == 5 || tag == 6) && len != 9 {
            return err("FRAME-11", format!("{} frame length {} (must be 9)", if tag == 5 { "PING" } else { "PONG" }, len));
        }
        let total = 4 + len as usize;
        if self.buf.len() < total {
            return Ok(None);
        }
        let frame = parse_payload(tag, &self.buf[5..total])?;
        self.buf.drain(..total);
        Ok(Some(frame))
    }
}

struct Cursor<'a> {
    p: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, field: &str) -> Result<&'a [u8], DecodeError> {
        if self.p.len() - self.at < n {
            return err("FRAME-5", format!("field {} needs {} bytes, {} left in the frame", field, n, self.p.len() - self.at));
        }
        let s = &self.p[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self, f: &str) -> Result<u8, DecodeError> {
        Ok(self.take(1, f)?[0])
    }
    fn u16(&mut self, f: &str) -> Result<u16, DecodeError> {
        let b = self.take(2, f)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }
    fn u32(&mut self, f: &str) -> Result<u32, DecodeError> {
        let b = self.take(4, f)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn name(&mut self) -> Result<String, DecodeError> {
        let n = self.u16("name_len")? as usize;
        let bytes = self.take(n, "name")?;
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => err("FRAME-9", format!("name is not valid UTF-8 ({})", e)),
        }
    }
    fn exact32(&mut self, field: &str, rule: &'static str) -> Result<[u8; 32], DecodeError> {
        let l = self.u32(field)?;
        if l != 32 {
            return err(rule, format!("{} {} (must be 32)", field, l));
        }
        let mut a = [0u8; 32];
        a.copy_from_slice(self.take(32, field)?);
        Ok(a)
    }
    fn end(&self) -> Result<(), DecodeError> {
        let left = self.p.len() - self.at;
        if left != 0 {
            return err("FRAME-6", format!("{} bytes left after the last field", left));
        }
        Ok(())
    }
}

fn parse_payload(tag: u8, p: &[u8]) -> Result<Frame, DecodeError> {
    let mut c = Cursor { p, at: 0 };
    let f = match tag {
        1 => {
            let name = c.name()?;
            let creation = c.u8("creation")?;
            Frame::Name { name, creation }
        }
        2 => {
            let status = c.u8("status")?;
            if status > 4 {
                return err("STATUS-4", format!("unknown status {}", status));
            }
            let cl = c.u32("challenge_len")?;
            let want = if status == ST_NOK || status == ST_NOT_ALLOWED { 0 } else { 32 };
            if cl != want {
                let rule = if want == 32 { "STATUS-2" } else { "STATUS-3" };
                return err(rule, format!("challenge_len {} with status {} (must be {})", cl, status, want));
            }
            let challenge = c.take(cl as usize, "challenge")?.to_vec();
            let name = c.name()?;
            let creation = c.u8("creation")?;
            Frame::StatusChallenge { status, challenge, name, creation }
        }
        3 => {
            let digest = c.exact32("digest_len", "AUTH-2")?;
            let challenge = c.exact32("challenge_len", "AUTH-2")?;
            Frame::ChallengeReply { digest, challenge }
        }
        4 => Frame::ChallengeAck { digest: c.exact32("digest_len", "AUTH-2")? },
        _ => {
            let mut b = [0u8; 8];
            b.copy_from_slice(c.take(8, "payload")?);
            if tag == 5 {
                Frame::Ping(b)
            } else {
                Frame::Pong(b)
            }
        }
    };
    c.end()?;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    fn decode_all(bytes: &[u8]) -> Result<Option<Frame>, DecodeError> {
        let mut d = Decoder::new();
        d.feed(bytes);
        d.next()
    }

    #[test]
    fn name_frame_matches_the_spec_example_byte_for_byte() {
        let f = Frame::Name { name: "alpha@127.0.0.1:9101".into(), creation: 7 };
        let want = hex("00000018 01 0014 616c706861403132372e302e302e313a39313031 07");
        assert_eq!(f.encode(), want);
        assert_eq!(decode_all(&want), Ok(Some(f)));
    }

    #[test]
    fn every_frame_round_trips_split_at_every_byte() {
        let frames = vec![
            Frame::Name { name: "a@hôst".into(), creation: 1 },
            Frame::StatusChallenge { status: ST_OK, challenge: vec![9; 32], name: "b@h:2".into(), creation: 255 },
            Frame::StatusChallenge { status: ST_NOK, challenge: vec![], name: "b@h:2".into(), creation: 3 },
            Frame::ChallengeReply { digest: [1; 32], challenge: [2; 32] },
            Frame::ChallengeAck { digest: [3; 32] },
            Frame::Ping([4; 8]),
            Frame::Pong([5; 8]),
        ];
        let stream: Vec<u8> = frames.iter().flat_map(|f| f.encode()).collect();
        for chunk in [1usize, 2, 3, 7, stream.len()] {
            let mut d = Decoder::new();
            let mut got = vec![];
            for piece in stream.chunks(chunk) {
                d.feed(piece);
                while let Some(f) = d.next().unwrap() {
                    got.push(f);
                }
            }
            assert_eq!(got, frames, "split into pieces of {}", chunk);
        }
    }

    #[test]
    fn header_checks_come_from_the_header_bytes_alone() {
        assert_eq!(decode_all(&hex("00000000")).unwrap_err().rule, "FRAME-2");
        assert_eq!(decode_all(&hex("ffffffff")).unwrap_err().rule, "FRAME-3");
        assert_eq!(decode_all(&hex("00001001")).unwrap_err().rule, "FRAME-3");
        assert_eq!(decode_all(&hex("0000000907")).unwrap_err().rule, "FRAME-4");
        assert_eq!(decode_all(&hex("0000000a05")).unwrap_err().rule, "FRAME-11");
        assert_eq!(decode_all(&hex("00001000 01")), Ok(None), "4096 is allowed and needs more bytes");
    }

    #[test]
    fn payload_rules_follow_the_check_order() {
        // NAME with name_len past the end of the frame
        assert_eq!(decode_all(&hex("00000004 01 0005 61 07")).unwrap_err().rule, "FRAME-5");
        // NAME with a trailing byte
        assert_eq!(decode_all(&hex("00000006 01 0001 61 07 00")).unwrap_err().rule, "FRAME-6");
        // overlong UTF-8
        assert_eq!(decode_all(&hex("00000006 01 0002 c0af 07")).unwrap_err().rule, "FRAME-9");
        // unknown status, then bad challenge_len for ok and for nok
        assert_eq!(decode_all(&hex("00000002 02 05")).unwrap_err().rule, "STATUS-4");
        assert_eq!(decode_all(&hex("00000006 02 00 00000010")).unwrap_err().rule, "STATUS-2");
        assert_eq!(decode_all(&hex("00000006 02 02 00000001")).unwrap_err().rule, "STATUS-3");
        // CHALLENGE_ACK with digest_len 31
        assert_eq!(decode_all(&hex("00000005 04 0000001f")).unwrap_err().rule, "AUTH-2");
    }
}

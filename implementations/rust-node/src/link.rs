//! One TLS connection carrying frames, over a blocking socket with read deadlines. The only
//! place (with the listener in node.rs) that touches sockets.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use crate::wire::{DecodeError, Decoder, Frame};

pub enum LinkError {
    /// TLS refused: plaintext peer, TLS 1.2, an alert (TLS-1).
    Tls(String),
    /// The peer closed or reset, or a read or write failed.
    Io(String),
    /// A decoder error (FRAME-2..6, 9, 11, STATUS-2..4, AUTH-2).
    Proto(DecodeError),
    /// The deadline passed.
    Timeout,
}

pub struct Link {
    conn: rustls::Connection,
    sock: TcpStream,
    dec: Decoder,
}

fn remaining(deadline: Instant) -> Option<Duration> {
    let now = Instant::now();
    if now >= deadline {
        None
    } else {
        Some((deadline - now).max(Duration::from_millis(1)))
    }
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut)
}

impl Link {
    pub fn new(conn: rustls::Connection, sock: TcpStream) -> Link {
        let _ = sock.set_nodelay(true);
        let _ = sock.set_write_timeout(Some(Duration::from_secs(10)));
        Link { conn, sock, dec: Decoder::new() }
    }

    /// The TLS connection, for what its handshake established (the peer's certificate).
    pub fn tls(&self) -> &rustls::Connection {
        &self.conn
    }

    /// Runs the TLS handshake to completion before `deadline`.
    pub fn handshake(&mut self, deadline: Instant) -> Result<(), LinkError> {
        while self.conn.is_handshaking() {
            let left = remaining(deadline).ok_or(LinkError::Timeout)?;
            let _ = self.sock.set_read_timeout(Some(left));
            match self.conn.complete_io(&mut self.sock) {
                Ok(_) => {}
                Err(e) if is_timeout(&e) => {}
                Err(e) if e.kind() == io::ErrorKind::InvalidData => return Err(LinkError::Tls(e.to_string())),
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                    return Err(LinkError::Io("the peer closed during the TLS handshake".into()))
                }
                Err(e) => return Err(LinkError::Io(e.to_string())),
            }
        }
        if self.conn.protocol_version() != Some(rustls::ProtocolVersion::TLSv1_3) {
            return Err(LinkError::Tls("TLS-1: not TLS 1.3".into()));
        }
        self.flush()
    }

    /// The next frame, or `Ok(None)` once `deadline` passes with no complete frame.
    pub fn read_frame(&mut self, deadline: Instant) -> Result<Option<Frame>, LinkError> {
        let mut buf = [0u8; 4096];
        loop {
            if let Some(f) = self.dec.next().map_err(LinkError::Proto)? {
                return Ok(Some(f));
            }
            match self.conn.reader().read(&mut buf) {
                Ok(0) => return Err(LinkError::Io("the peer closed the connection".into())),
                Ok(n) => {
                    self.dec.feed(&buf[..n]);
                    continue;
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(_) => return Err(LinkError::Io("the peer closed the connection without close_notify".into())),
            }
            let left = match remaining(deadline) {
                Some(d) => d,
                None => return Ok(None),
            };
            let _ = self.sock.set_read_timeout(Some(left));
            match self.conn.read_tls(&mut self.sock) {
                Ok(_) => {
                    self.conn.process_new_packets().map_err(|e| LinkError::Tls(e.to_string()))?;
                    self.flush()?;
                }
                Err(e) if is_timeout(&e) => {}
                Err(e) => return Err(LinkError::Io(e.to_string())),
            }
        }
    }

    pub fn write_frame(&mut self, f: &Frame) -> Result<(), LinkError> {
        self.conn.writer().write_all(&f.encode()).map_err(|e| LinkError::Io(e.to_string()))?;
        self.flush()
    }

    fn flush(&mut self) -> Result<(), LinkError> {
        while self.conn.wants_write() {
            self.conn.write_tls(&mut self.sock).map_err(|e| LinkError::Io(e.to_string()))?;
        }
        Ok(())
    }

    /// Close: close_notify (not "sending anything" in the spec's sense), then TCP.
    pub fn close(mut self) {
        self.conn.send_close_notify();
        let _ = self.sock.set_write_timeout(Some(Duration::from_millis(200)));
        let _ = self.flush();
        let _ = self.sock.shutdown(Shutdown::Both);
    }
}

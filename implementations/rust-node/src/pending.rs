//! Which pending incoming handshake to close when a new connection arrives (LIM-2, LIM-5).
//!
//! ```text
//! pending, in accept order:   [c1 A] [c2 B] [c3 B] [c4 A] [c5 B]      new connection from B
//! LIM-5 (per source)          B holds per_source (min(max_pending_per_source,
//!                             max_pending_handshakes); 0 = off)?  close B's oldest: c2
//! LIM-2 (whole table)         table full?  close the oldest of the source holding the most
//!                             (ties: the source whose oldest is older); with LIM-5 off: c1
//! ```
//! A flooding source thereby only ever evicts its own connections. The choice is a pure
//! function of the table; the node applies it until there is room.

use std::net::IpAddr;

/// One pending incoming connection: its id and source address (IP without port).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pending {
    pub id: u64,
    pub source: IpAddr,
}

/// The connection to close before accepting one more from `source`, with the rule that chose
/// it, or None when there is room. `pending` is in accept order (oldest first).
pub fn victim(pending: &[Pending], source: IpAddr, max_total: usize, max_per_source: usize) -> Option<(u64, &'static str)> {
    let per_source = if max_per_source == 0 { None } else { Some(max_per_source.min(max_total)) };
    if let Some(limit) = per_source {
        let mine: Vec<&Pending> = pending.iter().filter(|p| p.source == source).collect();
        if mine.len() >= limit {
            return Some((mine[0].id, "LIM-5: evicted at max_pending_per_source, the source's own oldest"));
        }
    }
    if pending.len() < max_total {
        return None;
    }
    if per_source.is_none() {
        return pending.first().map(|p| (p.id, "LIM-2: evicted at max_pending_handshakes, the oldest"));
    }
    // The source holding the most; ties go to the one whose oldest came first, so scanning in
    // accept order and keeping the first maximum gives both the source and its oldest.
    let mut best: Option<(usize, u64)> = None;
    for (i, p) in pending.iter().enumerate() {
        if pending[..i].iter().any(|q| q.source == p.source) {
            continue; // not this source's oldest
        }
        let n = pending.iter().filter(|q| q.source == p.source).count();
        if best.map_or(true, |(m, _)| n > m) {
            best = Some((n, p.id));
        }
    }
    best.map(|(_, id)| (id, "LIM-2/LIM-5: evicted at max_pending_handshakes, the busiest source's oldest"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([127, 0, 0, last])
    }

    fn table(sources: &[u8]) -> Vec<Pending> {
        sources.iter().enumerate().map(|(i, &s)| Pending { id: i as u64 + 1, source: ip(s) }).collect()
    }

    #[test]
    fn the_picture_above() {
        let t = table(&[1, 2, 2, 1, 2]); // c1 A, c2 B, c3 B, c4 A, c5 B
        assert_eq!(victim(&t, ip(2), 64, 3).map(|v| v.0), Some(2), "LIM-5: B at its limit loses its own oldest");
        assert_eq!(victim(&t, ip(1), 64, 3).map(|v| v.0), None, "A is under its limit and the table has room");
        assert_eq!(victim(&t, ip(1), 5, 16).map(|v| v.0), Some(2), "LIM-2 with LIM-5: the busiest source B's oldest");
        assert_eq!(victim(&t, ip(1), 5, 0).map(|v| v.0), Some(1), "LIM-2 alone: the oldest overall");
    }

    #[test]
    fn ties_go_to_the_source_whose_oldest_is_older_and_limits_combine_as_min() {
        let t = table(&[2, 1, 1, 2]);
        assert_eq!(victim(&t, ip(3), 4, 16).map(|v| v.0), Some(1), "2 and 2: source 2's oldest came first");
        let t = table(&[1, 1]);
        assert_eq!(victim(&t, ip(1), 2, 16).map(|v| v.1.starts_with("LIM-5")), Some(true), "effective per-source limit is min(16, 2)");
    }

    #[test]
    fn a_flood_from_one_source_never_evicts_another_sources_handshake() {
        let good = Pending { id: 0, source: ip(1) };
        let mut t = vec![good];
        for id in 1..1000u64 {
            while let Some((v, _)) = victim(&t, ip(2), 8, 16) {
                assert_ne!(v, 0, "the good handshake from 127.0.0.1 was chosen at flood connection {}", id);
                t.retain(|p| p.id != v);
            }
            t.push(Pending { id, source: ip(2) });
            assert!(t.len() <= 8, "LIM-2: the table never exceeds max_pending_handshakes");
        }
        assert!(t.contains(&good));
    }
}

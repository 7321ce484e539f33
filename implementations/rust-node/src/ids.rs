//! node_id allocation (ID-1..ID-4): never-used ids first in increasing order, then freed
//! ids least-recently-freed first.

use std::collections::VecDeque;

pub struct IdAllocator {
    max: u16,
    next_unused: u32,
    freed: VecDeque<u16>,
}

impl IdAllocator {
    pub fn new(max: u16) -> Self {
        IdAllocator { max, next_unused: 1, freed: VecDeque::new() }
    }

    pub fn has_free(&self) -> bool {
        self.next_unused <= self.max as u32 || !self.freed.is_empty()
    }

    pub fn allocate(&mut self) -> Option<u16> {
        if self.next_unused <= self.max as u32 {
            let id = self.next_unused as u16;
            self.next_unused += 1;
            return Some(id);
        }
        self.freed.pop_front()
    }

    pub fn free(&mut self, id: u16) {
        self.freed.push_back(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_example_with_max_4() {
        let mut a = IdAllocator::new(4);
        let got: Vec<u16> = (0..4).map(|_| a.allocate().unwrap()).collect();
        assert_eq!(got, vec![1, 2, 3, 4]);
        a.free(2);
        a.free(4);
        assert_eq!(a.allocate(), Some(2));
        assert_eq!(a.allocate(), Some(4));
        assert!(!a.has_free());
        assert_eq!(a.allocate(), None);
        a.free(1);
        assert_eq!(a.allocate(), Some(1));
    }

    #[test]
    fn never_used_ids_come_before_freed_ones() {
        let mut a = IdAllocator::new(4);
        assert_eq!(a.allocate(), Some(1));
        assert_eq!(a.allocate(), Some(2));
        a.free(1);
        assert_eq!(a.allocate(), Some(3));
        assert_eq!(a.allocate(), Some(4));
        assert_eq!(a.allocate(), Some(1));
    }
}

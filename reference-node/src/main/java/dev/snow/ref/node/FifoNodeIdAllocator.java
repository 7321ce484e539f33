package dev.snow.ref.node;

import java.util.BitSet;

/**
 * Never-used ids first in increasing order (ID-2), then freed ids least-recently-freed first
 * (ID-3), so that a stale (node_id, creation) pair keeps pointing nowhere for as long as
 * possible. O(1) amortised per call; freed ids sit in a ring that grows with use (up to
 * {@code max} ints), so a node configured for 65,535 peers that has few costs little memory.
 */
public final class FifoNodeIdAllocator implements NodeIdAllocator {
    private final int max;
    private int[] ring;
    private final BitSet inUse;
    private int nextNeverUsed = 1;
    private int head;
    private int size;

    public FifoNodeIdAllocator(int maxNodeId) {
        if (maxNodeId < 1 || maxNodeId > 65535) {
            throw new IllegalArgumentException("max_node_id must be 1..65535 (ID-1), was " + maxNodeId);
        }
        this.max = maxNodeId;
        this.ring = new int[Math.min(maxNodeId, 16)];
        this.inUse = new BitSet();
    }

    @Override
    public int allocate() {
        int id;
        if (nextNeverUsed <= max) {
            id = nextNeverUsed++;
        } else if (size > 0) {
            id = ring[head];
            head = (head + 1) % ring.length;
            size--;
        } else {
            return -1;
        }
        inUse.set(id);
        return id;
    }

    @Override
    public void free(int id) {
        if (id < 1 || id > max || !inUse.get(id)) {
            throw new IllegalStateException("node_id " + id + " is not in use (ID-4)");
        }
        inUse.clear(id);
        if (size == ring.length) {
            int[] bigger = new int[Math.min(max, ring.length * 2)];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) % ring.length];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size) % ring.length] = id;
        size++;
    }

    @Override
    public boolean hasFree() {
        return nextNeverUsed <= max || size > 0;
    }

    @Override
    public int maxNodeId() {
        return max;
    }
}

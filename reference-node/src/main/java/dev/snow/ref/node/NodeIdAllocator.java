package dev.snow.ref.node;

/** Hands out node_ids 1..max (ID-1); the strategy seam behind {@link FifoNodeIdAllocator}. */
public interface NodeIdAllocator {
    /** The next id, or -1 when none is free (ID-5). */
    int allocate();

    /** Gives {@code id} back (ID-4). */
    void free(int id);

    boolean hasFree();

    int maxNodeId();
}

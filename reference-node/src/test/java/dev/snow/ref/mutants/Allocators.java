package dev.snow.ref.mutants;

import dev.snow.ref.node.NodeIdAllocator;
import java.util.ArrayDeque;
import java.util.BitSet;

/** Wrong node_id allocators for the id mutants (the right one is FifoNodeIdAllocator). */
final class Allocators {
    private Allocators() {
    }

    /** Shared bookkeeping: which ids are in use, within 1..max. */
    private abstract static class Base implements NodeIdAllocator {
        final int max;
        final BitSet inUse = new BitSet();

        Base(int max) {
            this.max = max;
        }

        int take(int id) {
            inUse.set(id);
            return id;
        }

        @Override
        public void free(int id) {
            if (!inUse.get(id)) {
                throw new IllegalStateException("node_id " + id + " is not in use");
            }
            inUse.clear(id);
            freed(id);
        }

        abstract void freed(int id);

        @Override
        public int maxNodeId() {
            return max;
        }
    }

    /** Never-used ids in order, then none: a freed id never comes back (ID-3). */
    static final class NeverRecycles extends Base {
        private int next = 1;

        NeverRecycles(int max) {
            super(max);
        }

        @Override
        public int allocate() {
            return next <= max ? take(next++) : -1;
        }

        @Override
        void freed(int id) {
        }

        @Override
        public boolean hasFree() {
            return next <= max;
        }
    }

    /** Never-used ids in order, then the most recently freed first (ID-3 says least recently). */
    static final class Lifo extends Base {
        private int next = 1;
        private final ArrayDeque<Integer> stack = new ArrayDeque<>();

        Lifo(int max) {
            super(max);
        }

        @Override
        public int allocate() {
            if (next <= max) {
                return take(next++);
            }
            Integer id = stack.pollFirst();
            return id == null ? -1 : take(id);
        }

        @Override
        void freed(int id) {
            stack.addFirst(id);
        }

        @Override
        public boolean hasFree() {
            return next <= max || !stack.isEmpty();
        }
    }

    /** Never-used ids from max down (ID-2 says increasing), then freed ones FIFO. */
    static final class Descending extends Base {
        private int next;
        private final ArrayDeque<Integer> queue = new ArrayDeque<>();

        Descending(int max) {
            super(max);
            this.next = max;
        }

        @Override
        public int allocate() {
            if (next >= 1) {
                return take(next--);
            }
            Integer id = queue.pollFirst();
            return id == null ? -1 : take(id);
        }

        @Override
        void freed(int id) {
            queue.addLast(id);
        }

        @Override
        public boolean hasFree() {
            return next >= 1 || !queue.isEmpty();
        }
    }

    /** Like FIFO, but a freed id stays at the head of the queue when handed out: two sessions get it (ID-4). */
    static final class HandsOutTwice extends Base {
        private int next = 1;
        private final ArrayDeque<Integer> queue = new ArrayDeque<>();

        HandsOutTwice(int max) {
            super(max);
        }

        @Override
        public int allocate() {
            if (next <= max) {
                return take(next++);
            }
            Integer id = queue.peekFirst();
            return id == null ? -1 : take(id);
        }

        @Override
        public void free(int id) {
            inUse.clear(id);
            freed(id);
        }

        @Override
        void freed(int id) {
            queue.remove(id);
            queue.addLast(id);
        }

        @Override
        public boolean hasFree() {
            return next <= max || !queue.isEmpty();
        }
    }
}

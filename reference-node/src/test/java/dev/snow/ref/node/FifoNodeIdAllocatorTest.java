package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocator alone (ID-1..ID-5), including the full 16-bit space. */
class FifoNodeIdAllocatorTest {

    @Test
    void neverUsedInOrderThenFreedFifoThenNone() {
        FifoNodeIdAllocator ids = new FifoNodeIdAllocator(3);

        assertThat(List.of(ids.allocate(), ids.allocate(), ids.allocate())).containsExactly(1, 2, 3);
        assertThat(ids.allocate()).isEqualTo(-1);
        assertThat(ids.hasFree()).isFalse();
        ids.free(3);
        ids.free(1);
        assertThat(ids.allocate()).isEqualTo(3);
        assertThat(ids.allocate()).isEqualTo(1);
    }

    @Test
    void theWholeSixteenBitSpaceThenRecyclingInFreeOrder() {
        FifoNodeIdAllocator ids = new FifoNodeIdAllocator(65535);
        for (int i = 1; i <= 65535; i++) {
            assertThat(ids.allocate()).isEqualTo(i);
        }
        assertThat(ids.allocate()).isEqualTo(-1);
        Random r = new Random(7);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int id = 1 + r.nextInt(65535);
            if (!order.contains(id)) {
                order.add(id);
                ids.free(id);
            }
        }
        for (int id : order) {
            assertThat(ids.allocate()).isEqualTo(id);
        }
    }

    @Test
    void aModelCheckOfRandomAllocateAndFree() {
        FifoNodeIdAllocator ids = new FifoNodeIdAllocator(50);
        ArrayDeque<Integer> modelFree = new ArrayDeque<>();
        List<Integer> live = new ArrayList<>();
        int never = 1;
        Random r = new Random(11);
        for (int step = 0; step < 100_000; step++) {
            if (r.nextInt(3) > 0) {
                int expected = never <= 50 ? never++ : modelFree.isEmpty() ? -1 : modelFree.poll();
                int got = ids.allocate();
                assertThat(got).as("step %d", step).isEqualTo(expected);
                if (got > 0) {
                    live.add(got);
                }
            } else if (!live.isEmpty()) {
                int id = live.remove(r.nextInt(live.size()));
                ids.free(id);
                modelFree.add(id);
            }
        }
    }

    @Test
    void freeingAnIdNotInUseIsABug() {
        FifoNodeIdAllocator ids = new FifoNodeIdAllocator(4);
        int id = ids.allocate();
        ids.free(id);

        assertThatThrownBy(() -> ids.free(id)).hasMessageContaining("ID-4");
        assertThatThrownBy(() -> ids.free(0)).hasMessageContaining("ID-4");
        assertThatThrownBy(() -> new FifoNodeIdAllocator(65536)).hasMessageContaining("ID-1");
    }
}

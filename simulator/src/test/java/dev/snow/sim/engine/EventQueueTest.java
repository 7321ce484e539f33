package dev.snow.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void popsInTimeOrderAndInScheduleOrderWithinAnInstant() {
        Simulation sim = new Simulation();
        List<String> fired = new ArrayList<>();
        sim.at(30, t -> fired.add("c@" + t));
        sim.at(10, t -> fired.add("a@" + t));
        sim.at(30, t -> fired.add("d@" + t));
        sim.at(10, t -> fired.add("b@" + t));

        while (sim.step(Long.MAX_VALUE)) {
        }

        assertThat(fired).containsExactly("a@10", "b@10", "c@30", "d@30");
        assertThat(sim.now()).isEqualTo(30);
        assertThat(sim.fired()).isEqualTo(4);
    }

    /** An event that knows its own key, so the test can see what popped. */
    private record Keyed(long time, long seq) implements Event {
        @Override
        public void fire(long now) {
        }
    }

    @Test
    void popsExactlyWhatAReferencePriorityQueuePopsOverRandomPushesAndPops() {
        Rng rng = new Rng(42);
        EventQueue<Keyed> q = new EventQueue<>();
        java.util.PriorityQueue<Keyed> reference = new java.util.PriorityQueue<>(
                Comparator.comparingLong(Keyed::time).thenComparingLong(Keyed::seq));
        long seq = 0;
        int pops = 0;
        for (int round = 0; round < 50_000; round++) {
            if (q.isEmpty() || rng.nextInt(3) > 0) {
                Keyed k = new Keyed(rng.nextLong(500), seq++);
                q.push(k.time(), k.seq(), k);
                reference.add(k);
            } else {
                assertThat(q.peekTime()).isEqualTo(reference.peek().time());
                assertThat(q.pop()).isSameAs(reference.poll());
                pops++;
            }
            assertThat(q.size()).isEqualTo(reference.size());
        }
        while (!q.isEmpty()) {
            assertThat(q.pop()).isSameAs(reference.poll());
            pops++;
        }
        assertThat(pops).isEqualTo(seq);
    }

    @Test
    void refusesToScheduleInThePast() {
        Simulation sim = new Simulation();
        sim.at(100, t -> { });
        sim.step(Long.MAX_VALUE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.at(99, t -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99").hasMessageContaining("100");
    }

    @Test
    void stepStopsAtTheLimit() {
        Simulation sim = new Simulation();
        List<Long> fired = new ArrayList<>();
        sim.at(5, fired::add);
        sim.at(15, fired::add);
        while (sim.step(10)) {
        }
        assertThat(fired).containsExactly(5L);
        assertThat(sim.nextTime()).isEqualTo(15);
    }
}

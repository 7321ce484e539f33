package dev.snow.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongMapTest {

    @Test
    void behavesLikeAHashMapOverRandomPutsGetsAndRemoves() {
        Rng rng = new Rng(5);
        LongMap<String> map = new LongMap<>();
        Map<Long, String> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = rng.between(-300, 3000);
            switch (rng.nextInt(3)) {
                case 0:
                    map.put(key, "v" + i);
                    reference.put(key, "v" + i);
                    break;
                case 1:
                    assertThat(map.remove(key)).isEqualTo(reference.remove(key));
                    break;
                default:
                    assertThat(map.get(key)).isEqualTo(reference.get(key));
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        assertThat(map.sortedKeys()).containsExactly(reference.keySet().stream().sorted().mapToLong(Long::longValue).toArray());
    }
}

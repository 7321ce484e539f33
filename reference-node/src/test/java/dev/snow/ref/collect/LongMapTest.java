package dev.snow.ref.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LongMap against java.util.HashMap as the model, over a fixed-seed run of puts, gets and removes. */
class LongMapTest {

    @Test
    void behavesLikeAHashMapOverRandomPutsGetsAndRemoves() {
        SplittableRandom rng = new SplittableRandom(5);
        LongMap<String> map = new LongMap<>();
        Map<Long, String> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = rng.nextLong(-300, 3000);
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

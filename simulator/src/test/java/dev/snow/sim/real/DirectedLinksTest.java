package dev.snow.sim.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.sim.scenario.LinkSelector;
import dev.snow.sim.scenario.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which directed links, hence which proxy halves, a partition or latency action touches. */
class DirectedLinksTest {
    private static final List<String> NODES = List.of("a@sim", "b@sim", "c@sim");

    private static Selector sel(String... names) {
        return new Selector(String.join(",", names), List.of(names));
    }

    private static List<String> links(LinkSelector s) {
        return DirectedLinks.of(s, NODES).stream().map(p -> p[0] + "->" + p[1]).toList();
    }

    @Test
    void oneWayIsOneDirectionOnly() {
        assertThat(links(new LinkSelector(LinkSelector.Kind.ONE_WAY, sel("a@sim"), sel("b@sim")))).containsExactly("0->1");
    }

    @Test
    void betweenIsBothDirectionsOfEveryPairButNoSelfLink() {
        assertThat(links(new LinkSelector(LinkSelector.Kind.BETWEEN, sel("a@sim", "b@sim"), sel("b@sim", "c@sim"))))
                .containsExactly("0->1", "1->0", "0->2", "2->0", "1->2", "2->1");
    }

    @Test
    void isolateCutsTheGroupFromEveryoneElseOnly() {
        assertThat(links(new LinkSelector(LinkSelector.Kind.ISOLATE, sel("a@sim", "b@sim"), null)))
                .containsExactlyInAnyOrder("0->2", "2->0", "1->2", "2->1");
    }

    @Test
    void allIsEveryOrderedPair() {
        assertThat(links(LinkSelector.ALL)).hasSize(6).doesNotContain("0->0", "1->1", "2->2");
    }
}

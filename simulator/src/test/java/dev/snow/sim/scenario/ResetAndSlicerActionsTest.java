package dev.snow.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code reset} and {@code slicer} timeline actions: fields, defaults, and errors that name the field and the value. */
class ResetAndSlicerActionsTest {
    private static final String HEAD = "duration: 1m\nnodes:\n  - name: a@sim\n  - name: b@sim\ntimeline:\n  - at: 1s\n";
    private static final Selector A = new Selector("a@sim", List.of("a@sim"));
    private static final Selector B = new Selector("b@sim", List.of("b@sim"));

    private static Action action(String entry) {
        return ScenarioLoader.parse("t.yaml", HEAD + entry + "\n").timeline().get(0).action();
    }

    private static void refused(String entry, String... fragments) {
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", HEAD + entry + "\n"))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }

    @Test
    void resetTakesLinksAndATimeoutThatDefaultsToZero() {
        assertThat(action("    reset: {between: [a@sim, b@sim]}"))
                .isEqualTo(new Action.Reset(new LinkSelector(LinkSelector.Kind.BETWEEN, A, B), 0));
        assertThat(action("    reset: {from: a@sim, to: b@sim, timeout: 250ms}"))
                .isEqualTo(new Action.Reset(new LinkSelector(LinkSelector.Kind.ONE_WAY, A, B), 250 * Units.MS));
        assertThat(action("    reset: all")).isEqualTo(new Action.Reset(LinkSelector.ALL, 0));
    }

    @Test
    void slicerTakesAnAverageSizeAndDefaultsToNoVariationAndNoDelay() {
        assertThat(action("    slicer: {all: true, average_size: 1}"))
                .isEqualTo(new Action.Slicer(LinkSelector.ALL, 1, 0, 0));
        Action.Slicer s = (Action.Slicer) action("    slicer: {between: [a@sim, b@sim], average_size: 16, size_variation: 4, delay: 1ms}");
        assertThat(s).isEqualTo(new Action.Slicer(new LinkSelector(LinkSelector.Kind.BETWEEN, A, B), 16, 4, Units.MS));
        assertThat(s.off()).isFalse();
        assertThat(((Action.Slicer) action("    slicer: {all: true, average_size: 0}")).off()).isTrue();
        assertThat(ScenarioLoader.parse("t.yaml", HEAD + "    slicer: {all: true, average_size: 8, delay: 2ms}\n").timeline().get(0).text())
                .isEqualTo("slicer all links average 8 B delay 2ms");
    }

    @Test
    void badResetFieldsNameTheFieldAndTheValue() {
        refused("    reset: {between: [a@sim, b@sim], timeout: 5}", "bad.yaml:7:", "timeline[0].reset.timeout", "\"5\"");
        refused("    reset: {between: [a@sim, b@sim], after: 1s}", "unknown field after", "timeout");
        refused("    reset: {between: [a@sim, c@sim]}", "\"c@sim\" is neither a node");
        refused("    reset: a@sim", "timeline[0].reset");
    }

    @Test
    void badSlicerFieldsNameTheFieldAndTheValue() {
        refused("    slicer: {all: true}", "timeline[0].slicer", "missing required field \"average_size\"");
        refused("    slicer: {all: true, average_size: -1}", "timeline[0].slicer.average_size", "found -1");
        refused("    slicer: {all: true, average_size: big}", "timeline[0].slicer.average_size", "big");
        refused("    slicer: {all: true, average_size: 70000}", "average_size", "0..65536", "found 70000");
        refused("    slicer: {all: true, average_size: 4, size_variation: 4}",
                "timeline[0].slicer.size_variation", "smaller than average_size (4)", "found 4");
        refused("    slicer: {all: true, average_size: 4, delay: 3}", "timeline[0].slicer.delay", "\"3\"");
        refused("    slicer: {all: true, average_size: 0, delay: 1ms}", "average_size 0 ends slicing", "delay 1ms");
        refused("    slicer: {all: true, average_size: 4, sizevariation: 1}", "unknown field sizevariation", "size_variation");
    }
}

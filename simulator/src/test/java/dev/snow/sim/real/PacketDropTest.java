package dev.snow.sim.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.sim.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** True packet drop: the nftables rule of a proxy half, and a lossy real-mode run inside unshare -rn where Linux allows it. */
class PacketDropTest {
    private static final Path SCENARIOS = Path.of(System.getProperty("sim.scenarios", "../scenarios"));
    private static final Path ROOT = SCENARIOS.toAbsolutePath().getParent();

    @Test
    void anUpstreamHalfDropsSegmentsToTheProxyAndADownstreamHalfSegmentsFromIt() {
        assertThat(PacketDrop.rule(true, 40123, 0.10)).isEqualTo("tcp dport 40123 numgen random mod 10000 < 1000 counter drop");
        assertThat(PacketDrop.rule(false, 40124, 0.015)).isEqualTo("tcp sport 40124 numgen random mod 10000 < 150 counter drop");
        assertThat(PacketDrop.rule(true, 1, 1.5)).as("a rate is at most 1").endsWith("< 10000 counter drop");
    }

    @Test
    void theRulesAreNeverWrittenOutsideAPrivateNamespace() {
        Assumptions.assumeFalse(PacketDrop.inPrivateNamespace(), "this test JVM already runs in a private network namespace");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(PacketDrop::open))
                .hasMessageContaining("not in a private network namespace");
    }

    @Test
    void tenPercentLossAsTruePacketDropStillFormsAndHoldsTheMesh(@TempDir Path tmp) throws Exception {
        String why = PacketDrop.unavailable();
        if (why != null) {
            System.err.println("PacketDropTest: skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        Assumptions.assumeTrue(Files.isRegularFile(ROOT.resolve("reference-node/target/snow-node.jar")), "snow-node.jar is not built");
        Path timeline = tmp.resolve("nf.jsonl");

        String home = System.getProperty("snow.home");
        System.setProperty("snow.home", ROOT.toString());
        String out;
        try {
            // re-executes under unshare -rn; the child's PASS/FAILED report goes to the console
            out = CliRunner.run("run", SCENARIOS.resolve("loss-10-percent-real.yaml").toAbsolutePath().toString(), "--real",
                    "--netfilter-loss", "--faults", "embedded", "--timeline", timeline.toString());
        } finally {
            if (home == null) {
                System.clearProperty("snow.home");
            } else {
                System.setProperty("snow.home", home);
            }
        }

        assertThat(out).as("exit code and output: %s", out).startsWith("0\n");
        Matcher m = Pattern.compile("\"dropped_packets\":(\\d+)").matcher(Files.readString(timeline));
        assertThat(m.find()).as("the run counted its drops").isTrue();
        assertThat(Long.parseLong(m.group(1))).as("packets the kernel dropped and TCP retransmitted").isPositive();
    }
}

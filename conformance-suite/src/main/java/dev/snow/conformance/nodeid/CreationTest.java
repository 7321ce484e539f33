package dev.snow.conformance.nodeid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.RunContext;
import dev.snow.conformance.harness.Tester;
import org.junit.jupiter.api.Test;

/**
 * creation is configurable and carried in NAME and STATUS_CHALLENGE; the default (random) one is
 * checked by names.DefaultPortTest, whose node is started with defaults only.
 */
@ConformanceTest
class CreationTest {

    @Test
    @Requirement({"ID-6", "HS-2"})
    void theConfiguredCreationIsUsedInBothRoles(Iut iut, Tester t) {
        assertThat(iut.creation()).as("ID-6: creation configured through start").isEqualTo(RunContext.SUITE_CREATION);
        assertThat(Handshakes.sendName(t.dial(iut), iut, t.name("creation"), 3).creation()).as("HS-2: creation in STATUS_CHALLENGE")
                .isEqualTo(RunContext.SUITE_CREATION);
        Handshakes.accept(t, iut, "creation");
    }
}

package dev.snow.conformance.sanity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after every other class: the IUT survived the whole run and still does a plain handshake. */
@ConformanceTest
@Order(Integer.MAX_VALUE)
class SanityLastTest {

    @Test
    @Requirement({"LIM-4", "HS-8"})
    void sanityHandshakeLast(Iut iut, Tester t) {
        Handshakes.initiate(t, iut, t.name("sanity-last"), 6);
        assertThat(t.run().sharedDeaths()).as("LIM-4: the shared IUT node died during the run").isEmpty();
        assertThat(t.run().sharedStarts()).as("LIM-4: times the shared IUT node had to be started (1 = it never died)").isEqualTo(1);
    }
}

package dev.snow.conformance.cli;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Inconclusive;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.harness.UnsupportedByIut;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Requirement-test look-alikes with known outcomes, run by {@link VerdictsTest} (not a test itself). */
@ConformanceTest
class VerdictFixtures {
    @Test
    @Requirement({"AUTH-6"})
    void passes() {
    }

    @Test
    @Requirement({"AUTH-6"})
    void fails() {
        throw new AssertionError("AUTH-6: planted failure");
    }

    @Test
    @Requirement({"AUTH-5"})
    void failsAsExpected() {
        throw new AssertionError("AUTH-5: planted, listed failure");
    }

    @Test
    @Requirement({"AUTH-3"})
    void passesButIsListed() {
    }

    @Test
    @Requirement({"AUTH-4"})
    void isUnsupported() {
        throw new UnsupportedByIut("the adapter answered unsupported to 'time_compare'");
    }

    @Test
    @Requirement({"HS-1"})
    void isInconclusive() {
        throw new Inconclusive("HS-1: planted, the positive control was not detected within the budget");
    }

    @Test
    @Requirement({"HS-2"})
    void isInconclusiveButListed() {
        throw new Inconclusive("HS-2: planted, listed as an expected failure");
    }

    @Test
    @Requirement({"TLS-3"})
    void missesAShould() {
        throw new AssertionError("TLS-3: planted SHOULD miss");
    }

    @Test
    @Requirement({"SEC-1"})
    void demonstrates(Tester t) {
        t.informational("planted finding");
        t.note("SEC-1: a note");
    }

    @TestFactory
    @Requirement({"FRAME-2", "FRAME-4"})
    Stream<DynamicTest> table() {
        return Stream.of(dynamicTest("ok-case [FRAME-2] passes", () -> { }),
                dynamicTest("bad-case [FRAME-4] fails but is listed", () -> {
                    throw new AssertionError("FRAME-4: planted");
                }));
    }
}

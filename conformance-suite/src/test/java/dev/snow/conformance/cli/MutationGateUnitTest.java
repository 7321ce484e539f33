package dev.snow.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snow.conformance.harness.ConfigError;
import dev.snow.conformance.harness.Implementation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's parts that need no process: registry lines, attribution, verdicts and the matrix. */
class MutationGateUnitTest {

    @Test
    void registryLinesParseWithAndWithoutAnAwaitingMark() {
        List<MutantSpec> specs = MutantSpec.parse(List.of(
                "lifo-ids\tID-3\tfreed ids LIFO",
                "",
                "no-tiebreak\tTIE-1, TIE-2\tno tiebreak",
                "leaky\tAUTH-4\tleaks\tthe network tier"));

        assertThat(specs).extracting(MutantSpec::name).containsExactly("lifo-ids", "no-tiebreak", "leaky");
        assertThat(specs.get(1).breaks()).containsExactly("TIE-1", "TIE-2");
        assertThat(specs.get(0).awaiting()).isNull();
        assertThat(specs.get(2).awaiting()).isEqualTo("the network tier");
        assertThatThrownBy(() -> MutantSpec.parse(List.of("just-a-name"))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("just-a-name");
    }

    @Test
    void aFailureMarksTheRuleAtTheHeadOfItsMessage() {
        List<String> test = List.of("ID-1", "ID-2", "ID-3");

        assertThat(Attribution.of("[ID-3: freed ids FIFO (node_id of p5)]  expected: 2 but was: 4", test)).containsExactly("ID-3");
        assertThat(Attribution.of("AUTH-6: reason is nok", test)).containsExactly("AUTH-6");
        assertThat(Attribution.of("LIM-4 (liveness check): the IUT no longer completes a good handshake: AUTH-6: x", test))
                .containsExactly("LIM-4");
        assertThat(Attribution.of("the IUT reported TIE-4: the attempt given up, which it must not", test)).containsExactly("TIE-4");
        assertThat(Attribution.of("the IUT did not report handshake_failed for a@h within 5000 ms; events seen: "
                + "[{\"detail\":\"AUTH-6: digest\"}]", test)).as("rules in the events seen are not the check's").isEqualTo(test);
        assertThat(Attribution.of(null, test)).isEqualTo(test);
    }

    @Test
    void aMutantIsKilledOnlyByAFailureOfARequirementItNames() {
        MutantSpec m = new MutantSpec("lifo-ids", List.of("ID-3"), "LIFO", null);

        MutantOutcome other = MutantOutcome.of(m, result(record("ID-2", Verdict.FAIL), record("ID-3", Verdict.PASS)));
        MutantOutcome killed = MutantOutcome.of(m, result(record("ID-3", Verdict.FAIL)));
        MutantOutcome known = MutantOutcome.of(new MutantSpec("x", List.of("ID-3"), "d", "later"), result(record("ID-3", Verdict.PASS)));
        MutantOutcome stale = MutantOutcome.of(new MutantSpec("x", List.of("ID-3"), "d", "later"), result(record("ID-3", Verdict.FAIL)));

        assertThat(other.status()).isEqualTo(MutantOutcome.Status.SURVIVED);
        assertThat(other.failed()).containsExactly("ID-2");
        assertThat(killed.status()).isEqualTo(MutantOutcome.Status.KILLED);
        assertThat(known.status()).isEqualTo(MutantOutcome.Status.KNOWN_SURVIVOR);
        assertThat(known.status().failsGate).isFalse();
        assertThat(stale.status().failsGate).isTrue();
        assertThat(MutationReport.killLine(List.of(killed, other, known))).isEqualTo("1/3 mutants killed (1 known survivor, marked in the registry)");
    }

    @Test
    void theMatrixShowsKilledSurvivedAndCollateralCells() {
        MutantOutcome killed = MutantOutcome.of(new MutantSpec("lifo-ids", List.of("ID-3"), "LIFO", null),
                result(record("ID-3", Verdict.FAIL), record("ID-2", Verdict.FAIL)));
        MutantOutcome survived = MutantOutcome.of(new MutantSpec("no-deadline", List.of("LIM-1"), "none", null), result());

        String md = MutationReport.markdown(List.of(killed, survived), "passes all 3 tests");

        assertThat(md).contains("**1/2 mutants killed**").contains("| ID-2 | ID-3 | LIM-1 |")
                .contains("| lifo-ids | killed | x | K |  |").contains("| no-deadline | survived |  |  | S |");
        assertThat(MutationReport.html(List.of(killed, survived), "ok")).contains("<td class=\"K\">K</td>").contains("class=\"survived\"");
    }

    private static TestRecord record(String requirement, Verdict v) {
        return new TestRecord("x.XTest#t" + requirement, "t", List.of(requirement), v, requirement + ": message", 1, List.of());
    }

    private static ImplementationResult result(TestRecord... records) {
        Implementation impl = new Implementation("m", "cmd", Path.of("."), Map.of(), null, 1.0, List.of());
        return new ImplementationResult(impl, "info", null, List.of(records), List.of(), 1, Path.of("."));
    }
}

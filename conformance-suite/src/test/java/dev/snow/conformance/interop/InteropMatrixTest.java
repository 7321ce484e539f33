package dev.snow.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snow.conformance.harness.Implementation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who joins the matrix, and how the matrix reads: rows initiate, failures carry their reason. */
class InteropMatrixTest {
    private static Implementation impl(String name, String command, List<String> select) {
        return new Implementation(name, command, Path.of("."), Map.of(), null, 1.0, select);
    }

    @Test
    void demonstrationsOfPlantedFaultsDoNotJoinButEveryRealImplementationDoes() {
        List<Implementation> all = List.of(
                impl("reference", "bin/snow-node --adapter", List.of()),
                impl("reference-accept-any-digest", "bin/snow-mutant accepts-any-digest --adapter", List.of()),
                impl("reference-forgets-role", "java -cp x BindingMutantMain forgets-role --adapter", List.of()),
                impl("subset", "bin/snow-node --adapter", List.of("digests")),
                impl("reference-mutant", "bin/snow-node --adapter --mutant skip-ack", List.of()),
                impl("partial", "python3 a.py", List.of("handshake")),
                impl("rust", "bin/snow-rust-node --adapter", List.of()));
        assertThat(InteropMatrix.participants(all)).extracting(Implementation::name).containsExactly("reference", "rust");
    }

    @Test
    void theMatrixHasOneTablePerCaseWithRowsAsInitiatorsAndListsEveryFailure() {
        MatrixReport r = new MatrixReport(List.of(
                new CellResult("reference", "reference", InteropCase.HANDSHAKE, true, "ok", 1200),
                new CellResult("reference", "rust", InteropCase.HANDSHAKE, true, "ok", 800),
                new CellResult("rust", "reference", InteropCase.HANDSHAKE, false, "HS-8: initiator's node_up should be outgoing", 900),
                new CellResult("rust", "rust", InteropCase.HANDSHAKE, true, "ok", 300)));
        assertThat(r.allPassed()).isFalse();
        String md = r.markdown();
        assertThat(md).contains("3 of 4 cells pass")
                .contains("| initiator \\ acceptor | reference | rust |")
                .contains("| rust | **FAIL** 0.9 s | pass 0.3 s |")
                .contains("- handshake rust -> reference: HS-8: initiator's node_up should be outgoing");
        assertThat(r.html()).contains("<td class=\"fail\" title=\"HS-8: initiator's node_up should be outgoing\">FAIL 0.9 s</td>")
                .contains("<th>rust</th>");
    }

    @Test
    void unknownCasesAreNamedWithTheKnownOnes() {
        assertThat(InteropCase.byId("wrong-cookie")).isEqualTo(InteropCase.WRONG_COOKIE);
        assertThat(InteropCase.byId("hardened")).isEqualTo(InteropCase.HARDENED);
        assertThat(InteropCase.byId("profile-mismatch")).isEqualTo(InteropCase.PROFILE_MISMATCH);
        assertThatThrownBy(() -> InteropCase.byId("downgrade")).hasMessageContaining("profile-mismatch");
        assertThatThrownBy(() -> InteropCase.byId("tickle")).hasMessageContaining("tickle").hasMessageContaining("heartbeat-timeout");
    }
}

package dev.snow.ref.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.ref.testing.Docs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mutant registry: one defect per mutant, named requirements that exist, a parsable --list. */
class MutantsTest {
    /** The seams that plant a defect; offersTimeCompare is none (time_compare is optional). */
    private static final Set<String> HOOKS = Set.of("strategies", "settings", "event");

    @Test
    void everyMutantOverridesExactlyOneSeam() {
        for (Mutants.Entry e : Mutants.ALL) {
            List<String> overridden = new ArrayList<>();
            for (Method m : e.factory().get().getClass().getDeclaredMethods()) {
                if (HOOKS.contains(m.getName())) {
                    overridden.add(m.getName());
                }
            }
            assertThat(overridden).as("mutant " + e.name() + " plants exactly one defect").hasSize(1);
        }
    }

    @Test
    void namesAreUniqueAndEveryNamedRequirementIsAMustOfTheSpec() {
        Map<String, String> levels = new HashMap<>();
        for (JsonNode r : Docs.json("requirements.json").get("requirements")) {
            levels.put(r.get("id").asText(), r.get("level").asText());
        }
        Set<String> names = new HashSet<>();
        for (Mutants.Entry e : Mutants.ALL) {
            assertThat(names.add(e.name())).as("mutant name " + e.name() + " is unique").isTrue();
            // a defect confined to one role says which: name@acceptor, name@initiator
            assertThat(e.name()).matches("[a-z0-9]+(-[a-z0-9]+)*(@(acceptor|initiator))?");
            assertThat(e.breaks()).as(e.name() + " names the requirements it must break").isNotEmpty();
            for (String id : e.breaks()) {
                assertThat(levels.get(id)).as(e.name() + " names " + id).isEqualTo("MUST");
            }
        }
        assertThat(Mutants.ALL).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void listPrintsOneTabSeparatedLinePerMutant() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = MutantMain.run(new String[] {"--list"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).isZero();
        assertThat(lines).hasSize(Mutants.ALL.size());
        assertThat(lines.get(0)).startsWith(Mutants.ALL.get(0).name() + "\t" + String.join(",", Mutants.ALL.get(0).breaks()) + "\t");
        assertThat(lines).allSatisfy(l -> assertThat(l.split("\t")).hasSizeBetween(3, 4));
    }

    @Test
    void unknownMutantsAndMissingArgumentsAreUsageErrors() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(MutantMain.run(new String[] {"no-such-mutant", "--adapter"}, out)).isEqualTo(2);
        assertThat(MutantMain.run(new String[] {"lifo-ids"}, out)).isEqualTo(2);
        assertThat(MutantMain.run(new String[] {"lifo-ids", "--node"}, out)).isEqualTo(2);
    }

    @Test
    void theWrongAllocatorsHandOutTheWrongIds() {
        Allocators.Lifo lifo = new Allocators.Lifo(3);
        int a = lifo.allocate();
        int b = lifo.allocate();
        lifo.allocate();
        lifo.free(a);
        lifo.free(b);
        assertThat(lifo.allocate()).as("LIFO: the most recently freed first (ID-3 says least)").isEqualTo(b);

        Allocators.Descending desc = new Allocators.Descending(3);
        assertThat(desc.allocate()).as("from max down (ID-2 says increasing)").isEqualTo(3);

        Allocators.HandsOutTwice twice = new Allocators.HandsOutTwice(1);
        twice.free(twice.allocate());
        assertThat(twice.allocate()).isEqualTo(twice.allocate()).isEqualTo(1);

        Allocators.NeverRecycles never = new Allocators.NeverRecycles(1);
        never.free(never.allocate());
        assertThat(never.hasFree()).isFalse();
    }
}

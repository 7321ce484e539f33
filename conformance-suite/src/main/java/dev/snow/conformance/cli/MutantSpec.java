package dev.snow.conformance.cli;

import dev.snow.conformance.harness.ConfigError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One mutant of the mutation gate, as its registry lists it ({@code bin/snow-mutant --list}: one
 * line per mutant, {@code name TAB REQ-1,REQ-2 TAB defect [TAB awaiting]}).
 *
 * @param breaks   the requirements of which at least one must fail for the mutant to be killed
 * @param awaiting null, or why the suite cannot kill it yet (a known survivor; killing it is stale)
 */
record MutantSpec(String name, List<String> breaks, String defect, String awaiting) {
    MutantSpec {
        breaks = List.copyOf(breaks);
    }

    /** Parses the registry's lines; a malformed line is a configuration error naming it. */
    static List<MutantSpec> parse(List<String> lines) {
        List<MutantSpec> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 4);
            if (f.length < 2 || f[0].isBlank() || f[1].isBlank()) {
                throw new ConfigError("mutant registry: expected \"name<TAB>REQ-1,REQ-2<TAB>defect\", got \"" + line + "\"");
            }
            out.add(new MutantSpec(f[0].strip(), Arrays.stream(f[1].split(",")).map(String::strip).toList(),
                    f.length > 2 ? f[2].strip() : "", f.length > 3 && !f[3].isBlank() ? f[3].strip() : null));
        }
        return out;
    }
}

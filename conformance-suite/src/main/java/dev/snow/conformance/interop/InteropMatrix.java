package dev.snow.conformance.interop;

import dev.snow.conformance.harness.Implementation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every case for every ordered pair of participants (a node with itself included: two
 * processes of one implementation must interoperate too), one cell at a time.
 */
public final class InteropMatrix {
    private final PrintStream out;

    public InteropMatrix(PrintStream out) {
        this.out = out;
    }

    /**
     * The implementations that join the matrix: those judged on the whole suite as they are.
     * An entry with a planted defect (a mutant: {@code snow-mutant} or a {@code MutantMain} in its
     * command, or a {@code --mutant} option) or a
     * test subset ({@code select}) is a demonstration, not an implementation.
     */
    public static List<Implementation> participants(List<Implementation> all) {
        List<Implementation> out = new ArrayList<>();
        for (Implementation i : all) {
            boolean demo = !i.select().isEmpty() || i.command().matches(".*(\\s--mutant\\b|snow-mutant\\b|MutantMain\\b).*");
            if (!demo) {
                out.add(i);
            }
        }
        return out;
    }

    public List<CellResult> run(List<Implementation> impls, List<InteropCase> cases) {
        List<CellResult> results = new ArrayList<>();
        int total = impls.size() * impls.size() * cases.size();
        int n = 0;
        for (InteropCase c : cases) {
            for (Implementation row : impls) {
                for (Implementation col : impls) {
                    n++;
                    CellResult r = cell(row, col, c);
                    results.add(r);
                    out.printf("[interop %d/%d] %-6s %-18s %s -> %s (%.1f s)%s%n", n, total, r.passed() ? "PASS" : "FAIL", c.id(),
                            row.name(), col.name(), r.millis() / 1000.0, r.passed() ? "" : "\n      " + r.detail());
                }
            }
        }
        return results;
    }

    static CellResult cell(Implementation row, Implementation col, InteropCase c) {
        long t0 = System.nanoTime();
        String detail;
        boolean ok;
        try (Cells cells = new Cells(row, col)) {
            detail = cells.run(c);
            ok = true;
        } catch (AssertionError | RuntimeException e) {
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            ok = false;
        }
        return new CellResult(row.name(), col.name(), c, ok, detail, (System.nanoTime() - t0) / 1_000_000);
    }
}

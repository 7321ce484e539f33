package dev.snow.sim.real;

import dev.snow.sim.scenario.LinkSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directed links (i, j), as indexes into the node list, that a link selector names: each
 * once, in a stable order. {@code between} and {@code isolate} name both directions, {@code from}
 * / {@code to} one; a node never links to itself.
 */
final class DirectedLinks {
    private DirectedLinks() {
    }

    static List<int[]> of(LinkSelector sel, List<String> names) {
        int n = names.size();
        Set<Integer> out = new LinkedHashSet<>();
        switch (sel.kind()) {
            case ALL:
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (i != j) {
                            out.add(i * n + j);
                        }
                    }
                }
                break;
            case ISOLATE:
                for (String x : sel.a().nodes()) {
                    for (String y : names) {
                        if (!sel.a().contains(y)) {
                            out.add(names.indexOf(x) * n + names.indexOf(y));
                            out.add(names.indexOf(y) * n + names.indexOf(x));
                        }
                    }
                }
                break;
            default:
                for (String x : sel.a().nodes()) {
                    for (String y : sel.b().nodes()) {
                        if (!x.equals(y)) {
                            out.add(names.indexOf(x) * n + names.indexOf(y));
                            if (sel.kind() == LinkSelector.Kind.BETWEEN) {
                                out.add(names.indexOf(y) * n + names.indexOf(x));
                            }
                        }
                    }
                }
        }
        List<int[]> list = new ArrayList<>();
        for (int k : out) {
            list.add(new int[] {k / n, k % n});
        }
        return list;
    }
}

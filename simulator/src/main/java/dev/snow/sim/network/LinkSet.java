package dev.snow.sim.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The directed links a fault applies to: every pair (a, b) with a in {@code from} and b in
 * {@code to} (a != b), plus the reverse pairs when {@code bothWays}; or every link when
 * {@code all}. Host sets are arrays of host indexes in scenario order.
 */
public record LinkSet(boolean all, int[] from, int[] to, boolean bothWays) {

    public static LinkSet everyLink() {
        return new LinkSet(true, new int[0], new int[0], true);
    }

    public static LinkSet between(int[] a, int[] b) {
        return new LinkSet(false, a, b, true);
    }

    public static LinkSet oneWay(int[] from, int[] to) {
        return new LinkSet(false, from, to, false);
    }

    /** The directed pairs as {src, dst}, in a fixed order (from-major, then reversed pairs). */
    public List<int[]> pairs() {
        List<int[]> out = new ArrayList<>();
        for (int a : from) {
            for (int b : to) {
                if (a != b) {
                    out.add(new int[] {a, b});
                }
            }
        }
        if (bothWays) {
            for (int a : from) {
                for (int b : to) {
                    if (a != b) {
                        out.add(new int[] {b, a});
                    }
                }
            }
        }
        return out;
    }
}

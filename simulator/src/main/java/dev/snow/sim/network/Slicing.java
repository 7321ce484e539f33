package dev.snow.sim.network;

import dev.snow.sim.engine.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A slicer on a link direction (Toxiproxy's {@code slicer}): each piece of data a node writes is
 * cut into slices of about {@code averageSize} bytes, and the slices leave {@code delay}
 * nanoseconds apart. The cut is Toxiproxy's: a piece longer than average + variation is halved
 * at its midpoint moved by a draw in [-variation, variation), and each half is cut again.
 * <pre>
 *   77 bytes, average 20, variation 5:
 *   [0 ............................ 77)
 *   [0 .......... 36)[36 .......... 77)        midpoint 38, moved by -2
 *   [0 .. 19)[19 .. 36)[36 .. 58)[58 .. 77)    each now at most 25
 * </pre>
 *
 * @param averageSize   bytes per slice, at least 1
 * @param sizeVariation at most this far from the average, below {@code averageSize}
 * @param delay         nanoseconds between two slices
 */
public record Slicing(int averageSize, int sizeVariation, long delay) {

    public Slicing {
        if (averageSize < 1) {
            throw new IllegalArgumentException("slicer average_size must be at least 1 byte, was " + averageSize);
        }
        if (sizeVariation < 0 || sizeVariation >= averageSize) {
            throw new IllegalArgumentException("slicer size_variation must be within 0.." + (averageSize - 1) + ", was " + sizeVariation);
        }
        if (delay < 0) {
            throw new IllegalArgumentException("slicer delay must not be negative, was " + delay);
        }
    }

    /** The end offsets of the slices of {@code length} bytes, in order; the last is {@code length}. Draws from {@code rng} only with a variation. */
    public int[] cuts(int length, Rng rng) {
        List<Integer> ends = new ArrayList<>();
        cut(0, length, ends, rng);
        int[] out = new int[ends.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ends.get(i);
        }
        return out;
    }

    private void cut(int start, int end, List<Integer> ends, Rng rng) {
        if ((end - start) - averageSize <= sizeVariation) {
            ends.add(end);
            return;
        }
        int mid = start + (end - start) / 2;
        if (sizeVariation > 0) {
            mid += rng.nextInt(sizeVariation * 2) - sizeVariation;
        }
        cut(start, mid, ends, rng);
        cut(mid, end, ends, rng);
    }
}

package dev.snow.ref.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.ref.handshake.DigestComparator;
import dev.snow.ref.wire.Bytes32;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * {@code time_compare} (docs/ADAPTER.md): times the node's own digest comparison, call by call,
 * for the suite's AUTH-4 verdict. Each round compares {@code expected} with every candidate in
 * a freshly shuffled order; a short untimed warm-up lets the JIT compile the comparison first.
 */
final class TimeCompare {
    static final int MAX_CANDIDATES = 64;
    static final long MAX_SAMPLES = 4_000_000;
    private static final int WARM_UP_ROUNDS = 20_000;
    /** Keeps the JIT from dropping comparisons whose result nobody reads. */
    static volatile int blackhole;

    private TimeCompare() {
    }

    static ObjectNode run(Fields f, DigestComparator comparator, ObjectNode reply) throws CommandError {
        Bytes32 expected = digest("expected", f.requiredString("expected"));
        JsonNode list = f.requiredArray("candidates");
        if (list.isEmpty() || list.size() > MAX_CANDIDATES) {
            throw CommandError.badRequest("candidates must hold 1.." + MAX_CANDIDATES + " digests, held " + list.size());
        }
        Bytes32[] candidates = new Bytes32[list.size()];
        for (int i = 0; i < candidates.length; i++) {
            JsonNode c = list.get(i);
            if (!c.isTextual()) {
                throw CommandError.badRequest("candidates[" + i + "] must be a string of 64 hex digits, was " + c);
            }
            candidates[i] = digest("candidates[" + i + "]", c.textValue());
        }
        int rounds = (int) f.requiredLong("rounds", 1, MAX_SAMPLES);
        if ((long) rounds * candidates.length > MAX_SAMPLES) {
            throw CommandError.badRequest("rounds x candidates must be at most " + MAX_SAMPLES + ", was "
                    + rounds + " x " + candidates.length);
        }
        long[][] nanos = measure(comparator, expected, candidates, rounds);
        ArrayNode all = reply.putArray("nanos");
        for (long[] perCandidate : nanos) {
            ArrayNode a = all.addArray();
            for (long n : perCandidate) {
                a.add(n);
            }
        }
        return reply;
    }

    static long[][] measure(DigestComparator comparator, Bytes32 expected, Bytes32[] candidates, int rounds) {
        int k = candidates.length;
        long[][] nanos = new long[k][rounds];
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        SplittableRandom shuffle = new SplittableRandom();
        int sink = 0;
        for (int r = 0; r < WARM_UP_ROUNDS; r++) {
            for (Bytes32 c : candidates) {
                sink += comparator.matches(expected, c) ? 1 : 0;
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = k - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i : order) {
                long start = System.nanoTime();
                boolean match = comparator.matches(expected, candidates[i]);
                long end = System.nanoTime();
                sink += match ? 1 : 0;
                nanos[i][r] = end - start;
            }
        }
        blackhole = sink;
        return nanos;
    }

    private static Bytes32 digest(String field, String hex) throws CommandError {
        if (hex.length() != 64) {
            throw CommandError.badRequest(field + " must be 64 hex digits, was " + hex.length() + " characters");
        }
        try {
            return Bytes32.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw CommandError.badRequest(field + " must be 64 hex digits: \"" + hex + "\"");
        }
    }
}

package dev.snow.sim.scenario;

/**
 * The links a network action applies to:
 * <ul>
 *   <li>{@code ALL}: every link ({@code all: true}, or the action given as a bare {@code all});</li>
 *   <li>{@code BETWEEN}: both directions between every node of {@code a} and every node of {@code b}
 *       ({@code between: [A, B]});</li>
 *   <li>{@code ONE_WAY}: from every node of {@code a} to every node of {@code b} only
 *       ({@code from: A, to: B});</li>
 *   <li>{@code ISOLATE}: both directions between {@code a} and every other node ({@code isolate: A}).</li>
 * </ul>
 */
public record LinkSelector(Kind kind, Selector a, Selector b) {

    public enum Kind { ALL, BETWEEN, ONE_WAY, ISOLATE }

    public static final LinkSelector ALL = new LinkSelector(Kind.ALL, null, null);

    @Override
    public String toString() {
        switch (kind) {
            case ALL:
                return "all links";
            case BETWEEN:
                return a + " <-> " + b;
            case ONE_WAY:
                return a + " -> " + b;
            default:
                return a + " <-> everyone else";
        }
    }
}

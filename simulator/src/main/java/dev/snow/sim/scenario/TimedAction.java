package dev.snow.sim.scenario;

/**
 * A timeline entry: {@code action} at {@code at}, or at a time drawn per seed in
 * [{@code at}, {@code atLatest}] when the file gives a range ({@code at: 10ms..80ms}).
 */
public record TimedAction(long at, long atLatest, Action action, String text, int line) {

    public boolean randomTime() {
        return atLatest > at;
    }
}

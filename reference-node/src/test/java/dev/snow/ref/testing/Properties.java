package dev.snow.ref.testing;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories with a fixed default seed, so a run is reproducible; QuickTheories prints the
 * seed of a falsified property. Replay or vary with
 * {@code mvn -pl reference-node test -Dtest=<Class> -DQT_SEED=<seed> [-DQT_EXAMPLES=<n>]}.
 */
public final class Properties {
    public static final long DEFAULT_SEED = 20261125L;

    private Properties() {
    }

    public static QuickTheory qt() {
        long seed = Long.getLong("QT_SEED", DEFAULT_SEED);
        return QuickTheory.qt().withFixedSeed(seed).withExamples(Integer.getInteger("QT_EXAMPLES", 1000));
    }
}

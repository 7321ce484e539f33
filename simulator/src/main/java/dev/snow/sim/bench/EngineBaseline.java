package dev.snow.sim.bench;

import dev.snow.sim.engine.Event;
import dev.snow.sim.engine.Rng;
import dev.snow.sim.engine.Simulation;
import java.io.PrintStream;

/** The event queue alone: 10,000 pending no-op events, each replaced by one more when it fires. */
final class EngineBaseline {
    static final long EVENTS = 20_000_000;
    static long lastWall;

    private EngineBaseline() {
    }

    static double measure(PrintStream out) {
        Simulation sim = new Simulation();
        Rng rng = new Rng(1);
        Event[] self = new Event[1];
        self[0] = now -> sim.at(now + 1 + rng.nextLong(10_000_000), self[0]);
        for (int i = 0; i < 10_000; i++) {
            sim.at(rng.nextLong(10_000_000), self[0]);
        }
        long start = System.nanoTime();
        while (sim.fired() < EVENTS && sim.step(Long.MAX_VALUE)) {
        }
        lastWall = System.nanoTime() - start;
        double rate = EVENTS / (lastWall / 1e9);
        out.printf(java.util.Locale.ROOT, "engine baseline: %d no-op events in %.2f s = %.0f events/s%n", EVENTS, lastWall / 1e9, rate);
        return rate;
    }
}

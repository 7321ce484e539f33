package dev.snow.sim.bench;

import dev.snow.sim.engine.Event;
import dev.snow.sim.engine.Rng;
import dev.snow.sim.engine.Simulation;
import java.io.PrintStream;

/** The event queue alone: 10,000 pending no-op events, each replaced by one more when it fires. */
final class EngineBaseline {
    static final long EVENTS = 10_000_000;
    static long lastWall;
    static long lastCpu;

    private EngineBaseline() {
    }

    /** One warm-up run, then three measured ones; the median by cpu time is reported. */
    static double measure(PrintStream out) {
        once();
        long[][] runs = {once(), once(), once()};
        java.util.Arrays.sort(runs, (x, y) -> Long.compare(x[0], y[0]));
        lastCpu = runs[1][0];
        lastWall = runs[1][1];
        double rate = EVENTS / (lastCpu / 1e9);
        out.printf(java.util.Locale.ROOT, "engine baseline: %d no-op events in %.2f s wall, %.2f s cpu = %.0f events per cpu second"
                + " (median of 3)%n", EVENTS, lastWall / 1e9, lastCpu / 1e9, rate);
        return rate;
    }

    private static long[] once() {
        Simulation sim = new Simulation();
        Rng rng = new Rng(1);
        Event[] self = new Event[1];
        self[0] = now -> sim.at(now + 1 + rng.nextLong(10_000_000), self[0]);
        for (int i = 0; i < 10_000; i++) {
            sim.at(rng.nextLong(10_000_000), self[0]);
        }
        long start = System.nanoTime();
        long cpu = Cpu.now();
        while (sim.fired() < EVENTS && sim.step(Long.MAX_VALUE)) {
        }
        return new long[] {Cpu.now() - cpu, System.nanoTime() - start};
    }
}

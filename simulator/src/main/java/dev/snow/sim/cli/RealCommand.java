package dev.snow.sim.cli;

import dev.snow.sim.real.FaultMode;
import dev.snow.sim.real.PacketDrop;
import dev.snow.sim.real.RealOptions;
import dev.snow.sim.real.RealResult;
import dev.snow.sim.real.RealRunner;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.ScenarioException;
import dev.snow.sim.scenario.ScenarioLoader;
import dev.snow.sim.scenario.Units;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/** {@code snow-sim run FILE --real}: the scenario against real processes (package dev.snow.sim.real). */
final class RealCommand {
    private RealCommand() {
    }

    static int run(CommandLine.Model.CommandSpec spec, Path file, Long seed, String seeds, Path trace, boolean determinism,
                   String iut, String faults, Path timeline, double timeScale, String tolerance, boolean netfilterLoss) {
        CommandLine cl = spec.commandLine();
        if (seeds != null) {
            throw new CommandLine.ParameterException(cl, "--real runs one seed: give --seed N (or none for the file's first seed)");
        }
        if (trace != null || determinism) {
            throw new CommandLine.ParameterException(cl, "--trace and --check-determinism are simulator options; with --real use --timeline");
        }
        FaultMode mode;
        long tol;
        try {
            mode = FaultMode.parse(faults != null ? faults : System.getProperty("faults", "auto"));
            tol = Units.duration(tolerance);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            System.err.println("snow-sim: " + e.getMessage());
            return SnowSim.USAGE;
        }
        RealOptions opt;
        try {
            opt = new RealOptions(iut != null ? iut : RealOptions.referenceNode(home()), mode, timeline, timeScale, tol, null,
                    System.out, System.err, netfilterLoss);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        long n = seed != null ? seed : scenario.seeds().first();
        if (netfilterLoss) {
            String why = PacketDrop.unavailable();
            if (why != null) {
                System.out.println("SKIPPED " + scenario.file() + " seed " + n + " in real mode: --netfilter-loss: " + why);
                return SnowSim.PASSED;
            }
            if (!PacketDrop.inPrivateNamespace()) {
                try {
                    return PacketDrop.runInPrivateNamespace(spec.root().commandLine().getParseResult().originalArgs());
                } catch (java.io.IOException e) {
                    System.err.println("snow-sim: --netfilter-loss: cannot run under unshare -rn: " + e.getMessage());
                    return SnowSim.USAGE;
                }
            }
        }
        RealResult r = RealRunner.run(scenario, n, opt);
        switch (r.status()) {
            case PASSED:
                System.out.printf(Locale.ROOT, "PASS %s seed %d in real mode: %d events in %.1f s wall (faults %s, time scale %s)%s%n",
                        scenario.file(), n, r.events(), r.wallSeconds(), mode.resolve(System.getenv("TOXIPROXY_URL")).wire(),
                        timeScale, timeline != null ? ", timeline " + timeline : "");
                return SnowSim.PASSED;
            case SKIPPED:
                System.out.println("SKIPPED " + scenario.file() + " in real mode: " + r.failures().get(0));
                return SnowSim.PASSED;
            default:
                return SnowSim.FAILED;
        }
    }

    /** The repository root: -Dsnow.home (bin/snow-sim sets it), else the working directory. */
    private static Path home() {
        String h = System.getProperty("snow.home");
        return Path.of(h != null ? h : ".");
    }
}

package dev.snow.sim.cli;

import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.ScenarioException;
import dev.snow.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code snow-sim validate FILE...}: loads scenario files and reports problems, runs nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Loads scenario files and reports every problem with file, line and field; runs nothing.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
    List<Path> files;

    @Override
    public Integer call() {
        int bad = 0;
        for (Path f : files) {
            try {
                Scenario s = ScenarioLoader.load(f);
                System.out.println("ok " + f + ": " + s.nodes().size() + " nodes, " + s.timeline().size() + " actions, "
                        + s.expectations().size() + " expectations, seeds " + s.seeds());
            } catch (ScenarioException e) {
                System.err.println(e.getMessage());
                bad++;
            }
        }
        return bad == 0 ? SnowSim.PASSED : SnowSim.USAGE;
    }
}

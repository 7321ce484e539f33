package dev.snow.sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code snow-sim}: the deterministic simulator's command line. */
@Command(name = "snow-sim", mixinStandardHelpOptions = true, version = "snow-sim 0.1.0",
        description = {"Runs Snow reference-node cores through scenario files in virtual time, reproducibly from one seed.",
            "Scenario format: docs/SCENARIOS.md. Exit codes: 0 all passed, 1 a failure, 2 usage or configuration error."},
        subcommands = {RunCommand.class, ValidateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class SnowSim implements Runnable {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, validate or bench");
    }

    public static int execute(String... args) {
        return new CommandLine(new SnowSim()).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}

package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeSettings;

/** Mutant logs-cookie: writes the cookie to its log (stderr) at start. Must break AUTH-7. */
final class LogsCookie extends Mutant {
    @Override
    public String defect() {
        return "writes the cookie to its log (stderr) at start";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        System.err.println("starting with cookie " + asked.config().cookie());
        return asked;
    }
}

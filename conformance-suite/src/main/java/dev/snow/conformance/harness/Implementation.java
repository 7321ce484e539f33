package dev.snow.conformance.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One implementation to judge: its adapter command, its expectations file (may be null), and
 * options (conformance.yaml).
 *
 * @param name         shown in reports; also the directory of its results
 * @param command      run with {@code /bin/sh -c} in {@code workdir}
 * @param expectations expected failures, or null for none
 * @param timeoutScale multiplies the suite's deadlines (not the protocol windows)
 * @param select       test selectors (package, class or class#method, relative to
 *                     {@code dev.snow.conformance}); empty means every test
 */
public record Implementation(String name, String command, Path workdir, Map<String, String> env,
                             Path expectations, double timeoutScale, List<String> select) {
    public Implementation {
        env = Map.copyOf(env);
        select = List.copyOf(select);
    }

    public Timeouts timeouts() {
        return new Timeouts(timeoutScale);
    }
}

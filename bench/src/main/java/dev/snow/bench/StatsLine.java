package dev.snow.bench;

import java.util.HashMap;
import java.util.Map;

/** A child process's {@code stats k=v k=v ...} line (the node under test, the native flooder), as numbers. */
final class StatsLine {
    static final String PREFIX = "stats ";

    private StatsLine() {
    }

    static Map<String, Long> parse(String line) {
        Map<String, Long> m = new HashMap<>();
        for (String kv : line.substring(PREFIX.length()).split(" ")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a stats field must be name=number, was \"" + kv + "\" in: " + line);
            }
            m.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
        }
        return m;
    }
}

package dev.snow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on, printed with every report. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return "cores=" + Runtime.getRuntime().availableProcessors()
                + " java=" + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
                + " loadavg=" + loadAverage();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}

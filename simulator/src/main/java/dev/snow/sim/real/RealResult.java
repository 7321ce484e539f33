package dev.snow.sim.real;

import java.util.List;

/**
 * What a real-mode run ended with: {@code PASSED}, {@code FAILED} (with one line per unmet
 * expectation or broken step) or {@code SKIPPED} (the fault server cannot exist here, e.g. no
 * Docker engine for {@code testcontainers}; {@code failures} holds the one reason).
 */
public record RealResult(Status status, List<String> failures, int events, double wallSeconds) {
    public enum Status { PASSED, FAILED, SKIPPED }

    public boolean passed() {
        return status == Status.PASSED;
    }
}

package dev.snow.sim.check;

/** An invariant broke; {@code rule} names it (for example {@code pair-agreement}). */
public final class InvariantViolation extends RuntimeException {
    private final String rule;

    public InvariantViolation(String rule, String message) {
        super("invariant " + rule + " broken: " + message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

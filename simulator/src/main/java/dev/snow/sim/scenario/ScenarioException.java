package dev.snow.sim.scenario;

/** A scenario file that cannot be used; the message names file, line and field. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message, null, false, false);
    }

    /** {@code file:line: field: problem}. */
    public static ScenarioException at(String file, int line, String field, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (field != null && !field.isEmpty()) {
            b.append(field).append(": ");
        }
        return new ScenarioException(b.append(problem).toString());
    }
}

package dev.snow.conformance.harness;

/** Bad configuration (conformance.yaml, an expectations file, a command line): one clear message. */
public final class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message);
    }
}

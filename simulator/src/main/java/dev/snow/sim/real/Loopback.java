package dev.snow.sim.real;

/** The team's rule: tools dial loopback only (127.0.0.0/8, ::1). */
final class Loopback {
    private Loopback() {
    }

    static boolean is(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.equals("::1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}

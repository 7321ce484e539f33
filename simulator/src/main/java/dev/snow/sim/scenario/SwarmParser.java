package dev.snow.sim.scenario;

/** Reads the {@code swarm:} map: per-seed fault knobs, each a range. */
final class SwarmParser {
    private final Resolver resolver;

    SwarmParser(Resolver resolver) {
        this.resolver = resolver;
    }

    SwarmSpec swarm(YamlNode node) {
        MapReader r = new MapReader(node);
        SwarmSpec s = new SwarmSpec(
                r.has("latency") ? durations(r.get("latency")) : null,
                r.has("jitter") ? durations(r.get("jitter")) : null,
                r.has("loss") ? rates(r.get("loss")) : null,
                r.has("drift_ppm") ? longs(r.get("drift_ppm"), -100_000, 100_000) : null,
                r.has("clock_offset") ? durations(r.get("clock_offset")) : null,
                r.has("partitions") ? faults(r.get("partitions"), "duration") : null,
                r.has("holds") ? faults(r.get("holds"), "duration") : null,
                r.has("crashes") ? faults(r.get("crashes"), "downtime") : null);
        r.finish();
        return s;
    }

    private SwarmSpec.Faults faults(YamlNode node, String lengthField) {
        MapReader r = new MapReader(node);
        long[] count = longs(r.required("count"), 0, 1000);
        Selector among = r.has("among") ? resolver.selector(r.get("among"))
                : resolver.selector(YamlNode.scalar(node.file(), node.line(), node.path(), "all", false));
        long[] w = resolver.window(r);
        long[] length = durations(r.required(lengthField));
        double oneWay = r.rate("one_way", 0);
        if (among.nodes().size() < 2 && !lengthField.equals("downtime")) {
            throw node.error("among must name at least two nodes");
        }
        r.finish();
        return new SwarmSpec.Faults(count, among, w[0], w[1], length, oneWay);
    }

    private long[] durations(YamlNode v) {
        String[] r = Units.range(v.text());
        try {
            return ordered(v, Units.duration(r[0]), Units.duration(r[1]));
        } catch (IllegalArgumentException e) {
            throw v.error(e.getMessage());
        }
    }

    private double[] rates(YamlNode v) {
        String[] r = Units.range(v.text());
        try {
            double lo = Units.rate(r[0]);
            double hi = Units.rate(r[1]);
            if (hi < lo) {
                throw v.error("range ends below its start: " + v.text());
            }
            return new double[] {lo, hi};
        } catch (IllegalArgumentException e) {
            throw v.error(e.getMessage());
        }
    }

    private long[] longs(YamlNode v, long min, long max) {
        String[] r = Units.range(v.text());
        try {
            long lo = Long.parseLong(r[0]);
            long hi = Long.parseLong(r[1]);
            if (lo < min || hi > max) {
                throw v.error("must be within " + min + ".." + max + ", found " + v.text());
            }
            return ordered(v, lo, hi);
        } catch (NumberFormatException e) {
            throw v.error("expected a whole number or a range such as 0..3, found " + v.describe());
        }
    }

    private static long[] ordered(YamlNode v, long lo, long hi) {
        if (hi < lo) {
            throw v.error("range ends below its start: " + v.text());
        }
        return new long[] {lo, hi};
    }
}

package dev.snow.sim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns node references in a file into node names: a full node name, a group, {@code all}, or
 * a list of those. Also reads the shared pieces of actions and expectations: link selectors,
 * latency specs and time windows.
 */
final class Resolver {
    private final List<String> nodes;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, List<String>> groups;
    private final long duration;

    Resolver(List<String> nodes, LinkedHashMap<String, List<String>> groups, long duration) {
        this.nodes = nodes;
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        this.groups = groups;
        this.duration = duration;
    }

    long duration() {
        return duration;
    }

    boolean isNode(String name) {
        return index.containsKey(name);
    }

    Selector selector(YamlNode v) {
        List<YamlNode> items = v.isList() ? v.items() : List.of(v);
        if (items.isEmpty()) {
            throw v.error("names no node (expected a node name, a group, all, or a list of those)");
        }
        Set<String> out = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (YamlNode item : items) {
            String ref = item.text().trim();
            words.add(ref);
            if (ref.equals("all")) {
                out.addAll(nodes);
            } else if (groups.containsKey(ref)) {
                out.addAll(groups.get(ref));
            } else if (index.containsKey(ref)) {
                out.add(ref);
            } else {
                throw item.error("\"" + ref + "\" is neither a node declared under nodes: nor a group"
                        + (groups.isEmpty() ? "" : " (groups: " + String.join(", ", groups.keySet()) + ")")
                        + " nor all");
            }
        }
        List<String> ordered = new ArrayList<>(out);
        ordered.sort((x, y) -> Integer.compare(index.get(x), index.get(y)));
        return new Selector(words.size() == 1 ? words.get(0) : words.toString(), ordered);
    }

    /** {@code between: [A, B]}, {@code from: A + to: B}, {@code isolate: A} or {@code all: true}. */
    LinkSelector links(MapReader r) {
        int forms = (r.has("between") ? 1 : 0) + (r.has("from") || r.has("to") ? 1 : 0) + (r.has("isolate") ? 1 : 0)
                + (r.has("all") ? 1 : 0);
        if (forms != 1) {
            throw r.node().error(forms == 0
                    ? "say which links: between: [A, B], from: A with to: B, isolate: A, or all: true"
                    : "give only one of between, from/to, isolate, all");
        }
        if (r.has("all")) {
            if (!r.bool("all", false)) {
                throw r.get("all").error("all: false selects nothing; remove it or name the links");
            }
            return LinkSelector.ALL;
        }
        if (r.has("between")) {
            YamlNode b = r.get("between");
            List<YamlNode> two = b.items();
            if (two.size() != 2) {
                throw b.error("between takes two node sets [A, B], found " + two.size() + " items");
            }
            return new LinkSelector(LinkSelector.Kind.BETWEEN, selector(two.get(0)), selector(two.get(1)));
        }
        if (r.has("isolate")) {
            return new LinkSelector(LinkSelector.Kind.ISOLATE, selector(r.get("isolate")), null);
        }
        return new LinkSelector(LinkSelector.Kind.ONE_WAY, selector(r.required("from")), selector(r.required("to")));
    }

    /** {@code 5ms}, or {@code {distribution: uniform, min: .., max: ..}} and the other shapes of {@link LatencySpec}. */
    LatencySpec latency(YamlNode v) {
        if (v.isScalar()) {
            return LatencySpec.fixed(duration(v));
        }
        MapReader r = new MapReader(v);
        String dist = r.string("distribution", "fixed");
        LatencySpec spec;
        switch (dist) {
            case "fixed":
                spec = LatencySpec.fixed(duration(r.required("value")));
                break;
            case "uniform": {
                long min = duration(r.required("min"));
                long max = duration(r.required("max"));
                if (max < min) {
                    throw v.error("uniform latency needs min <= max, found " + Units.format(min) + " > " + Units.format(max));
                }
                spec = new LatencySpec(dist, min, max);
                break;
            }
            case "normal":
                spec = new LatencySpec(dist, duration(r.required("mean")), duration(r.required("stddev")));
                break;
            case "exponential":
                spec = new LatencySpec(dist, r.duration("min", 0), duration(r.required("mean")));
                break;
            default:
                throw r.get("distribution").error("unknown distribution \"" + dist + "\" (fixed, uniform, normal, exponential)");
        }
        r.finish();
        return spec;
    }

    long duration(YamlNode v) {
        try {
            return Units.duration(v.text());
        } catch (IllegalArgumentException e) {
            throw v.error(e.getMessage());
        }
    }

    /** A point in the run: a duration from the start, within the scenario's duration. */
    long instant(YamlNode v) {
        long t = duration(v);
        if (t > duration) {
            throw v.error(Units.format(t) + " is after the end of the run (duration " + Units.format(duration) + ")");
        }
        return t;
    }

    /**
     * A time window [from, to]: {@code window: [a, b]} (or {@code during:}), {@code within: T}
     * with optional {@code after: t0}, {@code after} alone, {@code before} alone, or the whole run.
     */
    long[] window(MapReader r) {
        for (String key : new String[] {"window", "during"}) {
            if (r.has(key)) {
                YamlNode w = r.get(key);
                List<YamlNode> two = w.items();
                if (two.size() != 2) {
                    throw w.error(key + " takes [from, to], found " + two.size() + " items");
                }
                long from = instant(two.get(0));
                long to = instant(two.get(1));
                if (to < from) {
                    throw w.error("window ends before it starts: [" + Units.format(from) + ", " + Units.format(to) + "]");
                }
                return new long[] {from, to};
            }
        }
        long from = r.has("after") ? instant(r.get("after")) : 0;
        long to = duration;
        if (r.has("within")) {
            to = from + duration(r.get("within"));
            if (to > duration) {
                throw r.get("within").error("the window ends at " + Units.format(to) + ", after the end of the run ("
                        + Units.format(duration) + ")");
            }
        } else if (r.has("before")) {
            to = instant(r.get("before"));
        }
        return new long[] {from, to};
    }
}

package dev.snow.sim.scenario;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.session.DownReason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code expect:} list: each entry is one kind with its fields. */
final class ExpectationParser {
    static final List<String> KINDS = List.of("session", "no_session", "node_up", "node_down", "no_node_down",
            "handshake_failed", "sessions", "unique_sessions", "unique_node_ids");

    private final Resolver resolver;

    ExpectationParser(Resolver resolver) {
        this.resolver = resolver;
    }

    List<Expectation> expectations(YamlNode list) {
        List<Expectation> out = new ArrayList<>();
        for (YamlNode entry : list.items()) {
            out.add(entry(entry));
        }
        return out;
    }

    private Expectation entry(YamlNode entry) {
        if (entry.isScalar()) {
            String kind = entry.text();
            if (kind.equals("unique_sessions")) {
                return new Expectation.UniqueSessions("unique_sessions", entry.line());
            }
            if (kind.equals("unique_node_ids")) {
                return new Expectation.UniqueNodeIds("unique_node_ids", entry.line());
            }
            throw entry.error("expected an expectation such as session: {...} (kinds: " + String.join(", ", KINDS) + ")");
        }
        Map<String, YamlNode> fields = entry.entries();
        if (fields.size() != 1 || !KINDS.contains(fields.keySet().iterator().next())) {
            throw entry.error("each expectation is one of " + String.join(", ", KINDS) + ", found "
                    + String.join(", ", fields.keySet()));
        }
        String kind = fields.keySet().iterator().next();
        YamlNode body = fields.get(kind);
        if (kind.equals("unique_sessions") || kind.equals("unique_node_ids")) {
            if (body.kind() == YamlNode.Kind.MAP && !body.entries().isEmpty()) {
                throw body.error(kind + " takes no fields");
            }
            return kind.equals("unique_sessions") ? new Expectation.UniqueSessions(kind, entry.line())
                    : new Expectation.UniqueNodeIds(kind, entry.line());
        }
        MapReader r = new MapReader(body);
        Expectation e = parse(kind, r, entry.line());
        r.finish();
        return e;
    }

    private Expectation parse(String kind, MapReader r, int line) {
        switch (kind) {
            case "session": {
                Selector[] pair = pair(r);
                long[] w = resolver.window(r);
                return new Expectation.Session(pair[0], pair[1], w[0], w[1], describe(kind, pair, w), line);
            }
            case "no_session": {
                Selector[] pair = pair(r);
                long[] w = resolver.window(r);
                return new Expectation.NoSession(pair[0], pair[1], w[0], w[1], describe(kind, pair, w), line);
            }
            case "node_up": {
                Selector node = resolver.selector(r.required("node"));
                Selector peer = resolver.selector(r.required("peer"));
                long[] w = resolver.window(r);
                Integer nodeId = r.has("node_id") ? MapReader.integer(r.get("node_id"), 1, 65535) : null;
                String nodeIdOf = null;
                if (r.has("node_id_of")) {
                    nodeIdOf = r.get("node_id_of").text();
                    if (!resolver.isNode(nodeIdOf)) {
                        throw r.get("node_id_of").error("\"" + nodeIdOf + "\" is not a node of this scenario");
                    }
                    if (nodeId != null) {
                        throw r.get("node_id_of").error("give node_id or node_id_of, not both");
                    }
                }
                Integer creation = r.has("creation") ? MapReader.integer(r.get("creation"), 1, 255) : null;
                String direction = direction(r);
                String text = kind + " " + node + " sees " + peer + window(w) + (nodeId != null ? " node_id " + nodeId : "")
                        + (nodeIdOf != null ? " node_id of " + nodeIdOf : "") + (creation != null ? " creation " + creation : "")
                        + (direction != null ? " " + direction : "");
                return new Expectation.NodeUp(node, peer, w[0], w[1], nodeId, nodeIdOf, creation, direction, text, line);
            }
            case "node_down": {
                Selector node = resolver.selector(r.required("node"));
                Selector peer = resolver.selector(r.required("peer"));
                Set<String> reasons = reasons(r, downReasons(), true);
                long[] w = resolver.window(r);
                return new Expectation.NodeDown(node, peer, reasons, w[0], w[1],
                        kind + " " + node + " sees " + peer + " " + reasons + window(w), line);
            }
            case "no_node_down": {
                Selector node = r.has("node") ? resolver.selector(r.get("node")) : resolver.selector(all(r));
                Selector peer = r.has("peer") ? resolver.selector(r.get("peer")) : resolver.selector(all(r));
                Set<String> reasons = reasons(r, downReasons(), false);
                long[] w = resolver.window(r);
                return new Expectation.NoNodeDown(node, peer, reasons, w[0], w[1],
                        kind + " " + node + " of " + peer + (reasons.isEmpty() ? "" : " " + reasons) + window(w), line);
            }
            case "handshake_failed": {
                Selector node = resolver.selector(r.required("node"));
                Selector peer = r.has("peer") ? resolver.selector(r.get("peer")) : null;
                Set<String> reasons = reasons(r, failReasons(), true);
                String direction = direction(r);
                long[] w = resolver.window(r);
                return new Expectation.HandshakeFailed(node, peer, reasons, direction, w[0], w[1],
                        kind + " at " + node + (peer != null ? " with " + peer : "") + " " + reasons
                                + (direction != null ? " " + direction : "") + window(w), line);
            }
            case "sessions": {
                Selector node = resolver.selector(r.required("node"));
                long at = resolver.instant(r.required("at"));
                int min;
                int max;
                if (r.has("count")) {
                    if (r.has("min") || r.has("max")) {
                        throw r.get("count").error("give count, or min and/or max, not both");
                    }
                    min = MapReader.integer(r.get("count"), 0, 65535);
                    max = min;
                } else {
                    min = r.integer("min", 0, 65535, 0);
                    max = r.integer("max", 0, 65535, 65535);
                    if (!r.has("min") && !r.has("max")) {
                        throw r.node().error("sessions needs count, min or max");
                    }
                }
                return new Expectation.SessionCount(node, at, min, max, kind + " of " + node + " at " + Units.format(at)
                        + (min == max ? " == " + min : " in " + min + ".." + max), line);
            }
            default:
                throw r.node().error("unknown expectation " + kind);
        }
    }

    private YamlNode all(MapReader r) {
        YamlNode n = r.node();
        return YamlNode.scalar(n.file(), n.line(), n.path(), "all", false);
    }

    /** {@code between: [A, B]} or {@code among: A} (every pair within A). */
    private Selector[] pair(MapReader r) {
        if (r.has("among") == r.has("between")) {
            throw r.node().error("name the pairs with between: [A, B] or among: A (exactly one)");
        }
        if (r.has("among")) {
            Selector a = resolver.selector(r.get("among"));
            return new Selector[] {a, a};
        }
        YamlNode b = r.get("between");
        List<YamlNode> two = b.items();
        if (two.size() != 2) {
            throw b.error("between takes two node sets [A, B], found " + two.size() + " items");
        }
        return new Selector[] {resolver.selector(two.get(0)), resolver.selector(two.get(1))};
    }

    private String direction(MapReader r) {
        String d = r.string("direction", null);
        if (d != null && !d.equals("incoming") && !d.equals("outgoing")) {
            throw r.get("direction").error("direction is incoming or outgoing, found \"" + d + "\"");
        }
        return d;
    }

    private Set<String> reasons(MapReader r, List<String> known, boolean required) {
        List<YamlNode> items = r.listOrOne("reason");
        if (items.isEmpty() && required) {
            throw r.node().error("missing required field \"reason\" (one of " + String.join(", ", known) + ", or a list)");
        }
        Set<String> out = new LinkedHashSet<>();
        for (YamlNode v : items) {
            if (!known.contains(v.text())) {
                throw v.error("unknown reason \"" + v.text() + "\" (known: " + String.join(", ", known) + ")");
            }
            out.add(v.text());
        }
        return out;
    }

    static List<String> downReasons() {
        List<String> out = new ArrayList<>();
        for (DownReason d : DownReason.values()) {
            out.add(d.wireName());
        }
        return out;
    }

    static List<String> failReasons() {
        List<String> out = new ArrayList<>();
        for (FailReason f : FailReason.values()) {
            out.add(f.wireName());
        }
        return out;
    }

    private static String describe(String kind, Selector[] pair, long[] w) {
        String who = pair[0] == pair[1] ? "among " + pair[0] : pair[0] + " <-> " + pair[1];
        return kind + " " + who + window(w);
    }

    private static String window(long[] w) {
        return " in [" + Units.format(w[0]) + ", " + Units.format(w[1]) + "]";
    }
}

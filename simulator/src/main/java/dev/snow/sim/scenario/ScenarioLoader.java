package dev.snow.sim.scenario;

import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.handshake.NodeName;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads and validates a scenario file (format: docs/SCENARIOS.md). Every problem is one
 * {@link ScenarioException} naming the file, the line and the field.
 */
public final class ScenarioLoader {
    private static final SeedRange DEFAULT_SEEDS = new SeedRange(1, 10);

    private ScenarioLoader() {
    }

    public static Scenario load(Path path) {
        return load(path, path.toString());
    }

    /** Loads {@code path}, naming it {@code file} in messages and replay commands. */
    public static Scenario load(Path path, String file) {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(file, in);
        } catch (NoSuchFileException e) {
            throw ScenarioException.at(file, 0, null, "no such file");
        } catch (IOException e) {
            throw ScenarioException.at(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    public static Scenario parse(String file, String text) {
        return parse(file, new StringReader(text));
    }

    private static Scenario parse(String file, Reader in) {
        YamlNode root = YamlTree.parse(file, in);
        if (!root.isMap()) {
            throw root.error("a scenario is a YAML map with nodes:, timeline:, expect: ... (see docs/SCENARIOS.md)");
        }
        MapReader r = new MapReader(root);
        String base = Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = r.string("name", base);
        String description = r.string("description", "");
        SeedRange seeds = r.value("seeds", SeedRange::parse, DEFAULT_SEEDS);
        long duration = r.convert(r.required("duration"), Units::duration);
        if (duration <= 0) {
            throw r.get("duration").error("the run must last longer than 0");
        }
        NetworkSpec network = r.has("network") ? network(r.get("network")) : NetworkSpec.DEFAULT;
        NodeSettings defaults = r.has("defaults") ? settings(new MapReader(r.get("defaults")), NodeSettings.DEFAULT, true)
                : NodeSettings.DEFAULT;

        LinkedHashMap<String, List<String>> groups = new LinkedHashMap<>();
        List<NodeSpec> nodes = nodes(r.required("nodes"), defaults, groups);
        List<String> names = new ArrayList<>();
        for (NodeSpec n : nodes) {
            names.add(n.name());
        }
        Set<String> nameSet = new HashSet<>(names);
        if (r.has("groups")) {
            explicitGroups(r.get("groups"), nameSet, groups);
        }
        for (String g : groups.keySet()) {
            if (nameSet.contains(g) || g.equals("all")) {
                throw root.error("group \"" + g + "\" has the name of a node or of all; pick another group name");
            }
        }
        Resolver resolver = new Resolver(names, groups, duration);
        List<LinkSpec> links = r.has("links") ? links(r.get("links"), resolver) : List.of();
        List<TimedAction> timeline = r.has("timeline") ? new ActionParser(resolver).timeline(r.get("timeline")) : List.of();
        List<Expectation> expect = r.has("expect") ? new ExpectationParser(resolver).expectations(r.get("expect")) : List.of();
        SwarmSpec swarm = r.has("swarm") ? new SwarmParser(resolver).swarm(r.get("swarm")) : SwarmSpec.NONE;
        r.finish();
        return new Scenario(file, name, description, seeds, duration, network, List.copyOf(nodes), groups, links, timeline,
                expect, swarm);
    }

    private static NetworkSpec network(YamlNode node) {
        MapReader r = new MapReader(node);
        Resolver plain = new Resolver(List.of(), new LinkedHashMap<>(), Long.MAX_VALUE);
        NetworkSpec d = NetworkSpec.DEFAULT;
        LatencySpec latency = r.has("latency") ? plain.latency(r.get("latency")) : d.latency();
        long jitter = r.duration("jitter", d.jitter());
        double loss = r.rate("loss", d.loss());
        long bandwidth = r.value("bandwidth", Units::bandwidth, d.bandwidth());
        NetworkSpec spec = new NetworkSpec(latency, jitter, loss, bandwidth, d.rtoMin(), d.rtoMax(), d.synRto(),
                d.synTimeout(), d.resetAfter());
        if (r.has("tcp")) {
            MapReader t = new MapReader(r.get("tcp"));
            spec = new NetworkSpec(latency, jitter, loss, bandwidth, positive(t, "rto_min", d.rtoMin()),
                    positive(t, "rto_max", d.rtoMax()), positive(t, "syn_rto", d.synRto()),
                    positive(t, "syn_timeout", d.synTimeout()), positive(t, "reset_after", d.resetAfter()));
            if (spec.rtoMax() < spec.rtoMin()) {
                throw t.node().error("rto_max (" + Units.format(spec.rtoMax()) + ") is below rto_min ("
                        + Units.format(spec.rtoMin()) + ")");
            }
            t.finish();
        }
        r.finish();
        return spec;
    }

    private static long positive(MapReader r, String key, long fallback) {
        long v = r.duration(key, fallback);
        if (v <= 0) {
            throw r.get(key).error("must be longer than 0");
        }
        return v;
    }

    /** Node settings over {@code base}; node entries may not set name/count/group here when {@code defaultsOnly}. */
    private static NodeSettings settings(MapReader r, NodeSettings base, boolean defaultsOnly) {
        String cookie = r.string("cookie", base.cookie());
        if (cookie.isEmpty()) {
            throw r.get("cookie").error("a cookie must not be empty");
        }
        Integer creation = r.has("creation") ? Integer.valueOf(MapReader.integer(r.get("creation"), 1, 255)) : base.creation();
        long interval = positive(r, "heartbeat_interval", base.heartbeatInterval());
        long timeout = positive(r, "heartbeat_timeout", base.heartbeatTimeout());
        long handshake = positive(r, "handshake_timeout", base.handshakeTimeout());
        int maxNodeId = r.integer("max_node_id", 1, 65535, base.maxNodeId());
        int maxPending = r.integer("max_pending_handshakes", 1, 1_000_000, base.maxPendingHandshakes());
        long offset = base.clockOffset();
        long drift = base.driftPpm();
        if (r.has("clock")) {
            MapReader c = new MapReader(r.get("clock"));
            offset = c.duration("offset", offset);
            drift = c.integer("drift_ppm", -100_000, 100_000, (int) drift);
            c.finish();
        }
        boolean started = r.bool("started", base.started());
        if (defaultsOnly) {
            r.finish();
        }
        return new NodeSettings(cookie, creation, interval, timeout, handshake, maxNodeId, maxPending, offset, drift, started);
    }

    private static List<NodeSpec> nodes(YamlNode list, NodeSettings defaults, Map<String, List<String>> groups) {
        if (list.items().isEmpty()) {
            throw list.error("a scenario needs at least one node");
        }
        List<NodeSpec> out = new ArrayList<>();
        Map<String, Integer> lines = new java.util.HashMap<>();
        for (YamlNode entry : list.items()) {
            MapReader r = new MapReader(entry);
            YamlNode nameNode = r.required("name");
            String pattern = nameNode.text();
            int count = r.integer("count", 1, 1_000_000, 1);
            boolean templated = pattern.contains("{i}");
            if (count > 1 && !templated) {
                throw nameNode.error("count " + count + " needs {i} in the name (e.g. \"n{i}@sim\") to tell the nodes apart");
            }
            String group = r.string("group", null);
            NodeSettings settings = settings(r, defaults, false);
            r.finish();
            for (int i = 1; i <= count; i++) {
                String name = templated ? pattern.replace("{i}", Integer.toString(i)) : pattern;
                try {
                    NodeName.parse(name);
                } catch (InvalidNameException e) {
                    throw nameNode.error("invalid node name: " + e.getMessage());
                }
                Integer earlier = lines.put(name, entry.line());
                if (earlier != null) {
                    throw nameNode.error("node " + name + " is declared twice (first on line " + earlier + ")");
                }
                out.add(new NodeSpec(name, out.size(), group, settings, entry.line()));
                if (group != null) {
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(name);
                }
            }
        }
        return out;
    }

    private static void explicitGroups(YamlNode node, Set<String> names, Map<String, List<String>> groups) {
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            List<String> members = groups.computeIfAbsent(e.getKey(), g -> new ArrayList<>());
            YamlNode v = e.getValue();
            for (YamlNode item : v.isList() ? v.items() : List.of(v)) {
                String ref = item.text();
                if (names.contains(ref)) {
                    if (!members.contains(ref)) {
                        members.add(ref);
                    }
                } else if (groups.containsKey(ref) && !ref.equals(e.getKey())) {
                    for (String m : groups.get(ref)) {
                        if (!members.contains(m)) {
                            members.add(m);
                        }
                    }
                } else {
                    throw item.error("\"" + ref + "\" is not a node declared under nodes: (nor an earlier group)");
                }
            }
        }
    }

    private static List<LinkSpec> links(YamlNode list, Resolver resolver) {
        List<LinkSpec> out = new ArrayList<>();
        for (YamlNode entry : list.items()) {
            MapReader r = new MapReader(entry);
            LinkSelector sel = resolver.links(r);
            LatencySpec latency = r.has("latency") ? resolver.latency(r.get("latency")) : null;
            Long jitter = r.has("jitter") ? r.duration("jitter", 0) : null;
            Double loss = r.has("loss") ? r.rate("loss", 0) : null;
            Long bandwidth = r.has("bandwidth") ? r.value("bandwidth", Units::bandwidth, 0L) : null;
            if (latency == null && jitter == null && loss == null && bandwidth == null) {
                throw entry.error("a link entry sets latency, jitter, loss or bandwidth; this one sets nothing");
            }
            r.finish();
            out.add(new LinkSpec(sel, latency, jitter, loss, bandwidth, entry.line()));
        }
        return out;
    }
}

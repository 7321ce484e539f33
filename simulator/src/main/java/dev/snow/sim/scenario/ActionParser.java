package dev.snow.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code timeline:} list: each entry is {@code at} plus exactly one action. */
final class ActionParser {
    static final List<String> ACTIONS = List.of("start", "stop", "crash", "restart", "connect", "disconnect", "partition",
            "heal", "hold", "release", "latency", "loss", "bandwidth", "reset", "slicer", "skew", "flap");
    /** The largest slicer {@code average_size} and {@code size_variation}: a proxy reads at most 16 KiB at a time. */
    static final int MAX_SLICE = 65_536;

    private final Resolver resolver;

    ActionParser(Resolver resolver) {
        this.resolver = resolver;
    }

    List<TimedAction> timeline(YamlNode list) {
        List<TimedAction> out = new ArrayList<>();
        for (YamlNode entry : list.items()) {
            out.add(entry(entry));
        }
        return out;
    }

    private TimedAction entry(YamlNode entry) {
        MapReader r = new MapReader(entry);
        YamlNode atNode = r.required("at");
        String[] range = Units.range(atNode.text());
        long at = resolver.instant(withText(atNode, range[0]));
        long latest = resolver.instant(withText(atNode, range[1]));
        if (latest < at) {
            throw atNode.error("time range ends before it starts: " + atNode.text());
        }
        String key = null;
        for (Map.Entry<String, YamlNode> e : entry.entries().entrySet()) {
            if (ACTIONS.contains(e.getKey())) {
                if (key != null) {
                    throw e.getValue().error("one action per timeline entry, found both " + key + " and " + e.getKey());
                }
                key = e.getKey();
            }
        }
        if (key == null) {
            throw entry.error("no action in this timeline entry (actions: " + String.join(", ", ACTIONS) + ")");
        }
        YamlNode body = r.required(key);
        Action action = action(key, body);
        r.finish();
        String text = key + " " + describe(action);
        return new TimedAction(at, latest, action, text, entry.line());
    }

    private static YamlNode withText(YamlNode v, String text) {
        return YamlNode.scalar(v.file(), v.line(), v.path(), text, false);
    }

    private Action action(String key, YamlNode body) {
        switch (key) {
            case "start": {
                if (body.isScalar() || body.isList()) {
                    return new Action.Start(resolver.selector(body), null);
                }
                MapReader r = new MapReader(body);
                Action a = new Action.Start(nodes(r), r.has("creation") ? MapReader.integer(r.get("creation"), 1, 255) : null);
                r.finish();
                return a;
            }
            case "stop":
                return new Action.Stop(nodesOf(body));
            case "crash": {
                if (body.isScalar() || body.isList()) {
                    return new Action.Crash(resolver.selector(body), true);
                }
                MapReader r = new MapReader(body);
                String mode = r.string("mode", "host");
                if (!mode.equals("host") && !mode.equals("process")) {
                    throw r.get("mode").error("crash mode is host (silent) or process (the kernel sends FIN), found \"" + mode + "\"");
                }
                Action a = new Action.Crash(nodes(r), mode.equals("host"));
                r.finish();
                return a;
            }
            case "restart": {
                if (body.isScalar() || body.isList()) {
                    return new Action.Restart(resolver.selector(body), false, null);
                }
                MapReader r = new MapReader(body);
                String mode = r.string("mode", "crash");
                if (!mode.equals("crash") && !mode.equals("stop")) {
                    throw r.get("mode").error("restart mode is crash or stop, found \"" + mode + "\"");
                }
                Action a = new Action.Restart(nodes(r), mode.equals("stop"),
                        r.has("creation") ? MapReader.integer(r.get("creation"), 1, 255) : null);
                r.finish();
                return a;
            }
            case "connect": {
                MapReader r = new MapReader(body);
                boolean mesh = r.has("mesh");
                Selector from;
                Selector to;
                if (mesh) {
                    if (r.has("from") || r.has("to")) {
                        throw body.error("give either mesh: A or from: A with to: B");
                    }
                    from = resolver.selector(r.get("mesh"));
                    to = from;
                } else {
                    from = resolver.selector(r.required("from"));
                    to = resolver.selector(r.required("to"));
                }
                Action a = new Action.Connect(from, to, mesh, r.duration("spread", 0), r.duration("retry", 0));
                r.finish();
                return a;
            }
            case "disconnect": {
                MapReader r = new MapReader(body);
                Action a = new Action.Disconnect(resolver.selector(r.required("from")), resolver.selector(r.required("to")));
                r.finish();
                return a;
            }
            case "partition":
                return new Action.Partition(links(body));
            case "heal":
                return new Action.Heal(links(body));
            case "hold":
                return new Action.Hold(links(body));
            case "release":
                return new Action.Release(links(body));
            case "latency": {
                MapReader r = new MapReader(body);
                LinkSelector links = resolver.links(r);
                Action a = new Action.Latency(links, resolver.latency(r.required("value")), r.duration("jitter", 0));
                r.finish();
                return a;
            }
            case "loss": {
                MapReader r = new MapReader(body);
                LinkSelector links = resolver.links(r);
                Action a = new Action.Loss(links, r.convert(r.required("rate"), Units::rate));
                r.finish();
                return a;
            }
            case "bandwidth": {
                MapReader r = new MapReader(body);
                LinkSelector links = resolver.links(r);
                Action a = new Action.Bandwidth(links, r.convert(r.required("rate"), Units::bandwidth));
                r.finish();
                return a;
            }
            case "reset": {
                if (body.isScalar() && body.text().equals("all")) {
                    return new Action.Reset(LinkSelector.ALL, 0);
                }
                MapReader r = new MapReader(body);
                LinkSelector links = resolver.links(r);
                Action a = new Action.Reset(links, r.duration("timeout", 0));
                r.finish();
                return a;
            }
            case "slicer":
                return slicer(body);
            case "skew": {
                MapReader r = new MapReader(body);
                Selector nodes = nodes(r);
                long jump = r.duration("jump", 0);
                Long drift = r.has("drift_ppm") ? (long) MapReader.integer(r.get("drift_ppm"), -100_000, 100_000) : null;
                if (jump == 0 && drift == null) {
                    throw body.error("skew needs jump (forward only) or drift_ppm");
                }
                r.finish();
                return new Action.Skew(nodes, jump, drift);
            }
            case "flap": {
                MapReader r = new MapReader(body);
                LinkSelector links = resolver.links(r);
                long down = resolver.duration(r.required("down"));
                long up = resolver.duration(r.required("up"));
                long until = resolver.instant(r.required("until"));
                if (down <= 0 || up <= 0) {
                    throw body.error("flap needs positive down and up durations");
                }
                r.finish();
                return new Action.Flap(links, down, up, until);
            }
            default:
                throw body.error("unknown action " + key);
        }
    }

    /** {@code slicer}: links, {@code average_size} (0 = off), {@code size_variation}, {@code delay}. */
    private Action slicer(YamlNode body) {
        MapReader r = new MapReader(body);
        LinkSelector links = resolver.links(r);
        YamlNode avgNode = r.required("average_size");
        int avg = MapReader.integer(avgNode, 0, MAX_SLICE);
        int variation = r.integer("size_variation", 0, MAX_SLICE, 0);
        long delay = r.duration("delay", 0);
        if (avg == 0 && (r.has("size_variation") || r.has("delay"))) {
            throw avgNode.error("slicer average_size 0 ends slicing and takes no size_variation or delay, found average_size 0 with "
                    + (r.has("size_variation") ? "size_variation " + variation : "delay " + Units.format(delay)));
        }
        if (avg > 0 && variation >= avg) {
            throw r.get("size_variation").error("slicer size_variation must be smaller than average_size (" + avg
                    + "), so that no slice is empty, found " + variation);
        }
        r.finish();
        return new Action.Slicer(links, avg, variation, delay);
    }

    private Selector nodesOf(YamlNode body) {
        if (body.isScalar() || body.isList()) {
            return resolver.selector(body);
        }
        MapReader r = new MapReader(body);
        Selector s = nodes(r);
        r.finish();
        return s;
    }

    /** {@code node:} or {@code nodes:}. */
    private Selector nodes(MapReader r) {
        if (r.has("node") == r.has("nodes")) {
            throw r.node().error("name the nodes with node: or nodes: (exactly one)");
        }
        return resolver.selector(r.has("node") ? r.get("node") : r.get("nodes"));
    }

    private LinkSelector links(YamlNode body) {
        if (body.isScalar() && body.text().equals("all")) {
            return LinkSelector.ALL;
        }
        MapReader r = new MapReader(body);
        LinkSelector s = resolver.links(r);
        r.finish();
        return s;
    }

    static String describe(Action a) {
        if (a instanceof Action.Start s) {
            return s.nodes().toString();
        } else if (a instanceof Action.Stop s) {
            return s.nodes().toString();
        } else if (a instanceof Action.Crash c) {
            return c.nodes() + (c.wholeHost() ? "" : " (process)");
        } else if (a instanceof Action.Restart rs) {
            return rs.nodes() + (rs.orderly() ? " (stop)" : " (crash)");
        } else if (a instanceof Action.Connect c) {
            return (c.mesh() ? "mesh " + c.from() : c.from() + " -> " + c.to())
                    + (c.spread() > 0 ? " spread " + Units.format(c.spread()) : "")
                    + (c.retry() > 0 ? " retry " + Units.format(c.retry()) : "");
        } else if (a instanceof Action.Disconnect d) {
            return d.from() + " -x- " + d.to();
        } else if (a instanceof Action.Partition p) {
            return p.links().toString();
        } else if (a instanceof Action.Heal h) {
            return h.links().toString();
        } else if (a instanceof Action.Hold h) {
            return h.links().toString();
        } else if (a instanceof Action.Release rl) {
            return rl.links().toString();
        } else if (a instanceof Action.Latency l) {
            return l.links() + " " + l.latency() + (l.jitter() > 0 ? " jitter " + Units.format(l.jitter()) : "");
        } else if (a instanceof Action.Loss l) {
            return l.links() + " " + (l.rate() * 100) + "%";
        } else if (a instanceof Action.Bandwidth b) {
            return b.links() + " " + b.bitsPerSecond() + " bit/s";
        } else if (a instanceof Action.Reset rs) {
            return rs.links() + (rs.timeout() > 0 ? " timeout " + Units.format(rs.timeout()) : "");
        } else if (a instanceof Action.Slicer sl) {
            return sl.links() + (sl.off() ? " off" : " average " + sl.averageSize() + " B"
                    + (sl.sizeVariation() > 0 ? " +/- " + sl.sizeVariation() + " B" : "")
                    + (sl.delay() > 0 ? " delay " + Units.format(sl.delay()) : ""));
        } else if (a instanceof Action.Skew s) {
            return s.nodes() + " jump " + Units.format(s.jump()) + (s.driftPpm() != null ? " drift " + s.driftPpm() + " ppm" : "");
        } else if (a instanceof Action.Flap f) {
            return f.links() + " down " + Units.format(f.down()) + " up " + Units.format(f.up()) + " until " + Units.format(f.until());
        }
        return a.toString();
    }
}

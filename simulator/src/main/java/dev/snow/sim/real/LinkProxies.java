package dev.snow.sim.real;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One proxy per ordered pair of nodes (the dialler's side of the pair), and the faults of each
 * directed link. A TCP connection dialled by i to j crosses proxy (i, j): its {@code upstream}
 * stream carries the link i -> j, its {@code downstream} the link j -> i. So the directed link
 * i -> j is two halves: (proxy (i, j), upstream) and (proxy (j, i), downstream); a fault on a
 * link is one toxic on each half, named {@code <kind>_up} / {@code <kind>_down}.
 *
 * <p>Every boot of a node listens on its own port and gets fresh proxies with the links' current
 * faults; a reset ({@link #resetLive}) also gives the pair fresh proxies, so that it hits the
 * connections open at its instant only. A node that is down has its proxies disabled (dials are refused), except after a host
 * crash, whose process is frozen so that its old connections stay silent.
 */
final class LinkProxies implements AutoCloseable {
    /** A fault kind on a link and its toxic: Toxiproxy type and attributes, or null for none. */
    record Toxin(String type, Map<String, Object> attributes) {
    }

    private final FaultApi api;
    /** Loss as nftables drop rules (null: loss is a toxic); a toxin of type {@code drop} goes there. */
    private final PacketDrop drop;
    /** Drop rule handles by proxy name + "/" + half name. */
    private final Map<String, Integer> dropRules = new HashMap<>();
    private final List<String> names;
    private final int[] ports;
    private final Consumer<String> log;
    private final Proxy[][] current;
    private final String[][] address;
    private final List<Proxy> all = new ArrayList<>();
    private final Map<Proxy, Map<String, Toxic>> toxics = new HashMap<>();
    /** Per directed link (i * n + j), the faults in force by kind, in the order first set. */
    private final Map<Integer, LinkedHashMap<String, Toxin>> faults = new HashMap<>();
    private final int[] generation;
    /** Nodes whose proxies are disabled (down): a fresh proxy to one of them starts disabled. */
    private final boolean[] refusing;
    /** Made on first use: only a toxic type the official client has no class for needs it. */
    private HttpClient http;
    private int proxyCount;

    LinkProxies(FaultApi api, PacketDrop drop, List<String> names, int[] ports, Consumer<String> log) throws IOException {
        this.api = api;
        this.drop = drop;
        this.names = names;
        this.ports = ports;
        this.log = log;
        int n = names.size();
        this.current = new Proxy[n][n];
        this.address = new String[n][n];
        this.generation = new int[n];
        this.refusing = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    create(i, j);
                }
            }
        }
    }

    /** The address node {@code i} gives {@code connect} to reach node {@code j}. */
    String dialAddress(int i, int j) {
        return address[i][j];
    }

    private void create(int i, int j) throws IOException {
        String name = sanitize(names.get(i)) + ".to." + sanitize(names.get(j)) + "." + generation[i] + "." + generation[j];
        Proxy old = api.client().getProxyOrNull(name);
        if (old != null) {
            old.delete();
        }
        Proxy p = api.client().createProxy(name, api.listenFor(proxyCount++), api.upstreamFor(ports[j]));
        current[i][j] = p;
        address[i][j] = api.dialAddress(p.getListen());
        all.add(p);
        toxics.put(p, new HashMap<>());
        log.accept("proxy " + name + " listen " + p.getListen() + " upstream " + p.getUpstream());
    }

    /** Sets (or with null clears) fault {@code kind} on the directed link {@code i -> j}. */
    void set(int i, int j, String kind, Toxin toxin) throws IOException {
        LinkedHashMap<String, Toxin> m = faults.computeIfAbsent(i * names.size() + j, k -> new LinkedHashMap<>());
        if (toxin == null) {
            m.remove(kind);
        } else {
            m.put(kind, toxin);
        }
        apply(current[i][j], ToxicDirection.UPSTREAM, kind, toxin);
        apply(current[j][i], ToxicDirection.DOWNSTREAM, kind, toxin);
    }

    /** Dials to node {@code k} are refused ({@code false}: its proxies are disabled, their connections close) or accepted. */
    void acceptTo(int k, boolean on) throws IOException {
        refusing[k] = !on;
        for (int j = 0; j < names.size(); j++) {
            if (j != k) {
                if (on) {
                    current[j][k].enable();
                } else {
                    current[j][k].disable();
                }
            }
        }
    }

    /**
     * Node {@code k} boots again, listening on {@code port}: fresh proxies to and from it, with
     * the links' current faults. The old proxies stay as they are, so connections to a frozen
     * (host-crashed) process stay silent.
     */
    void renew(int k, int port) throws IOException {
        generation[k]++;
        ports[k] = port;
        refusing[k] = false;
        api.exposeHostPorts(port);
        for (int j = 0; j < names.size(); j++) {
            if (j != k) {
                fresh(k, j);
                fresh(j, k);
            }
        }
    }

    /**
     * Reset ({@code reset_peer}) of the connections open now on the directed links {@code pairs}:
     * the toxic goes on both halves of each link, on the proxies those connections cross; then
     * each pair involved gets fresh proxies with the links' other faults, so that a later dial
     * is not reset (the reset is not recorded as a fault of the link). The old proxies live on
     * until the run ends, for the connections that still cross them.
     */
    void resetLive(List<int[]> pairs, Toxin toxin) throws IOException {
        int n = names.size();
        java.util.TreeSet<Integer> involved = new java.util.TreeSet<>();
        for (int[] p : pairs) {
            apply(current[p[0]][p[1]], ToxicDirection.UPSTREAM, "reset", toxin);
            apply(current[p[1]][p[0]], ToxicDirection.DOWNSTREAM, "reset", toxin);
            involved.add(Math.min(p[0], p[1]) * n + Math.max(p[0], p[1]));
        }
        for (int pair : involved) {
            int i = pair / n;
            int j = pair % n;
            generation[i]++;
            generation[j]++;
            fresh(i, j);
            fresh(j, i);
        }
    }

    /**
     * A new proxy (i, j) in place of the current one, with the faults in force: its upstream
     * carries link i -> j, its downstream link j -> i; disabled when j is down.
     */
    private void fresh(int i, int j) throws IOException {
        create(i, j);
        Proxy p = current[i][j];
        Map<String, Toxin> up = faults.get(i * names.size() + j);
        if (up != null) {
            for (Map.Entry<String, Toxin> e : up.entrySet()) {
                apply(p, ToxicDirection.UPSTREAM, e.getKey(), e.getValue());
            }
        }
        Map<String, Toxin> down = faults.get(j * names.size() + i);
        if (down != null) {
            for (Map.Entry<String, Toxin> e : down.entrySet()) {
                apply(p, ToxicDirection.DOWNSTREAM, e.getKey(), e.getValue());
            }
        }
        if (refusing[j]) {
            p.disable();
        }
    }

    private void apply(Proxy p, ToxicDirection dir, String kind, Toxin toxin) throws IOException {
        String name = kind + (dir == ToxicDirection.UPSTREAM ? "_up" : "_down");
        Map<String, Toxic> on = toxics.get(p);
        Integer rule = dropRules.remove(p.getName() + "/" + name);
        if (rule != null) {
            drop.remove(rule);
        }
        if (on.containsKey(name)) {
            Toxic t = on.remove(name);
            if (t != null) {
                t.remove();
            } else {
                raw("DELETE", "/proxies/" + p.getName() + "/toxics/" + name, null);
            }
        }
        if (toxin == null) {
            return;
        }
        Map<String, Object> a = toxin.attributes();
        if (toxin.type().equals("drop")) {
            String listen = p.getListen();
            int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
            dropRules.put(p.getName() + "/" + name, drop.add(dir == ToxicDirection.UPSTREAM, port, ((Number) a.get("rate")).doubleValue()));
            return;
        }
        Toxic t;
        switch (toxin.type()) {
            case "timeout":
                t = p.toxics().timeout(name, dir, num(a, "timeout"));
                break;
            case "latency":
                t = p.toxics().latency(name, dir, num(a, "latency"));
                if (num(a, "jitter") > 0) {
                    ((eu.rekawek.toxiproxy.model.toxic.Latency) t).setJitter(num(a, "jitter"));
                }
                break;
            case "bandwidth":
                t = p.toxics().bandwidth(name, dir, num(a, "rate"));
                break;
            case "reset_peer":
                t = p.toxics().resetPeer(name, dir, num(a, "timeout"));
                break;
            case "slicer":
                t = p.toxics().slicer(name, dir, num(a, "average_size"), num(a, "delay"));
                if (num(a, "size_variation") > 0) {
                    ((eu.rekawek.toxiproxy.model.toxic.Slicer) t).setSizeVariation(num(a, "size_variation"));
                }
                break;
            default:
                // a type the client has no class for (the embedded server's "loss"): the same HTTP API, by hand
                StringBuilder attrs = new StringBuilder();
                for (Map.Entry<String, Object> e : a.entrySet()) {
                    attrs.append(attrs.length() == 0 ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue());
                }
                raw("POST", "/proxies/" + p.getName() + "/toxics", String.format(Locale.ROOT,
                        "{\"name\":\"%s\",\"type\":\"%s\",\"stream\":\"%s\",\"toxicity\":1.0,\"attributes\":{%s}}",
                        name, toxin.type(), dir.name().toLowerCase(Locale.ROOT), attrs));
                t = null;
        }
        on.put(name, t);
    }

    private static long num(Map<String, Object> a, String key) {
        Object v = a.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private void raw(String method, String path, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.apiBase() + path)).timeout(Duration.ofSeconds(10));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + method + " " + path);
        }
    }

    static String sanitize(String node) {
        return node.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Deletes every proxy this run made (their connections close). */
    @Override
    public void close() {
        for (Proxy p : all) {
            try {
                p.delete();
            } catch (IOException e) {
                log.accept("could not delete proxy " + p.getName() + ": " + e.getMessage());
            }
        }
    }
}

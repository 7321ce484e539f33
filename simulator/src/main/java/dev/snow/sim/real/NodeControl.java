package dev.snow.sim.real;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.sim.check.Observation;
import dev.snow.sim.scenario.Action;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node actions on real processes: boots come up (their proxies come to life), stop, crash
 * (host: the process is frozen; process: killed), dials through the pair's proxy, disconnects,
 * and the runner's own {@code connect ... retry} (retry..1.5 x retry after a node_down or a failed
 * outgoing attempt, and after every boot). Adapter events come in here and become observations.
 */
final class NodeControl {
    private final RunState run;
    private final LinkProxies links;

    NodeControl(RunState run, LinkProxies links) {
        this.run = run;
        this.links = links;
    }

    /**
     * Every boot's process gets its {@code start} before the clock starts, side by side: a cold
     * process's first {@code start} (key generation, listener) takes a second or more, which a
     * scenario's instants do not model. A boot listens on its own port and nobody can reach it
     * until its instant comes (its proxies do not exist or are disabled), so starting it early
     * cannot be observed; its {@code start} observation is made at its instant.
     */
    void bootAll() throws IOException {
        List<Thread> threads = new ArrayList<>();
        for (RealNode n : run.nodes) {
            for (RealNode.Boot b : n.boots) {
                Thread t = new Thread(() -> run.guarded("start " + n.name(), () -> startProcess(n, b)), "real-boot-" + n.index);
                t.start();
                threads.add(t);
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the nodes");
            }
        }
        List<String> errors = run.errors();
        if (!errors.isEmpty()) {
            throw new IOException("could not start the nodes: " + String.join("; ", errors));
        }
    }

    private void startProcess(RealNode n, RealNode.Boot b) throws IOException {
        var s = n.spec.settings();
        RunClock c = run.clock;
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("name", n.name());
        cmd.put("cookie", s.cookie());
        cmd.put("host", "127.0.0.1");
        cmd.put("port", b.port);
        cmd.put("creation", b.creation);
        cmd.put("heartbeat_interval_ms", c.ms(s.heartbeatInterval()));
        cmd.put("heartbeat_timeout_ms", c.ms(s.heartbeatTimeout()));
        cmd.put("handshake_timeout_ms", c.ms(s.handshakeTimeout()));
        cmd.put("max_node_id", s.maxNodeId());
        cmd.put("max_pending_handshakes", s.maxPendingHandshakes());
        JsonNode r = b.adapter.call("start", cmd);
        if (r.path("creation").asInt(b.creation) != b.creation) {
            throw new IOException(n.name() + ": started with creation " + r.path("creation").asInt()
                    + " where the start command asked for " + b.creation);
        }
    }

    /** Node {@code n}'s next planned boot comes up: its proxies come to life, it is observed started, it dials its kept peers. */
    void start(RealNode n) throws IOException {
        if (n.current != null) {
            run.note(run.now(), "skip", n.name(), Map.of("detail", "start: already running"));
            return;
        }
        if (n.next >= n.boots.size()) {
            throw new IOException(n.name() + ": no planned boot left (the timeline walk and the run disagree)");
        }
        int index = n.next++;
        RealNode.Boot b = n.boots.get(index);
        if (index > 0) {
            links.renew(n.index, b.port);
        } else if (!n.spec.settings().started()) {
            links.acceptTo(n.index, true);
        }
        n.stopping = false;
        b.adapter.onEvent(ev -> onEvent(n, b, ev));
        long t = run.now();
        synchronized (run) {
            n.current = b;
            run.observe(new Observation.Started(t, n.name(), b.creation));
        }
        run.note(t, "start", n.name(), Map.of("creation", b.creation, "port", b.port, "boot", index,
                "implementation", b.adapter.implementation()));
        for (String peer : n.keep.keySet()) {
            dial(n, peer);
        }
    }

    void stop(RealNode n) throws IOException {
        RealNode.Boot b = n.current;
        if (b == null) {
            run.note(run.now(), "skip", n.name(), Map.of("detail", "stop: not running"));
            return;
        }
        n.stopping = true;
        try {
            b.adapter.call("stop", Map.of());
        } finally {
            long t = run.now();
            synchronized (run) {
                n.current = null;
                run.observe(new Observation.Stopped(t, n.name(), "stop"));
            }
            run.note(t, "stop", n.name(), Map.of());
            b.adapter.close();
            links.acceptTo(n.index, false);
        }
    }

    /** {@code host}: the process is frozen (silent: no FIN, no RST); {@code process}: killed, the kernel closes its sockets. */
    void crash(RealNode n, boolean host) throws IOException {
        RealNode.Boot b = n.current;
        if (b == null) {
            run.note(run.now(), "skip", n.name(), Map.of("detail", "crash: not running"));
            return;
        }
        synchronized (run) {
            n.current = null;
        }
        if (host) {
            b.adapter.freeze();
        } else {
            b.adapter.kill();
            links.acceptTo(n.index, false);
        }
        long t = run.now();
        run.observe(new Observation.Stopped(t, n.name(), host ? "crash host" : "crash process"));
        run.note(t, "crash", n.name(), Map.of("mode", host ? "host" : "process"));
    }

    void connect(Action.Connect c) throws IOException {
        List<String> from = c.from().nodes();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            List<String> targets = c.mesh() ? from.subList(i + 1, from.size()) : c.to().nodes();
            for (String b : targets) {
                if (!from.get(i).equals(b)) {
                    pairs.add(new String[] {from.get(i), b});
                }
            }
        }
        long now = run.now();
        for (String[] p : pairs) {
            RealNode n = run.node(p[0]);
            if (c.retry() > 0) {
                n.keep.put(p[1], c.retry());
            }
            long delay = c.spread() > 0 ? Math.floorMod(run.rng.nextLong(), c.spread() + 1) : 0;
            if (delay == 0) {
                dial(n, p[1]);
            } else {
                run.at(now + delay, () -> run.guarded("connect", () -> dial(n, p[1])));
            }
        }
    }

    private void dial(RealNode n, String peer) throws IOException {
        Adapter a = n.adapter();
        if (a == null) {
            return;
        }
        String address = links.dialAddress(n.index, run.names.indexOf(peer));
        run.note(run.now(), "connect", n.name(), Map.of("peer", peer, "address", address));
        a.send("connect", Map.of("node", peer, "address", address)).whenComplete((r, e) -> {
            if (r != null && !r.path("ok").asBoolean(false)) {
                run.note(run.now(), "reply", n.name(), Map.of("peer", peer, "code", r.path("code").asText(),
                        "detail", r.path("message").asText()));
            }
        });
    }

    void disconnect(RealNode n, String peer) throws IOException {
        n.keep.remove(peer);
        Adapter a = n.adapter();
        if (a != null) {
            JsonNode r = a.send("disconnect", Map.of("node", peer)).join();
            run.note(run.now(), "disconnect", n.name(), Map.of("peer", peer,
                    "reply", r.path("ok").asBoolean(false) ? "ok" : r.path("code").asText()));
        }
    }

    /** An adapter event, on that adapter's reader thread. */
    private void onEvent(RealNode n, RealNode.Boot from, Adapter.Event ev) {
        long t = run.clock.toVirtual(ev.wallNanos());
        JsonNode j = ev.json();
        Observation o;
        synchronized (run) {
            if (n.current != from || run.over) {
                return;
            }
            o = AdapterEvents.observation(t, n.name(), j);
            if (o != null) {
                run.observe(o);
            }
        }
        run.note(t, j.path("event").asText(), n.name(), AdapterEvents.fields(j));
        String peer = AdapterEvents.peer(o);
        if (AdapterEvents.lost(o) && peer != null) {
            redialLater(n, peer);
        }
    }

    private void redialLater(RealNode n, String peer) {
        run.sched.execute(() -> {
            Long retry = n.keep.get(peer);
            if (retry == null || n.stopping || n.current == null) {
                return;
            }
            long delay = retry + Math.floorMod(run.rng.nextLong(), retry / 2 + 1);
            RealNode.Boot boot = n.current;
            run.at(run.now() + delay, () -> run.guarded("retry", () -> {
                if (n.keep.containsKey(peer) && n.current == boot) {
                    dial(n, peer);
                }
            }));
        });
    }
}

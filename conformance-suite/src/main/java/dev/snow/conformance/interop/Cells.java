package dev.snow.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.NodeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The cases, played between real nodes: {@code row} is the initiator's implementation,
 * {@code col} the acceptor's. Each method starts its own nodes and closes them; a broken
 * expectation is an {@link AssertionError} naming the rule and what was seen.
 */
final class Cells implements AutoCloseable {
    private static final String COOKIE = "interop-cookie";
    /** Heartbeats fast enough for a short cell, slow enough for a loaded 2-core machine. */
    static final int HB_INTERVAL_MS = 300;
    static final int HB_TIMEOUT_MS = 1000;

    private final Implementation row;
    private final Implementation col;
    private final List<Iut> started = new ArrayList<>();

    Cells(Implementation row, Implementation col) {
        this.row = row;
        this.col = col;
    }

    private static String alive(String prefix, Implementation i) {
        return prefix + "-" + i.name().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The row node's name sorts before the column node's (n1 < n2), whatever the implementations. */
    String rowName() {
        return alive("n1", row) + "@127.0.0.1";
    }

    String colName() {
        return alive("n2", col) + "@127.0.0.1";
    }

    private Iut start(Implementation impl, String label, NodeOptions o) {
        Iut n = Iut.start(impl, "interop-" + label, o);
        started.add(n);
        return n;
    }

    private static String addr(Iut n) {
        return "127.0.0.1:" + n.port();
    }

    private static Predicate<Event> ev(String kind, String node) {
        return e -> e.is(kind) && (node.equals(e.node()) || node.equals(e.peer()));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    String run(InteropCase c) {
        return switch (c) {
            case HANDSHAKE -> handshake();
            case SIMULTANEOUS -> simultaneous();
            case HEARTBEAT_TIMEOUT -> heartbeatTimeout();
            case REPLACEMENT -> replacement();
            case WRONG_COOKIE -> wrongCookie();
            case HARDENED -> hardened();
            case PROFILE_MISMATCH -> profileMismatch();
        };
    }

    private String handshake() {
        Iut i = start(row, "initiator", NodeOptions.of(rowName(), COOKIE));
        Iut a = start(col, "acceptor", NodeOptions.of(colName(), COOKIE));
        i.connect(a.name(), addr(a));
        Event upI = i.await("node_up for " + a.name(), ev("node_up", a.name()));
        Event upA = a.await("node_up for " + i.name(), ev("node_up", i.name()));
        check("outgoing".equals(upI.direction()) && upI.creation() == a.creation(),
                "HS-8: initiator's node_up should be outgoing with creation " + a.creation() + ", saw " + upI);
        check("incoming".equals(upA.direction()) && upA.creation() == i.creation(),
                "HS-8: acceptor's node_up should be incoming with creation " + i.creation() + ", saw " + upA);
        check(i.sessionsWith(a.name()).size() == 1 && a.sessionsWith(i.name()).size() == 1, "CONN-3: one session on each side");
        i.disconnect(a.name());
        Event down = a.await("node_down for " + i.name(), ev("node_down", i.name()));
        check("closed".equals(down.reason()), "CONN-2: acceptor should report node_down closed, saw " + down);
        return "node_up on both sides with each other's creation; disconnect seen as closed";
    }

    private String simultaneous() {
        Iut small = start(row, "smaller", NodeOptions.of(rowName(), COOKIE));
        Iut large = start(col, "larger", NodeOptions.of(colName(), COOKIE));
        CompletableFuture<Void> c1 = CompletableFuture.runAsync(() -> small.connect(large.name(), addr(large)));
        CompletableFuture<Void> c2 = CompletableFuture.runAsync(() -> large.connect(small.name(), addr(small)));
        c1.join();
        c2.join();
        Event upS = small.await("node_up for " + large.name(), ev("node_up", large.name()));
        Event upL = large.await("node_up for " + small.name(), ev("node_up", small.name()));
        Event gaveUp = large.await("handshake_failed for its own attempt", ev("handshake_failed", small.name()));
        check("outgoing".equals(upS.direction()), "TIE-1/TIE-5: the smaller node keeps its outgoing connection, saw " + upS);
        check("incoming".equals(upL.direction()), "TIE-5: the larger node's session is incoming, saw " + upL);
        check("outgoing".equals(gaveUp.direction()) && "nok".equals(gaveUp.reason()),
                "TIE-4: the larger node gives up its attempt with nok, saw " + gaveUp);
        Duration settle = Duration.ofMillis(500);
        small.expectNone(0, "a second node_up or a node_down", e -> (e.is("node_up") && e != upS) || e.is("node_down"), settle);
        large.expectNone(0, "a second node_up or a node_down", e -> (e.is("node_up") && e != upL) || e.is("node_down"), settle);
        List<JsonNode> s = small.sessionsWith(large.name());
        List<JsonNode> l = large.sessionsWith(small.name());
        check(s.size() == 1 && l.size() == 1, "TIE-5: exactly one session on each side, saw " + s + " and " + l);
        return "one session survives, the smaller node's outgoing one";
    }

    private String heartbeatTimeout() {
        NodeOptions fast = NodeOptions.of(rowName(), COOKIE).withHeartbeat(HB_INTERVAL_MS, HB_TIMEOUT_MS);
        Iut i = start(row, "watcher", fast);
        Iut a = start(col, "frozen", fast.withName(colName()));
        i.connect(a.name(), addr(a));
        i.await("node_up for " + a.name(), ev("node_up", a.name()));
        a.await("node_up for " + i.name(), ev("node_up", i.name()));
        Duration alive = Duration.ofMillis(2L * (HB_INTERVAL_MS + HB_TIMEOUT_MS));
        i.expectNone(0, "node_down while both answer PINGs (HB-2)", e -> e.is("node_down"), alive);
        check(a.events().matching(0, e -> e.is("node_down")).isEmpty(), "HB-2: the acceptor lost the session while both answer PINGs");
        long frozenAt = System.nanoTime();
        Freezer.freeze(a.adapter().processHandle());
        try {
            Event down = i.await(0, "node_down heartbeat_timeout", ev("node_down", a.name()),
                    Duration.ofMillis(HB_INTERVAL_MS + HB_TIMEOUT_MS + 5_000));
            check("heartbeat_timeout".equals(down.reason()), "HB-3: node_down reason should be heartbeat_timeout, saw " + down);
            return "silence detected " + (down.atNanos() - frozenAt) / 1_000_000 + " ms after the freeze (I+T = "
                    + (HB_INTERVAL_MS + HB_TIMEOUT_MS) + " ms)";
        } finally {
            Freezer.thaw(a.adapter().processHandle());
        }
    }

    private String replacement() {
        Iut old = start(row, "old", NodeOptions.of(rowName(), COOKIE).withCreation(11));
        Iut a = start(col, "acceptor", NodeOptions.of(colName(), COOKIE));
        old.connect(a.name(), addr(a));
        old.await("node_up for " + a.name(), ev("node_up", a.name()));
        a.await("node_up for " + old.name(), e -> ev("node_up", old.name()).test(e) && e.creation() == 11);
        int mark = a.mark();
        Freezer.freeze(old.adapter().processHandle());
        try {
            Iut fresh = start(row, "restarted", NodeOptions.of(rowName(), COOKIE).withCreation(12));
            fresh.connect(a.name(), addr(a));
            Event up = fresh.await("node_up for " + a.name(), ev("node_up", a.name()));
            Event down = a.await(mark, "node_down replaced", ev("node_down", old.name()), fresh.timeouts().event());
            Event up2 = a.await(mark, "node_up with creation 12", e -> ev("node_up", old.name()).test(e) && e.creation() == 12,
                    fresh.timeouts().event());
            check("replaced".equals(down.reason()), "STATUS-6: the old session ends with reason replaced, saw " + down);
            check(down.index() < up2.index(), "STATUS-6: node_down replaced comes before the new node_up");
            check("outgoing".equals(up.direction()), "HS-8: the restarted node's node_up is outgoing, saw " + up);
            List<JsonNode> s = a.sessionsWith(old.name());
            check(s.size() == 1 && s.get(0).path("creation").asInt() == 12, "ID-8: one session with creation 12, saw " + s);
            return "alive answered; old session replaced before the new node_up";
        } finally {
            Freezer.thaw(old.adapter().processHandle());
        }
    }

    private String wrongCookie() {
        Iut i = start(row, "initiator", NodeOptions.of(rowName(), COOKIE + "-row"));
        Iut a = start(col, "acceptor", NodeOptions.of(colName(), COOKIE + "-column"));
        i.connect(a.name(), addr(a));
        Event fa = a.await("handshake_failed cookie_mismatch", ev("handshake_failed", i.name()));
        Event fi = i.await("handshake_failed", ev("handshake_failed", a.name()));
        check("cookie_mismatch".equals(fa.reason()), "AUTH-6: the acceptor reports cookie_mismatch, saw " + fa);
        check("io".equals(fi.reason()), "AUTH-6: the initiator sees only the close (io), saw " + fi);
        check(i.events().matching(0, e -> e.is("node_up")).isEmpty() && a.events().matching(0, e -> e.is("node_up")).isEmpty(),
                "AUTH-6: no node_up on either side");
        check(i.sessions().isEmpty() && a.sessions().isEmpty(), "AUTH-6: no session on either side");
        return "acceptor cookie_mismatch, initiator io, no session";
    }

    private String hardened() {
        Iut i = start(row, "hardened-initiator", NodeOptions.of(rowName(), COOKIE).withProfile("hardened"));
        Iut a = start(col, "hardened-acceptor", NodeOptions.of(colName(), COOKIE).withProfile("hardened"));
        i.connect(a.name(), addr(a));
        Event upI = i.await("node_up for " + a.name(), ev("node_up", a.name()));
        Event upA = a.await("node_up for " + i.name(), ev("node_up", i.name()));
        check("outgoing".equals(upI.direction()) && "incoming".equals(upA.direction()),
                "HARD-6/HS-8: node_up outgoing at the initiator and incoming at the acceptor, saw " + upI + " and " + upA);
        i.disconnect(a.name());
        Event down = a.await("node_down for " + i.name(), ev("node_down", i.name()));
        check("closed".equals(down.reason()), "CONN-2: acceptor should report node_down closed, saw " + down);
        return "mutual TLS, bound digests: node_up on both sides; disconnect seen as closed";
    }

    /** HARD-7 in both roles: the hardened side names the cause, nobody falls back (HARD-1). */
    private String profileMismatch() {
        Iut hi = start(row, "hardened-initiator", NodeOptions.of(rowName(), COOKIE).withProfile("hardened"));
        Iut ba = start(col, "base-acceptor", NodeOptions.of(colName(), COOKIE).withProfile("base"));
        hi.connect(ba.name(), addr(ba));
        Event fi = hi.await("handshake_failed profile_mismatch", ev("handshake_failed", ba.name()));
        check("profile_mismatch".equals(fi.reason()), "HARD-7: a hardened initiator whose acceptor asked for no certificate reports profile_mismatch, saw " + fi);
        Iut bi = start(row, "base-initiator", NodeOptions.of(alive("n3", row) + "@127.0.0.1", COOKIE).withProfile("base"));
        Iut ha = start(col, "hardened-acceptor", NodeOptions.of(alive("n4", col) + "@127.0.0.1", COOKIE).withProfile("hardened"));
        int mark = ha.mark();
        bi.connect(ha.name(), addr(ha));
        bi.await("handshake_failed", ev("handshake_failed", ha.name()));
        Event fa = ha.await(mark, "handshake_failed profile_mismatch", e -> e.is("handshake_failed"), bi.timeouts().event());
        check("profile_mismatch".equals(fa.reason()), "HARD-7: a hardened acceptor whose initiator presented no certificate reports profile_mismatch, saw " + fa);
        for (Iut n : List.of(hi, ba, bi, ha)) {
            check(n.events().matching(0, e -> e.is("node_up")).isEmpty() && n.sessions().isEmpty(), "HARD-1: no fallback, no session, on " + n.name());
        }
        return "hardened initiator and hardened acceptor each report profile_mismatch; no session";
    }

    @Override
    public void close() {
        for (Iut n : started) {
            n.adapter().close(Duration.ofSeconds(3));
        }
    }
}

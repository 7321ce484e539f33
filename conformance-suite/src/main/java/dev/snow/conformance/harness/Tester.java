package dev.snow.conformance.harness;

import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.Transcript;
import dev.snow.conformance.peer.Transport;
import dev.snow.conformance.peer.WireWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scripted tester node as a test sees it: unique names, connections to the IUT, listeners
 * the IUT dials, fresh challenges, and the test's {@link Transcript}. Everything it opens is
 * closed when the test (or dynamic case) ends. Tests may add {@link #note notes} (shown in the
 * summary) and declare an {@link #informational} finding.
 */
public final class Tester {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunContext run;
    private final Set<String> cookies = new LinkedHashSet<>();
    private Scope scope;

    /** What one test (or dynamic case) collected. */
    static final class Scope {
        final String key;
        final Scope parent;
        final Transcript transcript = new Transcript();
        /** Synchronized: a test may dial from several threads (the AUTH-4 loopback probe prepares connections in parallel). */
        final List<AutoCloseable> resources = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Attached> iuts = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        String informational;

        Scope(String key, Scope parent) {
            this.key = key;
            this.parent = parent;
        }
    }

    /** An IUT used by the scope and where its logs stood when the scope began. */
    record Attached(Iut iut, int logMark) {
    }

    Tester(RunContext run) {
        this.run = run;
        cookies.add(run.cookie());
    }

    void begin(String key) {
        Scope s = new Scope(key, scope);
        if (scope != null) {
            for (Attached a : scope.iuts) {
                s.iuts.add(new Attached(a.iut(), a.iut().adapter().log().mark()));
                a.iut().markTestStart();
            }
        }
        scope = s;
        s.transcript.note("--", "test " + key);
    }

    /** Closes what the scope opened and pops it. */
    Scope end() {
        Scope s = scope;
        for (int i = s.resources.size() - 1; i >= 0; i--) {
            try {
                s.resources.get(i).close();
            } catch (Exception ignored) {
                // best effort: the test is over
            }
        }
        scope = s.parent;
        return s;
    }

    /** Captures an IUT the test started itself (its exchange and stderr go to the test's artifacts). */
    public void attachIut(Iut iut) {
        attach(iut);
    }

    void attach(Iut iut) {
        for (Attached a : scope.iuts) {
            if (a.iut() == iut) {
                return;
            }
        }
        cookies.add(iut.cookie());
        scope.iuts.add(new Attached(iut, iut.adapter().log().mark()));
        iut.markTestStart();
    }

    public RunContext run() {
        return run;
    }

    public Timeouts timeouts() {
        return run.implementation().timeouts();
    }

    public Transcript transcript() {
        return scope.transcript;
    }

    /** A name unique in the run: {@code prefix-N@127.0.0.1}. */
    public String name(String prefix) {
        return run.uniqueName(prefix, 0);
    }

    /** A name unique in the run with the tester's port: {@code prefix-N@127.0.0.1:port}. */
    public String name(String prefix, int port) {
        return run.uniqueName(prefix, port);
    }

    public byte[] challenge() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    public byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Connects to the IUT over TLS 1.3 (TCP and TLS within the event deadline). */
    public PeerConnection dial(Iut iut) {
        return dial(iut, Transport.TLS13);
    }

    public PeerConnection dial(Iut iut, Transport transport) {
        try {
            return tryDial(iut, transport);
        } catch (IOException e) {
            throw new AssertionError("the tester could not connect to the IUT at " + iut.address() + " over " + transport + ": " + e, e);
        }
    }

    /** Connects over TLS 1.3 to any address (the tester's own listeners, e.g. a relay). */
    public PeerConnection dial(java.net.InetSocketAddress to) {
        try {
            PeerConnection c = PeerConnection.connect(to, Transport.TLS13, timeouts().event(), transcript(), watch());
            scope.resources.add(c);
            return c;
        } catch (IOException e) {
            throw new AssertionError("the tester could not connect to " + to + ": " + e, e);
        }
    }

    /** Like {@link #dial} but a failure (e.g. a refused TLS version) is returned to the test as the exception. */
    public PeerConnection tryDial(Iut iut, Transport transport) throws IOException {
        PeerConnection c = PeerConnection.connect(iut.address(), transport, timeouts().event(), transcript(), watch());
        scope.resources.add(c);
        return c;
    }

    /** Dials over TLS 1.3 presenting {@code identity}'s certificate (hardened profile, HARD-2). */
    public PeerConnection dialMutual(java.net.InetSocketAddress to, javax.net.ssl.SSLContext identity) {
        try {
            PeerConnection c = PeerConnection.connect(to, identity, Transport.TLS13.jdkProtocol(), timeouts().event(), transcript(), watch());
            scope.resources.add(c);
            return c;
        } catch (IOException e) {
            throw new AssertionError("the tester could not connect with mutual TLS to " + to + ": " + e, e);
        }
    }

    /** A listener presenting {@code identity}'s certificate and asking for the client's (HARD-2). */
    public TesterListener listenMutual(javax.net.ssl.SSLContext identity) {
        try {
            TesterListener l = TesterListener.openMutual(identity, transcript(), watch());
            scope.resources.add(l);
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException("the tester cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    public TesterListener listen() {
        return listen(Transport.TLS13);
    }

    public TesterListener listen(Transport transport) {
        return listen(0, transport);
    }

    public TesterListener listen(int port, Transport transport) {
        try {
            TesterListener l = TesterListener.open(port, transport, transcript(), watch());
            scope.resources.add(l);
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException("the tester cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** Registers something to close when the test ends. */
    public <T extends AutoCloseable> T closeAtEnd(T resource) {
        scope.resources.add(resource);
        return resource;
    }

    /** A measurement or remark shown in the summary and the report. */
    public void note(String text) {
        scope.notes.add(text);
        scope.transcript.note("--", "NOTE " + text);
    }

    /** Declares the test's verdict informational, with its finding. */
    public void informational(String finding) {
        scope.informational = finding;
        scope.transcript.note("--", "FINDING " + finding);
    }

    /** Sees every byte an IUT sent: the cookie must never be among them (AUTH-7). */
    private WireWatch watch() {
        String key = scope.key;
        return (label, received) -> {
            for (String cookie : cookies) {
                if (contains(received, cookie.getBytes(StandardCharsets.UTF_8))) {
                    run.cookieLeak("on the wire of " + key + " (" + label + ")");
                }
            }
        };
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

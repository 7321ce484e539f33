package dev.snow.ref.cli;

import dev.snow.ref.adapter.Adapter;
import dev.snow.ref.adapter.Implementation;
import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.handshake.NodeName;
import dev.snow.ref.handshake.Profile;
import dev.snow.ref.node.AuthThrottleSettings;
import dev.snow.ref.node.ConnectResult;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.transport.HostPort;
import dev.snow.ref.transport.NodeSettings;
import dev.snow.ref.transport.NodeStartException;
import dev.snow.ref.transport.SnowNode;
import dev.snow.ref.transport.TlsProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snow-node}: the options, and what running them means. */
@Command(name = "snow-node", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = SnowNodeCommand.Version.class, usageHelpAutoWidth = true,
        description = {
            "Runs a Snow reference node: TLS 1.3 node-to-node connections, a shared-cookie",
            "HMAC-SHA256 handshake, heartbeats. Prints one line per node_up, node_down and",
            "handshake_failed on stdout; logs go to stderr. Ctrl-C (SIGINT) or SIGTERM stops",
            "it: every session ends with node_down reason=disconnect, then exit status 0.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:normal stop (SIGINT/SIGTERM; with --adapter: `stop` or end of input)",
            "1:runtime failure, e.g. the listen address is in use",
            "2:usage error: bad option or value, unreadable cookie or state file"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  snow-node --generate-cookie cookie     32 random bytes, mode 600",
            "  snow-node --name a@127.0.0.1:9001 --cookie-file cookie",
            "  snow-node --name b@127.0.0.1:9002 --cookie-file cookie \\",
            "            --connect a@127.0.0.1:9001",
            "  snow-node --adapter        JSON lines on stdin/stdout, see docs/ADAPTER.md"})
final class SnowNodeCommand implements Callable<Integer> {

    @Option(names = "--name", paramLabel = "NAME",
            description = "This node's name, alive@host[:port] (port 9000 if absent); it listens there.")
    String name;

    @Option(names = "--cookie-file", paramLabel = "FILE",
            description = "File holding the shared secret (one line). Preferred over --cookie.")
    Path cookieFile;

    @Option(names = "--cookie", paramLabel = "COOKIE",
            description = "The shared secret itself (visible to other users in the process list).")
    String cookie;

    @Option(names = "--generate-cookie", paramLabel = "FILE",
            description = "Write a new cookie (32 random bytes, base64url) to FILE with mode 600, then exit. Never overwrites.")
    Path generateCookie;

    @Option(names = "--allow-weak-cookie",
            description = "Accept a cookie shorter than 16 bytes (COOKIE-1) or a cookie file others may read (COOKIE-2). Tests only.")
    boolean allowWeakCookie;

    @Option(names = "--connect", paramLabel = "NAME",
            description = "Connect to this node after start (repeatable).")
    List<String> connect = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Listen here instead of the name's host and port (port 0: any).")
    String listen;

    @Option(names = "--creation", paramLabel = "1..255",
            description = "This run's creation (default: previous+1 from --state-file, else random).")
    Integer creation;

    @Option(names = "--state-file", paramLabel = "FILE",
            description = "Remembers the creation across restarts: each start uses the previous+1 (255 wraps to 1).")
    Path stateFile;

    @Option(names = "--heartbeat-interval", paramLabel = "DURATION", converter = Durations.class,
            defaultValue = "60s", description = "PING every DURATION once connected (default ${DEFAULT-VALUE}).")
    Duration heartbeatInterval;

    @Option(names = "--heartbeat-timeout", paramLabel = "DURATION", converter = Durations.class,
            defaultValue = "15s", description = "A PONG must come within DURATION (default ${DEFAULT-VALUE}).")
    Duration heartbeatTimeout;

    @Option(names = "--handshake-timeout", paramLabel = "DURATION", converter = Durations.class,
            defaultValue = "7s", description = "TCP+TLS+handshake must finish within DURATION (default ${DEFAULT-VALUE}).")
    Duration handshakeTimeout;

    @Option(names = "--max-node-id", paramLabel = "N", defaultValue = "65535",
            description = "Remote sessions get node_ids 1..N (default ${DEFAULT-VALUE}).")
    int maxNodeId;

    @Option(names = "--max-pending-handshakes", paramLabel = "N", defaultValue = "64",
            description = "At most N unauthenticated incoming connections; the oldest is evicted (default ${DEFAULT-VALUE}).")
    int maxPendingHandshakes;

    @Option(names = "--max-pending-per-source", paramLabel = "N", defaultValue = "16",
            description = "At most N of those from one source address; its own oldest is evicted (LIM-5; 0: off; default ${DEFAULT-VALUE}).")
    int maxPendingPerSource;

    @Option(names = "--auth-failures", paramLabel = "N", defaultValue = "5",
            description = "After N failed cookie proofs from one address, refuse it with exponential back-off (LIM-6; 0: off; default ${DEFAULT-VALUE}).")
    int authFailures;

    @Option(names = "--auth-backoff", paramLabel = "DURATION", converter = Durations.class, defaultValue = "1s",
            description = "First refusal period, doubled per further failure (default ${DEFAULT-VALUE}).")
    Duration authBackoff;

    @Option(names = "--auth-backoff-max", paramLabel = "DURATION", converter = Durations.class, defaultValue = "60s",
            description = "Longest refusal period (default ${DEFAULT-VALUE}).")
    Duration authBackoffMax;

    @Option(names = "--max-failure-lines", paramLabel = "N", defaultValue = "10",
            description = "At most N handshake_failed lines per second on stdout (burst 2N); the rest are counted in a log_suppressed line (LOG-3; 0: no limit; default ${DEFAULT-VALUE}).")
    int maxFailureLines;

    @Option(names = "--tls-provider", paramLabel = "openssl|jdk", defaultValue = "openssl",
            converter = TlsProviderConverter.class,
            description = "TLS implementation: openssl (BoringSSL via netty-tcnative; falls back to jdk where it cannot load) or jdk (SunJSSE). Default ${DEFAULT-VALUE}: the JDK provider misses the setup-latency targets (README, Performance).")
    TlsProvider tlsProvider;

    @Option(names = "--profile", paramLabel = "base|hardened", converter = ProfileConverter.class,
            description = "Security profile (docs/PROTOCOL.md HARD-1): base (version 1.0, the default) or hardened"
                    + " (mutual TLS, digests bound to the TLS channel, role, names and challenges). Peers must run the same one.")
    Profile profile;

    @Option(names = "--adapter",
            description = "Speak the adapter contract (docs/ADAPTER.md) on stdin/stdout instead; node settings come from its start command.")
    boolean adapter;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final StopSignal stop;

    SnowNodeCommand(InputStream in, PrintStream out, PrintStream err, StopSignal stop) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.stop = stop;
    }

    @Override
    public Integer call() throws UsageException, IOException, InterruptedException {
        if (generateCookie != null) {
            if (adapter || name != null || cookie != null || cookieFile != null || !connect.isEmpty()) {
                throw new UsageException("--generate-cookie FILE writes a cookie and exits; give it alone");
            }
            CookieGenerator.generate(generateCookie, new java.security.SecureRandom());
            err.println("snow-node: wrote a new cookie (" + CookieGenerator.RANDOM_BYTES
                    + " random bytes, base64url) to " + generateCookie + " with mode 600");
            return 0;
        }
        if (adapter) {
            refuseNodeOptionsWithAdapter();
            return new Adapter(in, out, tlsProvider).run();
        }
        if (maxFailureLines < 0) {
            throw new UsageException("--max-failure-lines must be 0 (no limit) or more, was " + maxFailureLines);
        }
        NodeSettings settings = settings();
        for (String peer : connect) {
            checkPeer(peer, settings.config().name());
        }
        checkCookie(settings.config().cookie());
        SnowNode node;
        try {
            node = SnowNode.start(settings, new EventLines(out, Clock.systemUTC(), System::nanoTime, maxFailureLines));
        } catch (NodeStartException e) {
            err.println("snow-node: " + e.getMessage());
            return 1;
        }
        err.println("snow-node: " + node.name() + " listening on " + node.listenAddress() + " (creation "
                + node.creation() + ", TLS 1.3 via " + node.tlsProvider().option() + ", profile "
                + settings.config().profile() + ")");
        for (String peer : connect) {
            ConnectResult r = node.connect(peer).join();
            if (!r.started() && r.outcome() != ConnectResult.Outcome.NO_NODE_ID) {
                err.println("snow-node: not connecting to " + peer + ": " + r.detail());
            }
        }
        try {
            stop.await();
        } finally {
            err.println("snow-node: stopping");
            node.stop();
        }
        return 0;
    }

    private void refuseNodeOptionsWithAdapter() throws UsageException {
        if (name != null || cookie != null || cookieFile != null || !connect.isEmpty() || listen != null
                || creation != null || stateFile != null || profile != null) {
            throw new UsageException("--adapter takes the node's settings from its start command;"
                    + " only --tls-provider may be combined with it");
        }
    }

    private NodeSettings settings() throws UsageException {
        if (name == null) {
            throw new UsageException("--name is required (e.g. --name a@127.0.0.1:9001), or use --adapter");
        }
        if ((cookie == null) == (cookieFile == null)) {
            throw new UsageException("give the cookie with exactly one of --cookie-file FILE or --cookie COOKIE");
        }
        String secret = cookie != null ? cookie : CookieFile.read(cookieFile);
        if (secret.isEmpty()) {
            throw new UsageException("--cookie must not be empty");
        }
        NodeName parsed;
        try {
            parsed = NodeName.parse(name);
        } catch (InvalidNameException e) {
            throw new UsageException("--name: " + e.getMessage());
        }
        HostPort at = new HostPort(parsed.hostForDialling(), parsed.port());
        if (listen != null) {
            try {
                at = HostPort.parse(listen, true);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--listen: " + e.getMessage());
            }
        }
        int chosen = CreationState.choose(creation, stateFile);
        NodeConfig config;
        try {
            config = NodeConfig.builder(name, secret)
                    .creation(chosen)
                    .heartbeatInterval(heartbeatInterval)
                    .heartbeatTimeout(heartbeatTimeout)
                    .handshakeTimeout(handshakeTimeout)
                    .maxNodeId(maxNodeId)
                    .maxPendingHandshakes(maxPendingHandshakes)
                    .maxPendingPerSource(maxPendingPerSource)
                    .authThrottle(AuthThrottleSettings.of(authFailures, authBackoff, authBackoffMax))
                    .profile(profile == null ? Profile.BASE : profile)
                    .build();
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("max_node_id", "--max-node-id")
                    .replace("max_pending_handshakes", "--max-pending-handshakes")
                    .replace("max_pending_per_source", "--max-pending-per-source")
                    .replace("auth_failure_threshold", "--auth-failures")
                    .replace("auth_backoff_max", "--auth-backoff-max")
                    .replace("auth_backoff", "--auth-backoff"));
        }
        return NodeSettings.of(config).listenOn(at).withTls(tlsProvider);
    }

    /** COOKIE-1 and COOKIE-2, after every other usage check; warnings only with --allow-weak-cookie. */
    private void checkCookie(String secret) throws UsageException {
        weakUnlessAllowed(() -> CookieRules.checkStrength(secret));
        if (cookieFile != null) {
            weakUnlessAllowed(() -> CookieRules.checkFilePrivate(cookieFile));
        }
        if (cookie != null) {
            err.println("snow-node: warning: --cookie shows the secret to every user in the process list; prefer --cookie-file");
        }
    }

    private interface CookieCheck {
        void run() throws UsageException;
    }

    private void weakUnlessAllowed(CookieCheck check) throws UsageException {
        try {
            check.run();
        } catch (UsageException e) {
            if (!allowWeakCookie) {
                throw e;
            }
            err.println("snow-node: warning (--allow-weak-cookie): " + e.getMessage());
        }
    }

    private static void checkPeer(String peer, NodeName self) throws UsageException {
        try {
            if (NodeName.parse(peer).equals(self)) {
                throw new UsageException("--connect " + peer + ": that is this node's own name (NAME-6)");
            }
        } catch (InvalidNameException e) {
            throw new UsageException("--connect: " + e.getMessage());
        }
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"snow-node " + Implementation.version() + " (" + Implementation.NAME
                    + ", adapter contract " + Implementation.ADAPTER_VERSION + ")"};
        }
    }

    static final class TlsProviderConverter implements picocli.CommandLine.ITypeConverter<TlsProvider> {
        @Override
        public TlsProvider convert(String value) {
            try {
                return TlsProvider.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ProfileConverter implements picocli.CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            try {
                return Profile.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

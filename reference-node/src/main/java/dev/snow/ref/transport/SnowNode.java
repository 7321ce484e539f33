package dev.snow.ref.transport;

import dev.snow.ref.handshake.DigestComparator;
import dev.snow.ref.node.ConnectResult;
import dev.snow.ref.node.CoreDefect;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.node.NodeCore;
import dev.snow.ref.node.SessionInfo;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A reference node on the network: a TLS 1.3 listener and connector around one
 * {@link NodeCore}. Start it, {@link #connect}, {@link #disconnect}, read {@link #sessions()},
 * {@link #stop()}; events arrive at the {@link NodeListener} given at start.
 *
 * <p>Every method may be called from any thread except the listener's (the core thread, by
 * default one of the I/O event loops), where waiting on the returned futures would deadlock.
 */
public final class SnowNode implements AutoCloseable {
    private static final long STOP_WAIT_MILLIS = 2000;

    private final NodeSettings settings;
    private final TransportResources resources;
    private final boolean ownsResources;
    private final CoreLoop loop;
    private final NodeStrategies strategies;
    private final Bootstrap dialer;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private Channel listener;

    private SnowNode(NodeSettings settings, NodeStrategies strategies, TransportResources resources, boolean ownsResources,
                     NodeListener events) {
        this.settings = settings;
        this.resources = resources;
        this.ownsResources = ownsResources;
        NodeConfig config = settings.config();
        this.strategies = strategies;
        NodeCore core = new NodeCore(config, strategies.challenges(), strategies.comparator(), strategies.core());
        this.loop = new CoreLoop(core, resources.nextCoreExecutor(), new MonotonicClock(), events);
        this.dialer = new Bootstrap()
                .group(resources.io())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, handshakeMillis() + 1000));
    }

    /** Starts a node with its own threads (one I/O loop per processor, the core on one of them) and TLS contexts. */
    public static SnowNode start(NodeSettings settings, NodeListener events) throws NodeStartException {
        return start(settings, NodeStrategies.secure(), events);
    }

    /**
     * As {@link #start(NodeSettings, NodeListener)} with explicit strategies: the production node
     * passes the real ones; the conformance mutants (reference-node test scope) plant one defect.
     */
    public static SnowNode start(NodeSettings settings, NodeStrategies strategies, NodeListener events)
            throws NodeStartException {
        java.util.Set<String> tlsDefects = tlsDefects(strategies);
        TransportResources own = strategies.tls13Only() && tlsDefects.isEmpty() ? TransportResources.create(settings.tls())
                : TransportResources.create(settings.tls(), strategies.tlsProtocols(), tlsDefects);
        try {
            return start(settings, strategies, own, true, events);
        } catch (NodeStartException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** Starts a node on shared resources, which the caller closes after stopping the node. */
    public static SnowNode start(NodeSettings settings, TransportResources shared, NodeListener events)
            throws NodeStartException {
        return start(settings, NodeStrategies.secure(), shared, false, events);
    }

    private static SnowNode start(NodeSettings settings, NodeStrategies strategies, TransportResources resources,
                                  boolean owns, NodeListener events) throws NodeStartException {
        SnowNode node = new SnowNode(settings, strategies, resources, owns, events);
        node.listen();
        return node;
    }

    private void listen() throws NodeStartException {
        HostPort at = settings.listen();
        if (at == null) {
            return;
        }
        ServerBootstrap server = new ServerBootstrap()
                .group(resources.io())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        track(ch);
                        ch.pipeline().addLast(resources.tls().newServerHandler(ch.alloc(), handshakeMillis(), settings.config().profile()),
                                LinkHandler.incoming(loop));
                    }
                });
        ChannelFuture bound = server.bind(at.host(), at.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw new NodeStartException("cannot listen on " + at + ": " + IoProblems.describe(cause), cause);
        }
        listener = bound.channel();
        if (strategies.core().has(CoreDefect.ACCEPT_WAITS_FOR_HANDSHAKES)) {
            // a conformance mutant's defect only (LIM-3 broken): no accept while a handshake is pending
            Channel accepting = listener;
            loop.execute(core -> loop.afterEachDrain(() -> accepting.config().setAutoRead(core.pendingIncomingCount() == 0)));
        }
    }

    private long handshakeMillis() {
        return TimeUnit.NANOSECONDS.toMillis(settings.config().handshakeTimeoutNanos());
    }

    private void track(Channel ch) {
        channels.add(ch);
        ch.closeFuture().addListener(f -> channels.remove(ch));
    }

    // ------------------------------------------------------------ queries

    public String name() {
        return settings.config().name().full();
    }

    public int creation() {
        return settings.config().creation();
    }

    /** The port actually listened on (the chosen one when started with port 0), or -1 when dial-only. */
    public int port() {
        return listener == null ? -1 : ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Where the node listens, or null when dial-only. */
    public HostPort listenAddress() {
        if (listener == null) {
            return null;
        }
        InetSocketAddress a = (InetSocketAddress) listener.localAddress();
        return new HostPort(a.getHostString(), a.getPort());
    }

    /** The TLS provider in use (after any fallback). */
    public TlsProvider tlsProvider() {
        return resources.tls().provider();
    }

    /** The digest comparison this node really uses (AUTH-4), for in-process timing. */
    public DigestComparator comparator() {
        return strategies.comparator();
    }

    public CompletableFuture<List<SessionInfo>> sessions() {
        return loop.call(NodeCore::sessions);
    }

    /** Runs a read-only query on the core thread (tests, benchmarks, diagnostics). */
    public <T> CompletableFuture<T> inspect(Function<NodeCore, T> query) {
        return loop.call(query);
    }

    /** Open channels: listener excluded, handshaking and established included. */
    public int openChannels() {
        return channels.size();
    }

    // ------------------------------------------------------------ commands

    /** Starts an attempt to {@code peer}, dialling the name's host and port (NAME-3). */
    public CompletableFuture<ConnectResult> connect(String peer) {
        return connect(peer, null);
    }

    /**
     * Starts an attempt to {@code peer}; with {@code address} dials there instead of the name's
     * host and port, so a proxy can sit in between (the peer must still call itself {@code peer},
     * NAME-7). The outcome arrives later as node_up or handshake_failed.
     */
    public CompletableFuture<ConnectResult> connect(String peer, HostPort address) {
        return connect(peer, address, r -> { });
    }

    /**
     * As {@link #connect(String, HostPort)}, and runs {@code decided} on the core thread with the
     * result before the node does anything else: whatever it writes comes before any event of
     * the attempt (the adapter writes its connect reply there).
     */
    public CompletableFuture<ConnectResult> connect(String peer, HostPort address, Consumer<ConnectResult> decided) {
        return loop.call(core -> {
            ConnectResult r = core.connect(peer, loop.now());
            decided.accept(r);
            if (r.started()) {
                HostPort target = address != null ? address
                        : new HostPort(r.target().hostForDialling(), dialPort(r.target()));
                dial(r.connection(), target);
            }
            return r;
        });
    }

    /** Core thread. */
    private void dial(long connection, HostPort target) {
        LinkHandler handler = LinkHandler.outgoing(loop, connection);
        ChannelFuture dialled = dialer.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(resources.tls().newClientHandler(ch.alloc(), handshakeMillis(), settings.config().profile()), handler);
            }
        }).connect(InetSocketAddress.createUnresolved(target.host(), target.port()));
        track(dialled.channel());
        loop.register(new Link(connection, dialled.channel(), target.toString()));
        dialled.addListener(f -> {
            if (!f.isSuccess()) {
                loop.execute(core -> handler.dialFailed(core, target.toString(), f.cause()));
            }
        });
    }

    /** Ends the session with {@code peer} (node_down disconnect) and any attempt; false if there was neither. */
    public CompletableFuture<Boolean> disconnect(String peer) {
        return loop.call(core -> core.disconnect(peer, loop.now()));
    }

    /**
     * Orderly stop (CONN-1): no more accepts, every session ends with node_down disconnect (the
     * events are delivered before this returns), every connection is closed, and the node's own
     * threads end. Idempotent; bounded in time.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            stopped.join();
            return;
        }
        try {
            if (listener != null) {
                listener.close().awaitUninterruptibly(STOP_WAIT_MILLIS);
            }
            loop.call(core -> {
                core.shutdown(loop.now());
                return null;
            }).orTimeout(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
            for (Channel ch : List.copyOf(channels)) {
                ch.close();
            }
            for (Channel ch : List.copyOf(channels)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                ch.closeFuture().awaitUninterruptibly(Math.max(1, left));
            }
            loop.call(core -> {
                loop.stopTimers();
                return null;
            }).orTimeout(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
        } finally {
            if (ownsResources) {
                resources.close();
            }
            stopped.complete(null);
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ------------------------------------------------ seams of conformance mutants (test scope only)

    /** The TLS-2 defects a mutant's session seams plant: "TLS-2@acceptor", "TLS-2@initiator"; none for a real node. */
    private static java.util.Set<String> tlsDefects(NodeStrategies strategies) {
        dev.snow.ref.session.SessionSeams seams = strategies.core().session();
        java.util.Set<String> out = new java.util.HashSet<>();
        for (dev.snow.ref.handshake.Direction d : dev.snow.ref.handshake.Direction.values()) {
            if (seams.isLax("TLS-2", d)) {
                out.add("TLS-2@" + dev.snow.ref.session.SessionSeams.roleName(d));
            }
        }
        return out;
    }

    /** NAME-3: a name without a port is dialled at 9000; a mutant breaking NAME-3 dials EPMD's 4369 instead. */
    private int dialPort(dev.snow.ref.handshake.NodeName target) {
        boolean implicit = !target.full().endsWith(":" + target.port());
        return implicit && strategies.core().session().isLax("NAME-3", dev.snow.ref.handshake.Direction.OUTGOING)
                ? WRONG_DEFAULT_PORT : target.port();
    }

    /** The port a NAME-3 mutant dials for a name without a port (EPMD's, a classic mix-up). */
    private static final int WRONG_DEFAULT_PORT = 4369;
}

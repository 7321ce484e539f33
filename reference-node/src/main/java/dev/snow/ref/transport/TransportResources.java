package dev.snow.ref.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.concurrent.TimeUnit;

/**
 * Threads and TLS contexts that one or many nodes share: the I/O event loops (sockets and TLS,
 * one per core by default) and the core executors, each a single thread that serialises every
 * call into one node's {@code NodeCore}. By default a node's core runs on one of the I/O event
 * loops (no extra thread, and no thread hand-off for the channels of that loop); with
 * {@code coreThreads > 0} cores get threads of their own. A node started alone owns its
 * resources and closes them when it stops; a benchmark swarm shares one set among thousands.
 */
public final class TransportResources implements AutoCloseable {
    private static final long QUIET_MILLIS = 0;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2000;

    private final EventLoopGroup io;
    private final EventExecutorGroup cores;
    private final TlsContexts tls;

    private TransportResources(EventLoopGroup io, EventExecutorGroup cores, TlsContexts tls) {
        this.io = io;
        this.cores = cores;
        this.tls = tls;
    }

    /** One I/O thread per available processor; cores run on the I/O loops. */
    public static TransportResources create(TlsProvider provider) {
        return create(provider, Runtime.getRuntime().availableProcessors(), 0);
    }

    /** One I/O thread per processor, TLS offering {@code tlsProtocols} (conformance mutants only: TLS-1 says 1.3). */
    public static TransportResources create(TlsProvider provider, java.util.List<String> tlsProtocols) {
        return create(provider, tlsProtocols, java.util.Set.of());
    }

    /**
     * As above, with TLS-2 broken on purpose ({@code tlsDefects}: "TLS-2@acceptor", the listener
     * asks for a client certificate; "TLS-2@initiator", the connector verifies the listener's).
     * Conformance mutants only.
     */
    public static TransportResources create(TlsProvider provider, java.util.List<String> tlsProtocols, java.util.Set<String> tlsDefects) {
        TlsContexts tls = TlsContexts.create(provider, tlsDefects, tlsProtocols.toArray(new String[0]));
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("snow-io", true), NioIoHandler.newFactory());
        return new TransportResources(io, null, tls);
    }

    /** @param coreThreads 0: each node's core runs on one of the I/O loops; else dedicated core threads */
    public static TransportResources create(TlsProvider provider, int ioThreads, int coreThreads) {
        TlsContexts tls = TlsContexts.create(provider);
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(ioThreads,
                new DefaultThreadFactory("snow-io", true), NioIoHandler.newFactory());
        EventExecutorGroup cores = coreThreads == 0 ? null
                : new DefaultEventExecutorGroup(coreThreads, new DefaultThreadFactory("snow-core", true));
        return new TransportResources(io, cores, tls);
    }

    EventLoopGroup io() {
        return io;
    }

    /** The serial executor for the next node (round robin over the core threads). */
    EventExecutor nextCoreExecutor() {
        return cores == null ? io.next() : cores.next();
    }

    public TlsContexts tls() {
        return tls;
    }

    /** Stops every thread and waits (bounded) until they have ended. */
    @Override
    public void close() {
        io.shutdownGracefully(QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (cores != null) {
            cores.shutdownGracefully(QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
        io.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2);
        if (cores != null) {
            cores.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2);
        }
        tls.close();
    }
}

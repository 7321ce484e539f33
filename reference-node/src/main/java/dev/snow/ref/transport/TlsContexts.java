package dev.snow.ref.transport;

import dev.snow.ref.handshake.Profile;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's TLS contexts (TLS-1..TLS-4, HARD-2), one server and one client context per
 * profile, all TLS 1.3 only and all presenting the same {@link EphemeralCertificate}:
 * <pre>
 * profile   server                                    client
 * base      no client certificate requested (TLS-2)   trusts any server certificate, offers none
 * hardened  requests one, trusts any (HARD-2)         trusts any, offers the ephemeral certificate
 * </pre>
 * No session resumption (TLS-4): the servers keep no session cache and issue no session
 * tickets, and client handlers are made without a peer host, so the client never offers a
 * ticket either. Every connection is a full handshake with certificates, which the hardened
 * digests bind (HARD-4).
 */
public final class TlsContexts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);
    static final String TLS_1_3 = "TLSv1.3";

    private final SslContext server;
    private final SslContext client;
    private final SslContext hardenedServer;
    private final SslContext hardenedClient;
    private final TlsProvider provider;

    private TlsContexts(SslContext server, SslContext client, SslContext hardenedServer, SslContext hardenedClient,
                        TlsProvider provider) {
        this.server = server;
        this.client = client;
        this.hardenedServer = hardenedServer;
        this.hardenedClient = hardenedClient;
        this.provider = provider;
    }

    /**
     * Builds both contexts with {@code requested}; OPENSSL falls back to JDK (with one warning
     * on the log) where BoringSSL is unavailable or lacks TLS 1.3.
     */
    public static TlsContexts create(TlsProvider requested) {
        return create(requested, TLS_1_3);
    }

    /** As {@link #create(TlsProvider)}, offering {@code protocols} (only conformance mutants pass other than TLS 1.3). */
    static TlsContexts create(TlsProvider requested, String... protocols) {
        return create(requested, java.util.Set.of(), protocols);
    }

    /**
     * As above, with {@code defects} planted (conformance mutants only): "TLS-2@acceptor" makes
     * the base listener ask for a client certificate, "TLS-2@initiator" makes the base connector
     * verify the listener's certificate against the JDK's trust store.
     */
    static TlsContexts create(TlsProvider requested, java.util.Set<String> defects, String... protocols) {
        TlsProvider provider = requested;
        if (requested == TlsProvider.OPENSSL && !openSslUsable()) {
            Throwable why = OpenSsl.unavailabilityCause();
            LOG.warn("TLS provider openssl unavailable here ({}); using jdk", why == null ? "no TLS 1.3" : why.toString());
            provider = TlsProvider.JDK;
        }
        SslProvider netty = provider == TlsProvider.OPENSSL ? SslProvider.OPENSSL_REFCNT : SslProvider.JDK;
        EphemeralCertificate cert = EphemeralCertificate.generate();
        List<SslContext> made = new ArrayList<>();
        try {
            SslContext server = made(made, defects.contains("TLS-2@acceptor")
                    ? serverBuilder(cert, netty, protocols).clientAuth(ClientAuth.OPTIONAL).trustManager(InsecureTrustManagerFactory.INSTANCE)
                    : serverBuilder(cert, netty, protocols).clientAuth(ClientAuth.NONE));
            SslContext client = made(made, defects.contains("TLS-2@initiator")
                    ? clientBuilder(netty, protocols).trustManager((javax.net.ssl.TrustManagerFactory) null)
                    : clientBuilder(netty, protocols));
            SslContext hardenedServer = made(made, serverBuilder(cert, netty, protocols).clientAuth(ClientAuth.OPTIONAL)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE));
            SslContext hardenedClient = made(made, clientBuilder(netty, protocols).keyManager(cert.privateKey(), cert.certificate()));
            return new TlsContexts(server, client, hardenedServer, hardenedClient, provider);
        } catch (SSLException e) {
            made.forEach(ReferenceCountUtil::release);
            throw new IllegalStateException("cannot set up TLS 1.3 with provider " + provider.option() + ": " + e, e);
        }
    }

    private static SslContextBuilder serverBuilder(EphemeralCertificate cert, SslProvider netty, String... protocols) {
        return SslContextBuilder.forServer(cert.privateKey(), cert.certificate())
                .sslProvider(netty)
                .protocols(protocols)
                .sessionTimeout(NoResumption.JDK_NO_TICKET_TIMEOUT_SECONDS);
    }

    private static SslContextBuilder clientBuilder(SslProvider netty, String... protocols) {
        return SslContextBuilder.forClient()
                .sslProvider(netty)
                .protocols(protocols)
                .trustManager(InsecureTrustManagerFactory.INSTANCE);
    }

    /** Builds, switches resumption off on the server side (TLS-4) and remembers it for release on failure. */
    private static SslContext made(List<SslContext> made, SslContextBuilder builder) throws SSLException {
        SslContext ctx = builder.build();
        made.add(ctx);
        if (ctx.isServer()) {
            NoResumption.apply(ctx);
        }
        return ctx;
    }

    /** True when BoringSSL loaded and supports TLS 1.3. */
    public static boolean openSslUsable() {
        return OpenSsl.isAvailable() && SslProvider.isTlsv13Supported(SslProvider.OPENSSL_REFCNT);
    }

    /** The provider actually in use (after any fallback). */
    public TlsProvider provider() {
        return provider;
    }

    SslHandler newServerHandler(ByteBufAllocator alloc, long handshakeTimeoutMillis, Profile profile) {
        SslHandler handler = (profile == Profile.HARDENED ? hardenedServer : server).newHandler(alloc);
        return configure(NoResumption.apply(handler), handshakeTimeoutMillis);
    }

    SslHandler newClientHandler(ByteBufAllocator alloc, long handshakeTimeoutMillis, Profile profile) {
        return configure((profile == Profile.HARDENED ? hardenedClient : client).newHandler(alloc), handshakeTimeoutMillis);
    }

    /**
     * The core owns the handshake deadline (LIM-1, TLS included); SslHandler's own timeout is
     * only a backstop, set later than the core's so the core always decides first.
     */
    private static SslHandler configure(SslHandler handler, long handshakeTimeoutMillis) {
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis * 2 + 1000);
        return handler;
    }

    @Override
    public void close() {
        ReferenceCountUtil.release(server);
        ReferenceCountUtil.release(client);
        ReferenceCountUtil.release(hardenedServer);
        ReferenceCountUtil.release(hardenedClient);
    }
}

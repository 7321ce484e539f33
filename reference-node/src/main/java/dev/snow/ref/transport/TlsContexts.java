package dev.snow.ref.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's two TLS contexts (TLS-1..TLS-3): a server context presenting the
 * {@link EphemeralCertificate} and asking for no client certificate, and a client context that
 * accepts any server certificate. Both speak TLS 1.3 only. Handlers are made without a peer
 * host, so every connection is a full handshake (no session resumption).
 */
public final class TlsContexts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);
    static final String TLS_1_3 = "TLSv1.3";

    private final SslContext server;
    private final SslContext client;
    private final TlsProvider provider;

    private TlsContexts(SslContext server, SslContext client, TlsProvider provider) {
        this.server = server;
        this.client = client;
        this.provider = provider;
    }

    /**
     * Builds both contexts with {@code requested}; OPENSSL falls back to JDK (with one warning
     * on the log) where BoringSSL is unavailable or lacks TLS 1.3.
     */
    public static TlsContexts create(TlsProvider requested) {
        TlsProvider provider = requested;
        if (requested == TlsProvider.OPENSSL && !openSslUsable()) {
            Throwable why = OpenSsl.unavailabilityCause();
            LOG.warn("TLS provider openssl unavailable here ({}); using jdk", why == null ? "no TLS 1.3" : why.toString());
            provider = TlsProvider.JDK;
        }
        SslProvider netty = provider == TlsProvider.OPENSSL ? SslProvider.OPENSSL_REFCNT : SslProvider.JDK;
        EphemeralCertificate cert = EphemeralCertificate.generate();
        SslContext server = null;
        try {
            server = SslContextBuilder.forServer(cert.privateKey(), cert.certificate())
                    .sslProvider(netty)
                    .protocols(TLS_1_3)
                    .clientAuth(ClientAuth.NONE)
                    .build();
            SslContext client = SslContextBuilder.forClient()
                    .sslProvider(netty)
                    .protocols(TLS_1_3)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .build();
            return new TlsContexts(server, client, provider);
        } catch (SSLException e) {
            ReferenceCountUtil.release(server);
            throw new IllegalStateException("cannot set up TLS 1.3 with provider " + provider.option() + ": " + e, e);
        }
    }

    /** True when BoringSSL loaded and supports TLS 1.3. */
    public static boolean openSslUsable() {
        return OpenSsl.isAvailable() && SslProvider.isTlsv13Supported(SslProvider.OPENSSL_REFCNT);
    }

    /** The provider actually in use (after any fallback). */
    public TlsProvider provider() {
        return provider;
    }

    SslHandler newServerHandler(ByteBufAllocator alloc, long handshakeTimeoutMillis) {
        return configure(server.newHandler(alloc), handshakeTimeoutMillis);
    }

    SslHandler newClientHandler(ByteBufAllocator alloc, long handshakeTimeoutMillis) {
        return configure(client.newHandler(alloc), handshakeTimeoutMillis);
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
    }
}

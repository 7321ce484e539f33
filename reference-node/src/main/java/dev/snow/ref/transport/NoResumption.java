package dev.snow.ref.transport;

import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.internal.tcnative.SSL;

/**
 * TLS-4: a server that issues no session ticket and resumes no session.
 * <ul>
 * <li>BoringSSL (netty-tcnative): the context's session cache is off, and every server engine
 * gets SSL_OP_NO_TICKET, with which BoringSSL neither sends TLS 1.3 tickets nor accepts them
 * (it resumes TLS 1.3 statelessly only). Netty clears that option when it makes an engine, so
 * it is set again on each one ({@link #apply(SslHandler)}).</li>
 * <li>JDK: SunJSSE sends no NewSessionTicket when the server session timeout exceeds the
 * 7-day TLS 1.3 ticket lifetime (RFC 8446 section 4.6.1), so the server contexts are built with
 * {@link #JDK_NO_TICKET_TIMEOUT_SECONDS}; with no ticket there is nothing to resume.</li>
 * </ul>
 * NoResumptionTest checks both providers with a client that keeps and offers every ticket.
 */
final class NoResumption {
    /** One second over SunJSSE's MAX_TICKET_LIFETIME (604,800 s): no ticket is produced. */
    static final long JDK_NO_TICKET_TIMEOUT_SECONDS = 604_801;

    private NoResumption() {
    }

    /** A server context: no session cache. */
    static void apply(SslContext ctx) {
        if (ctx instanceof ReferenceCountedOpenSslContext openSsl) {
            openSsl.sessionContext().setSessionCacheEnabled(false);
        }
    }

    /** A server handler: no tickets on this connection. */
    static SslHandler apply(SslHandler handler) {
        if (handler.engine() instanceof ReferenceCountedOpenSslEngine engine) {
            SSL.setOptions(engine.sslPointer(), SSL.SSL_OP_NO_TICKET);
        }
        return handler;
    }
}

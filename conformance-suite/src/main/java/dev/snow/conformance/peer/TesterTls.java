package dev.snow.conformance.peer;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The tester's TLS, on the JDK's own provider. As initiator it trusts any certificate (trust
 * comes from the cookie, TLS-2); as acceptor it presents an ephemeral self-signed ECDSA P-256
 * certificate made with BouncyCastle (as TLS-3 suggests) and requests no client certificate.
 * {@link Version} picks TLS 1.3 (the protocol) or TLS 1.2 only (TLS-1 negative tests).
 */
public final class TesterTls {
    /** Protocol versions the tester can offer. */
    public enum Version {
        TLS13("TLSv1.3"),
        TLS12_ONLY("TLSv1.2");

        public final String jdkName;

        Version(String jdkName) {
            this.jdkName = jdkName;
        }
    }

    private static volatile SSLContext client;
    private static volatile SSLContext server;

    private TesterTls() {
    }

    /** Client context that accepts any server certificate. */
    public static SSLContext client() {
        SSLContext c = client;
        if (c == null) {
            synchronized (TesterTls.class) {
                if (client == null) {
                    client = newClient();
                }
                c = client;
            }
        }
        return c;
    }

    /** Server context with one ephemeral self-signed ECDSA P-256 certificate. */
    public static SSLContext server() {
        SSLContext s = server;
        if (s == null) {
            synchronized (TesterTls.class) {
                if (server == null) {
                    server = newServer();
                }
                s = server;
            }
        }
        return s;
    }

    private static SSLContext newClient() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAnything()}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the tester's TLS client context: " + e, e);
        }
    }

    /** A server context whose certificate expired a day ago and names somebody else (TLS-2: nobody checks it). */
    public static SSLContext expiredServer() {
        return newServer(Instant.now().minus(Duration.ofDays(3)), Instant.now().minus(Duration.ofDays(1)), "CN=expired.invalid");
    }

    /**
     * A client context that trusts anything and records in {@code asked} whether the server
     * requested a client certificate (TLS-2: the listener requests none). It offers none.
     */
    public static SSLContext clientRecordingCertificateRequests(java.util.concurrent.atomic.AtomicBoolean asked) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new javax.net.ssl.KeyManager[] {new RecordingKeyManager(asked)}, new TrustManager[] {new TrustAnything()}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a recording TLS client context: " + e, e);
        }
    }

    private static SSLContext newServer() {
        Instant now = Instant.now();
        return newServer(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)), "CN=snow-conformance-tester");
    }

    private static SSLContext newServer(Instant notBefore, Instant notAfter, String dn) {
        try {
            KeyManager[] identity = SelfSigned.identity(dn, notBefore, notAfter);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(identity, null, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the tester's TLS server context: " + e, e);
        }
    }

    /** Offers no client certificate; notes whether one was asked for. */
    private static final class RecordingKeyManager extends javax.net.ssl.X509ExtendedKeyManager {
        private final java.util.concurrent.atomic.AtomicBoolean asked;

        RecordingKeyManager(java.util.concurrent.atomic.AtomicBoolean asked) {
            this.asked = asked;
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            asked.set(true);
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers, javax.net.ssl.SSLEngine engine) {
            asked.set(true);
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            asked.set(true);
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return null;
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return null;
        }
    }
}

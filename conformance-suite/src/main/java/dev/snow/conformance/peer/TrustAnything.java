package dev.snow.conformance.peer;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * The tester's trust: any certificate is accepted, in both directions, because trust comes from
 * the cookie (TLS-2), never from a certificate chain. The certificates themselves are read from
 * the TLS session where a test needs them.
 */
final class TrustAnything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

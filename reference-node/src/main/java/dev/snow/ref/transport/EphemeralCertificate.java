package dev.snow.ref.transport;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The listener's certificate (TLS-3): a fresh ECDSA P-256 key pair and a self-signed X.509
 * certificate over it, made when the node starts and never written anywhere. Nobody verifies
 * it (TLS-2: trust comes from the cookie); it exists because TLS 1.3 servers must present one.
 * BouncyCastle's bcpkix builds the certificate; the JDK's own providers make the key and the
 * signature, so no security provider is registered.
 */
public record EphemeralCertificate(PrivateKey privateKey, X509Certificate certificate) {

    private static final Duration VALIDITY = Duration.ofDays(365);

    public static EphemeralCertificate generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=snow-node ephemeral");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(63, random).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                    subject, keys.getPublic());
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new EphemeralCertificate(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("TLS-3: cannot make the ephemeral ECDSA P-256 certificate: " + e, e);
        }
    }
}

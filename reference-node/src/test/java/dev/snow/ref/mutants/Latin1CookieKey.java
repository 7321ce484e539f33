package dev.snow.ref.mutants;

import dev.snow.ref.handshake.DigestContext;
import dev.snow.ref.handshake.DigestScheme;
import dev.snow.ref.handshake.Direction;
import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Bytes32;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutant latin1-cookie-key@acceptor / @initiator: the handshakes of one role key HMAC-SHA256 with
 * the cookie's ISO-8859-1 bytes (unmappable characters as '?') instead of its UTF-8 bytes, for
 * the digest they send and the one they verify. An ASCII cookie hides it. Must break AUTH-1.
 */
final class Latin1CookieKey extends Mutant {
    private final Direction role;

    Latin1CookieKey(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + Roles.of(role) + ", keys HMAC with the cookie's ISO-8859-1 bytes, not its UTF-8 bytes";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withDigests((r, scheme, cookie) -> r != role ? scheme : latin1(cookie)));
    }

    private static DigestScheme latin1(String cookie) {
        byte[] key = cookie.getBytes(StandardCharsets.ISO_8859_1);
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new DigestScheme() {
            @Override
            public Bytes32 reply(DigestContext c) {
                return Bytes32.of(mac.doFinal(c.acceptorChallenge().toByteArray()));
            }

            @Override
            public Bytes32 ack(DigestContext c) {
                return Bytes32.of(mac.doFinal(c.initiatorChallenge().toByteArray()));
            }

            @Override
            public boolean requiresMutualTls() {
                return false;
            }
        };
    }
}

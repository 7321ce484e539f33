package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;

/**
 * The hardened profile's binding mutants (issue 14): a {@link HardenedDigests} that forgets one
 * of the four bindings of HARD-4. Each overrides one seam to write nothing, so the digest no
 * longer covers that field. The relay and hijack checks (HardenedBindingTest here, the suite's
 * security.HardenedRelayTest over the network) must kill every one of them.
 */
public enum BindingMutant {
    /** No certificate hashes: a digest made on one TLS channel answers on another (a relay). */
    FORGETS_CERTIFICATES(mac -> new HardenedDigests(mac) {
        @Override
        protected void writeCertificates(ByteArrayOutputStream out, ChannelBinding channel) {
        }
    }),
    /** No role byte: REPLY and ACK are the same value, so an ACK answers as a REPLY. */
    FORGETS_ROLE(mac -> new HardenedDigests(mac) {
        @Override
        protected void writeRole(ByteArrayOutputStream out, byte role) {
        }
    }),
    /** No names: a handshake can be registered under a name other than the one the digest was made for. */
    FORGETS_NAMES(mac -> new HardenedDigests(mac) {
        @Override
        protected void writeNames(ByteArrayOutputStream out, String initiator, String acceptor) {
        }
    }),
    /** No challenges: a digest is the same on every handshake over the same channel and names (a replay). */
    FORGETS_CHALLENGES(mac -> new HardenedDigests(mac) {
        @Override
        protected void writeChallenges(ByteArrayOutputStream out, Bytes32 acceptorChallenge, Bytes32 initiatorChallenge) {
        }
    });

    private final Function<CookieMac, DigestScheme> make;

    BindingMutant(Function<CookieMac, DigestScheme> make) {
        this.make = make;
    }

    public DigestScheme scheme(CookieMac mac) {
        return make.apply(mac);
    }

    /** The option name, e.g. {@code forgets-role}. */
    public String option() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

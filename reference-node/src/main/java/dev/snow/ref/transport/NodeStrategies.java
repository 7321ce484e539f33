package dev.snow.ref.transport;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.handshake.DigestComparator;
import java.util.Set;

/**
 * The strategies a running node hands to {@code NodeCore}: a CSPRNG challenge source and the
 * constant-time comparator, unless a reference-only {@link Fault} replaces one of them.
 */
public record NodeStrategies(ChallengeSource challenges, DigestComparator comparator) {

    public static NodeStrategies secure() {
        return withFaults(Set.of());
    }

    public static NodeStrategies withFaults(Set<Fault> faults) {
        ChallengeSource challenges = new SecureChallengeSource();
        if (faults.contains(Fault.FIXED_CHALLENGE)) {
            challenges = new FixedChallengeSource(challenges);
        }
        DigestComparator comparator = DigestComparator.CONSTANT_TIME;
        if (faults.contains(Fault.LEAKY_COMPARE)) {
            comparator = new LeakyComparator(LeakyComparator.NANOS_PER_MATCHING_BYTE);
        }
        if (faults.contains(Fault.LEAKY_COMPARE_NO_HOOK)) {
            comparator = new LeakyComparator(LeakyComparator.REALISTIC_NANOS_PER_MATCHING_BYTE);
        }
        if (faults.contains(Fault.ACCEPT_ANY_DIGEST)) {
            comparator = (expected, received) -> true;
        }
        return new NodeStrategies(challenges, comparator);
    }
}

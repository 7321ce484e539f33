package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.node.CoreDefect;
import java.util.List;
import java.util.function.Supplier;

/**
 * The registry: one line per mutant, naming the requirements the conformance suite must fail
 * for it (docs/MUTATION.md). Adding a mutant takes one small {@link Mutant} class and one line.
 */
public final class Mutants {
    private Mutants() {
    }

    /**
     * A registered mutant.
     *
     * @param awaiting null, or why the suite cannot kill it yet: the gate then reports it as a
     *                 known survivor, and fails once it is killed until this mark is removed
     */
    public record Entry(String name, Supplier<Mutant> factory, List<String> breaks, String awaiting) {
        Entry awaiting(String why) {
            return new Entry(name, factory, breaks, why);
        }
    }

    private static Entry m(String name, Supplier<Mutant> factory, String... breaks) {
        return new Entry(name, factory, List.of(breaks), null);
    }

    public static final List<Entry> ALL = List.of(
            m("leaky-compare", LeakyCompare::new, "AUTH-4"),
            m("leaky-compare-no-hook", LeakyCompareNoHook::new, "AUTH-4"),
            m("accepts-any-digest", AcceptsAnyDigest::new, "AUTH-6"),
            m("accepts-reflected-challenge", AcceptsReflectedChallenge::new, "AUTH-5"),
            m("reuses-challenge", ReusesChallenge::new, "AUTH-3"),
            m("logs-cookie", LogsCookie::new, "AUTH-7"),
            m("no-peer-in-handshake-failed", NoPeerInHandshakeFailed::new, "AUTH-6"),
            m("consumes-id-on-failed-handshake", ConsumesIdOnFailedHandshake::new, "AUTH-6", "HS-6"),
            m("connects-to-itself", ConnectsToItself::new, "NAME-6"),
            m("accepts-creation-zero", AcceptsCreationZero::new, "HS-7"),
            m("nok-reported-as-protocol-error", NokReportedAsProtocolError::new, "STATUS-5"),
            m("no-dialled-name-check", NoDialledNameCheck::new, "NAME-7"),
            m("replaces-before-proof", ReplacesBeforeProof::new, "STATUS-6", "HS-6"),
            m("no-tiebreak", NoTiebreak::new, "TIE-1", "TIE-2", "TIE-3", "TIE-4", "TIE-5"),
            m("inverted-tiebreak", InvertedTiebreak::new, "TIE-1", "TIE-2", "TIE-3"),
            m("cancels-attempt-on-claim", CancelsAttemptOnClaim::new, "TIE-4", "HS-6"),
            m("wrong-direction-in-node-up", WrongDirectionInNodeUp::new, "HS-8"),
            m("descending-fresh-ids", DescendingFreshIds::new, "ID-2"),
            m("never-recycles-ids", NeverRecyclesIds::new, "ID-3"),
            m("lifo-ids", LifoIds::new, "ID-3"),
            m("hands-out-id-twice", HandsOutIdTwice::new, "ID-4"),
            m("ignores-max-node-id", IgnoresMaxNodeId::new, "ID-1", "ID-5"),
            m("never-pings", NeverPings::new, "HB-1"),
            m("wrong-pong-payload", WrongPongPayload::new, "HB-2"),
            m("counts-any-pong", CountsAnyPong::new, "HB-4"),
            m("short-heartbeat-timeout", ShortHeartbeatTimeout::new, "HB-5"),
            m("never-times-out", NeverTimesOut::new, "HB-3"),
            m("timeout-reported-as-closed", TimeoutReportedAsClosed::new, "HB-3"),
            m("disconnect-reported-as-closed", DisconnectReportedAsClosed::new, "CONN-1"),
            m("peer-close-reported-as-disconnect", PeerCloseReportedAsDisconnect::new, "CONN-2"),
            m("no-handshake-deadline", NoHandshakeDeadline::new, "LIM-1"),
            m("ignores-max-pending-handshakes", IgnoresMaxPendingHandshakes::new, "LIM-2"),
            m("allocates-by-frame-length", AllocatesByFrameLength::new, "FRAME-3"),
            m("late-ping-length-check", LatePingLengthCheck::new, "FRAME-11"),
            m("ignores-trailing-bytes", IgnoresTrailingBytes::new, "FRAME-6"),
            m("lenient-utf8-names", LenientUtf8Names::new, "FRAME-9"),
            m("trusts-digest-length", TrustsDigestLength::new, "AUTH-2"),
            m("accepts-tls12", AcceptsTls12::new, "TLS-1"),
            // handshake, status, ids, liveness (issue 12 audit)
            m("speaks-before-name@acceptor", () -> new SpeaksBeforeName(Direction.INCOMING), "HS-1"),
            m("speaks-before-name@initiator", () -> new SpeaksBeforeName(Direction.OUTGOING), "HS-1"),
            m("wrong-creation-in-status@acceptor", WrongCreationInStatus::new, "HS-2"),
            m("reply-over-own-challenge@initiator", () -> new DigestOverWrongChallenge(Direction.OUTGOING), "HS-3"),
            m("ack-over-own-challenge@acceptor", () -> new DigestOverWrongChallenge(Direction.INCOMING), "HS-4"),
            m("up-before-ack@initiator", UpBeforeAck::new, "HS-5"),
            m("wrong-status-codes@acceptor", () -> new WrongStatusCodes(Direction.INCOMING), "STATUS-1"),
            m("wrong-status-codes@initiator", () -> new WrongStatusCodes(Direction.OUTGOING), "STATUS-1"),
            m("accepts-odd-challenge-len@initiator", () -> new LaxStatusDecoding("STATUS-2"), "STATUS-2"),
            m("stays-open-after-refusal@acceptor", StaysOpenAfterRefusal::new, "STATUS-3"),
            m("accepts-challenge-with-refusal@initiator", () -> new LaxStatusDecoding("STATUS-3"), "STATUS-3"),
            m("accepts-unknown-status@initiator", () -> new LaxStatusDecoding("STATUS-4"), "STATUS-4"),
            m("latin1-cookie-key@acceptor", () -> new Latin1CookieKey(Direction.INCOMING), "AUTH-1"),
            m("latin1-cookie-key@initiator", () -> new Latin1CookieKey(Direction.OUTGOING), "AUTH-1"),
            m("ignores-configured-creation", IgnoresConfiguredCreation::new, "ID-6"),
            m("refuses-restarted-peer@acceptor", () -> new PlantsCoreDefect(CoreDefect.REFUSE_RESTARTED_PEER), "ID-8"),
            m("wrong-node-id-in-node-up", () -> new WrongNodeUpField("node_id"), "HS-8"),
            m("wrong-creation-in-node-up", () -> new WrongNodeUpField("creation"), "HS-8"),
            m("fast-pings@acceptor", () -> new FastPings(Direction.INCOMING), "HB-1"),
            m("fast-pings@initiator", () -> new FastPings(Direction.OUTGOING), "HB-1"),
            m("ignores-frames-when-established", IgnoresFramesWhenEstablished::new, "HB-6"),
            m("accept-waits-for-handshakes@acceptor", () -> new PlantsCoreDefect(CoreDefect.ACCEPT_WAITS_FOR_HANDSHAKES), "LIM-3"),
            m("wedged-by-protocol-error", () -> new PlantsCoreDefect(CoreDefect.WEDGED_BY_PROTOCOL_ERROR), "LIM-4"),
            m("dials-connected-name", () -> new PlantsCoreDefect(CoreDefect.DIAL_CONNECTED_NAME), "CONN-3"),
            // framing, names, TLS-2 (issue 12 audit)
            m("frame-len-without-tag@acceptor", () -> new FrameLenWithoutTag(Direction.INCOMING), "FRAME-1"),
            m("frame-len-without-tag@initiator", () -> new FrameLenWithoutTag(Direction.OUTGOING), "FRAME-1"),
            m("skips-empty-frames@acceptor", () -> new SkipsEmptyFrames(Direction.INCOMING), "FRAME-2"),
            m("skips-empty-frames@initiator", () -> new SkipsEmptyFrames(Direction.OUTGOING), "FRAME-2"),
            m("skips-unknown-tags@acceptor", () -> new SkipsUnknownTags(Direction.INCOMING), "FRAME-4"),
            m("skips-unknown-tags@initiator", () -> new SkipsUnknownTags(Direction.OUTGOING), "FRAME-4"),
            m("zero-pads-short-fields@acceptor", () -> new ZeroPadsShortFields(Direction.INCOMING), "FRAME-5"),
            m("zero-pads-short-fields@initiator", () -> new ZeroPadsShortFields(Direction.OUTGOING), "FRAME-5"),
            m("ignores-unexpected-frames@acceptor", () -> new IgnoresUnexpectedFrames(Direction.INCOMING), "FRAME-7"),
            m("ignores-unexpected-frames@initiator", () -> new IgnoresUnexpectedFrames(Direction.OUTGOING), "FRAME-7"),
            m("protocol-error-reported-as-io@acceptor", () -> new ProtocolErrorReportedAsIo(Direction.INCOMING), "FRAME-8"),
            m("protocol-error-reported-as-io@initiator", () -> new ProtocolErrorReportedAsIo(Direction.OUTGOING), "FRAME-8"),
            m("drops-partial-reads@acceptor", () -> new DropsPartialReads(Direction.INCOMING), "FRAME-10"),
            m("drops-partial-reads@initiator", () -> new DropsPartialReads(Direction.OUTGOING), "FRAME-10"),
            m("lax-alive-chars@acceptor", () -> new LaxAliveChars(Direction.INCOMING), "NAME-1"),
            m("lax-alive-chars@initiator", () -> new LaxAliveChars(Direction.OUTGOING), "NAME-1"),
            m("overlong-names@acceptor", () -> new OverlongNames(Direction.INCOMING), "NAME-2"),
            m("overlong-names@initiator", () -> new OverlongNames(Direction.OUTGOING), "NAME-2"),
            m("dials-portless-names-at-4369", DialsPortlessNamesAt4369::new, "NAME-3"),
            m("case-insensitive-dialled-name", CaseInsensitiveDialledName::new, "NAME-4"),
            m("accepts-own-name", AcceptsOwnName::new, "NAME-5"),
            m("asks-for-client-certificate", AsksForClientCertificate::new, "TLS-2"),
            m("verifies-listener-certificate", VerifiesListenerCertificate::new, "TLS-2"));

    public static Entry find(String name) {
        for (Entry e : ALL) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}

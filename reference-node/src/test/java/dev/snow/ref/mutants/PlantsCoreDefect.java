package dev.snow.ref.mutants;

import dev.snow.ref.node.CoreDefect;
import dev.snow.ref.transport.NodeStrategies;

/**
 * A mutant planting one node-level {@link CoreDefect}:
 * <ul>
 *   <li>refuses-restarted-peer@acceptor: a known name's NAME with a new creation is answered not_allowed (ID-8);</li>
 *   <li>dials-connected-name: connect dials a name that already has a session (CONN-3);</li>
 *   <li>wedged-by-protocol-error: after a protocol error, refuses every new incoming connection (LIM-4);</li>
 *   <li>accept-waits-for-handshakes@acceptor: accepts no connection while a handshake is pending (LIM-3).</li>
 * </ul>
 */
final class PlantsCoreDefect extends Mutant {
    private final CoreDefect defect;

    PlantsCoreDefect(CoreDefect defect) {
        this.defect = defect;
    }

    @Override
    public String defect() {
        switch (defect) {
            case REFUSE_RESTARTED_PEER:
                return "as acceptor, answers a connected name's NAME with a new creation not_allowed, not alive";
            case DIAL_CONNECTED_NAME:
                return "connect dials a name that already has a session";
            case WEDGED_BY_PROTOCOL_ERROR:
                return "after a handshake fails with protocol_error, refuses every new incoming connection";
            default:
                return "as acceptor, accepts no TCP connection while an incoming handshake is pending";
        }
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().with(defect));
    }
}

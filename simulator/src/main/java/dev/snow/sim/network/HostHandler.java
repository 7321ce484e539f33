package dev.snow.sim.network;

import dev.snow.ref.session.CloseCause;

/**
 * What a host's running node hears from the network: the transport inputs of the sans-IO core.
 * The simulated node turns each into the matching {@code NodeCore.handle…} call.
 */
public interface HostHandler {
    /** A SYN arrived for the listener: the core's connection id, or -1 to refuse (RST). */
    long accept(End end);

    /** TCP and TLS are up on {@code end}. */
    void ready(End end);

    /** Application bytes arrived on {@code end}, in order. */
    void bytes(End end, byte[] data);

    /** The connection ended without the node asking: FIN (EOF), RST or an abort (IO). */
    void closed(End end, CloseCause cause, String detail);
}

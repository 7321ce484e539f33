package dev.snow.sim.network;

/**
 * A change of network state at one instant. Each fault is a small named class; the runner
 * maps scenario actions to them, and a real-process runner would map the same actions to
 * proxy toxics.
 */
public interface Fault {
    void apply(Network net);

    /** Every transmission on the links is lost until {@link Heal}: TCP retransmits with backoff. */
    record Partition(LinkSet links) implements Fault {
        @Override
        public void apply(Network net) {
            net.block(links);
        }
    }

    record Heal(LinkSet links) implements Fault {
        @Override
        public void apply(Network net) {
            net.unblock(links);
        }
    }

    /** Segments wait on the links, in order and without loss, until {@link Release}. */
    record Hold(LinkSet links) implements Fault {
        @Override
        public void apply(Network net) {
            net.hold(links);
        }
    }

    record Release(LinkSet links) implements Fault {
        @Override
        public void apply(Network net) {
            net.release(links);
        }
    }

    record SetLatency(LinkSet links, Latency latency, long jitter) implements Fault {
        @Override
        public void apply(Network net) {
            net.setLatency(links, latency, jitter);
        }
    }

    record SetLoss(LinkSet links, double rate) implements Fault {
        @Override
        public void apply(Network net) {
            net.setLoss(links, rate);
        }
    }

    record SetBandwidth(LinkSet links, long bitsPerSecond) implements Fault {
        @Override
        public void apply(Network net) {
            net.setBandwidth(links, bitsPerSecond);
        }
    }

    /**
     * Every connection open on the links now is reset {@code timeout} after its next data or FIN
     * on one of them: both ends see a reset, that data is lost (Toxiproxy's {@code reset_peer}).
     */
    record Reset(LinkSet links, long timeout) implements Fault {
        @Override
        public void apply(Network net) {
            net.reset(links, timeout);
        }
    }

    /** Data on the links is sliced from now on ({@code null}: no more). */
    record Slice(LinkSet links, Slicing slicing) implements Fault {
        @Override
        public void apply(Network net) {
            net.setSlicing(links, slicing);
        }
    }
}

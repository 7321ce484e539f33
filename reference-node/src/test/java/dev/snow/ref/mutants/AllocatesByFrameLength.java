package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant allocates-by-frame-length: trusts a frame length up to 16 MiB and sizes its read buffer from it. Must break FRAME-3. */
final class AllocatesByFrameLength extends Mutant {
    @Override
    public String defect() {
        return "trusts a frame length up to 16 MiB and sizes its read buffer from it";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().withFrameLimit(16 << 20, true)));
    }
}

package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant lenient-utf8-names: decodes a name that is not valid UTF-8 with replacement characters instead of refusing it. Must break FRAME-9. */
final class LenientUtf8Names extends Mutant {
    @Override
    public String defect() {
        return "decodes a name that is not valid UTF-8 with replacement characters instead of refusing it";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("FRAME-9")));
    }
}

package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.ref.adapter.AdapterVariant;
import dev.snow.ref.transport.NodeSettings;
import dev.snow.ref.transport.NodeStrategies;

/**
 * One planted defect: the reference node with exactly one seam replaced (docs/MUTATION.md). A
 * subclass overrides one of {@link #strategies}, {@link #settings}, {@link #offersTimeCompare} or {@link #event}
 * and nothing else; {@link Mutants} names the requirements the suite must then fail.
 */
public abstract class Mutant {
    /** The defect in one line, for the mutation matrix. */
    public abstract String defect();

    /** The node's strategies, given the real ones. */
    protected NodeStrategies strategies(NodeStrategies real) {
        return real;
    }

    /** The node's settings, given the ones the start command asked for. */
    protected NodeSettings settings(NodeSettings asked) {
        return asked;
    }

    /** Whether the adapter offers the optional time_compare command. */
    protected boolean offersTimeCompare() {
        return true;
    }

    /** An event line as the adapter writes it, given the node's own (a wrapping adapter's defect). */
    protected ObjectNode event(ObjectNode real) {
        return real;
    }

    /** The adapter variant that runs this mutant under {@code name}. */
    public final AdapterVariant variant(String name) {
        return new AdapterVariant(name, this::settings,
                s -> strategies(NodeStrategies.secure()), offersTimeCompare(), this::event);
    }
}

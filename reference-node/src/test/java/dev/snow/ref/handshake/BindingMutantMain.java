package dev.snow.ref.handshake;

import dev.snow.ref.adapter.Adapter;
import dev.snow.ref.transport.TlsProvider;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the reference node's adapter (docs/ADAPTER.md) with one {@link BindingMutant} planted, so
 * the conformance suite can judge it (base-profile nodes it starts are the clean reference): {@code <mutant> --adapter}, e.g. {@code forgets-role --adapter}.
 * Test scope only; conformance/conformance.yaml runs each with its expectations file. Exit 2 on usage.
 */
public final class BindingMutantMain {
    private BindingMutantMain() {
    }

    public static void main(String[] args) throws Exception {
        BindingMutant mutant = args.length == 2 && args[1].equals("--adapter") ? find(args[0]) : null;
        if (mutant == null) {
            System.err.println("usage: BindingMutantMain <forgets-certificates|forgets-role|forgets-names|forgets-challenges> --adapter");
            System.exit(2);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(new Adapter(System.in, out, TlsProvider.OPENSSL, b -> b.hardenedDigests(mutant::scheme)).run());
    }

    private static BindingMutant find(String option) {
        for (BindingMutant m : BindingMutant.values()) {
            if (m.option().equals(option)) {
                return m;
            }
        }
        return null;
    }
}

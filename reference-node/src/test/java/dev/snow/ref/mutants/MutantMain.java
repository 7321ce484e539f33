package dev.snow.ref.mutants;

import dev.snow.ref.adapter.Adapter;
import dev.snow.ref.adapter.AdapterVariant;
import dev.snow.ref.transport.TlsProvider;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code bin/snow-mutant}: runs one mutant of the reference node as an adapter (docs/ADAPTER.md),
 * so the conformance suite can judge it; {@code --list} prints the registry. Exit 2 on usage.
 */
public final class MutantMain {
    private static final String USAGE = String.join("\n",
            "Usage: snow-mutant <mutant> --adapter [--tls-provider openssl|jdk]",
            "       snow-mutant --list",
            "Runs the reference node with one planted defect (docs/MUTATION.md) as a docs/ADAPTER.md",
            "adapter on stdin/stdout. <mutant> 'none' is the clean reference on the same classpath.",
            "--list prints one line per mutant: name, TAB, the requirements it must break (comma",
            "separated), TAB, the defect[, TAB, why the suite cannot kill it yet].");

    private MutantMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length == 1 && args[0].equals("--list")) {
            for (Mutants.Entry e : Mutants.ALL) {
                out.println(e.name() + "\t" + String.join(",", e.breaks()) + "\t" + e.factory().get().defect()
                        + (e.awaiting() == null ? "" : "\t" + e.awaiting()));
            }
            return 0;
        }
        TlsProvider tls = TlsProvider.OPENSSL;
        if (args.length == 4 && args[2].equals("--tls-provider")) {
            tls = args[3].equals("jdk") ? TlsProvider.JDK : TlsProvider.OPENSSL;
        } else if (args.length != 2) {
            return usage("expected a mutant and --adapter");
        }
        if (!args[1].equals("--adapter")) {
            return usage("expected --adapter after the mutant, got \"" + args[1] + "\"");
        }
        AdapterVariant variant;
        if (args[0].equals("none")) {
            variant = AdapterVariant.REAL;
        } else {
            Mutants.Entry e = Mutants.find(args[0]);
            if (e == null) {
                return usage("unknown mutant \"" + args[0] + "\" (snow-mutant --list shows them)");
            }
            variant = e.factory().get().variant(e.name());
        }
        return new Adapter(System.in, out, tls, variant).run();
    }

    private static int usage(String why) {
        System.err.println("snow-mutant: " + why);
        System.err.println(USAGE);
        return 2;
    }
}

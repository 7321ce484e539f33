package dev.snow.conformance.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of the run of one implementation: which implementation, where results go, its
 * expectations, and the IUT node shared by every test that needs no special settings (started on
 * first use, restarted, and counted, if it dies). The launcher {@link #begin begins} and
 * {@link #end ends} it; a test started from an IDE gets a default from system properties
 * ({@code conformance.iut}, {@code conformance.root}).
 */
public final class RunContext {
    /** The creation the suite gives its nodes unless a test says otherwise (ID-6: configurable). */
    public static final int SUITE_CREATION = 42;
    /** The shared node's name. */
    public static final String SHARED_NAME = "iut@127.0.0.1";

    private static RunContext current;

    private final Implementation implementation;
    private final Path output;
    private final Expectations expectations;
    private final String cookie;
    private final long seed;
    private final AtomicInteger names = new AtomicInteger();
    private final List<String> cookieLeaks = new ArrayList<>();
    private final List<String> sharedDeaths = new ArrayList<>();
    private final Map<String, Object> notes = new HashMap<>();
    private Iut shared;
    private RuntimeException sharedFailure;
    private int sharedStarts;
    private AdapterProcess spare;
    private volatile String decided;

    private RunContext(Implementation implementation, Path output, Expectations expectations) {
        this.implementation = implementation;
        this.output = output;
        this.expectations = expectations;
        this.cookie = "snow-conformance-" + randomHex(8);
        String fixed = System.getProperty("conformance.seed", "").strip();
        try {
            this.seed = fixed.isEmpty() ? new SecureRandom().nextLong() : Long.parseLong(fixed);
        } catch (NumberFormatException e) {
            throw new ConfigError("conformance.seed must be a whole number, was \"" + fixed + "\"");
        }
    }

    public static synchronized RunContext begin(Implementation implementation, Path output, Expectations expectations) {
        return begin(implementation, output, expectations, null);
    }

    /**
     * Begins a run; {@code ready} (may be null) is an adapter process that already said ready
     * (the launcher's preflight), used for the shared node instead of starting another one.
     */
    public static synchronized RunContext begin(Implementation implementation, Path output, Expectations expectations,
                                                AdapterProcess ready) {
        if (current != null) {
            current.closeShared();
        }
        current = new RunContext(implementation, output, expectations);
        current.spare = ready;
        return current;
    }

    /** Ends the run: stops the shared node. */
    public static synchronized void end() {
        if (current != null) {
            current.closeShared();
            current = null;
        }
    }

    /**
     * The run's verdict is decided ({@code why}): the tests not yet started are skipped. The
     * mutation gate calls this at a mutant's first kill; a conformance run never does.
     */
    public void decide(String why) {
        decided = why;
    }

    /** Why the rest of the run is skipped, or null while it goes on. */
    public String decided() {
        return decided;
    }

    public static synchronized RunContext current() {
        if (current == null) {
            current = fromSystemProperties();
        }
        return current;
    }

    private static RunContext fromSystemProperties() {
        Path root = findRoot();
        String iut = System.getProperty("conformance.iut", "").strip();
        String command = iut.isEmpty() ? DefaultIut.command(root) : iut;
        String exp = System.getProperty("conformance.expectations", "").strip();
        Expectations expectations = exp.isEmpty() ? Expectations.none() : Expectations.load(Path.of(exp));
        Implementation impl = new Implementation(iut.isEmpty() ? "reference" : "iut", command, root, Map.of(), null, 1.0, List.of());
        return new RunContext(impl, Path.of("target", "conformance", impl.name()), expectations);
    }

    /** The project root: {@code conformance.root}, else the nearest folder up from here with bin/snow-node. */
    public static Path findRoot() {
        String r = System.getProperty("conformance.root", "").strip();
        if (!r.isEmpty()) {
            return Path.of(r).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        for (Path at = p; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve("docs").resolve("requirements.json")) && Files.isDirectory(at.resolve("conformance-suite"))) {
                return at;
            }
        }
        return p;
    }

    public Implementation implementation() {
        return implementation;
    }

    public Path output() {
        return output;
    }

    public Expectations expectations() {
        return expectations;
    }

    /** The cookie the suite gives the shared node (and, by default, fresh nodes). */
    public String cookie() {
        return cookie;
    }

    /** The seed of the run's random choices (orders in races); -Dconformance.seed=N repeats them. */
    public long seed() {
        return seed;
    }

    /** A name unique in this run: {@code prefix-N@127.0.0.1}, or with {@code :port} when port &gt; 0. */
    public String uniqueName(String prefix, int port) {
        return prefix + "-" + names.incrementAndGet() + "@127.0.0.1" + (port > 0 ? ":" + port : "");
    }

    public int nextSerial() {
        return names.incrementAndGet();
    }

    /** The shared node, started on first use; a dead one is replaced (and the death recorded). */
    public synchronized Iut sharedIut() {
        if (shared != null && !shared.isAlive()) {
            sharedDeaths.add("the shared IUT node died" + shared.adapter().deathNote());
            shared = null;
        }
        if (shared == null) {
            if (sharedFailure != null && sharedStarts >= 3) {
                throw sharedFailure;
            }
            sharedStarts++;
            try {
                NodeOptions options = NodeOptions.of(SHARED_NAME, cookie).withCreation(SUITE_CREATION);
                AdapterProcess ready = spare;
                spare = null;
                if (ready != null && ready.isAlive()) {
                    ready.addSecret(cookie);
                    shared = Iut.start(ready, options, implementation.timeouts());
                } else {
                    shared = Iut.start(implementation, "shared-" + sharedStarts, options);
                }
                sharedFailure = null;
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** How many times the shared node had to be started (1 when it never died). */
    public synchronized int sharedStarts() {
        return sharedStarts;
    }

    public synchronized List<String> sharedDeaths() {
        return new ArrayList<>(sharedDeaths);
    }

    /** Records that the cookie showed up where it must not (AUTH-7). */
    public synchronized void cookieLeak(String where) {
        cookieLeaks.add(where);
    }

    public synchronized List<String> cookieLeaks() {
        return new ArrayList<>(cookieLeaks);
    }

    /** Run-wide values tests share (e.g. challenges seen, for AUTH-3). */
    @SuppressWarnings("unchecked")
    public synchronized <T> T note(String key, java.util.function.Supplier<T> initial) {
        return (T) notes.computeIfAbsent(key, k -> initial.get());
    }

    private synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        if (spare != null) {
            spare.close(java.time.Duration.ofSeconds(5));
            spare = null;
        }
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return dev.snow.conformance.peer.Hex.of(b);
    }
}

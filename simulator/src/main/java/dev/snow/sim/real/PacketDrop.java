package dev.snow.sim.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * True packet loss ({@code --netfilter-loss}, Linux): nftables rules that drop a link's TCP
 * segments at random, so the kernel's own TCP retransmits them, inside a private network namespace
 * ({@code unshare -rn}) where the whole run lives. A proxy half maps to one rule on loopback's
 * output hook:
 * <pre>
 *   dialler --(upstream: tcp dport = proxy's listen port)--> proxy --> acceptor
 *   dialler <--(downstream: tcp sport = proxy's listen port)-- proxy <-- acceptor
 *   rule: tcp dport 40123 numgen random mod 10000 &lt; 1000 counter drop      (10 %)
 * </pre>
 * ACKs travel the same hops, so they are lost too, as on a lossy link. The draws are the
 * kernel's, not the seed's. The table is {@value #TABLE}; it lives in the namespace and dies with it.
 */
public final class PacketDrop implements AutoCloseable {
    static final String TABLE = "snow_loss";
    private static final Pattern HANDLE = Pattern.compile("# handle (\\d+)");
    private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+)");

    private PacketDrop() throws IOException {
        nft("add", "table", "inet", TABLE);
        nft("add", "chain", "inet", TABLE, "out", "{ type filter hook output priority 0; policy accept; }");
    }

    /**
     * Why true packet drop cannot run here, or null when it can: it needs Linux, {@code unshare}
     * (util-linux) and {@code nft} (nftables).
     */
    public static String unavailable() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "true packet drop needs Linux (nftables in a network namespace); this is " + System.getProperty("os.name");
        }
        List<String> missing = new ArrayList<>();
        if (onPath("unshare") == null) {
            missing.add("unshare (util-linux)");
        }
        if (onPath("nft") == null) {
            missing.add("nft (apt-get install nftables)");
        }
        if (onPath("ip") == null) {
            missing.add("ip (iproute2)");
        }
        if (!missing.isEmpty()) {
            return "true packet drop needs " + String.join(" and ", missing);
        }
        if (!inPrivateNamespace() && !unshareWorks()) {
            return "unshare -rn fails here (user namespaces disabled?), so there is no private network namespace for the drop rules";
        }
        return null;
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder(onPath("unshare").toString(), "-rn", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether this process is in a network namespace of its own: loopback is its only interface. */
    public static boolean inPrivateNamespace() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/net/dev"), StandardCharsets.UTF_8);
            for (int i = 2; i < lines.size(); i++) {
                String name = lines.get(i).split(":", 2)[0].trim();
                if (!name.equals("lo")) {
                    return false;
                }
            }
            return lines.size() > 2;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the table, only inside a private namespace (never touches a host's firewall). */
    static PacketDrop open() throws IOException {
        if (!inPrivateNamespace()) {
            throw new IOException("--netfilter-loss: not in a private network namespace (run under unshare -rn); refusing to touch this host's firewall");
        }
        return new PacketDrop();
    }

    /** The nft rule text for one proxy half: segments to ({@code upstream}) or from its listen {@code port}, dropped with {@code rate}. */
    static String rule(boolean upstream, int port, double rate) {
        long threshold = Math.round(Math.max(0, Math.min(1, rate)) * 10_000);
        return String.format(Locale.ROOT, "tcp %s %d numgen random mod 10000 < %d counter drop", upstream ? "dport" : "sport", port, threshold);
    }

    /** Adds a rule; returns its handle. */
    int add(boolean upstream, int port, double rate) throws IOException {
        String out = nft("-e", "-a", "add", "rule", "inet", TABLE, "out", rule(upstream, port, rate));
        Matcher m = HANDLE.matcher(out);
        if (!m.find()) {
            throw new IOException("nft did not answer a rule handle: " + out.trim());
        }
        return Integer.parseInt(m.group(1));
    }

    void remove(int handle) throws IOException {
        nft("delete", "rule", "inet", TABLE, "out", "handle", Integer.toString(handle));
    }

    /** Packets the rules have dropped so far. */
    long dropped() throws IOException {
        long sum = 0;
        Matcher m = COUNTER.matcher(nft("list", "table", "inet", TABLE));
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    @Override
    public void close() throws IOException {
        nft("delete", "table", "inet", TABLE);
    }

    /**
     * Runs this JVM's command line again ({@code java -cp ... dev.snow.sim.cli.SnowSim ARGS}) in a
     * new user and network namespace with loopback up, its output on ours; returns its exit code.
     */
    public static int runInPrivateNamespace(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(onPath("unshare").toString(), "-rn", "sh", "-c",
                "\"$0\" link set lo up && exec \"$@\"", onPath("ip").toString()));
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String prop : new String[] {"snow.home", "faults"}) {
            if (System.getProperty(prop) != null) {
                cmd.add("-D" + prop + "=" + System.getProperty(prop));
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.snow.sim.cli.SnowSim");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while the run in its namespace went on");
        }
    }

    private static String nft(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        Path nft = onPath("nft");
        cmd.add(nft == null ? "nft" : nft.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + new String(out, StandardCharsets.UTF_8).trim());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", cmd));
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin"}) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}

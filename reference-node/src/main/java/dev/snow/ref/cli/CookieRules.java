package dev.snow.ref.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The operator-facing cookie rules (docs/PROTOCOL.md, COOKIE-1, COOKIE-2): one handshake seen
 * by an attacker (a single dial to a listener it controls is enough) gives it an HMAC of a
 * known challenge, against which it can test cookie guesses offline at any speed. So a cookie
 * must be long and random, and its file private. {@code --allow-weak-cookie} lifts both
 * refusals, for labs and tests only. Messages name the rule, never the cookie (AUTH-7).
 */
final class CookieRules {
    /** COOKIE-1: shortest cookie accepted without {@code --allow-weak-cookie}, in UTF-8 bytes. */
    static final int MIN_BYTES = 16;

    private CookieRules() {
    }

    /** COOKIE-1: refuses a cookie shorter than {@link #MIN_BYTES} bytes. */
    static void checkStrength(String cookie) throws UsageException {
        int bytes = cookie.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new UsageException("COOKIE-1: the cookie is " + bytes + " bytes; at least " + MIN_BYTES
                    + " are required, because one observed handshake lets an attacker test guesses offline."
                    + " Make one with --generate-cookie FILE, or pass --allow-weak-cookie (tests only)");
        }
    }

    /** COOKIE-2: refuses a cookie file that group or others may read or write. */
    static void checkFilePrivate(Path file) throws UsageException {
        Set<PosixFilePermission> p;
        try {
            p = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return; // no POSIX permissions to judge (the read itself already succeeded)
        }
        if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
                || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new UsageException("COOKIE-2: cookie file " + file + " has mode " + PosixFilePermissions.toString(p)
                    + "; group and others must have no access (chmod 600 " + file
                    + "), or pass --allow-weak-cookie (tests only)");
        }
    }
}

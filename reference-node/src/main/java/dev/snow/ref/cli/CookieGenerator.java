package dev.snow.ref.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code snow-node --generate-cookie FILE} (COOKIE-1): 32 bytes from the system CSPRNG,
 * base64url without padding (43 characters, shell- and file-safe), one line, in a new file
 * created with mode 0600 (never widened, never an existing file overwritten).
 */
final class CookieGenerator {
    static final int RANDOM_BYTES = 32;

    private CookieGenerator() {
    }

    /** Writes a fresh cookie to {@code file}; returns nothing about its content (AUTH-7). */
    static void generate(Path file, SecureRandom random) throws UsageException {
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        byte[] line = (Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(line);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UsageException("--generate-cookie: " + file + " already exists; not overwriting a cookie");
        } catch (IOException e) {
            throw new UsageException("--generate-cookie: cannot create " + file + ": " + e.getClass().getSimpleName());
        }
    }
}

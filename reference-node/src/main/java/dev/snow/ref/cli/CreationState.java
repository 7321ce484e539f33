package dev.snow.ref.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * The creation of this run (ID-6, ID-7): given explicitly, or the previous creation in the
 * state file plus one (255 wraps to 1), or random 1..255 on a first run. The chosen value is
 * written back to the state file, replacing it atomically.
 */
final class CreationState {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CreationState() {
    }

    /** The next creation after {@code previous}: +1, 255 wrapping to 1 (ID-7). */
    static int next(int previous) {
        return previous >= 255 ? 1 : previous + 1;
    }

    static int choose(Integer explicit, Path stateFile) throws UsageException {
        int creation;
        if (explicit != null) {
            if (explicit < 1 || explicit > 255) {
                throw new UsageException("--creation must be 1..255 (ID-6), was " + explicit);
            }
            creation = explicit;
        } else if (stateFile != null && Files.exists(stateFile)) {
            creation = next(readPrevious(stateFile));
        } else {
            creation = 1 + RANDOM.nextInt(255);
        }
        if (stateFile != null) {
            write(stateFile, creation);
        }
        return creation;
    }

    private static int readPrevious(Path stateFile) throws UsageException {
        String text;
        try {
            text = Files.readString(stateFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read state file " + stateFile + ": " + dev.snow.ref.transport.IoProblems.describe(e));
        }
        try {
            int previous = Integer.parseInt(text);
            if (previous >= 1 && previous <= 255) {
                return previous;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("state file " + stateFile + " must hold the previous creation (1..255), holds \""
                + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "\"");
    }

    private static void write(Path stateFile, int creation) throws UsageException {
        try {
            Path dir = stateFile.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".snow-creation", ".tmp");
            Files.writeString(tmp, creation + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write state file " + stateFile + ": " + dev.snow.ref.transport.IoProblems.describe(e));
        }
    }
}

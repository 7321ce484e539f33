package dev.snow.ref.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the cookie from a file: one line of UTF-8, the trailing line break and surrounding
 * blanks dropped. Errors name the file and the problem, never the content (AUTH-7).
 */
final class CookieFile {
    static final int MAX_BYTES = 4096;

    private CookieFile() {
    }

    static String read(Path file) throws UsageException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException("cookie file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("cannot read cookie file " + file + ": " + dev.snow.ref.transport.IoProblems.describe(e));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("cookie file " + file + " is not UTF-8 text");
        }
        String cookie = text.strip();
        if (cookie.isEmpty()) {
            throw new UsageException("cookie file " + file + " is empty");
        }
        if (cookie.indexOf('\n') >= 0 || cookie.indexOf('\r') >= 0) {
            throw new UsageException("cookie file " + file + " must hold one line");
        }
        return cookie;
    }
}

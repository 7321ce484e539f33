package dev.snow.ref.transport;

import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * I/O failures in words for people (snow-node's messages), never a Java class name:
 * {@code NoSuchFileException} becomes "no such file", {@code BindException} its reason.
 */
public final class IoProblems {
    private IoProblems() {
    }

    public static String describe(Throwable t) {
        String m = t.getMessage();
        if (t instanceof NoSuchFileException) {
            return "no such file";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (t instanceof FileAlreadyExistsException) {
            return "the file already exists";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        if (t instanceof BindException) {
            return m == null ? "the address cannot be bound" : m.replaceFirst("^bind\\(\\.\\.\\) failed: ", "");
        }
        if (m == null || m.isBlank()) {
            return t.getCause() != null && t.getCause() != t ? describe(t.getCause()) : "failed (" + t.getClass().getSimpleName() + ")";
        }
        return m;
    }
}

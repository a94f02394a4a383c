package org.openxpo.emulator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code --ready-file}: a CI job waits for it to appear and reads the emulator's {@link Endpoints} from it. A stale
 * file of an earlier run is removed before anything starts, the new one appears complete (written aside, then moved
 * into place), and a clean shutdown removes it.
 */
final class ReadyFile {
    private final Path file;

    private ReadyFile(Path file) { this.file = file; }

    /**
     * Removes a stale {@code file}. A missing directory, or a file that cannot be removed, is an
     * {@link IllegalArgumentException} (a usage error, found before anything listens).
     */
    static ReadyFile prepare(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir))
            throw new IllegalArgumentException("--ready-file " + file + ": no such directory " + dir);
        if (Files.isDirectory(file))
            throw new IllegalArgumentException("--ready-file " + file + " is a directory");
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--ready-file " + file + ": cannot remove the old file (" + e.getMessage() + ")", e);
        }
        return new ReadyFile(file);
    }

    void write(String json) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RunningEmulator.StartupException("cannot write --ready-file " + file + " (" + e.getMessage() + ")", e);
        }
    }

    void remove() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the emulator has stopped either way; a file left behind is replaced by the next run
        }
    }
}

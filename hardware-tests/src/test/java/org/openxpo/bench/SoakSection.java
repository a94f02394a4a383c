package org.openxpo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The soak's part of docs/benchmarks.md, between two markers: a soak run replaces it, and a benchmark run, which
 * rewrites the rest of the page, carries it over unchanged (the soak takes minutes and is run on its own).
 */
final class SoakSection {
    private SoakSection() {}

    static final String BEGIN = "<!-- soak: written by ./benchmarks --soak; other runs keep it -->", END = "<!-- /soak -->";

    /** The marked block of {@code page} (markers included), or "" when it has none. */
    static String of(String page) {
        int b = page.indexOf(BEGIN), e = page.indexOf(END);
        return b < 0 || e < b ? "" : page.substring(b, e + END.length()) + "\n\n";
    }

    /** The block of the file at {@code path}, or "" when the file or the block does not exist. */
    static String of(Path path) throws IOException {
        return Files.exists(path) ? of(Files.readString(path)) : "";
    }

    /** Where a page without the block gets it: before this heading, else at the end. */
    static final String BEFORE = "## Reading the figures";

    /** Puts {@code markdown} into the block of {@code path}: replaces the block, or adds one. */
    static void write(Path path, String markdown) throws IOException {
        String page = Files.exists(path) ? Files.readString(path) : "";
        String block = BEGIN + "\n" + markdown.strip() + "\n" + END;
        int b = page.indexOf(BEGIN), e = page.indexOf(END);
        int at = page.indexOf(BEFORE);
        String updated = b >= 0 && e > b ? page.substring(0, b) + block + page.substring(e + END.length())
            : at >= 0 ? page.substring(0, at) + block + "\n\n" + page.substring(at)
            : page + (page.isEmpty() || page.endsWith("\n\n") ? "" : "\n") + block + "\n";
        if (path.getParent() != null) Files.createDirectories(path.getParent());
        Files.writeString(path, updated);
    }
}

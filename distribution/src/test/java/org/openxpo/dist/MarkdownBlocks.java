package org.openxpo.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown document and the example markers before them. Every block names its language,
 * so that no shell example escapes the check by an omission: `sh` (commands), `text` (output, a synopsis), `java`,
 * `json`, `xml`; a block that starts with `$ ` is a transcript whatever its tag.
 */
final class MarkdownBlocks {
    private static final Pattern FENCE = Pattern.compile("^(```+)\\s*([\\w+-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*example:\\s*(.*?)\\s*-->$");
    private static final Pattern NOT_RUN = Pattern.compile("not run \\((.+)\\)");
    private static final String VALUES_VARY = "measured values";

    private MarkdownBlocks() {}

    static List<DocBlock> read(Path file, String name) throws IOException {
        return parse(Files.readAllLines(file), name);
    }

    static List<DocBlock> parse(List<String> lines, String name) {
        List<DocBlock> blocks = new ArrayList<>();
        String marker = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                Matcher m = MARKER.matcher(line.strip());
                if (m.matches()) marker = m.group(1);
                else if (!line.isBlank()) marker = null;              // a marker belongs to the block right after it
                continue;
            }
            String where = name + ":" + (i + 1);
            int start = i + 1;
            do {
                if (++i == lines.size()) throw new IllegalArgumentException(where + ": the code block is never closed");
            } while (!lines.get(i).startsWith(fence.group(1)));
            DocBlock block = block(where, fence.group(2), lines.subList(start, i), marker);
            if (block.language().isEmpty() && !block.isTranscript()) {
                throw new IllegalArgumentException(where + ": the code block names no language: `sh` for commands the "
                    + "docs check runs, `text` for output or a synopsis, or `java`, `json`, `xml`");
            }
            blocks.add(block);
            marker = null;
        }
        return blocks;
    }

    private static DocBlock block(String where, String language, List<String> lines, String marker) {
        if (marker == null) return new DocBlock(where, language, List.copyOf(lines), null, false);
        Matcher notRun = NOT_RUN.matcher(marker);
        if (notRun.matches()) return new DocBlock(where, language, List.copyOf(lines), notRun.group(1), false);
        if (marker.equals(VALUES_VARY)) return new DocBlock(where, language, List.copyOf(lines), null, true);
        throw new IllegalArgumentException(where + ": unknown example marker '" + marker
            + "': use <!-- example: not run (REASON) --> or <!-- example: " + VALUES_VARY + " -->");
    }
}

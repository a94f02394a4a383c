package org.openxpo.dist;

import java.util.ArrayList;
import java.util.List;

/** A transcript block split into its `$ command` lines, each with the output lines that follow it. */
record Transcript(List<Step> steps) {
    record Step(String command, List<String> expected) {}

    static Transcript of(List<String> lines) {
        List<Step> steps = new ArrayList<>();
        String command = null;
        List<String> expected = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("$ ")) {
                if (command != null) steps.add(new Step(command, trimTrailingBlanks(expected)));
                command = line.substring(2);
                expected = new ArrayList<>();
            } else {
                expected.add(line);
            }
        }
        if (command != null) steps.add(new Step(command, trimTrailingBlanks(expected)));
        return new Transcript(List.copyOf(steps));
    }

    /** A blank line between one command's output and the next command only separates them for the reader. */
    static List<String> trimTrailingBlanks(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) end--;
        return List.copyOf(lines.subList(0, end));
    }
}

package org.openxpo.dist;

import java.util.List;

/**
 * A fenced code block of a Markdown document, with the example marker written just before it, if any.
 *
 * @param where        file and line of the opening fence, for messages
 * @param language     the fence's info string (`sh`, `text`, `java`, ...), empty when it names none
 * @param lines        the block's content
 * @param notRunReason why the example is not run (`<!-- example: not run (REASON) -->`), or null
 * @param valuesVary   `<!-- example: measured values -->`: decimal numbers and times of day in the output are examples
 */
record DocBlock(String where, String language, List<String> lines, String notRunReason, boolean valuesVary) {
    /** A block whose first line is a `$ command`: commands and the output each must print. */
    boolean isTranscript() {
        return !lines.isEmpty() && lines.getFirst().startsWith("$ ");
    }

    /** A block of shell commands without expected output: run for their exit status. */
    boolean isCommands() {
        return !isTranscript() && (language.equals("sh") || language.equals("bash"));
    }

    boolean isExample() {
        return isTranscript() || isCommands();
    }
}

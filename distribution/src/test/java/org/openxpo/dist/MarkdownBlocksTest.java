package org.openxpo.dist;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MarkdownBlocksTest {
    @Test
    void findsTranscriptsCommandsAndTheMarkersBeforeThem() {
        List<DocBlock> blocks = MarkdownBlocks.parse(List.of(
            "Text.", "```sh", "./xpoctl show", "```",
            "<!-- example: not run (needs a Raspberry Pi) -->", "", "```sh", "gpiodetect", "```",
            "<!-- example: measured values -->", "```", "$ ./xpoctl show", "State  ModuleReady", "```",
            "```java", "var x = 1;", "```",
            "```text", "xpo-emulator: Unknown option", "```"), "doc.md");
        assertEquals(5, blocks.size());
        assertTrue(blocks.get(0).isCommands());
        assertEquals("needs a Raspberry Pi", blocks.get(1).notRunReason());
        assertEquals("doc.md:7", blocks.get(1).where());
        assertTrue(blocks.get(2).isTranscript());
        assertTrue(blocks.get(2).valuesVary());
        assertFalse(blocks.get(3).isExample());
        assertFalse(blocks.get(4).isExample());
    }

    @Test
    void aMarkerBelongsOnlyToTheBlockRightAfterIt() {
        List<DocBlock> blocks = MarkdownBlocks.parse(List.of(
            "<!-- example: not run (too long) -->", "Some words.", "```sh", "./run-tests", "```"), "doc.md");
        assertNull(blocks.getFirst().notRunReason());
    }

    @Test
    void aBlockWithoutALanguageOrAnUnknownMarkerIsAnError() {
        IllegalArgumentException untagged = assertThrows(IllegalArgumentException.class,
            () -> MarkdownBlocks.parse(List.of("", "```", "./release", "```"), "README.md"));
        assertTrue(untagged.getMessage().startsWith("README.md:2: the code block names no language"), untagged.getMessage());
        IllegalArgumentException marker = assertThrows(IllegalArgumentException.class,
            () -> MarkdownBlocks.parse(List.of("<!-- example: skip -->", "```sh", "./release", "```"), "README.md"));
        assertTrue(marker.getMessage().contains("unknown example marker 'skip'"), marker.getMessage());
    }

    @Test
    void aTranscriptSplitsIntoCommandsAndTheirOutput() {
        Transcript transcript = Transcript.of(List.of("$ ./xpoctl shwo", "xpoctl: unknown command 'shwo'", "",
            "$ echo $?", "2"));
        assertEquals(List.of(new Transcript.Step("./xpoctl shwo", List.of("xpoctl: unknown command 'shwo'")),
            new Transcript.Step("echo $?", List.of("2"))), transcript.steps());
    }
}

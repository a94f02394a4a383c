package org.openxpo.driver.example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example in docs/emulator-server.md is {@link LinkClientExampleTest} as it runs, imports and all. */
class LinkClientExampleDocTest {
    @Test
    void theDocShowsTheTestAsItRuns() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "emulator-server.md"));
        Matcher block = Pattern.compile("```java\n(import [^`]*?class LinkClientExampleTest[^`]*?)```").matcher(doc);
        assertTrue(block.find(), "docs/emulator-server.md shows LinkClientExampleTest");
        String source = Files.readString(Path.of("src", "test", "java", "org", "openxpo", "driver", "example",
            "LinkClientExampleTest.java"));
        String runnable = source.replaceFirst("(?s)^package [^;]+;\\s*", "").replaceFirst("(?s)/\\*\\*.*?\\*/\\s*(?=@EmulatedXpo)", "");
        assertEquals(runnable.strip(), block.group(1).strip());
    }
}
